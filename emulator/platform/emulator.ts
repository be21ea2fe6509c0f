import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ManualClock, systemClock, type Clock } from '../clock';
import type { CrmServer } from '../crm/crm-server';
import { Router } from '../crm/http/router';
import { startStandIn } from '../crm/stand-in';
import type { Profile } from '../crm/store';
import { loadApp } from './app-loader';
import { chooseUser, fetchAccountUsers, loggedInUserJson, type AccountUser } from './logged-in-user';
import type { EmulatorRoute, InstallOutcome } from './context';
import { externalEventRoutes } from './events/external-route';
import { registerFrontendApi } from './frontend/api';
import { serveAppFiles } from './frontend/app-files';
import { registerHostPages } from './frontend/pages';
import { dispatch, sendJson } from './http/dispatch';
import { registerSettingsPages } from './install/settings-page';
import { Inspector } from './inspector/inspector';
import { registerInspector } from './inspector/page';
import { readPlatformState, type PlatformState } from './persistence';
import { Platform } from './platform';
import { createHostRouting } from './requests/routing';
import type { InstallationIdentity, LoadedApp } from './types';
import { webTestRoutes } from './webtest/routes';

export const DEFAULT_PORT = 10001;
/** The account id installations get when no stand-in says another. */
const DEMO_ACCOUNT_ID = '1967183444532229946';

/**
 * Where templates addressed to *.myfreshworks.com go. With `apiKey`, a URL or live account
 * also says who signs in: one of its users, read from `GET /selector/owners`.
 */
export type CrmTarget =
  | {
      kind: 'stand-in';
      seed?: number;
      server?: CrmServer;
      /** The stand-in's own snapshot file (startStandIn). */
      dataFile?: string;
      /** The stand-in's profile and zone (startStandIn). */
      profile?: Profile;
      timeZone?: string;
    }
  | { kind: 'url'; url: string; domain?: string; apiKey?: string }
  | { kind: 'live'; domain: string; apiKey?: string };

export interface EmulatorOptions {
  appDir: string;
  /** 10001 like `fdk run`; 0 picks a free port. */
  port?: number;
  host?: string;
  clock?: Clock;
  crm?: CrmTarget;
  /** Exact hostnames (a customer's webhook receiver) → local base URLs. */
  hostOverrides?: Record<string, string>;
  invocationTimeoutMs?: number;
  requestTimeoutMs?: number;
  /**
   * Sign in as this user of the account (any case); the first active user by default. An
   * email that names no active user stops the start with an error listing the active ones.
   */
  userEmail?: string;
  /** How many inspector entries to keep (1,000 by default); benchmarks that count every call keep more. */
  inspectorKeep?: number;
  /** How often due schedules are checked on a real clock (ms); a ManualClock fires them in advance(). */
  scheduleTickMs?: number;
  /**
   * The platform state file (persistence.ts): loaded at start if it exists (the app is then
   * installed as it was), rewritten after every change. Memory only without it.
   */
  dataFile?: string;
}

export interface Emulator {
  url: string;
  app: LoadedApp;
  platform: Platform;
  crm?: CrmServer;
  inspector: Inspector;
  clock: Clock;
  /** True when the installation was loaded from `dataFile` at start. */
  restored: boolean;
  install(values: Record<string, unknown>): Promise<InstallOutcome>;
  uninstall(): Promise<InstallOutcome>;
  recordUrl(type: 'contacts' | 'deals' | 'accounts', id?: number): string;
  settingsUrl(): string;
  /** POSTs a webhook to the installation's URL, as a third party would. */
  postExternalEvent(body: string, contentType?: string, headers?: Record<string, string>): Promise<{ status: number; text: string }>;
  /** Moves a ManualClock, fires due schedules, and waits for queued events. */
  advance(ms: number): Promise<void>;
  /** Waits until every queued event handler has finished. */
  idle(): Promise<void>;
  close(): Promise<void>;
  /**
   * For tests: the process dies. The platform instance stops at once (handlers still running
   * in it get rejections from every store, schedule and template call; nothing more is
   * written), then the HTTP server closes. A new startEmulator with the same dataFile carries on.
   */
  kill(): Promise<void>;
}

