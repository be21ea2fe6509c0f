import type { KeyValueStore } from '../../../common/platform/client';
import type { Clock } from '../../clock';
import type { Inspector } from '../inspector/inspector';
import type { MinuteWindow } from '../minute-window';
import { NO_JOURNAL, type KvEntryState, type StoreJournal } from '../persistence';
import { describeFailure, settle } from './errors';
import { hasBlankKey, isPlainObject, jsonBytes, nullifiedCopy, cloneJson, type JsonObject } from './json';
import { KvError, invalidAction, invalidOption, kvError, kvRateLimited } from './kv-errors';
import { UPDATE_ACTIONS, isUpdateAction } from './kv-update';

/** platform.md §6.1 (v3.0 limits). */
export const KV_KEY_MAX_CHARS = 60;
export const KV_MAX_BYTES = 40 * 1024;

interface Entry {
  value: JsonObject;
  /** Epoch ms; the key is gone from this instant on. */
  expiresAt?: number;
}

interface SetOptions {
  ttl?: number;
  setIf?: 'exist' | 'not_exist';
}

const OPTION_NAMES = ['ttl', 'setIf'];

/** The operations the journal saves after; reads never write. */
const MUTATIONS = new Set(['set', 'update', 'delete']);

function validateKey(key: unknown): asserts key is string {
  if (key === undefined || key === null || key === '') throw kvError('blank_key_error');
  if (typeof key !== 'string') throw kvError('key_type_error');
  // Stricter than the FDK, which accepts a whitespace-only key.
  if (key.trim() === '') throw kvError('blank_key_error');
  if (key.length > KV_KEY_MAX_CHARS) throw kvError('key_length_error');
}

/**
 * The FDK also applies the key length to the top-level attribute names of a value or of
 * update attributes (its `checkDataSize`); emulated, as the stricter reading.
 */
function validateAttributeNames(value: object): void {
  if (isPlainObject(value) && Object.keys(value).some((name) => name.length > KV_KEY_MAX_CHARS)) throw kvError('key_length_error');
}

function checkSize(key: string, value: unknown): void {
  if (Buffer.byteLength(key, 'utf8') + jsonBytes(value) > KV_MAX_BYTES) throw kvError('object_size_error');
}

function isBlank(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  return typeof value === 'object' && Object.keys(value).length === 0;
}

/** What `set` stores: a JSON object, with "" / NaN / ±Infinity as null, copied. */
function storableValue(key: string, value: unknown): JsonObject {
  if (isBlank(value)) throw kvError('blank_value_error');
  if (!isPlainObject(value)) throw kvError('value_type_error');
  let copy: unknown;
  try {
    copy = nullifiedCopy(value);
  } catch {
    throw kvError('value_type_error');
  }
  // e.g. {a: undefined} or {f() {}}: nothing JSON can keep.
  if (isBlank(copy)) throw kvError('blank_value_error');
  if (hasBlankKey(copy)) throw kvError('mandatory_attrib_missing');
  validateAttributeNames(copy as JsonObject);
  checkSize(key, copy);
  return copy as JsonObject;
}

function readTtl(ttl: unknown): number | undefined {
  if (ttl === undefined) return undefined;
  // int or float, non-zero; a numeric string is refused (stricter than the FDK's parseFloat).
  if (typeof ttl !== 'number' || !Number.isFinite(ttl) || ttl === 0) throw kvError('ttl_type_error');
  return ttl;
}

function readSetIf(setIf: unknown): SetOptions['setIf'] {
  if (setIf === undefined) return undefined;
  if (setIf !== 'exist' && setIf !== 'not_exist') throw kvError('invalid_setIf_value');
  return setIf;
}

function readOptions(options: unknown): SetOptions {
  if (options === undefined || options === null) return {};
  if (!isPlainObject(options)) throw kvError('invalid_options');
  const unknown = Object.keys(options).find((name) => !OPTION_NAMES.includes(name));
  if (unknown !== undefined) throw invalidOption(unknown);
  return { ttl: readTtl(options.ttl), setIf: readSetIf(options.setIf) };
}

function checkCondition(setIf: SetOptions['setIf'], exists: boolean): void {
  if ((setIf === 'exist' && !exists) || (setIf === 'not_exist' && exists)) throw kvError('condition_failed');
}

function validateAttributes(action: unknown, attributes: unknown): asserts attributes is object {
  if (!isUpdateAction(action)) throw invalidAction(action);
  if (isBlank(attributes) || typeof attributes !== 'object') throw kvError('blank_attribute_error');
  validateAttributeNames(attributes as object);
  UPDATE_ACTIONS[action].validate(attributes as object);
}

