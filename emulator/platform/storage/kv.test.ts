import { ManualClock } from '../../clock';
import { Inspector } from '../inspector/inspector';
import { MinuteWindow } from '../minute-window';
import type { PlatformErrorShape } from '../types';
import { toRejection } from './errors';
import { KvError, kvErrorShape } from './kv-errors';
import { KV_MAX_BYTES, KvStore } from './kv';

interface Failure {
  id?: string;
  shape: PlatformErrorShape;
}

async function failure(promise: Promise<unknown>): Promise<Failure> {
  try {
    await promise;
  } catch (error) {
    return { id: error instanceof KvError ? error.id : undefined, shape: toRejection(error) };
  }
  throw new Error('expected the call to reject');
}

describe('KvStore', () => {
  let clock: ManualClock;
  let window: MinuteWindow;
  let inspector: Inspector;
  let kv: KvStore;

  beforeEach(() => {
    clock = new ManualClock('2026-11-02T09:00:00Z');
    window = new MinuteWindow(clock, 'key-value store (50/min)', 50);
    inspector = new Inspector(clock);
    kv = new KvStore(clock, window, inspector);
  });

  describe('set, get, delete', () => {
    it('stores a JSON object, overwrites it on set, and deletes it', async () => {
      await expect(kv.set('contact:1', { external: 'a-1', tries: 1 })).resolves.toEqual({ Created: true });
      await expect(kv.get('contact:1')).resolves.toEqual({ external: 'a-1', tries: 1 });
      await kv.set('contact:1', { external: 'a-2' });
      await expect(kv.get('contact:1')).resolves.toEqual({ external: 'a-2' });
      await expect(kv.delete('contact:1')).resolves.toEqual({ Deleted: true });
      expect(await failure(kv.get('contact:1'))).toEqual({ id: 'record_not_found', shape: { status: 404, message: 'Record not found' } });
    });

    it('rejects get and delete of a key that was never set with 404 Record not found', async () => {
      expect((await failure(kv.get('missing'))).shape).toEqual({ status: 404, message: 'Record not found' });
      expect((await failure(kv.delete('missing'))).shape).toEqual({ status: 404, message: 'Record not found' });
    });

    it('keeps its own copy: neither the object given nor the one returned reaches the store', async () => {
      const value = { nested: { list: [1, 2] } };
      await kv.set('k', value);
      value.nested.list.push(3);
      const read = (await kv.get('k')) as typeof value;
      read.nested.list.push(4);
      await expect(kv.get('k')).resolves.toEqual({ nested: { list: [1, 2] } });
    });

    it('stores "", NaN and ±Infinity as null, at any depth', async () => {
      await kv.set('k', { a: '', b: Number.NaN, c: Infinity, d: { e: -Infinity, f: ['', 1, 'x'] }, g: 'kept', h: 0 });
      await expect(kv.get('k')).resolves.toEqual({ a: null, b: null, c: null, d: { e: null, f: [null, 1, 'x'] }, g: 'kept', h: 0 });
    });
  });

  describe('keys', () => {
    it.each([
      ['an empty key', '', 'blank_key_error'],
      ['a whitespace key', '   ', 'blank_key_error'],
      ['an undefined key', undefined, 'blank_key_error'],
      ['a 61-character key', 'k'.repeat(61), 'key_length_error'],
      ['a number', 42, 'key_type_error'],
    ])('refuses %s', async (_name, key, id) => {
      const result = await failure(kv.set(key as string, { a: 1 }));
      expect(result.id).toBe(id);
      expect(result.shape.status).toBe(400);
    });

    it('accepts a 60-character key, and says why a longer one is refused', async () => {
      await expect(kv.set('k'.repeat(60), { a: 1 })).resolves.toEqual({ Created: true });
      expect((await failure(kv.get('k'.repeat(61)))).shape).toEqual({ status: 400, message: 'Key length should not exceed 60 characters' });
    });
  });

  describe('values', () => {
    it.each([
      ['undefined', undefined, 400],
      ['null', null, 400],
      ['{}', {}, 400],
      ['an object JSON cannot keep', { a: undefined }, 400],
      ['an array', [1, 2], 422],
      ['a string', 'text', 422],
      ['a number', 7, 422],
    ])('refuses %s with blank_value_error', async (_name, value, status) => {
      const result = await failure(kv.set('k', value as object));
      expect(result.shape).toEqual({ status, message: 'The value cannot be blank and should be of type JSON' });
    });

    it('refuses a blank property name anywhere in the value', async () => {
      expect((await failure(kv.set('k', { a: { '': 1 } }))).shape).toEqual(kvErrorShape('mandatory_attrib_missing'));
    });

    it('refuses a top-level property name longer than 60 characters, like the FDK', async () => {
      expect((await failure(kv.set('k', { ['p'.repeat(61)]: 1 }))).id).toBe('key_length_error');
    });

    it('takes key + JSON value up to exactly 40 KB, and refuses a 41 KB value with object_size_error', async () => {
      const padding = KV_MAX_BYTES - 1 - '{"v":""}'.length;
      await expect(kv.set('k', { v: 'x'.repeat(padding) })).resolves.toEqual({ Created: true });
      const over = await failure(kv.set('k', { v: 'x'.repeat(padding + 1) }));
      expect(over.shape).toEqual({ status: 400, message: 'The combined size of the key and value should not exceed 40KB' });
      expect((await failure(kv.set('big', { v: 'x'.repeat(41 * 1024) }))).id).toBe('object_size_error');
    });

    it('counts bytes, not characters', async () => {
      // 'é' is 2 bytes in UTF-8: 20,500 of them are 41,000 bytes.
      expect((await failure(kv.set('k', { v: 'é'.repeat(20_500) }))).id).toBe('object_size_error');
    });
  });

  describe('ttl', () => {
    it('expires the key exactly ttl seconds after set, on the clock', async () => {
      await kv.set('lock', { by: 'run-1' }, { ttl: 60 });
      clock.advance(59_999);
      await expect(kv.get('lock')).resolves.toEqual({ by: 'run-1' });
      clock.advance(1);
      expect((await failure(kv.get('lock'))).shape.status).toBe(404);
      expect((await failure(kv.delete('lock'))).shape.status).toBe(404);
    });

    it('takes a float ttl', async () => {
      await kv.set('k', { a: 1 }, { ttl: 0.5 });
      clock.advance(499);
      await expect(kv.get('k')).resolves.toEqual({ a: 1 });
      clock.advance(1);
      expect((await failure(kv.get('k'))).id).toBe('record_not_found');
    });

    it('never expires a key with a negative ttl or none', async () => {
      await kv.set('a', { a: 1 }, { ttl: -1 });
      await kv.set('b', { b: 1 });
      clock.advance(365 * 86_400_000);
      await expect(kv.get('a')).resolves.toEqual({ a: 1 });
      await expect(kv.get('b')).resolves.toEqual({ b: 1 });
    });

    it('drops the old ttl when set overwrites the key', async () => {
      await kv.set('k', { v: 1 }, { ttl: 10 });
      await kv.set('k', { v: 2 });
      clock.advance(20_000);
      await expect(kv.get('k')).resolves.toEqual({ v: 2 });
    });

    it.each([
      ['0', 0],
      ['a numeric string', '60'],
      ['a word', 'soon'],
      ['NaN', Number.NaN],
      ['null', null],
    ])('refuses a ttl of %s with ttl_type_error', async (_name, ttl) => {
      const result = await failure(kv.set('k', { a: 1 }, { ttl: ttl as number }));
      expect(result.shape).toEqual({ status: 400, message: 'Time to live(ttl) should be of type float and a non-zero value' });
    });
  });

  describe('setIf', () => {
    it('not_exist writes only a missing key; exist only an existing one', async () => {
      await expect(kv.set('k', { v: 1 }, { setIf: 'not_exist' })).resolves.toEqual({ Created: true });
      expect((await failure(kv.set('k', { v: 2 }, { setIf: 'not_exist' }))).shape).toEqual({ status: 400, message: 'The setIf conditional request failed' });
      await expect(kv.set('k', { v: 3 }, { setIf: 'exist' })).resolves.toEqual({ Created: true });
      expect((await failure(kv.set('other', { v: 1 }, { setIf: 'exist' }))).id).toBe('condition_failed');
      await expect(kv.get('k')).resolves.toEqual({ v: 3 });
      expect((await failure(kv.get('other'))).id).toBe('record_not_found');
    });

    it('treats an expired key as missing (a lock can be taken again once its ttl ran out)', async () => {
      await kv.set('lock', { by: 'a' }, { ttl: 30, setIf: 'not_exist' });
      expect((await failure(kv.set('lock', { by: 'b' }, { setIf: 'not_exist' }))).id).toBe('condition_failed');
      clock.advance(30_000);
      expect((await failure(kv.set('lock', { by: 'b' }, { setIf: 'exist' }))).id).toBe('condition_failed');
      await expect(kv.set('lock', { by: 'b' }, { setIf: 'not_exist' })).resolves.toEqual({ Created: true });
    });

    it('refuses any other setIf with invalid_setIf_value, and unknown options', async () => {
      expect((await failure(kv.set('k', { v: 1 }, { setIf: 'maybe' as 'exist' }))).shape).toEqual({ status: 422, message: 'setIf can only take two values: "exist" or "not_exist"' });
      expect((await failure(kv.set('k', { v: 1 }, { expire: 5 } as object))).shape).toEqual({ status: 400, message: 'Invalid option expire inside options' });
      expect((await failure(kv.set('k', { v: 1 }, 'ttl' as unknown as object))).id).toBe('invalid_options');
      expect((await failure(kv.get('k'))).id).toBe('record_not_found');
    });
  });

  describe('update: increment', () => {
    it('adds to top-level numbers, subtracts negatives and creates missing attributes', async () => {
      await kv.set('stats', { sent: 2, failed: 1, label: 'x' });
      await expect(kv.update('stats', 'increment', { sent: 3, failed: -1, retried: 4 })).resolves.toEqual({ Updated: true });
      await expect(kv.get('stats')).resolves.toEqual({ sent: 5, failed: 0, label: 'x', retried: 4 });
    });

    it('stores the attributes when the key is missing', async () => {
      await kv.update('counter', 'increment', { n: 1 });
      await expect(kv.get('counter')).resolves.toEqual({ n: 1 });
    });

    it.each([
      ['a string', { n: '1' }],
      ['NaN', { n: Number.NaN }],
      ['an object', { n: { by: 1 } }],
    ])('refuses %s with invalid_increment_value', async (_name, attributes) => {
      expect((await failure(kv.update('k', 'increment', attributes))).shape).toEqual({ status: 400, message: 'The value passed to increment should be of type number' });
    });

    it('refuses to increment a stored attribute that is not a number, and changes nothing', async () => {
      await kv.set('k', { n: 1, label: 'x' });
      const result = await failure(kv.update('k', 'increment', { n: 1, label: 1 }));
      expect(result.shape).toEqual({ status: 400, message: "The stored attribute 'label' is not a number, so it cannot be incremented" });
      await expect(kv.get('k')).resolves.toEqual({ n: 1, label: 'x' });
    });
  });

  describe('update: append', () => {
    it('appends to top-level arrays and creates missing ones (and the key)', async () => {
      await kv.update('log', 'append', { ids: [1] });
      await kv.update('log', 'append', { ids: [2, 3], other: ['a'] });
      await expect(kv.get('log')).resolves.toEqual({ ids: [1, 2, 3], other: ['a'] });
    });

    it.each([
      ['an empty array', { ids: [] }],
      ['a non-array', { ids: 4 }],
    ])('refuses %s with invalid_append_value', async (_name, attributes) => {
      expect((await failure(kv.update('log', 'append', attributes))).id).toBe('invalid_append_value');
    });

    it('refuses to append to a stored attribute that is not an array', async () => {
      await kv.set('log', { ids: 'x' });
      expect((await failure(kv.update('log', 'append', { ids: [1] }))).id).toBe('attribute_type_error');
    });
  });

  describe('update: set', () => {
    it('sets top-level and nested dot-path attributes, and array items', async () => {
      await kv.set('k', { a: 1, b: { c: 1, d: { e: 1 } }, list: ['x', 'y'] });
      await kv.update('k', 'set', { a: 2, 'b.c': 2, 'b.d.e': '', 'list[1]': 'z', 'list.2': 'w', fresh: true });
      await expect(kv.get('k')).resolves.toEqual({ a: 2, b: { c: 2, d: { e: null } }, list: ['x', 'z', 'w'], fresh: true });
    });

    it('creates the key when it is missing', async () => {
      await kv.update('k', 'set', { a: 1 });
      await expect(kv.get('k')).resolves.toEqual({ a: 1 });
    });

    it('refuses a nested path whose parent does not exist (no intermediate objects are created)', async () => {
      await kv.set('k', { a: 1 });
      expect((await failure(kv.update('k', 'set', { 'b.c': 1 }))).shape).toEqual({ status: 400, message: 'One or more paths in the attributes are invalid or overlapping with each other' });
      await expect(kv.get('k')).resolves.toEqual({ a: 1 });
    });

    it('refuses overlapping paths and blank paths', async () => {
      await kv.set('k', { b: { c: 1 } });
      expect((await failure(kv.update('k', 'set', { b: {}, 'b.c': 2 }))).id).toBe('invalid_path');
      expect((await failure(kv.update('k', 'set', { '.': 2 }))).shape).toEqual({ status: 422, message: 'Keys or paths inside attributes object cannot be blank' });
    });
  });

  describe('update: remove', () => {
    it('removes top-level and nested attributes and array items', async () => {
      await kv.set('k', { a: 1, b: { c: 1, d: 2 }, list: ['x', 'y', 'z'], keep: true });
      await kv.update('k', 'remove', ['a', 'b.c', 'list[0]', 'nothing']);
      await expect(kv.get('k')).resolves.toEqual({ b: { d: 2 }, list: ['y', 'z'], keep: true });
    });

    it('refuses attributes that are not an array with invalid_remove_attributes', async () => {
      await kv.set('k', { a: 1 });
      expect((await failure(kv.update('k', 'remove', { a: 1 }))).shape).toEqual({
        status: 400,
        message: 'The attributes object passed to remove action should be of type array',
      });
    });

    it('refuses a missing key, a path through a missing parent, and a blank path', async () => {
      expect((await failure(kv.update('nope', 'remove', ['a']))).id).toBe('invalid_remove_key');
      await kv.set('k', { a: 1 });
      expect((await failure(kv.update('k', 'remove', ['x.y']))).id).toBe('invalid_path');
      expect((await failure(kv.update('k', 'remove', ['a', '']))).id).toBe('invalid_attribute_path');
      await expect(kv.get('k')).resolves.toEqual({ a: 1 });
    });
  });

  describe('update: common rules', () => {
    it.each([
      ['empty attributes', {}],
      ['an empty array', []],
      ['no attributes', undefined],
      ['a string', 'a'],
    ])('refuses %s with blank_attribute_error', async (_name, attributes) => {
      expect((await failure(kv.update('k', 'set', attributes as object))).shape).toEqual({
        status: 400,
        message: 'Attributes object cannot be empty and should be of type JSON or Array',
      });
    });

    it('refuses an unknown action', async () => {
      expect((await failure(kv.update('k', 'bump' as 'set', { a: 1 }))).shape).toEqual({ status: 400, message: 'Invalid action bump for update' });
    });

    it('keeps the ttl of the key it updates', async () => {
      await kv.set('k', { n: 1 }, { ttl: 60 });
      clock.advance(30_000);
      await kv.update('k', 'increment', { n: 1 });
      await expect(kv.get('k')).resolves.toEqual({ n: 2 });
      clock.advance(30_000);
      expect((await failure(kv.get('k'))).id).toBe('record_not_found');
    });

    it('refuses an update that would take the record over 40 KB, and changes nothing', async () => {
      await kv.set('k', { v: 'x'.repeat(30_000) });
      expect((await failure(kv.update('k', 'set', { w: 'y'.repeat(11_000) }))).id).toBe('object_size_error');
      await expect(kv.get('k')).resolves.toEqual({ v: 'x'.repeat(30_000) });
    });
  });

  describe('the 50 operations per minute', () => {
    it('answers the 51st operation in a sliding minute with 429, failed calls included', async () => {
      clock.set('2026-11-02T09:00:30Z');
      for (let i = 0; i < 25; i += 1) await kv.set(`k${i}`, { i });
      for (let i = 0; i < 25; i += 1) await failure(kv.get(`missing${i}`));
      const limited = await failure(kv.get('k0'));
      expect(limited.shape).toEqual({ status: 429, message: 'Rate limit exceeded: the key-value store allows 50 operations per minute per installation' });
      // A fixed window would reset at 09:01:00; the sliding one frees slots at 09:01:30.
      clock.set('2026-11-02T09:01:29.999Z');
      expect((await failure(kv.delete('k1'))).shape.status).toBe(429);
      clock.set('2026-11-02T09:01:30Z');
      await expect(kv.get('k0')).resolves.toEqual({ i: 0 });
      // The refused calls changed nothing.
      await expect(kv.get('k1')).resolves.toEqual({ i: 1 });
    });

    it('checks the budget before anything else, so even an invalid call gets 429 when over it', async () => {
      const small = new KvStore(clock, new MinuteWindow(clock, 'kv', 1));
      await small.set('k', { a: 1 });
      expect((await failure(small.set('', {}))).shape.status).toBe(429);
    });
  });

  describe('inspector, rejections, wipe', () => {
    it('records each operation with its key and outcome, never the value', async () => {
      await kv.set('secret', { token: 'abc123' });
      await failure(kv.get('nope'));
      expect(inspector.entries('store')).toEqual([
        { kind: 'store', api: 'kv', operation: 'set', key: 'secret', ok: true, at: clock.now() },
        { kind: 'store', api: 'kv', operation: 'get', key: 'nope', ok: false, error: 'record_not_found: 404 Record not found', at: clock.now() },
      ]);
      expect(JSON.stringify(inspector.snapshot())).not.toContain('abc123');
      expect(inspector.snapshot().budgets).toContainEqual(expect.objectContaining({ name: 'key-value store (50/min)', limit: 50, used: 2 }));
    });

    it('rejects with a PlatformError whose plain-object form is what app code receives', async () => {
      const error: unknown = await kv.get('nope').catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(KvError);
      const plain = toRejection(error);
      expect(Object.getPrototypeOf(plain)).toBe(Object.prototype);
      expect(plain).toEqual({ status: 404, message: 'Record not found' });
    });

    it('wipe removes every key and resets the budget', async () => {
      for (let i = 0; i < 50; i += 1) await kv.set(`k${i}`, { i });
      kv.wipe();
      expect(kv.keys()).toEqual([]);
      expect((await failure(kv.get('k0'))).id).toBe('record_not_found');
    });
  });
});
