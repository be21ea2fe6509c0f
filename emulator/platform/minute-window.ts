import type { Clock } from '../clock';
import type { Budget } from './inspector/inspector';

const MINUTE_MS = 60_000;

/**
 * "N per minute" for one installation. How the platform counts is not documented; a sliding
 * 60-second window is the stricter reading (a fixed window lets 2N through across a minute
 * boundary), so that is what is emulated.
 */
export class MinuteWindow {
  private readonly stamps: number[] = [];

  constructor(
    private readonly clock: Clock,
    readonly name: string,
    readonly limit: number,
  ) {}

  private prune(now: number): void {
    while (this.stamps.length > 0 && (this.stamps[0] as number) <= now - MINUTE_MS) this.stamps.shift();
  }

  /** Counts one call if the window has room; false means the caller gets a 429. */
  take(): boolean {
    const now = this.clock.now();
    this.prune(now);
    if (this.stamps.length >= this.limit) return false;
    this.stamps.push(now);
    return true;
  }

  budget(): Budget {
    const now = this.clock.now();
    this.prune(now);
    const oldest = this.stamps[0];
    return { name: this.name, limit: this.limit, used: this.stamps.length, resetsAt: oldest === undefined ? now : oldest + MINUTE_MS };
  }

  reset(): void {
    this.stamps.length = 0;
  }
}
