import type { Clock } from '../clock';
import { startCrmServer, type CrmServer } from './crm-server';
import type { FaultRule } from './faults';
import { ALL_RESOURCES } from './resources/all';
import { createSeededStore } from './seed/index';
import { loadSnapshot, type CrmStore, type Plan } from './store';

export interface StandInOptions {
  /** Seed of the demo data (default 1); ignored when `dataFile` already holds a snapshot. */
  seed?: number;
  port?: number;
  host?: string;
  /** Load the store from this snapshot if it exists, and save it there after writes. */
  dataFile?: string;
  plan?: Plan;
  clock?: Clock;
  faults?: FaultRule[];
  faultSeed?: number;
  limits?: boolean;
}

function storeFor(options: StandInOptions, now: number): CrmStore {
  const loaded = options.dataFile === undefined ? undefined : loadSnapshot(options.dataFile);
  const store = loaded ?? createSeededStore(options.seed ?? 1, { now });
  if (options.plan !== undefined) store.account.plan = options.plan;
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
