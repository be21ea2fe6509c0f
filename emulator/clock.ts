/**
 * Time for everything the emulator limits or schedules (rate windows, TTLs, schedules), so
 * tests can move it instead of waiting.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that only moves when told to. */
export class ManualClock implements Clock {
  private current: number;

  constructor(start: number | string = '2026-11-02T09:00:00Z') {
    this.current = typeof start === 'number' ? start : Date.parse(start);
  }

  now(): number {
    return this.current;
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`cannot advance the clock by ${ms} ms`);
    this.current += ms;
  }

  set(at: number | string): void {
    this.current = typeof at === 'number' ? at : Date.parse(at);
  }
}
