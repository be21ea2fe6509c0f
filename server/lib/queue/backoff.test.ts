import { retryDelayMs } from './backoff';

const MINUTE = 60_000;

describe('retryDelayMs', () => {
  it.each([
    [1, 1],
    [2, 5],
    [3, 15],
    [4, 60],
    [5, 120],
    [6, 240],
    [7, 480],
    [8, 720],
  ])('waits after failure %i for %i minutes', (failures, minutes) => {
    expect(retryDelayMs(failures)).toBe(minutes * MINUTE);
  });

  it.each([9, 20, 1000])('caps the wait at 12 hours after failure %i', (failures) => {
    expect(retryDelayMs(failures)).toBe(720 * MINUTE);
  });

  it.each([0, -3])('reads failure %i as the first', (failures) => {
    expect(retryDelayMs(failures)).toBe(MINUTE);
  });

  it('adds up to about 15 hours over the default eight attempts', () => {
    const total = [1, 2, 3, 4, 5, 6, 7].reduce((sum, failures) => sum + retryDelayMs(failures), 0);
    expect(total).toBe((1 + 5 + 15 + 60 + 120 + 240 + 480) * MINUTE);
    expect(total / (60 * MINUTE)).toBeCloseTo(15.35, 2);
  });

  it('honours a Retry-After that asks for longer', () => {
    expect(retryDelayMs(1, 600)).toBe(600_000);
    expect(retryDelayMs(4, 7200)).toBe(7_200_000);
  });

  it('keeps its own delay when Retry-After asks for less or the same', () => {
    expect(retryDelayMs(1, 30)).toBe(MINUTE);
    expect(retryDelayMs(1, 60)).toBe(MINUTE);
    expect(retryDelayMs(4, 600)).toBe(60 * MINUTE);
    expect(retryDelayMs(2, 0)).toBe(5 * MINUTE);
  });
});
