import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ChangeFeed } from './feed/change-feed';
import { parseFaultSpec, validateRule, type FaultController, type FaultRule } from './faults';
import { readJsonBody } from './http/body';
import { CrmError } from './http/errors';
import { send } from './http/reply';
import type { RateLimiter } from './rate-limit';

/**
 * `/_crm/…`: the stand-in's own controls, for tests and tools in another process. Not part
 * of the Freshsales API and not authenticated (the stand-in listens on localhost).
 */
export const ADMIN_PREFIX = '/_crm';

export interface AdminDeps {
  faults: FaultController;
  feed: ChangeFeed;
  limiter: RateLimiter;
  info: () => Record<string, unknown>;
}

function ruleFrom(body: unknown): FaultRule {
  if (typeof body === 'object' && body !== null && 'spec' in body) return parseFaultSpec(String(body.spec));
  validateRule(body as FaultRule);
  return body as FaultRule;
}

async function addFault(deps: AdminDeps, request: IncomingMessage, response: ServerResponse): Promise<void> {
  try {
    const id = deps.faults.add(ruleFrom(await readJsonBody(request, 65_536)));
    send(response, { status: 201, body: { id } });
  } catch (error) {
    const message = error instanceof CrmError ? JSON.stringify(error.body) : (error as Error).message;
    send(response, { status: 400, body: { error: message } });
  }
}

type AdminRoute = (deps: AdminDeps, request: IncomingMessage, response: ServerResponse, rest: string) => Promise<void> | void;

const ROUTES: Record<string, AdminRoute> = {
  'GET /health': (deps, _req, res) => send(res, { status: 200, body: { ok: true, ...deps.info() } }),
  'GET /faults': (deps, _req, res) => send(res, { status: 200, body: { faults: deps.faults.list() } }),
  'POST /faults': addFault,
  'DELETE /faults': (deps, _req, res) => {
    deps.faults.clear();
    send(res, { status: 200, body: { cleared: true } });
  },
  'GET /events': (deps, _req, res) => send(res, { status: 200, body: { events: deps.feed.recent() } }),
  'GET /usage': (deps, _req, res) => send(res, { status: 200, body: deps.limiter.usage() }),
};

export async function handleAdmin(deps: AdminDeps, request: IncomingMessage, response: ServerResponse, path: string): Promise<void> {
  const key = `${request.method ?? 'GET'} ${path.slice(ADMIN_PREFIX.length)}`;
  const deleteOne = /^DELETE \/faults\/(\d+)$/.exec(key);
  if (deleteOne?.[1] !== undefined) {
    const removed = deps.faults.remove(Number(deleteOne[1]));
    return send(response, { status: removed ? 200 : 404, body: { removed } });
  }
  const route = ROUTES[key];
  if (route === undefined) return send(response, { status: 404, body: { error: `no admin route ${key}` } });
  await route(deps, request, response, path);
}
