/**
 * Growing delays between attempts of one item (a webhook delivery or an automation job that a
 * 429, a 5xx or a network error stopped): 1 min, 5 min, 15 min, 1 h, 2 h, 4 h, 8 h, then every
 * 12 h. With the default of 8 attempts a delivery is retried for about 15 hours before it is
 * dead. A `Retry-After` the other side sent is honoured when it asks for longer.
 */
const DELAYS_MINUTES = [1, 5, 15, 60, 120, 240, 480, 720];
const MINUTE_MS = 60_000;

/** The wait after the `failures`-th failed attempt (1-based). */
export function retryDelayMs(failures: number, retryAfterSeconds?: number): number {
  const index = Math.min(Math.max(failures, 1), DELAYS_MINUTES.length) - 1;
  const delay = (DELAYS_MINUTES[index] as number) * MINUTE_MS;
  return retryAfterSeconds === undefined ? delay : Math.max(delay, retryAfterSeconds * 1000);
}
