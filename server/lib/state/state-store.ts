import type { Host } from '../platform/host';
import { describeRejection, isNotFound } from '../platform/rejection';
import { migrateState, STATE_KEY, type AppState } from './app-state';

/**
 * The state key of one invocation: read at most once, written with path updates so that
 * invocations running side by side do not overwrite each other's fields.
 */
export class StateStore {
  private loaded?: Promise<AppState | undefined>;
  private stored = false;

  constructor(private readonly host: Host) {}

  /** The state, or undefined when the store refused (rate limit): then the caller defers its work. */
  read(): Promise<AppState | undefined> {
    this.loaded ??= this.fetch();
    return this.loaded;
  }

  private async fetch(): Promise<AppState | undefined> {
    try {
      const { state, migrated } = migrateState(await this.host.kv.get(STATE_KEY));
      this.stored = !migrated;
      if (migrated) await this.write(state);
      return state;
    } catch (error) {
      if (isNotFound(error)) return migrateState(undefined).state;
      this.host.log.warn(`state: could not read ${STATE_KEY} (${describeRejection(error)}); deferring work to the queue`);
      return undefined;
    }
  }

  private async write(state: AppState): Promise<void> {
    await this.host.kv.set(STATE_KEY, state);
    this.stored = true;
  }

  /**
   * Sets top-level fields (`update` with `set`), creating the key in full the first time so
   * that it always carries its version. Resolves false when the store refused.
   */
  async set(fields: Partial<AppState>): Promise<boolean> {
    const state = await this.read();
    if (state === undefined) return false;
    Object.assign(state, fields);
    return this.attempt(() => (this.stored ? this.host.kv.update(STATE_KEY, 'set', fields) : this.write(state)));
  }

  /** Adds to top-level counters atomically (`update` with `increment`). */
  async increment(fields: Partial<Record<'budget_used', number>>): Promise<boolean> {
    const state = await this.read();
    if (state === undefined) return false;
    state.budget_used += fields.budget_used ?? 0;
    return this.attempt(() => (this.stored ? this.host.kv.update(STATE_KEY, 'increment', fields) : this.write(state)));
  }

  private async attempt(write: () => Promise<unknown>): Promise<boolean> {
    try {
      await write();
      return true;
    } catch (error) {
      this.host.log.warn(`state: could not write ${STATE_KEY} (${describeRejection(error)})`);
      return false;
    }
  }
}
