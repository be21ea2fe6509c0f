import { ManualClock } from '../../clock';
import { Inspector } from '../inspector/inspector';
import { MinuteWindow } from '../minute-window';
import type { EntityApi, LoadedApp, PlatformErrorShape } from '../types';
import { Db, EntityStorage, type EntityLimits } from './entities';
import { EntityError } from './entity-errors';
import { toRejection } from './errors';
import { KvStore } from './kv';

const SCHEMA: NonNullable<LoadedApp['entities']> = {
  deliveries: {
    fields: [
      { name: 'event_id', label: 'Event', type: 'text', required: true, filterable: true },
      { name: 'body', type: 'paragraph' },
      { name: 'attempts', type: 'integer', filterable: true },
      { name: 'score', type: 'float' },
      { name: 'received_at', type: 'datetime' },
      { name: 'due_on', type: 'date' },
      { name: 'applied', type: 'boolean', filterable: true },
      { name: 'state', type: 'enum', filterable: true, choices: [{ id: 1, value: 'queued' }, { id: 2, value: 'done' }, { id: 3, value: 'failed' }] },
      { name: 'layout', type: 'section' },
    ],
  },
};

async function failure(promise: Promise<unknown>): Promise<PlatformErrorShape> {
  try {
    await promise;
  } catch (error) {
    return toRejection(error);
  }
  throw new Error('expected the call to reject');
}

