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
  // One request per entity even when several parts of the page ask at once.
  const inFlight = new Map<FieldSettingsEntity, Promise<Result<FieldDef[], CrmFailure>>>();
  const fresh = (entry: Entry | undefined): entry is Entry => entry !== undefined && now() - entry.savedAt < ttl && entry.savedAt <= now();
  const scope = Promise.resolve(options.scope);
  const storageKey = (resolved: string, entity: FieldSettingsEntity) => `${STORAGE_PREFIX}:${resolved}:${entity}`;

  async function fetchFields(entity: FieldSettingsEntity, key: string): Promise<Result<FieldDef[], CrmFailure>> {
    const answer = await host.call('getFieldSettings', { entity });
    if (!answer.ok) return answer;
    const entry = { savedAt: now(), fields: toFieldDefs(answer.value.fields) };
    memory.set(entity, entry);
    writeStored(options.storage, key, entry);
    return ok(entry.fields);
  }

  function stored(entity: FieldSettingsEntity, key: string): Entry | undefined {
    const entry = readStored(options.storage, key);
    if (!fresh(entry)) return undefined;
    memory.set(entity, entry);
    return entry;
  }

  async function fields(entity: FieldSettingsEntity): Promise<Result<FieldDef[], CrmFailure>> {
    const inMemory = memory.get(entity);
    if (fresh(inMemory)) return ok(inMemory.fields);
    const key = storageKey(await scope, entity);
    const entry = stored(entity, key);
    if (entry !== undefined) return ok(entry.fields);
    // After the await, so parts of the page asking at once share one request.
    const pending = inFlight.get(entity) ?? fetchFields(entity, key).finally(() => inFlight.delete(entity));
    inFlight.set(entity, pending);
    return pending;
  }

  return { fields };
}
