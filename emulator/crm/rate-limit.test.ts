import { ManualClock } from '../clock';
import { HOURLY_LIMITS, MINUTE_LIMIT, RateLimiter } from './rate-limit';

describe('per-account API limits', () => {
  it('uses 400 a minute and the plan hourly limits of the reference', () => {
    expect(MINUTE_LIMIT).toBe(400);
    expect(HOURLY_LIMITS).toEqual({ free: 1000, growth: 1000, pro: 2000, enterprise: 5000 });
  });

  it('refuses past the hourly limit even when every minute stays under 400, until the hour turns', () => {
    const clock = new ManualClock('2026-11-02T09:00:00Z');
    const limiter = RateLimiter.forPlan(clock, 'growth');
    const allowedPerMinute: number[] = [];
    for (let minute = 0; minute < 3; minute += 1) {
      let allowed = 0;
      for (let i = 0; i < 350; i += 1) allowed += limiter.take().allowed ? 1 : 0;
      allowedPerMinute.push(allowed);
      clock.advance(60_000);
    }
    // 1,050 asked, 1,000 allowed: the last 50 of the third minute were refused.
    expect(allowedPerMinute).toEqual([350, 350, 300]);
    const usage = limiter.usage();
    expect(usage.hour).toEqual({ limit: 1000, used: 1000, resetsAt: Date.parse('2026-11-02T10:00:00Z') });
    const refused = limiter.take();
    expect(refused.allowed).toBe(false);
    expect(refused.headers).toEqual({ 'X-RateLimit-Limit': '1000', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(57 * 60) });
    // The hour is spent: waiting for the next minute would not help.
    expect(refused.retryAfterSeconds).toBe(57 * 60);
    clock.set('2026-11-02T10:00:00Z');
    expect(limiter.take().allowed).toBe(true);
  });

  it('tells a refused caller how many whole seconds until the spent minute resets, never 0', () => {
    const clock = new ManualClock('2026-11-02T09:00:10.400Z');
    const limiter = new RateLimiter(clock, { perMinute: 2, perHour: 100 });
    expect([limiter.take(), limiter.take()].map((decision) => decision.retryAfterSeconds)).toEqual([undefined, undefined]);
    expect(limiter.take()).toMatchObject({ allowed: false, retryAfterSeconds: 50 });
    clock.set('2026-11-02T09:00:59.900Z');
    expect(limiter.take()).toMatchObject({ allowed: false, retryAfterSeconds: 1 });
    clock.set('2026-11-02T09:01:00Z');
    expect(limiter.take().allowed).toBe(true);
  });

  it('reports whichever window is closer to running out', () => {
    const clock = new ManualClock('2026-11-02T09:59:50Z');
    const limiter = RateLimiter.forPlan(clock, 'enterprise');
    expect(limiter.take().headers).toEqual({ 'X-RateLimit-Limit': '400', 'X-RateLimit-Remaining': '399', 'X-RateLimit-Reset': '10' });
  });
});
