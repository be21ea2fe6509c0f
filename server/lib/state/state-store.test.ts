import { testHost } from '../../testing/host';
import { STATE_KEY, STATE_VERSION } from './app-state';
import { StateStore } from './state-store';

describe('StateStore', () => {
  it('reads an absent key as the empty state without writing it', async () => {
    const test = testHost();
    const state = await new StateStore(test.host).read();
    expect(state).toMatchObject({ v: STATE_VERSION, budget_used: 0, webhook_gone: null, meta: null });
    await expect(test.host.kv.get(STATE_KEY)).rejects.toMatchObject({ status: 404 });
  });

  it('reads once per invocation', async () => {
    const test = testHost();
    const get = jest.spyOn(test.host.kv, 'get');
    const store = new StateStore(test.host);
    await store.read();
    await store.read();
    expect(get).toHaveBeenCalledTimes(1);
  });

  it('migrates a v0 value when it reads it, and writes the new version back', async () => {
    const test = testHost();
    await test.host.kv.set(STATE_KEY, { budget: { minute: 7, used: 3 }, gone_url: 'https://hooks.example.com/x' });
    const state = await new StateStore(test.host).read();
    expect(state).toMatchObject({ v: 1, budget_minute: 7, budget_used: 3, webhook_gone: { url: 'https://hooks.example.com/x' } });
    expect(await test.host.kv.get(STATE_KEY)).toMatchObject({ v: 1, budget_minute: 7, budget_used: 3 });
  });

  it('the first write stores the whole state, so the key always carries its version', async () => {
    const test = testHost();
    const store = new StateStore(test.host);
    expect(await store.increment({ budget_used: 4 })).toBe(true);
    expect(await test.host.kv.get(STATE_KEY)).toMatchObject({ v: 1, budget_used: 4, webhook_gone: null });
  });

  it('later writes touch only their fields, so two invocations do not undo each other', async () => {
    const test = testHost();
    await new StateStore(test.host).set({ budget_minute: 1, budget_used: 1 });
    const first = new StateStore(test.host);
    const second = new StateStore(test.host);
    await first.read();
    await second.read();
    await first.set({ webhook_gone: { url: 'https://gone.example.com/', at: 5 } });
    await second.increment({ budget_used: 2 });
    expect(await test.host.kv.get(STATE_KEY)).toMatchObject({ budget_used: 3, webhook_gone: { url: 'https://gone.example.com/', at: 5 } });
  });

  it('says so when the store refuses: read → undefined, writes → false, with a log line', async () => {
    const test = testHost();
    for (let index = 0; index < 50; index += 1) await test.host.kv.set(`filler-${index}`, { a: 1 });
    const store = new StateStore(test.host);
    expect(await store.read()).toBeUndefined();
    expect(await store.set({ budget_used: 1 })).toBe(false);
    expect(test.logged()).toMatch(/could not read companion:state \(429/);
  });

  it('a write refused after a good read is reported', async () => {
    const test = testHost();
    const store = new StateStore(test.host);
    await store.read();
    jest.spyOn(test.host.kv, 'set').mockRejectedValueOnce({ status: 429, message: 'Rate limit exceeded' });
    expect(await store.set({ budget_used: 1 })).toBe(false);
    expect(test.logged()).toContain('could not write companion:state (429 Rate limit exceeded)');
  });
});
