/**
 * The platform's data storage (platform.md §6), typed once for every side: the key-value
 * store (`$db` in server code, `client.db` in the browser) and entity storage
 * (`$db.entity({version: 'v1'}).get(name)`). The emulator implements these types; the app's
 * wrappers consume them.
 */

export interface KvSetOptions {
  /** Seconds (int or float, non-zero); absent or negative never expires. */
  ttl?: number;
  /** The only atomic compare-and-set of the platform: write only if the key is absent / present. */
  setIf?: 'exist' | 'not_exist';
}

export type KvUpdateAction = 'increment' | 'append' | 'set' | 'remove';

export interface KeyValueStore {
  set(key: string, value: object, options?: KvSetOptions): Promise<{ Created: true }>;
  /** The stored object itself; rejects with status 404 when the key is missing or expired. */
  get(key: string): Promise<unknown>;
  update(key: string, action: KvUpdateAction, attributes: object | string[]): Promise<{ Updated: true }>;
  delete(key: string): Promise<{ Deleted: true }>;
}

/** One record of an entity (§6.2). `display_id` is opaque: never parse it. */
export interface EntityRecord {
  display_id: string;
  created_time: number;
  updated_time: number;
  data: Record<string, unknown>;
}

/** Field equality, several fields meaning all of them, `$and` / `$or` over such queries. */
export type EntityQuery = Record<string, unknown>;

export interface EntityPage {
  records: EntityRecord[];
  links: { next?: { marker: string } };
}

/** The handle of one entity: `$db.entity({version: 'v1'}).get(name)`. */
export interface EntityApi {
  schema(): Promise<unknown>;
  create(data: Record<string, unknown>): Promise<{ record: EntityRecord }>;
  get(displayId: string): Promise<{ record: EntityRecord }>;
  /** Replaces the record's data. */
  update(displayId: string, data: Record<string, unknown>): Promise<{ record: EntityRecord }>;
  delete(displayId: string): Promise<unknown>;
  getAll(options?: { query?: EntityQuery; next?: { marker: string } }): Promise<EntityPage>;
}

export interface EntityStorage {
  entity(options: { version: string }): { get(name: string): EntityApi };
}

/** `$db` in server code: the key-value store plus entity storage, one object. */
export type Db = KeyValueStore & EntityStorage;