const PROJECT_NODE_MODULES = join(__dirname, '..', '..', 'node_modules');

async function crmFor(target: CrmTarget, clock: Clock): Promise<{ server?: CrmServer; owned: boolean }> {
  if (target.kind !== 'stand-in') return { owned: false };
  if (target.server !== undefined) return { server: target.server, owned: false };
  const server = await startStandIn({ seed: target.seed ?? 1, clock, dataFile: target.dataFile, profile: target.profile, timeZone: target.timeZone });
  return { server, owned: true };
}

function domainFor(target: CrmTarget, crm: CrmServer | undefined): string {
  if (crm !== undefined) return crm.store.account.domain;
  return target.kind === 'stand-in' ? 'demo.myfreshworks.com' : (target.domain ?? 'demo.myfreshworks.com');
}

function identityFor(app: LoadedApp, domain: string, crm: CrmServer | undefined): InstallationIdentity {
  const modules = Object.keys(app.manifest.modules).filter((name) => name !== 'common');
  return {
    id: 'installation',
    accountId: crm?.store.account.accountId ?? DEMO_ACCOUNT_ID,
    domain,
    region: crm?.store.account.region ?? 'US',
    currentHost: { subscribed_modules: modules, endpoint_urls: { freshworks_crm: `https://${domain}` } },
  };
}

/** The users of the account the templates go to, when the emulator can read them. */
async function accountUsers(target: CrmTarget, crm: CrmServer | undefined, domain: string): Promise<{ users: AccountUser[]; where: string } | undefined> {
  if (crm !== undefined) return { users: crm.store.users, where: 'the Freshsales stand-in' };
  if (target.kind === 'stand-in' || target.apiKey === undefined) return undefined;
  const base = target.kind === 'url' ? target.url : `https://${domain}`;
  return { users: await fetchAccountUsers(base, target.apiKey), where: base };
}

/**
 * The signed-in user (platform.md §7.2): a user of the account, the one `email` names or the
 * first active one. Only a `--crm-url` given without an API key leaves nothing to read the
 * users with: an "Emulator User" then stands in, whom that server will not take as an owner.
 */
async function loggedInUserFor(target: CrmTarget, crm: CrmServer | undefined, domain: string, email?: string): Promise<Record<string, unknown>> {
  const accountId = crm?.store.account.accountId ?? DEMO_ACCOUNT_ID;
  const account = await accountUsers(target, crm, domain);
  if (account !== undefined) return loggedInUserJson(chooseUser(account.users, account.where, email), accountId);
  if (email !== undefined) throw new Error('--user-email needs the API key of the account (--api-key) to read its users');
  return loggedInUserJson({ id: 1, display_name: 'Emulator User', email: `user@${domain}` }, accountId);
}

/** The signed-in user, closing a stand-in started for this emulator when there is none. */
async function signedInUser(target: CrmTarget, started: { server?: CrmServer; owned: boolean }, domain: string, email?: string) {
  try {
    return await loggedInUserFor(target, started.server, domain, email);
  } catch (error) {
    if (started.owned) await started.server?.close();
    throw error;
  }
}

