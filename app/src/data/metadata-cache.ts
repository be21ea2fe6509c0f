import type { CrmFailure } from '../../../common/crm/failure';
import type { FieldSettingsEntity } from '../../../common/templates';
import { ok, type Result } from '../../../common/validation';
import { toFieldDefs, type FieldDef } from '../model/fields';
import type { Host } from '../platform/host';

/**
 * Field settings change rarely and every open needs them, so they are fetched once and kept
 * in the page with a time limit (design.md: metadata cached with a TTL). The key-value store is
 * not a cache (50 operations a minute), so the copy lives in memory and, to spare the other
 * placements of the same app a cold fetch, in localStorage under the account's domain. The
 * settings hold labels and choices only, never a secret.
 */
export const METADATA_TTL_MS = 10 * 60 * 1000;
const STORAGE_PREFIX = 'companion:fields:v2';

/** The slice of `localStorage` the cache uses; absent or throwing storage just means no sharing. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  /** Listing the keys lets a first open skip waiting for its scope; without it, it waits. */
  readonly length?: number;
  key?(index: number): string | null;
}

interface Entry {
  savedAt: number;
  fields: FieldDef[];
}

export interface MetadataCache {
  fields(entity: FieldSettingsEntity): Promise<Result<FieldDef[], CrmFailure>>;
}

export interface MetadataCacheOptions {
  /**
   * Keeps accounts apart when one browser works in several. It may still be on its way (it comes
   * from the iparams), so the open's record request need not wait for it.
   */
  scope: string | Promise<string>;
  now?: () => number;
  ttlMs?: number;
  storage?: KeyValueStorage | undefined;
}

function readStored(storage: KeyValueStorage | undefined, key: string): Entry | undefined {
  try {
    const text = storage?.getItem(key);
    if (text === null || text === undefined) return undefined;
    const entry = JSON.parse(text) as Partial<Entry>;
    return typeof entry.savedAt === 'number' && Array.isArray(entry.fields) ? (entry as Entry) : undefined;
  } catch {
    return undefined;
  }
}

function writeStored(storage: KeyValueStorage | undefined, key: string, entry: Entry): void {
  try {
    storage?.setItem(key, JSON.stringify(entry));
  } catch {
    // Full or blocked storage: the in-memory copy still serves this page.
  }
}

/** Every key in storage; undefined when it cannot list them, none when listing throws (nothing usable there). */
function storedKeys(storage: KeyValueStorage): string[] | undefined {
  if (storage.key === undefined || storage.length === undefined) return undefined;
  try {
    return Array.from({ length: storage.length }, (_, index) => storage.key?.(index) ?? '');
  } catch {
    return [];
  }
}

/** The page's localStorage, when the sandbox allows it. */
export function pageStorage(): KeyValueStorage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

export function createMetadataCache(host: Host, options: MetadataCacheOptions): MetadataCache {
  const now = options.now ?? Date.now;
  const ttl = options.ttlMs ?? METADATA_TTL_MS;
  const memory = new Map<FieldSettingsEntity, Entry>();
  const inFlight = new Map<FieldSettingsEntity, Promise<Result<FieldDef[], CrmFailure>>>();
  const fresh = (entry: Entry | undefined): entry is Entry => entry !== undefined && now() - entry.savedAt < ttl && entry.savedAt <= now();
  const scope = Promise.resolve(options.scope);
  const storageKey = (resolved: string, entity: FieldSettingsEntity) => `${STORAGE_PREFIX}:${resolved}:${entity}`;

  async function fetchFields(entity: FieldSettingsEntity, key: Promise<string>): Promise<Result<FieldDef[], CrmFailure>> {
    const answer = await host.call('getFieldSettings', { entity });
    if (!answer.ok) return answer;
    const entry = { savedAt: now(), fields: toFieldDefs(answer.value.fields) };
    memory.set(entity, entry);
    void key.then((resolved) => writeStored(options.storage, resolved, entry));
    return ok(entry.fields);
  }

  function stored(entity: FieldSettingsEntity, key: string): Entry | undefined {
    const entry = readStored(options.storage, key);
    if (!fresh(entry)) return undefined;
    memory.set(entity, entry);
    return entry;
  }

  /**
   * True when no account's stored copy of the entity is fresh, so the scope cannot change the
   * answer: a first open asks the CRM at once instead of after the iparams.
   */
  function storedNowhere(entity: FieldSettingsEntity): boolean {
    const { storage } = options;
    if (storage === undefined) return true;
    const keys = storedKeys(storage);
    return keys !== undefined && !keys.some((key) => key.startsWith(`${STORAGE_PREFIX}:`) && key.endsWith(`:${entity}`) && fresh(readStored(storage, key)));
  }

  /** One request per entity even when several parts of the page ask at once. */
  function fetchOnce(entity: FieldSettingsEntity): Promise<Result<FieldDef[], CrmFailure>> {
    const pending = inFlight.get(entity) ?? fetchFields(entity, scope.then((resolved) => storageKey(resolved, entity))).finally(() => inFlight.delete(entity));
    inFlight.set(entity, pending);
    return pending;
  }

  async function fields(entity: FieldSettingsEntity): Promise<Result<FieldDef[], CrmFailure>> {
    const inMemory = memory.get(entity);
    if (fresh(inMemory)) return ok(inMemory.fields);
    if (inFlight.has(entity) || storedNowhere(entity)) return fetchOnce(entity);
    const entry = stored(entity, storageKey(await scope, entity));
    return entry === undefined ? fetchOnce(entity) : ok(entry.fields);
  }

  return { fields };
}
