import { maxInFlight } from './sidebar-opens';

describe('maxInFlight', () => {
  it('counts calls that overlap, not calls in all', () => {
    const parallel = [{ startMs: 0, endMs: 150 }, { startMs: 5, endMs: 160 }, { startMs: 8, endMs: 155 }];
    expect(maxInFlight(parallel)).toBe(3);
    expect(maxInFlight([...parallel, { startMs: 400, endMs: 550 }])).toBe(3);
  });

  it('does not count a call that starts as another ends', () => {
    expect(maxInFlight([{ startMs: 0, endMs: 150 }, { startMs: 150, endMs: 300 }])).toBe(1);
  });

  it('is 0 without calls', () => {
    expect(maxInFlight([])).toBe(0);
  });
});
