import { ManualClock } from '../clock';
import { MinuteWindow } from './minute-window';

describe('MinuteWindow', () => {
  it('allows N calls in any 60 seconds, and frees each slot a minute after it was used', () => {
    const clock = new ManualClock('2026-11-02T09:00:30Z');
    const window = new MinuteWindow(clock, 'request method', 50);
    for (let i = 0; i < 50; i += 1) expect(window.take()).toBe(true);
    expect(window.take()).toBe(false);
    // Across the minute boundary a fixed window would reset; the sliding one does not.
    clock.set('2026-11-02T09:01:05Z');
    expect(window.take()).toBe(false);
    expect(window.budget()).toEqual({ name: 'request method', limit: 50, used: 50, resetsAt: Date.parse('2026-11-02T09:01:30Z') });
    clock.set('2026-11-02T09:01:30Z');
    expect(window.take()).toBe(true);
    expect(window.budget().used).toBe(1);
  });

  it('can be reset, as uninstalling does', () => {
    const clock = new ManualClock();
    const window = new MinuteWindow(clock, 'kv', 2);
    window.take();
    window.take();
    window.reset();
    expect(window.take()).toBe(true);
  });
});
