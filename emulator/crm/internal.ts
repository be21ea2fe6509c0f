import type { CrmContext, CrmHandler, CrmReply } from './context';
import { CrmError, errorBody } from './http/errors';
import type { Method, Router } from './http/router';

/** Runs one route in process, as the product UI would (see CrmServer.internal). */
export function internalCall(context: CrmContext, router: Router<CrmHandler>, method: Method, pathAndQuery: string, body?: unknown): CrmReply {
  const url = new URL(pathAndQuery, 'http://stand-in.local');
  const matched = router.match(method, url.pathname);
  if (typeof matched !== 'object') return { status: 404, body: errorBody(404, [`No route matches ${url.pathname}`]) };
  // The product UI acts as the account's first active user (a deactivated one may come first).
  const actor = context.store.users.find((user) => user.is_active);
  if (actor === undefined) throw new Error('the stand-in account has no active users');
  try {
    return matched.handler({ method, path: url.pathname, route: matched.route, params: matched.params, query: url.searchParams, body, headers: {}, actor }, context);
  } catch (error) {
    if (error instanceof CrmError) return { status: error.status, body: error.body };
    throw error;
  }
}