describe('EntityStorage', () => {
  let clock: ManualClock;
  let inspector: Inspector;

  const storage = (limits: Partial<EntityLimits> = {}, perMinute = 250): EntityStorage =>
    new EntityStorage(SCHEMA, clock, new MinuteWindow(clock, 'entity storage (250/min)', perMinute), inspector, limits);
  const deliveries = (store: EntityStorage): EntityApi => store.entity({ version: 'v1' }).get('deliveries');

  beforeEach(() => {
    clock = new ManualClock('2026-11-02T09:00:00Z');
    inspector = new Inspector(clock);
  });

  describe('records', () => {
    it('creates, reads, replaces and deletes a record', async () => {
      const api = deliveries(storage());
      const created = await api.create({ event_id: 'evt-1', attempts: 0, state: 'queued', received_at: '2026-11-02T08:59:00.000Z', due_on: '2026-11-03' });
      expect(created).toEqual({
        record: {
          display_id: expect.any(String) as string,
          created_time: clock.now(),
          updated_time: clock.now(),
          data: { event_id: 'evt-1', attempts: 0, state: 'queued', received_at: '2026-11-02T08:59:00.000Z', due_on: '2026-11-03' },
        },
      });
      const id = created.record.display_id;
      await expect(api.get(id)).resolves.toEqual(created);

      clock.advance(1000);
      const updated = await api.update(id, { event_id: 'evt-1', attempts: 1, state: 'done', applied: true });
      // update replaces the data, it does not merge.
      expect(updated.record).toEqual({ display_id: id, created_time: created.record.created_time, updated_time: clock.now(), data: { event_id: 'evt-1', attempts: 1, state: 'done', applied: true } });

      await expect(api.delete(id)).resolves.toEqual({});
      expect(await failure(api.get(id))).toEqual({
        status: 404,
        message: 'Record not found',
        errors: [{ name: 'display_id', message: `No record with display_id '${id}' in entity 'deliveries'` }],
        errorSource: 'PLATFORM',
      });
      expect((await failure(api.update(id, { event_id: 'x' }))).status).toBe(404);
      expect((await failure(api.delete(id))).status).toBe(404);
    });

    it('gives each record its own string display_id, never reused after a delete', async () => {
      const api = deliveries(storage());
      const first = (await api.create({ event_id: 'a' })).record.display_id;
      await api.delete(first);
      const second = (await api.create({ event_id: 'b' })).record.display_id;
      expect(typeof second).toBe('string');
      expect(second).not.toBe(first);
    });

    it('keeps its own copies of records', async () => {
      const api = deliveries(storage());
      const data = { event_id: 'a', attempts: 1 };
      const { record } = await api.create(data);
      data.attempts = 9;
      record.data.attempts = 8;
      expect((await api.get(record.display_id)).record.data).toEqual({ event_id: 'a', attempts: 1 });
    });

    it('refuses a display_id that is not a string', async () => {
      const result = await failure(deliveries(storage()).get(1 as unknown as string));
      expect(result).toMatchObject({ status: 400, errors: [{ name: 'display_id' }] });
    });

    it('returns the entity schema', async () => {
      await expect(deliveries(storage()).schema()).resolves.toEqual({ name: 'deliveries', fields: SCHEMA.deliveries?.fields });
    });
  });

  describe('validation', () => {
    it.each([
      ['a missing required field', { attempts: 1 }, 'event_id', "'event_id' is required"],
      ['an empty required text', { event_id: '' }, 'event_id', "'event_id' is required"],
      ['a field not in the schema', { event_id: 'a', colour: 'red' }, 'colour', "'colour' is not a field of entity 'deliveries'"],
      ['a section field', { event_id: 'a', layout: 'x' }, 'layout', "'layout' is not a field of entity 'deliveries'"],
      ['text over 64 characters', { event_id: 'e'.repeat(65) }, 'event_id', "'event_id' must be at most 64 characters (got 65)"],
      ['paragraph over 2048 characters', { event_id: 'a', body: 'b'.repeat(2049) }, 'body', "'body' must be at most 2048 characters (got 2049)"],
      ['a non-integer integer', { event_id: 'a', attempts: 1.5 }, 'attempts', "'attempts' must be an integer"],
      ['a numeric string for an integer', { event_id: 'a', attempts: '1' }, 'attempts', "'attempts' must be an integer"],
      ['Infinity for a float', { event_id: 'a', score: Infinity }, 'score', "'score' must be a number"],
      ['a date-time without zone', { event_id: 'a', received_at: '2026-11-02T08:59:00' }, 'received_at', expect.stringContaining('ISO-8601') as string],
      ['an impossible date', { event_id: 'a', due_on: '2026-02-30' }, 'due_on', "'due_on' must be a date as YYYY-MM-DD"],
      ['a string for a boolean', { event_id: 'a', applied: 'true' }, 'applied', "'applied' must be true or false"],
      ['an enum choice id instead of its value', { event_id: 'a', state: 1 }, 'state', "'state' must be one of the choice values: queued, done, failed"],
      ['an enum value not among the choices', { event_id: 'a', state: 'lost' }, 'state', "'state' must be one of the choice values: queued, done, failed"],
    ])('refuses %s', async (_name, data, field, message) => {
      const result = await failure(deliveries(storage()).create(data));
      expect(result).toEqual({ status: 400, message: 'Invalid request', errors: [{ name: field, message }], errorSource: 'PLATFORM' });
    });

    it('accepts every type at its limits, and null for optional fields', async () => {
      const data = {
        event_id: 'e'.repeat(64),
        body: 'b'.repeat(2048),
        attempts: -3,
        score: 0.25,
        received_at: '2026-11-02T10:00:00+05:30',
        due_on: '2028-02-29',
        applied: false,
        state: 'failed',
      };
      // Properties set to undefined are no properties (JSON drops them), even unknown ones.
      await expect(deliveries(storage()).create({ ...data, layout: undefined, note: undefined })).resolves.toMatchObject({ record: { data } });
      expect(Object.keys((await deliveries(storage()).create({ ...data, note: undefined })).record.data)).not.toContain('note');
      await expect(deliveries(storage()).create(data)).resolves.toMatchObject({ record: { data } });
      await expect(deliveries(storage()).create({ event_id: 'a', attempts: null })).resolves.toMatchObject({ record: { data: { event_id: 'a', attempts: null } } });
    });

    it('lists every problem at once', async () => {
      const result = await failure(deliveries(storage()).create({ colour: 1, attempts: 'x' }));
      expect((result.errors as Array<{ name: string }>).map((issue) => issue.name)).toEqual(['colour', 'event_id', 'attempts']);
    });

    it('checks update data like create data', async () => {
      const api = deliveries(storage());
      const { record } = await api.create({ event_id: 'a', attempts: 1 });
      expect(await failure(api.update(record.display_id, { attempts: 2 }))).toMatchObject({ status: 400, errors: [{ name: 'event_id', message: "'event_id' is required" }] });
      await expect(api.get(record.display_id)).resolves.toMatchObject({ record: { data: { event_id: 'a', attempts: 1 } } });
    });

    it('refuses data that is not an object', async () => {
      expect(await failure(deliveries(storage()).create(['a'] as unknown as Record<string, unknown>))).toMatchObject({ status: 400, errors: [{ name: 'data' }] });
    });
  });

  describe('getAll', () => {
    async function seeded(limits: Partial<EntityLimits> = {}): Promise<EntityApi> {
      const api = deliveries(storage(limits));
      const rows: Array<[string, number, string, boolean]> = [
        ['e1', 0, 'queued', false],
        ['e2', 1, 'failed', false],
        ['e3', 2, 'failed', true],
        ['e4', 0, 'done', true],
        ['e5', 3, 'queued', false],
      ];
      for (const [event_id, attempts, state, applied] of rows) await api.create({ event_id, attempts, state, applied });
      return api;
    }
    const ids = (page: { records: Array<{ data: Record<string, unknown> }> }): unknown[] => page.records.map((record) => record.data.event_id);

    it('returns every record in creation order with no query, and no next link when it all fits', async () => {
      const api = await seeded();
      const page = await api.getAll();
      expect(ids(page)).toEqual(['e1', 'e2', 'e3', 'e4', 'e5']);
      expect(page.links).toEqual({});
    });

    it('filters by field equality, several fields meaning all of them', async () => {
      const api = await seeded();
      expect(ids(await api.getAll({ query: { state: 'failed' } }))).toEqual(['e2', 'e3']);
      expect(ids(await api.getAll({ query: { state: 'failed', applied: true } }))).toEqual(['e3']);
      expect(ids(await api.getAll({ query: { event_id: 'nope' } }))).toEqual([]);
    });

    it('supports $and and $or, nested', async () => {
      const api = await seeded();
      expect(ids(await api.getAll({ query: { $or: [{ state: 'done' }, { attempts: 3 }] } }))).toEqual(['e4', 'e5']);
      expect(ids(await api.getAll({ query: { $and: [{ applied: false }, { $or: [{ state: 'queued' }, { attempts: 1 }] }] } }))).toEqual(['e1', 'e2', 'e5']);
    });

    it('refuses fields that are not filterable or not in the schema, other operators and mistyped values', async () => {
      const api = await seeded();
      expect(await failure(api.getAll({ query: { score: 1 } }))).toMatchObject({ status: 400, errors: [{ name: 'score', message: expect.stringContaining('not filterable') as string }] });
      expect(await failure(api.getAll({ query: { colour: 'red' } }))).toMatchObject({ errors: [{ name: 'colour' }] });
      expect(await failure(api.getAll({ query: { attempts: { $gt: 1 } } }))).toMatchObject({ errors: [{ name: 'attempts', message: "'attempts': only equality to a value is supported" }] });
      expect(await failure(api.getAll({ query: { $not: [{ state: 'done' }] } }))).toMatchObject({ errors: [{ name: 'query' }] });
      expect(await failure(api.getAll({ query: { $or: [] } }))).toMatchObject({ errors: [{ name: 'query', message: "'$or' takes a non-empty array of queries" }] });
      expect(await failure(api.getAll({ query: { attempts: '1' } }))).toMatchObject({ errors: [{ name: 'attempts' }] });
    });

    it('pages with links.next.marker, queries included', async () => {
      const api = await seeded({ pageSize: 2 });
      const first = await api.getAll();
      expect(ids(first)).toEqual(['e1', 'e2']);
      const second = await api.getAll({ next: first.links.next as { marker: string } });
      expect(ids(second)).toEqual(['e3', 'e4']);
      const third = await api.getAll({ next: second.links.next as { marker: string } });
      expect(ids(third)).toEqual(['e5']);
      expect(third.links.next).toBeUndefined();

      const queued = await api.getAll({ query: { applied: false }, next: undefined });
      expect(ids(queued)).toEqual(['e1', 'e2']);
      expect(ids(await api.getAll({ query: { applied: false }, next: queued.links.next as { marker: string } }))).toEqual(['e5']);
    });

    it('keeps paging right when records are deleted between pages', async () => {
      const api = await seeded({ pageSize: 2 });
      const first = await api.getAll();
      await api.delete(first.records[1]?.display_id as string);
      await api.delete((await api.getAll({ query: { event_id: 'e3' } })).records[0]?.display_id as string);
      expect(ids(await api.getAll({ next: first.links.next as { marker: string } }))).toEqual(['e4', 'e5']);
    });

    it('refuses a marker it did not hand out', async () => {
      const api = await seeded();
      expect(await failure(api.getAll({ next: { marker: 'bogus' } }))).toMatchObject({ status: 400, errors: [{ name: 'marker' }] });
      expect(await failure(api.getAll({ next: 'x' as unknown as { marker: string } }))).toMatchObject({ status: 400, errors: [{ name: 'marker' }] });
    });
  });

  describe('limits', () => {
    it('refuses a record beyond the per-entity record limit until one is deleted', async () => {
      const api = deliveries(storage({ maxRecords: 3 }));
      const ids: string[] = [];
      for (const event_id of ['a', 'b', 'c']) ids.push((await api.create({ event_id })).record.display_id);
      expect(await failure(api.create({ event_id: 'd' }))).toEqual({
        status: 400,
        message: 'Record limit reached',
        errors: [{ name: 'entity', message: "Entity 'deliveries' already holds 3 records, the most it may hold" }],
        errorSource: 'PLATFORM',
      });
      await api.delete(ids[0] as string);
      await expect(api.create({ event_id: 'd' })).resolves.toMatchObject({ record: { data: { event_id: 'd' } } });
    });

    it('refuses a record over the size limit, on create and update', async () => {
      const api = deliveries(storage({ maxRecordBytes: 100 }));
      const small = { event_id: 'a', body: 'b'.repeat(50) };
      const { record } = await api.create(small);
      const big = { event_id: 'a', body: 'b'.repeat(100) };
      expect(await failure(api.create(big))).toMatchObject({ status: 400, errors: [{ name: 'data', message: expect.stringContaining('at most 100 bytes') as string }] });
      expect(await failure(api.update(record.display_id, big))).toMatchObject({ status: 400, errors: [{ name: 'data' }] });
    });

    it('answers operations over the per-minute budget with 429, failed ones included', async () => {
      const api = deliveries(storage({}, 3));
      await api.create({ event_id: 'a' });
      await failure(api.get('404'));
      await api.getAll();
      expect(await failure(api.schema())).toMatchObject({ status: 429, message: 'Rate limit exceeded', errorSource: 'PLATFORM' });
      clock.advance(60_000);
      await expect(api.getAll()).resolves.toMatchObject({ records: [{ data: { event_id: 'a' } }] });
    });
  });

  describe('entities and versions', () => {
    it('rejects every operation on an entity the schema does not define', async () => {
      const api = storage().entity({ version: 'v1' }).get('orders');
      expect(await failure(api.create({ a: 1 }))).toEqual({
        status: 404,
        message: 'Entity not found',
        errors: [{ name: 'entity', message: "Entity 'orders' is not defined in config/entities.json" }],
        errorSource: 'PLATFORM',
      });
      expect((await failure(api.getAll())).status).toBe(404);
    });

    it('rejects a version other than v1', async () => {
      const api = storage().entity({ version: 'v2' }).get('deliveries');
      expect(await failure(api.getAll())).toMatchObject({ status: 400, errors: [{ name: 'version' }] });
    });

    it('records each operation in the inspector', async () => {
      const api = deliveries(storage());
      await api.create({ event_id: 'a' });
      await failure(api.get('999'));
      expect(inspector.entries('store')).toEqual([
        { kind: 'store', api: 'entity', operation: 'create', key: 'deliveries', ok: true, at: clock.now() },
        { kind: 'store', api: 'entity', operation: 'get', key: 'deliveries/999', ok: false, error: '404 Record not found', at: clock.now() },
      ]);
      // Never the data.
      expect(JSON.stringify(inspector.entries())).not.toContain('event_id');
    });

    it('wipe removes every record', async () => {
      const store = storage();
      await deliveries(store).create({ event_id: 'a' });
      store.wipe();
      await expect(deliveries(store).getAll()).resolves.toEqual({ records: [], links: {} });
    });
  });
});

