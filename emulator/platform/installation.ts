import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock';
import type { InstallationRuntime } from './context';
import type { Inspector } from './inspector/inspector';
import { MinuteWindow } from './minute-window';
import type { InstallationState, StoreJournal } from './persistence';
import { RequestEngine } from './requests/engine';
import type { createHostRouting } from './requests/routing';
import { Scheduler } from './scheduler/scheduler';
import { Db, EntityStorage } from './storage/entities';
import { KvStore } from './storage/kv';
import type { InstallationIdentity, InstallationServices, LoadedApp } from './types';

/** Per-installation limits of platform.md §2.7. */
export const LIMITS = {
  requestsPerMinute: 50,
  kvOpsPerMinute: 50,
  smiPerMinute: 50,
  externalEventsPerMinute: 250,
  entityOpsPerMinute: 250,
} as const;

export interface InstallationDeps {
  app: LoadedApp;
  clock: Clock;
  inspector: Inspector;
  routing: ReturnType<typeof createHostRouting>;
  identity: InstallationIdentity;
  baseUrl: () => string;
  requestTimeoutMs?: number;
  /** Saves the platform state after each store change; refuses once the platform has stopped. */
  journal?: StoreJournal;
}

/** One installation of the app: its saved iparams, budgets, store, schedules and request method. */
export class Installation implements InstallationRuntime {
  /** Part of the external-event URL, so the URL cannot be guessed from the installation id. */
  readonly token: string;
  readonly windows: Record<'requests' | 'kv' | 'smi' | 'external' | 'entities', MinuteWindow>;
  readonly kv: KvStore;
  readonly entities: EntityStorage;
  readonly db: Db;
  readonly scheduler: Scheduler;
  readonly engine: RequestEngine;
  readonly services: InstallationServices;

  constructor(
    readonly id: string,
    /** Replaced when an admin saves edited settings. */
    public iparams: Record<string, unknown>,
    deps: InstallationDeps,
    /** Given when restoring a saved installation, so its external-event URL stays the same. */
    token = randomBytes(12).toString('hex'),
  ) {
    this.token = token;
    const { clock, inspector, journal } = deps;
    this.windows = {
      requests: new MinuteWindow(clock, 'request method (50/min)', LIMITS.requestsPerMinute),
      kv: new MinuteWindow(clock, 'key-value store (50/min)', LIMITS.kvOpsPerMinute),
      smi: new MinuteWindow(clock, 'server method invocations (50/min)', LIMITS.smiPerMinute),
      external: new MinuteWindow(clock, 'external events (250/min)', LIMITS.externalEventsPerMinute),
      entities: new MinuteWindow(clock, 'entity storage (250/min)', LIMITS.entityOpsPerMinute),
    };
    Object.values(this.windows).forEach((window) => inspector.budget(window.name, () => window.budget()));
    this.kv = new KvStore(clock, this.windows.kv, inspector, journal);
    this.entities = new EntityStorage(deps.app.entities, clock, this.windows.entities, inspector, {}, journal);
    this.db = new Db(this.kv, this.entities);
    this.scheduler = new Scheduler(clock, inspector, {}, journal);
    this.engine = new RequestEngine({
      app: deps.app,
      iparams: () => this.iparams,
      routing: deps.routing,
      clock,
      inspector,
      window: this.windows.requests,
      timeoutMs: deps.requestTimeoutMs,
      currentHost: () => deps.identity.currentHost,
    });
    this.services = {
      identity: deps.identity,
      iparams: () => this.iparams,
      invokeTemplate: (caller, name, options) => this.engine.invoke(caller, name, options),
      db: this.db,
      schedules: this.scheduler,
      targetUrl: () => `${deps.baseUrl()}/__fdk/events/${this.id}/${this.token}`,
    };
  }

  /** Everything about the installation that outlives the process (persistence.ts). */
  state(): InstallationState {
    return { id: this.id, token: this.token, iparams: this.iparams, kv: this.kv.state(), entities: this.entities.state(), schedules: this.scheduler.state() };
  }

  /** A saved installation, as it was: same id, token (so the same URL), iparams and data. */
  static fromState(state: InstallationState, deps: InstallationDeps): Installation {
    const installation = new Installation(state.id, state.iparams, deps, state.token);
    installation.kv.restore(state.kv);
    installation.entities.restore(state.entities);
    installation.scheduler.restore(state.schedules);
    return installation;
  }

  /** Uninstall removes the installation's data and schedules for good (platform.md §4.1). */
  wipe(): void {
    this.kv.wipe();
    this.entities.wipe();
    this.scheduler.wipe();
    Object.values(this.windows).forEach((window) => window.reset());
  }
}
