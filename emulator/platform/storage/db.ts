import type { DbApi, EntityApi } from '../types';
import { noEntitiesFile } from './entity-errors';
import type { EntityStorage } from './entities';
import type { KvStore } from './kv';

/**
 * `$db` in server code and `client.db` in the browser (platform.md §6): the key-value store
 * plus `entity()`. The methods are plain delegations so callers may `Reflect.apply` them.
 */
export class Db implements DbApi {
  constructor(
    readonly kv: KvStore,
    readonly entities?: EntityStorage,
  ) {}

  set(key: string, value: object, options?: { ttl?: number; setIf?: 'exist' | 'not_exist' }): Promise<{ Created: true }> {
    return this.kv.set(key, value, options);
  }

  get(key: string): Promise<unknown> {
    return this.kv.get(key);
  }

  update(key: string, action: 'increment' | 'append' | 'set' | 'remove', attributes: object | string[]): Promise<{ Updated: true }> {
    return this.kv.update(key, action, attributes);
  }

  delete(key: string): Promise<{ Deleted: true }> {
    return this.kv.delete(key);
  }

  /** Throws (an EntityError, a PlatformError) when the app has no config/entities.json. */
  entity(options: { version: string }): { get(name: string): EntityApi } {
    if (this.entities?.defined !== true) throw noEntitiesFile();
    return this.entities.entity(options);
  }

  wipe(): void {
    this.kv.wipe();
    this.entities?.wipe();
  }
}