const inspectorKey = (key: unknown): string => {
  const text = typeof key === 'string' ? key : String(key);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
};

/**
 * The key-value store of one installation (`$db` / `client.db`, platform.md §6.1). Every call
 * (failed ones included: stricter) takes one slot of the per-minute window first; rejections
 * are KvError (a PlatformError whose `shape` is `{status, message}`, see `toRejection`).
 */
export class KvStore implements KeyValueStore {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly clock: Clock,
    private readonly window: MinuteWindow,
    private readonly inspector?: Inspector,
    private readonly journal: StoreJournal = NO_JOURNAL,
  ) {
    inspector?.budget(window.name, () => window.budget());
  }

  set(key: string, value: object, options?: { ttl?: number; setIf?: 'exist' | 'not_exist' }): Promise<{ Created: true }> {
    return this.run('set', key, () => {
      validateKey(key);
      const stored = storableValue(key, value);
      const { ttl, setIf } = readOptions(options);
      checkCondition(setIf, this.live(key) !== undefined);
      // Absent or negative ttl: the key never expires.
      const expiresAt = ttl !== undefined && ttl > 0 ? this.clock.now() + ttl * 1000 : undefined;
      this.entries.set(key, { value: stored, expiresAt });
      return { Created: true as const };
    });
  }

  get(key: string): Promise<unknown> {
    return this.run('get', key, () => {
      validateKey(key);
      return cloneJson(this.existing(key).value);
    });
  }

  update(key: string, action: 'increment' | 'append' | 'set' | 'remove', attributes: object | string[]): Promise<{ Updated: true }> {
    return this.run('update', key, () => {
      validateKey(key);
      validateAttributes(action, attributes);
      const current = this.live(key);
      const next = UPDATE_ACTIONS[action].apply(current && cloneJson(current.value), nullifiedCopy(attributes));
      checkSize(key, next);
      // An update keeps the key's expiry.
      this.entries.set(key, { value: next, expiresAt: current?.expiresAt });
      return { Updated: true as const };
    });
  }

  delete(key: string): Promise<{ Deleted: true }> {
    return this.run('delete', key, () => {
      validateKey(key);
      this.existing(key);
      this.entries.delete(key);
      return { Deleted: true as const };
    });
  }

  /** Uninstall: the store and its budget go with the installation. */
  wipe(): void {
    this.entries.clear();
    this.window.reset();
  }

  /** The live entries to save, with their absolute expiry times. */
  state(): KvEntryState[] {
    return this.keys().map((key) => {
      const entry = this.entries.get(key) as Entry;
      return { key, value: cloneJson(entry.value), ...(entry.expiresAt === undefined ? {} : { expiresAt: entry.expiresAt }) };
    });
  }

  /** Replaces the entries with saved ones; any that expired meanwhile are gone on first read. */
  restore(entries: KvEntryState[]): void {
    this.entries.clear();
    entries.forEach(({ key, value, expiresAt }) => this.entries.set(key, { value: cloneJson(value), expiresAt }));
  }

  /** A live value without counting against the limit, for the inspector, tests and benchmarks. */
  peek(key: string): unknown {
    const entry = this.live(key);
    return entry === undefined ? undefined : cloneJson(entry.value);
  }

  /** Live keys, for the inspector and tests (the platform itself offers no listing). */
  keys(): string[] {
    return [...this.entries.keys()].filter((key) => this.live(key) !== undefined);
  }

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry?.expiresAt !== undefined && entry.expiresAt <= this.clock.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private existing(key: string): Entry {
    const entry = this.live(key);
    if (entry === undefined) throw kvError('record_not_found');
    return entry;
  }

  private run<T>(operation: string, key: unknown, action: () => T): Promise<T> {
    return settle(
      () => {
        this.journal.guard();
        if (!this.window.take()) throw kvRateLimited(this.window.limit);
        const result = action();
        if (MUTATIONS.has(operation)) this.journal.changed();
        return result;
      },
      (error) => this.record(operation, key, error),
    );
  }

  private record(operation: string, key: unknown, error?: unknown): void {
    const failure = error === undefined ? undefined : error instanceof KvError ? `${error.id}: ${describeFailure(error)}` : describeFailure(error);
    this.inspector?.record({ kind: 'store', api: 'kv', operation, key: inspectorKey(key), ok: error === undefined, ...(failure === undefined ? {} : { error: failure }) });
  }
}
