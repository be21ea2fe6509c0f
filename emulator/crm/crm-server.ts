import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { systemClock, type Clock } from '../clock';
import { ADMIN_PREFIX, handleAdmin } from './admin';
import type { CrmHandler, CrmReply } from './context';
import { internalCall } from './internal';
import { ChangeFeed } from './feed/change-feed';
import { buildProductEvent } from './feed/product-events';
import { FaultController, seededRandom, type FaultRule } from './faults';
import { DEFAULT_MAX_BODY_BYTES } from './http/body';
import { Router, type Method } from './http/router';
import { API_PREFIX, handle, type PipelineDeps } from './pipeline';
import { RateLimiter } from './rate-limit';
import { registerResources, type RegisterRoutes } from './resources/index';
import { saveSnapshot, type CrmStore } from './store';

export interface CrmServerOptions {
  store: CrmStore;
  /** Resource modules to serve; see resources/all.ts. */
  resources: RegisterRoutes[];
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  clock?: Clock;
  faults?: FaultRule[];
  /** Seeds the generator that decides which calls a fault hits. */
  faultSeed?: number;
  maxBodyBytes?: number;
  /** Persist the store here after writes and on close. */
  dataFile?: string;
  /** `false` switches the account's API limits off (throughput benchmarks only). */
  limits?: boolean;
}

export interface CrmServer {
  /** e.g. http://127.0.0.1:54321 */
  url: string;
  /** e.g. http://127.0.0.1:54321/crm/sales/api */
  apiBase: string;
  /** The key of the account's first user. */
  apiKey: string;
  store: CrmStore;
  feed: ChangeFeed;
  faults: FaultController;
  limiter: RateLimiter;
  clock: Clock;
  routes(): string[];
  /** Serve a request that arrived elsewhere (the platform emulator routes hosts here in process). */
  handle(request: IncomingMessage, response: ServerResponse): void;
  /**
   * A call made by the product's own UI (the emulator's host page), acting as the account's
   * first active user: no API key, no rate limit, no faults, but the same handlers and change feed.
   */
  internal(method: Method, pathAndQuery: string, body?: unknown): CrmReply;
  save(): void;
  close(): Promise<void>;
}

const SAVE_DELAY_MS = 200;

function debouncedSaver(store: CrmStore, file: string | undefined) {
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (file !== undefined) saveSnapshot(store, file);
  };
  const schedule = () => {
    if (file === undefined || timer !== undefined) return;
    timer = setTimeout(flush, SAVE_DELAY_MS);
  };
  return { schedule, flush };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

function faultController(options: CrmServerOptions): FaultController {
  const faults = new FaultController(seededRandom(options.faultSeed ?? 1));
  (options.faults ?? []).forEach((rule) => faults.add(rule));
  return faults;
}

function limiterFor(options: CrmServerOptions, clock: Clock): RateLimiter {
  return options.limits === false ? RateLimiter.unlimited(clock) : RateLimiter.forPlan(clock, options.store.account.plan);
}

/** Starts the Freshsales stand-in over HTTP. */
export async function startCrmServer(options: CrmServerOptions): Promise<CrmServer> {
  const clock = options.clock ?? systemClock;
  const store = options.store;
  const feed = new ChangeFeed(buildProductEvent);
  const faults = faultController(options);
  const limiter = limiterFor(options, clock);
  const router = registerResources(new Router<CrmHandler>(), options.resources);
  const saver = debouncedSaver(store, options.dataFile);
  const deps: PipelineDeps = {
    context: { store, clock, feed },
    router,
    limiter,
    faults,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    onWrite: saver.schedule,
    hanging: new Set(),
  };
  const host = options.host ?? '127.0.0.1';
  const admin = { faults, feed, limiter, info: () => ({ url, apiBase: `${url}${API_PREFIX}`, account: store.account }) };
  const serve = (request: IncomingMessage, response: ServerResponse) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    const work = path.startsWith(`${ADMIN_PREFIX}/`) ? handleAdmin(admin, request, response, path) : handle(deps, request, response);
    work.catch((error: unknown) => {
      console.error('[crm stand-in] request failed:', error);
      if (!response.headersSent) response.writeHead(500).end();
    });
  };
  const server = createServer(serve);
  server.keepAliveTimeout = 5_000;
  const port = await listen(server, options.port ?? 0, host);
  const url = `http://${host}:${port}`;
  const apiKey = Object.keys(store.apiKeys)[0] ?? '';
  return {
    url,
    apiBase: `${url}${API_PREFIX}`,
    apiKey,
    store,
    feed,
    faults,
    limiter,
    clock,
    routes: () => router.list(),
    handle: serve,
    internal: (method, pathAndQuery, body) => {
      const reply = internalCall(deps.context, router, method, pathAndQuery, body);
      if (method !== 'GET' && reply.status < 300) saver.schedule();
      return reply;
    },
    save: saver.flush,
    close: async () => {
      saver.flush();
      deps.hanging.forEach((response) => response.destroy());
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
