import type { CrmFailure } from '../../../common/crm/failure';
import { ok, type Result } from '../../../common/validation';
import { METADATA_TTL_MS, type KeyValueStorage } from './metadata-cache';

/**
 * Account settings the record operations read (activity types, lifecycle stages, statuses):
 * fetched when first needed, then kept like the field settings (metadata-cache.ts) for ten
 * minutes, in memory and, when a storage key is given, in localStorage, so the next open of
 * any placement does not ask again. They hold names and ids only, never a secret.
 */

export interface SelectorCacheOptions<T> {
  now?: () => number;
  ttlMs?: number;
  storage?: KeyValueStorage | undefined;
  /** The localStorage key (scoped by account); undefined keeps the value in memory only. */
  storageKey?: () => Promise<string | undefined>;
  /** Checks a stored value before trusting it; undefined drops it. */
  revive?: (stored: unknown) => T | undefined;
}

interface Entry<T> {
  savedAt: number;
  value: T;
}

/** The stored entry, if storage can be read and holds JSON. */
function storedEntry(storage: KeyValueStorage | undefined, key: string): Partial<Entry<unknown>> | undefined {
  try {
    const text = storage?.getItem(key);
    return typeof text === 'string' ? (JSON.parse(text) as Partial<Entry<unknown>>) : undefined;
  } catch {
    return undefined;
  }
}

function readStored<T>(storage: KeyValueStorage | undefined, key: string | undefined, revive: (stored: unknown) => T | undefined): Entry<T> | undefined {
  const entry = key === undefined ? undefined : storedEntry(storage, key);
  if (typeof entry?.savedAt !== 'number') return undefined;
  const value = revive(entry.value);
  return value === undefined ? undefined : { savedAt: entry.savedAt, value };
}

function writeStored<T>(storage: KeyValueStorage | undefined, key: string | undefined, entry: Entry<T>): void {
  if (key === undefined) return;
  try {
    storage?.setItem(key, JSON.stringify(entry));
  } catch {
    // Full or blocked storage: the in-memory copy still serves this page.
  }
}

/** A loader that asks the CRM at most once per TTL, and once for concurrent callers. */
export function cachedSelector<T>(load: () => Promise<Result<T, CrmFailure>>, options: SelectorCacheOptions<T> = {}): () => Promise<Result<T, CrmFailure>> {
  const now = options.now ?? Date.now;
  const ttl = options.ttlMs ?? METADATA_TTL_MS;
  const revive = options.revive ?? (() => undefined);
  let memory: Entry<T> | undefined;
  let pending: Promise<Result<T, CrmFailure>> | undefined;
  const fresh = (entry: Entry<T> | undefined): entry is Entry<T> => entry !== undefined && entry.savedAt <= now() && now() - entry.savedAt < ttl;

  async function fetchAndKeep(): Promise<Result<T, CrmFailure>> {
    const key = await options.storageKey?.();
    const stored = readStored(options.storage, key, revive);
    if (fresh(stored)) {
      memory = stored;
      return ok(stored.value);
    }
    const answer = await load();
    if (!answer.ok) return answer;
    memory = { savedAt: now(), value: answer.value };
    writeStored(options.storage, key, memory);
    return answer;
  }

  return () => {
    if (fresh(memory)) return Promise.resolve(ok(memory.value));
    pending ??= fetchAndKeep().finally(() => {
      pending = undefined;
    });
    return pending;
  };
}

type Loader<T> = () => Promise<Result<T, CrmFailure>>;

const shared = new WeakMap<object, Map<string, Loader<unknown>>>();

/**
 * One cached loader per owner (the page's host) and name: the sidebar rebuilds its actions
 * when the signed-in user becomes known, and the cache must outlive that.
 */
export function sharedSelector<T>(owner: object, name: string, make: () => Loader<T>): Loader<T> {
  const loaders = shared.get(owner) ?? new Map<string, Loader<unknown>>();
  shared.set(owner, loaders);
  const existing = loaders.get(name) as Loader<T> | undefined;
  if (existing !== undefined) return existing;
  const created = make();
  loaders.set(name, created);
  return created;
}
