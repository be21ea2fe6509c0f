import { fail, ok } from '../../../common/validation';
import { cachedSelector, sharedSelector } from './selector-cache';

const FAILURE = { kind: 'server_error' as const, messages: [], detail: 'HTTP 500' };

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value), items };
}

describe('cachedSelector', () => {
  it('asks once for concurrent callers and again only after the TTL', async () => {
    let time = 1000;
    const load = jest.fn(() => Promise.resolve(ok([time])));
    const cached = cachedSelector(load, { now: () => time, ttlMs: 100 });
    const [a, b] = await Promise.all([cached(), cached()]);
    expect(a).toEqual(b);
    expect(load).toHaveBeenCalledTimes(1);
    time += 99;
    await cached();
    expect(load).toHaveBeenCalledTimes(1);
    time += 1;
    expect(await cached()).toEqual(ok([1100]));
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('does not keep a failure', async () => {
    const load = jest.fn().mockResolvedValueOnce(fail(FAILURE)).mockResolvedValueOnce(ok('value'));
    const cached = cachedSelector(load as () => Promise<ReturnType<typeof ok<string>>>);
    expect(await cached()).toEqual(fail(FAILURE));
    expect(await cached()).toEqual(ok('value'));
  });

  it('shares through storage, trusting only what revives and is fresh', async () => {
    const storage = memoryStorage({ k: JSON.stringify({ savedAt: 50, value: ['stored'] }) });
    const options = { now: () => 100, ttlMs: 100, storage, storageKey: () => Promise.resolve('k'), revive: (stored: unknown) => (Array.isArray(stored) ? (stored as string[]) : undefined) };
    const load = jest.fn(() => Promise.resolve(ok(['fetched'])));
    expect(await cachedSelector(load, options)()).toEqual(ok(['stored']));
    expect(load).not.toHaveBeenCalled();

    storage.items.set('k', JSON.stringify({ savedAt: 50, value: 'not a list' }));
    expect(await cachedSelector(load, options)()).toEqual(ok(['fetched']));
    expect(JSON.parse(storage.items.get('k') ?? '')).toEqual({ savedAt: 100, value: ['fetched'] });

    storage.items.set('k', '{not json');
    expect(await cachedSelector(load, options)()).toEqual(ok(['fetched']));
  });

  it('works when storage throws', async () => {
    const storage = { getItem: () => { throw new Error('blocked'); }, setItem: () => { throw new Error('blocked'); } };
    const load = jest.fn(() => Promise.resolve(ok(1)));
    expect(await cachedSelector(load, { storage, storageKey: () => Promise.resolve('k'), revive: () => 1 })()).toEqual(ok(1));
  });
});

describe('sharedSelector', () => {
  it('hands out one loader per owner and name', () => {
    const owner = {};
    const make = jest.fn(() => () => Promise.resolve(ok(1)));
    expect(sharedSelector(owner, 'a', make)).toBe(sharedSelector(owner, 'a', make));
    expect(sharedSelector(owner, 'b', make)).not.toBe(sharedSelector(owner, 'a', make));
    expect(sharedSelector({}, 'a', make)).not.toBe(sharedSelector(owner, 'a', make));
    expect(make).toHaveBeenCalledTimes(3);
  });
});
