import type { Host } from '../platform/host';
import type { StateStore } from '../state/state-store';

/**
 * The request-budget policy (issue #9 §5). The platform allows 50 request-method calls a
 * minute per installation, shared by the sidebars and the server (platform.md §2.7). The
 * server takes at most 30 of them in any clock minute, so at least 20 stay for people opening
 * sidebars (a warm open costs 1). What does not fit waits in the queue for a later minute.
 *
 * Time: an invocation may run 20 s and one call may take 15 s (§2.6, §5.6), so no call starts
 * after 4 s: the last one ends by 19 s and leaves a second to record what happened.
 */
export const BUDGET_POLICY = {
  platformRequestsPerMinute: 50,
  serverRequestsPerMinute: 30,
  callStartCutoffMs: 4_000,
} as const;

const MINUTE_MS = 60_000;

export class CallBudget {
  private granted = 0;
  private spent = 0;
  private stopped?: string;

  constructor(
    private readonly host: Host,
    private readonly state: StateStore,
    private readonly perMinute: number = BUDGET_POLICY.serverRequestsPerMinute,
  ) {}

  /** Calls still available to this invocation (reserved and not spent). */
  get available(): number {
    return this.stopped === undefined ? this.granted - this.spent : 0;
  }

  /** Why calls stopped early (a 429 answer), if they did. */
  get stopReason(): string | undefined {
    return this.stopped;
  }

  private minute(): number {
    return Math.floor(this.host.now() / MINUTE_MS);
  }

  /**
   * Reserves up to `wanted` more calls in this minute's server share; resolves how many were
   * granted (0 when the share is used up or the state cannot be read).
   */
  async reserve(wanted: number): Promise<number> {
    const state = wanted > 0 && this.stopped === undefined ? await this.state.read() : undefined;
    if (state === undefined) return 0;
    const minute = this.minute();
    const sameMinute = state.budget_minute === minute;
    const grant = Math.min(wanted, Math.max(0, this.perMinute - (sameMinute ? state.budget_used : 0)));
    if (grant === 0 || !(await this.record(sameMinute, minute, grant))) return 0;
    this.granted += grant;
    return grant;
  }

  /** Counts the grant in the stored state: an atomic increment within the minute. */
  private record(sameMinute: boolean, minute: number, grant: number): Promise<boolean> {
    return sameMinute ? this.state.increment({ budget_used: grant }) : this.state.set({ budget_minute: minute, budget_used: grant });
  }

  /** True when one more call may start now: reserved, not stopped, and early enough. */
  canCall(): boolean {
    return this.available > 0 && this.withinTime();
  }

  spend(): void {
    this.spent += 1;
  }

  /** Whether a call could start now, reserving one if none is left (without spending it). */
  async hasRoom(): Promise<boolean> {
    if (this.available === 0 && this.withinTime()) await this.reserve(1);
    return this.canCall();
  }

  /**
   * One call, now: from what was reserved, or reserved on the spot when the estimate fell
   * short (one more store operation). False when the share, the time or a 429 says no.
   */
  async take(): Promise<boolean> {
    if (!(await this.hasRoom())) return false;
    this.spend();
    return true;
  }

  private withinTime(): boolean {
    return this.host.now() - this.host.startedAt < BUDGET_POLICY.callStartCutoffMs;
  }

  /**
   * A 429 (the platform's 50 a minute or the CRM's own limit): stop calling in this
   * invocation and mark this minute's share as used, so other invocations back off too.
   */
  async exhausted(reason: string): Promise<void> {
    if (this.stopped !== undefined) return;
    this.stopped = reason;
    await this.state.set({ budget_minute: this.minute(), budget_used: this.perMinute });
  }

  /** Gives back what was reserved and not spent, so the minute's share is not wasted. */
  async release(): Promise<void> {
    const unused = this.granted - this.spent;
    this.granted = this.spent;
    if (unused <= 0 || this.stopped !== undefined) return;
    const state = await this.state.read();
    if (state?.budget_minute === this.minute()) await this.state.increment({ budget_used: -unused });
  }
}
