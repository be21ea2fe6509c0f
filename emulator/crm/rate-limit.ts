import type { Clock } from '../clock';
import type { Plan } from './store';

/**
 * Per-account API limits (freshsales-api.md §8): 400 a minute, and an hourly limit by plan.
 * Fixed windows on the injectable clock. Every authenticated call counts, refused ones not.
 */
export const MINUTE_LIMIT = 400;
export const HOURLY_LIMITS: Record<Plan, number> = { free: 1000, growth: 1000, pro: 2000, enterprise: 5000 };

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

interface Window {
  size: number;
  limit: number;
  start: number;
  used: number;
}

export interface RateDecision {
  allowed: boolean;
  headers: Record<string, string>;
  /** On a refusal: whole seconds until every spent window has reset (at least 1), for `Retry-After`. */
  retryAfterSeconds?: number;
}

export interface WindowUsage {
  limit: number;
  used: number;
  resetsAt: number;
}

export class RateLimiter {
  private readonly minute: Window;
  private readonly hour: Window;

  constructor(
    private readonly clock: Clock,
    limits: { perMinute: number; perHour: number },
  ) {
    this.minute = { size: MINUTE_MS, limit: limits.perMinute, start: 0, used: 0 };
    this.hour = { size: HOUR_MS, limit: limits.perHour, start: 0, used: 0 };
  }

  static forPlan(clock: Clock, plan: Plan): RateLimiter {
    return new RateLimiter(clock, { perMinute: MINUTE_LIMIT, perHour: HOURLY_LIMITS[plan] });
  }

  /** Only for throughput benchmarks, where the limit itself would be what is measured. */
  static unlimited(clock: Clock): RateLimiter {
    return new RateLimiter(clock, { perMinute: Number.MAX_SAFE_INTEGER, perHour: Number.MAX_SAFE_INTEGER });
  }

  private roll(window: Window, now: number): void {
    const start = now - (now % window.size);
    if (start !== window.start) {
      window.start = start;
      window.used = 0;
    }
  }

  /** The window closest to running out decides what the headers report. */
  private binding(): Window {
    const minuteLeft = this.minute.limit - this.minute.used;
    const hourLeft = this.hour.limit - this.hour.used;
    return hourLeft < minuteLeft ? this.hour : this.minute;
  }

  private resetSeconds(window: Window): number {
    return Math.max(0, Math.ceil((window.start + window.size - this.clock.now()) / 1000));
  }

  headers(): Record<string, string> {
    const window = this.binding();
    return {
      'X-RateLimit-Limit': String(window.limit),
      'X-RateLimit-Remaining': String(Math.max(0, window.limit - window.used)),
      'X-RateLimit-Reset': String(this.resetSeconds(window)),
    };
  }

  /**
   * How long a refused caller must wait: until the later reset of the spent windows (a spent
   * hour outlasts the minute). Never 0, so a client that honours it cannot spin.
   */
  private retryAfterSeconds(): number {
    const spent = [this.minute, this.hour].filter((window) => window.used >= window.limit);
    return Math.max(1, ...spent.map((window) => this.resetSeconds(window)));
  }

  /** Counts one call if both windows allow it. */
  take(): RateDecision {
    const now = this.clock.now();
    this.roll(this.minute, now);
    this.roll(this.hour, now);
    const allowed = this.minute.used < this.minute.limit && this.hour.used < this.hour.limit;
    if (!allowed) return { allowed, headers: this.headers(), retryAfterSeconds: this.retryAfterSeconds() };
    this.minute.used += 1;
    this.hour.used += 1;
    return { allowed, headers: this.headers() };
  }

  usage(): { minute: WindowUsage; hour: WindowUsage } {
    const now = this.clock.now();
    this.roll(this.minute, now);
    this.roll(this.hour, now);
    const describe = (w: Window) => ({ limit: w.limit, used: w.used, resetsAt: w.start + w.size });
    return { minute: describe(this.minute), hour: describe(this.hour) };
  }
}
