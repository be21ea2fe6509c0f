import type { Clock } from '../clock';
import { startCrmServer, type CrmServer } from './crm-server';
import type { FaultRule } from './faults';
import { ALL_RESOURCES } from './resources/all';
import { createSeededStore } from './seed/index';
import { loadSnapshot, type CrmStore, type Plan, type Profile } from './store';
import { ianaTimeZone } from './zone';

export interface StandInOptions {
  /** Seed of the demo data (default 1); ignored when `dataFile` already holds a snapshot. */
  seed?: number;
  port?: number;
  host?: string;
  /** Load the store from this snapshot if it exists, and save it there after writes. */
  dataFile?: string;
  plan?: Plan;
  /**
   * `real` answers as real accounts do (freshsales-api.md §11; seed/real-profile.ts). A
   * snapshot keeps the profile it was made with: asking for another one is an error.
   */
  profile?: Profile;
  /**
   * IANA zone of the account's timestamps, e.g. `Europe/Berlin` (default Asia/Kolkata, +05:30;
   * Europe/Berlin for the real profile). Also applies to a loaded snapshot.
   */
  timeZone?: string;
  clock?: Clock;
  faults?: FaultRule[];
  faultSeed?: number;
  limits?: boolean;
}

function loaded(options: StandInOptions): CrmStore | undefined {
  const store = options.dataFile === undefined ? undefined : loadSnapshot(options.dataFile);
  const asked = options.profile;
  if (store !== undefined && asked !== undefined && asked !== store.account.profile) {
    throw new Error(`${options.dataFile ?? ''} holds a stand-in of the ${store.account.profile} profile, not ${asked}: remove the file or leave the profile out`);
  }
  return store;
}

function storeFor(options: StandInOptions, now: number): CrmStore {
  const timeZone = options.timeZone === undefined ? undefined : ianaTimeZone(options.timeZone);
  const store = loaded(options) ?? createSeededStore(options.seed ?? 1, { now, profile: options.profile, timeZone });
  if (options.plan !== undefined) store.account.plan = options.plan;
  if (timeZone !== undefined) store.account.timeZone = timeZone;
  return store;
}

/** The Freshsales stand-in with every resource, on seeded demo data or a snapshot. */
export function startStandIn(options: StandInOptions = {}): Promise<CrmServer> {
  const now = options.clock?.now() ?? Date.now();
  return startCrmServer({
    store: storeFor(options, now),
    resources: ALL_RESOURCES,
    port: options.port,
    host: options.host,
    clock: options.clock,
    faults: options.faults,
    faultSeed: options.faultSeed,
    dataFile: options.dataFile,
    limits: options.limits,
  });
}
