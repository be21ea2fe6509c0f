import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CrmContext, CrmHandler, CrmReply, CrmRequest } from './context';
import type { FaultController, FaultEffect } from './faults';
import { readJsonBody } from './http/body';
import { CrmError, errorBody, unauthorized } from './http/errors';
import { htmlErrorPage, send, truncateBody, type Outgoing } from './http/reply';
import { answerAsAccount } from './profile-answers';
import type { Match, Method, Router } from './http/router';
import type { RateLimiter } from './rate-limit';

export const API_PREFIX = '/crm/sales/api';

export interface PipelineDeps {
  context: CrmContext;
  router: Router<CrmHandler>;
  limiter: RateLimiter;
  faults: FaultController;
  maxBodyBytes: number;
  /** Called after each successful write, e.g. to save a snapshot. */
  onWrite: () => void;
  /** Sockets held open by hang faults, so close() can drop them. */
  hanging: Set<ServerResponse>;
}

const TOKEN = /^Token token=(.+)$/;

function actorFor(deps: PipelineDeps, request: IncomingMessage) {
  const match = TOKEN.exec(request.headers.authorization ?? '');
  const userId = match?.[1] === undefined ? undefined : deps.context.store.apiKeys[match[1].trim()];
  return deps.context.store.user(userId);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** 429 with `Retry-After` in whole seconds, which real clients read (§8, §11). */
function rateLimited(headers: Record<string, string>, retryAfterSeconds: number): Outgoing {
  return {
    status: 429,
    headers: { ...headers, 'X-RateLimit-Remaining': '0', 'Retry-After': String(retryAfterSeconds) },
    body: errorBody(429, ['Too many requests: the API limit for this account has been reached']),
  };
}

function serverError(error: unknown): Outgoing {
  console.error('[crm stand-in] handler failed:', error);
  return { status: 500, body: errorBody(500, ['Internal server error']) };
}

function runHandler(deps: PipelineDeps, handler: CrmHandler, request: CrmRequest): CrmReply {
  try {
    const reply = handler(request, deps.context);
    if (request.method !== 'GET' && reply.status < 300) deps.onWrite();
    return answerAsAccount(deps.context.store.account, request, reply);
  } catch (error) {
    if (error instanceof CrmError) return { status: error.status, body: error.body, headers: error.headers };
    return serverError(error);
  }
}

function hold(deps: PipelineDeps, response: ServerResponse, ms: number): void {
  deps.hanging.add(response);
  const timer = setTimeout(() => {
    deps.hanging.delete(response);
    response.destroy();
  }, ms);
  response.on('close', () => {
    clearTimeout(timer);
    deps.hanging.delete(response);
  });
}

async function parseRequest(deps: PipelineDeps, incoming: IncomingMessage, url: URL, matched: Match<CrmHandler>): Promise<CrmRequest> {
  const body = await readJsonBody(incoming, deps.maxBodyBytes);
  return {
    method: incoming.method as Method,
    path: url.pathname.slice(API_PREFIX.length),
    route: matched.route,
    params: matched.params,
    query: url.searchParams,
    body,
    headers: incoming.headers,
    actor: actorFor(deps, incoming) as CrmRequest['actor'],
  };
}

/** A synthetic failure instead of the real answer: 429, or a 5xx (HTML unless it is a 500). */
function sendFaultAnswer(response: ServerResponse, effect: FaultEffect, headers: Record<string, string>): boolean {
  if (effect.kind === 'rate_limit') {
    send(response, rateLimited(headers, effect.retryAfterSeconds));
    return true;
  }
  if (effect.kind !== 'error') return false;
  if (effect.status === 500) send(response, { status: 500, headers, body: errorBody(500, ['Internal server error']) });
  else send(response, { status: effect.status, headers }, htmlErrorPage(effect.status));
  return true;
}

function routeMissing(method: string, path: string, notAllowed: boolean, headers: Record<string, string>): Outgoing {
  if (notAllowed) return { status: 405, headers, body: errorBody(405, [`${method} is not allowed on ${path}`]) };
  return { status: 404, headers, body: errorBody(404, [`No route matches ${path}`]) };
}

function toOutgoing(error: unknown): Outgoing {
  return error instanceof CrmError ? { status: error.status, body: error.body, headers: error.headers } : serverError(error);
}

async function respondTo(deps: PipelineDeps, incoming: IncomingMessage, url: URL, matched: Match<CrmHandler>): Promise<Outgoing> {
  let request: CrmRequest;
  try {
    request = await parseRequest(deps, incoming, url, matched);
  } catch (error) {
    return toOutgoing(error);
  }
  return runHandler(deps, matched.handler, request);
}

function deliver(deps: PipelineDeps, response: ServerResponse, reply: Outgoing, effect: FaultEffect): void {
  if (effect.kind === 'hang') return hold(deps, response, effect.ms);
  if (effect.kind === 'truncate' && reply.body !== undefined) return send(response, reply, truncateBody);
  if (effect.kind === 'malformed') return send(response, reply, htmlErrorPage(reply.status));
  send(response, reply);
}

function target(incoming: IncomingMessage, url: URL): { method: string; path: string } {
  return { method: incoming.method ?? 'GET', path: url.pathname.slice(API_PREFIX.length) || '/' };
}

async function handleApi(deps: PipelineDeps, incoming: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
  if (actorFor(deps, incoming) === undefined) return send(response, toOutgoing(unauthorized()));
  const { method, path } = target(incoming, url);
  const decision = deps.limiter.take();
  if (!decision.allowed) return send(response, rateLimited(decision.headers, decision.retryAfterSeconds ?? 1));
  const matched = deps.router.match(method, path);
  if (typeof matched !== 'object') return send(response, routeMissing(method, path, matched !== undefined, decision.headers));
  const plan = deps.faults.plan(matched.route);
  if (plan.latencyMs > 0) await sleep(plan.latencyMs);
  if (sendFaultAnswer(response, plan.effect, decision.headers)) return;
  const reply = await respondTo(deps, incoming, url, matched);
  deliver(deps, response, { ...reply, headers: { ...decision.headers, ...reply.headers } }, plan.effect);
}

/** The stand-in's request pipeline: auth, route, rate limit, faults, body, handler. */
export async function handle(deps: PipelineDeps, incoming: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(incoming.url ?? '/', 'http://stand-in.local');
  if (url.pathname.startsWith(`${API_PREFIX}/`) || url.pathname === API_PREFIX) {
    await handleApi(deps, incoming, response, url);
    return;
  }
  send(response, { status: 404, body: errorBody(404, [`No route matches ${url.pathname}`]) });
}
