import type { CrmStore } from '../store';
import { DEFAULT_TIME_ZONE } from '../zone';
import { createAccountStore, type AccountOptions } from './account';
import { applyRealProfile, REAL_PROFILE_TIME_ZONE } from './real-profile';
import { seedRecords } from './records';

export { SEED_COUNTS, SEED_LANDMARKS, seedLandmarks, seedRecords, type SeedLandmarks } from './records';

/** The default `now` of the seed: the same instant the test harness's ManualClock starts at. */
export const DEFAULT_SEED_NOW = Date.parse('2026-11-02T09:00:00Z');

/**
 * The demo account filled with deterministic demo records: the same seed and `now` give the
 * same data byte for byte. Pass the clock's `now` so tasks and appointments fall around it.
 * The `real` profile seeds the same records (in Europe/Berlin unless a zone is given) and then
 * reshapes the settings as real accounts have them (seed/real-profile.ts).
 */
export function createSeededStore(seed = 1, options: AccountOptions & { now?: number } = {}): CrmStore {
  const { now = DEFAULT_SEED_NOW, ...account } = options;
  const real = account.profile === 'real';
  const store = createAccountStore({ ...account, profile: 'default', timeZone: account.timeZone ?? (real ? REAL_PROFILE_TIME_ZONE : DEFAULT_TIME_ZONE) });
  seedRecords(store, seed, now);
  return real ? applyRealProfile(store) : store;
}
