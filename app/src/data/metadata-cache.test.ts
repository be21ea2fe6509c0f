import { createHost } from '../platform/host';
import { contactFieldSettings, dealFieldSettings } from '../test/crm-fixtures';
import { crmRejection, FakeClient } from '../test/fake-client';
import { createMetadataCache, METADATA_TTL_MS, pageStorage, type KeyValueStorage } from './metadata-cache';

/** A Map-backed storage the test can inspect and break. */
class MemoryStorage implements KeyValueStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}

/** A storage that can list its keys, as localStorage can. */
class ListableStorage extends MemoryStorage {
  get length(): number {
    return this.items.size;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
}

let clock = 1_000_000;
const now = () => clock;

beforeEach(() => {
  clock = 1_000_000;
});

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(options: { scope?: string | Promise<string>; storage?: KeyValueStorage; client?: FakeClient } = {}) {
  const client = options.client ?? new FakeClient();
  const cache = createMetadataCache(createHost(client), { scope: options.scope ?? 'acme.myfreshworks.com', now, storage: options.storage });
  return { client, cache };
}

const fieldNames = (result: Awaited<ReturnType<ReturnType<typeof setup>['cache']['fields']>>) =>
  result.ok ? result.value.map((field) => field.name) : result.failure.kind;

describe('createMetadataCache', () => {
  it('asks the CRM once per entity even when several callers ask at once', async () => {
    const { client, cache } = setup();
    const held = client.hold('getFieldSettings');
    const first = cache.fields('contacts');
    const second = cache.fields('contacts');
    await tick();
    expect(client.callsTo('getFieldSettings')).toHaveLength(1);
    expect(client.callsTo('getFieldSettings')[0]?.options?.context).toEqual({ entity: 'contacts' });

    held.resolve(contactFieldSettings());
    const [a, b] = await Promise.all([first, second]);
    expect(fieldNames(a)).toContain('cf_tier');
    expect(b).toEqual(a);
    expect(client.callsTo('getFieldSettings')).toHaveLength(1);
  });

  it('waits for a scope still on its way, and stores under the scope it got', async () => {
    const storage = new MemoryStorage();
    let giveScope: (scope: string) => void = () => undefined;
    const { client, cache } = setup({ storage, scope: new Promise<string>((resolve) => (giveScope = resolve)) });
    client.respond('getFieldSettings', contactFieldSettings());
    const pending = cache.fields('contacts');
    await tick();
    expect(client.callsTo('getFieldSettings')).toHaveLength(0);
    giveScope('beta.myfreshworks.com');
    expect(fieldNames(await pending)).toContain('cf_tier');
    expect([...storage.items.keys()]).toEqual(['companion:fields:v2:beta.myfreshworks.com:contacts']);
  });

  it('asks at once when no account has a fresh stored copy, and stores under the scope when it comes', async () => {
    const storage = new ListableStorage();
    storage.items.set('companion:fields:v2:acme.myfreshworks.com:deals', JSON.stringify({ savedAt: clock, fields: [] }));
    storage.items.set('companion:fields:v2:acme.myfreshworks.com:contacts', JSON.stringify({ savedAt: clock - METADATA_TTL_MS, fields: [] }));
    let giveScope: (scope: string) => void = () => undefined;
    const { client, cache } = setup({ storage, scope: new Promise<string>((resolve) => (giveScope = resolve)) });
    client.respond('getFieldSettings', contactFieldSettings());
    const first = cache.fields('contacts');
    const second = cache.fields('contacts');
    await tick();
    expect(client.callsTo('getFieldSettings')).toHaveLength(1);
    expect(fieldNames(await first)).toContain('cf_tier');
    expect(await second).toEqual(await first);
    expect(storage.items.has('companion:fields:v2:beta.myfreshworks.com:contacts')).toBe(false);
    giveScope('beta.myfreshworks.com');
    await tick();
    expect(storage.items.has('companion:fields:v2:beta.myfreshworks.com:contacts')).toBe(true);
  });

  it('waits for the scope when some account holds a fresh copy, and fetches for another account', async () => {
    const storage = new ListableStorage();
    storage.items.set('companion:fields:v2:globex.myfreshworks.com:contacts', JSON.stringify({ savedAt: clock, fields: [] }));
    let giveScope: (scope: string) => void = () => undefined;
    const { client, cache } = setup({ storage, scope: new Promise<string>((resolve) => (giveScope = resolve)) });
    client.respond('getFieldSettings', contactFieldSettings());
    const pending = cache.fields('contacts');
    await tick();
    expect(client.callsTo('getFieldSettings')).toHaveLength(0);
    giveScope('acme.myfreshworks.com');
    expect(fieldNames(await pending)).toContain('cf_tier');
    expect(client.callsTo('getFieldSettings')).toHaveLength(1);
  });

  it('asks at once when listing the storage throws, or there is no storage', async () => {
    const broken = new ListableStorage();
    broken.key = () => {
      throw new Error('SecurityError');
    };
    broken.items.set('x', 'y');
    for (const storage of [broken, undefined]) {
      const { client, cache } = setup({ storage, scope: new Promise<string>(() => undefined) });
      client.respond('getFieldSettings', contactFieldSettings());
      expect(fieldNames(await cache.fields('contacts'))).toContain('cf_tier');
    }
  });

  it('keeps entities apart', async () => {
    const { client, cache } = setup();
    client.respond('getFieldSettings', contactFieldSettings()).respond('getFieldSettings', dealFieldSettings());
    const [contacts, deals] = await Promise.all([cache.fields('contacts'), cache.fields('deals')]);
    expect(fieldNames(contacts)).toContain('lifecycle_stage_id');
    expect(fieldNames(deals)).toContain('deal_stage_id');
    expect(client.callsTo('getFieldSettings').map((call) => call.options?.context?.entity)).toEqual(['contacts', 'deals']);
  });

  it('turns the settings into field definitions (hidden fields kept and flagged, group fields left out)', async () => {
    const { client, cache } = setup();
    client.respond('getFieldSettings', contactFieldSettings());
    const result = await cache.fields('contacts');
    const names = fieldNames(result);
    expect(names).not.toContain('emails');
    expect(names).toEqual(expect.arrayContaining(['first_name', 'owner_id', 'contact_status_id', 'cf_interests', 'cf_hidden']));
    expect(result.ok && result.value.find((field) => field.name === 'cf_hidden')?.visible).toBe(false);
  });

  it('answers from memory within the time limit and asks again after it', async () => {
    const { client, cache } = setup();
    client.respondAlways('getFieldSettings', dealFieldSettings());
    await cache.fields('deals');
    clock += METADATA_TTL_MS - 1;
    expect(fieldNames(await cache.fields('deals'))).toContain('cf_sales_region');
    expect(client.callsTo('getFieldSettings')).toHaveLength(1);

    clock += 1;
    await cache.fields('deals');
    expect(client.callsTo('getFieldSettings')).toHaveLength(2);
  });

  it('honours a shorter ttl', async () => {
    const client = new FakeClient().respondAlways('getFieldSettings', dealFieldSettings());
    const cache = createMetadataCache(createHost(client), { scope: 'acme', now, ttlMs: 50 });
    await cache.fields('deals');
    clock += 50;
    await cache.fields('deals');
    expect(client.callsTo('getFieldSettings')).toHaveLength(2);
  });

  it('shares what it fetched with another page of the same account through storage', async () => {
    const storage = new MemoryStorage();
    const first = setup({ storage });
    first.client.respond('getFieldSettings', contactFieldSettings());
    const fetched = await first.cache.fields('contacts');

    const second = setup({ storage });
    expect(await second.cache.fields('contacts')).toEqual(fetched);
    expect(second.client.callsTo('getFieldSettings')).toHaveLength(0);
    expect([...storage.items.keys()]).toEqual(['companion:fields:v2:acme.myfreshworks.com:contacts']);
  });

  it('does not share across accounts', async () => {
    const storage = new MemoryStorage();
    const first = setup({ storage, scope: 'acme.myfreshworks.com' });
    first.client.respond('getFieldSettings', contactFieldSettings());
    await first.cache.fields('contacts');

    const other = setup({ storage, scope: 'globex.myfreshworks.com' });
    other.client.respond('getFieldSettings', contactFieldSettings());
    await other.cache.fields('contacts');
    expect(other.client.callsTo('getFieldSettings')).toHaveLength(1);
  });

  it('ignores a stored copy older than the time limit, or dated in the future', async () => {
    const storage = new MemoryStorage();
    const writer = setup({ storage });
    writer.client.respond('getFieldSettings', contactFieldSettings());
    await writer.cache.fields('contacts');

    clock += METADATA_TTL_MS;
    const late = setup({ storage });
    late.client.respond('getFieldSettings', contactFieldSettings());
    await late.cache.fields('contacts');
    expect(late.client.callsTo('getFieldSettings')).toHaveLength(1);

    clock -= 2 * METADATA_TTL_MS;
    const early = setup({ storage });
    early.client.respond('getFieldSettings', contactFieldSettings());
    await early.cache.fields('contacts');
    expect(early.client.callsTo('getFieldSettings')).toHaveLength(1);
  });

  it.each([
    ['not JSON', '{fields'],
    ['the wrong shape', JSON.stringify({ savedAt: 'yesterday', fields: 'none' })],
    ['JSON null', 'null'],
  ])('fetches when storage holds %s', async (_what, stored) => {
    const storage = new MemoryStorage();
    storage.items.set('companion:fields:v2:acme.myfreshworks.com:deals', stored);
    const { client, cache } = setup({ storage });
    client.respond('getFieldSettings', dealFieldSettings());
    expect(fieldNames(await cache.fields('deals'))).toContain('deal_stage_id');
    expect(client.callsTo('getFieldSettings')).toHaveLength(1);
  });

  it('works without storage when reading and writing it throw', async () => {
    const blocked: KeyValueStorage = {
      getItem: () => {
        throw new DOMException('blocked', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    const { client, cache } = setup({ storage: blocked });
    client.respond('getFieldSettings', dealFieldSettings());
    expect(fieldNames(await cache.fields('deals'))).toContain('owner_id');
    // The in-memory copy still serves the page.
    expect(fieldNames(await cache.fields('deals'))).toContain('owner_id');
    expect(client.callsTo('getFieldSettings')).toHaveLength(1);
  });

  it('does not keep a failure: the next caller asks again', async () => {
    const storage = new MemoryStorage();
    const { client, cache } = setup({ storage });
    client.reject('getFieldSettings', crmRejection(429, { errors: { code: 429, message: ['Too many requests'] } }));
    client.respond('getFieldSettings', dealFieldSettings());

    const failed = await cache.fields('deals');
    expect(failed.ok).toBe(false);
    expect(fieldNames(failed)).toBe('rate_limited');
    expect(storage.items.size).toBe(0);

    expect(fieldNames(await cache.fields('deals'))).toContain('deal_stage_id');
    expect(client.callsTo('getFieldSettings')).toHaveLength(2);
  });

  it('reports an answer that is not field settings as a bad response', async () => {
    const { client, cache } = setup();
    client.respond('getFieldSettings', { field: [] });
    expect(fieldNames(await cache.fields('contacts'))).toBe('bad_response');
  });
});

describe('pageStorage', () => {
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('is the page\'s localStorage when the sandbox allows it', () => {
    expect(pageStorage()).toBe(window.localStorage);
  });

  it('is undefined when touching localStorage throws', () => {
    jest.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    expect(pageStorage()).toBeUndefined();
  });
});