describe('Db', () => {
  const clock = new ManualClock();
  const kv = (): KvStore => new KvStore(clock, new MinuteWindow(clock, 'kv', 50));
  const entities = (schema: LoadedApp['entities']): EntityStorage => new EntityStorage(schema, clock, new MinuteWindow(clock, 'entities', 250));

  it('serves the key-value store, also when its methods are applied by reference', async () => {
    const db = new Db(kv(), entities(undefined));
    // As the front-end API calls them: store[method] applied to the store.
    const call = (method: 'set' | 'get', args: unknown[]): Promise<unknown> => Reflect.apply(Reflect.get(db, method) as (...args: unknown[]) => unknown, db, args) as Promise<unknown>;
    await call('set', ['k', { a: 1 }]);
    await expect(call('get', ['k'])).resolves.toEqual({ a: 1 });
    await expect(db.update('k', 'increment', { a: 1 })).resolves.toEqual({ Updated: true });
    await expect(db.get('k')).resolves.toEqual({ a: 2 });
    await expect(db.delete('k')).resolves.toEqual({ Deleted: true });
  });

  it('throws a clear error from entity() when the app has no config/entities.json', () => {
    const db = new Db(kv(), entities(undefined));
    expect(() => db.entity({ version: 'v1' })).toThrow(EntityError);
    let shape: unknown;
    try {
      db.entity({ version: 'v1' });
    } catch (error) {
      shape = toRejection(error);
    }
    expect(shape).toEqual({
      status: 400,
      message: 'Entity storage is not available',
      errors: [{ name: 'entity', message: 'The app has no config/entities.json, so it defines no entities' }],
      errorSource: 'PLATFORM',
    });
    expect(() => new Db(kv()).entity({ version: 'v1' })).toThrow('Entity storage is not available');
  });

  it('serves entities, and wipes both stores', async () => {
    const db = new Db(kv(), entities(SCHEMA));
    await db.set('k', { a: 1 });
    await db.entity({ version: 'v1' }).get('deliveries').create({ event_id: 'a' });
    db.wipe();
    expect((await failure(db.get('k'))).status).toBe(404);
    await expect(db.entity({ version: 'v1' }).get('deliveries').getAll()).resolves.toEqual({ records: [], links: {} });
  });
});
