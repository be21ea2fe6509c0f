import { testHost } from '../../testing/host';
import { STATE_KEY } from '../state/app-state';
import { StateStore } from '../state/state-store';
import { BUDGET_POLICY, CallBudget } from './call-budget';

function setup(start = '2026-12-02T09:00:10Z') {
  const test = testHost(undefined, start);
  const budget = () => new CallBudget(test.host, new StateStore(test.host));
  const stored = async () => (await test.host.kv.get(STATE_KEY)) as { budget_minute: number; budget_used: number };
  return { ...test, budget, stored };
}

describe('CallBudget: the server takes at most 30 of the 50 calls a minute', () => {
  it('grants what is asked within the share and records it in the state key', async () => {
    const test = setup();
    const budget = test.budget();
    expect(await budget.reserve(12)).toBe(12);
    expect(budget.available).toBe(12);
    expect(await test.stored()).toMatchObject({ budget_minute: Math.floor(test.clock.now() / 60_000), budget_used: 12 });
  });

  it('invocations in the same minute share the 30: the third one gets what is left, then nothing', async () => {
    const test = setup();
    expect(await test.budget().reserve(20)).toBe(20);
    expect(await test.budget().reserve(20)).toBe(BUDGET_POLICY.serverRequestsPerMinute - 20);
    expect(await test.budget().reserve(1)).toBe(0);
    expect((await test.stored()).budget_used).toBe(30);
  });

  it('a new clock minute starts from zero', async () => {
    const test = setup();
    await test.budget().reserve(30);
    test.clock.advance(60_000);
    expect(await test.budget().reserve(5)).toBe(5);
    expect((await test.stored()).budget_used).toBe(5);
  });

  it('spending counts down and gives no call past the reservation', async () => {
    const test = setup();
    const budget = test.budget();
    await budget.reserve(2);
    expect(budget.canCall()).toBe(true);
    budget.spend();
    budget.spend();
    expect(budget.canCall()).toBe(false);
  });

  it('starts no call after 4 s of the invocation: the last one must end inside the 20 s limit', async () => {
    const test = setup();
    const budget = test.budget();
    await budget.reserve(5);
    test.clock.advance(BUDGET_POLICY.callStartCutoffMs - 1);
    expect(budget.canCall()).toBe(true);
    test.clock.advance(1);
    expect(budget.canCall()).toBe(false);
  });

  it('gives back what it reserved and did not spend', async () => {
    const test = setup();
    const budget = test.budget();
    await budget.reserve(10);
    budget.spend();
    await budget.release();
    expect((await test.stored()).budget_used).toBe(1);
    expect(await test.budget().reserve(30)).toBe(29);
  });

  it('a 429 marks the minute as used for every invocation and stops this one', async () => {
    const test = setup();
    const budget = test.budget();
    await budget.reserve(5);
    await budget.exhausted('HTTP 429 from Freshsales');
    expect(budget.canCall()).toBe(false);
    expect(budget.stopReason).toBe('HTTP 429 from Freshsales');
    expect(await budget.reserve(1)).toBe(0);
    expect(await test.budget().reserve(1)).toBe(0);
    await budget.release();
    expect((await test.stored()).budget_used).toBe(30);
  });

  it('grants nothing when the store will not answer (its own 50 a minute): the work waits in the queue', async () => {
    const test = setup();
    for (let index = 0; index < 50; index += 1) await test.host.kv.set(`filler-${index}`, { a: 1 }).catch(() => undefined);
    const budget = test.budget();
    expect(await budget.reserve(3)).toBe(0);
    expect(budget.canCall()).toBe(false);
    expect(test.logged()).toContain('deferring work to the queue');
  });

  it('asks for nothing when nothing is wanted', async () => {
    const test = setup();
    expect(await test.budget().reserve(0)).toBe(0);
    await expect(test.host.kv.get(STATE_KEY)).rejects.toMatchObject({ status: 404 });
  });
});

describe('CallBudget.take', () => {
  it('spends from the reservation, then reserves one more on the spot when the estimate fell short', async () => {
    const test = setup();
    const budget = test.budget();
    await budget.reserve(1);
    expect(await budget.take()).toBe(true);
    expect(await budget.take()).toBe(true);
    expect((await test.stored()).budget_used).toBe(2);
  });

  it('says no when the minute’s share is gone, when 4 s have passed, or after a 429', async () => {
    const shared = setup();
    await shared.budget().reserve(30);
    expect(await shared.budget().take()).toBe(false);
    const late = setup();
    const budget = late.budget();
    late.clock.advance(BUDGET_POLICY.callStartCutoffMs);
    expect(await budget.take()).toBe(false);
    const stopped = setup().budget();
    await stopped.exhausted('429');
    expect(await stopped.take()).toBe(false);
  });
});
