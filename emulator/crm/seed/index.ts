import type { CrmStore } from '../store';
import { createAccountStore, type AccountOptions } from './account';
import { seedRecords } from './records';

export { SEED_COUNTS, SEED_LANDMARKS, seedLandmarks, seedRecords, type SeedLandmarks } from './records';

/** The default `now` of the seed: the same instant the test harness's ManualClock starts at. */
export const DEFAULT_SEED_NOW = Date.parse('2026-11-02T09:00:00Z');

/**
 * The demo account filled with deterministic demo records: the same seed and `now` give the
 * same data byte for byte. Pass the clock's `now` so tasks and appointments fall around it.
 */
export function createSeededStore(seed = 1, options: AccountOptions & { now?: number } = {}): CrmStore {
  const { now = DEFAULT_SEED_NOW, ...account } = options;
  const store = createAccountStore(account);
  seedRecords(store, seed, now);
  return store;
}