function crmBaseUrl(target: CrmTarget, crm: CrmServer | undefined): string | undefined {
  if (crm !== undefined) return crm.url;
  return target.kind === 'url' ? target.url : undefined;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

function routerFor(platform: Platform): Router<EmulatorRoute> {
  const router = new Router<EmulatorRoute>();
  [registerHostPages, registerFrontendApi, registerSettingsPages, registerInspector, externalEventRoutes(platform)].forEach((register) => register(router));
  webTestRoutes(platform)(router);
  return router;
}

function handler(platform: Platform, router: Router<EmulatorRoute>) {
  return (request: IncomingMessage, response: ServerResponse) => {
    const work = async () => {
      if (await serveAppFiles(platform, request, response)) return;
      if (!(await dispatch(router, platform, request, response))) sendJson(response, 404, { message: `Not found: ${request.url ?? ''}` });
    };
    work().catch((error: unknown) => sendJson(response, 500, { message: error instanceof Error ? error.message : 'internal error' }));
  };
}

function scheduleTicker(platform: Platform, clock: Clock, everyMs: number | undefined): NodeJS.Timeout | undefined {
  if (clock instanceof ManualClock || everyMs === 0) return undefined;
  // A failed save of a firing must not become an unhandled rejection.
  const tick = () => platform.runDueSchedules().catch((error: unknown) => console.error(`Scheduled events: ${error instanceof Error ? error.message : String(error)}`));
  const timer = setInterval(() => void tick(), everyMs ?? 1000);
  timer.unref();
  return timer;
}

const savedState = (file: string | undefined): PlatformState | undefined => (file === undefined ? undefined : readPlatformState(file));

/** Stops serving: the ticker, the product-event feed, the HTTP server, and a stand-in it started. */
function stopper(parts: { server: Server; ticker?: NodeJS.Timeout; unsubscribe?: () => void; crm?: CrmServer; owned: boolean }): () => Promise<void> {
  return async () => {
    if (parts.ticker !== undefined) clearInterval(parts.ticker);
    parts.unsubscribe?.();
    parts.server.closeAllConnections();
    await new Promise<void>((resolve) => parts.server.close(() => resolve()));
    if (parts.owned) await parts.crm?.close();
  };
}

/** Starts the platform emulator with an app directory, on the stand-in by default. */
export async function startEmulator(options: EmulatorOptions): Promise<Emulator> {
  const clock = options.clock ?? systemClock;
  const target = options.crm ?? { kind: 'stand-in' };
  const app = await loadApp(options.appDir);
  // Read before anything starts, so an unreadable file stops the start with nothing to clean up.
  const restored = savedState(options.dataFile);
  const started = await crmFor(target, clock);
  const { server: crm, owned } = started;
  const domain = domainFor(target, crm);
  const loggedInUser = await signedInUser(target, started, domain, options.userEmail);
  const inspector = new Inspector(clock, options.inspectorKeep);
  let url = '';
  const platform = new Platform({
    app,
    clock,
    inspector,
    crm,
    routing: createHostRouting({ crmBaseUrl: crmBaseUrl(target, crm), live: target.kind === 'live', overrides: options.hostOverrides }),
    identity: identityFor(app, domain, crm),
    loggedInUser,
    baseUrl: () => url,
    invocationTimeoutMs: options.invocationTimeoutMs,
    requestTimeoutMs: options.requestTimeoutMs,
    nodeModules: [PROJECT_NODE_MODULES],
    dataFile: options.dataFile,
    restored,
  });
  const unsubscribe = crm?.feed.subscribe((event) => void platform.dispatchProduct(event));
  const server = createServer(handler(platform, routerFor(platform)));
  const host = options.host ?? '127.0.0.1';
  const port = await listen(server, options.port ?? DEFAULT_PORT, host);
  url = `http://${host === '127.0.0.1' ? 'localhost' : host}:${port}`;
  const ticker = scheduleTicker(platform, clock, options.scheduleTickMs);
  const stop = stopper({ server, ticker, unsubscribe, crm, owned });
  return {
    url,
    app,
    platform,
    crm,
    inspector,
    clock,
    restored: platform.installation() !== undefined,
    install: (values) => platform.install(values),
    uninstall: () => platform.uninstall(),
    recordUrl: (type, id) => `${url}/crm/sales/${type}${id === undefined ? '' : `/${id}`}`,
    settingsUrl: () => `${url}/__fdk/settings`,
    postExternalEvent: async (body, contentType = 'application/json', headers = {}) => {
      const targetUrl = platform.installation()?.services.targetUrl();
      if (targetUrl === undefined) throw new Error('install the app before posting external events');
      const response = await fetch(targetUrl, { method: 'POST', headers: { 'Content-Type': contentType, ...headers }, body });
      return { status: response.status, text: await response.text() };
    },
    advance: async (ms) => {
      if (!(clock instanceof ManualClock)) throw new Error('advance() needs a ManualClock');
      clock.advance(ms);
      await platform.runDueSchedules();
      await platform.idle();
    },
    idle: () => platform.idle(),
    close: async () => {
      await stop();
      // Nothing that still runs in a closed emulator may overwrite the state a successor reads.
      platform.kill();
    },
    kill: () => {
      platform.kill();
      return stop();
    },
  };
}
