import type { IncomingHttpHeaders } from 'node:http';
import type { Clock } from '../clock';
import type { ChangeFeed } from './feed/change-feed';
import type { Method } from './http/router';
import type { UserRow } from './model/types';
import type { CrmStore } from './store';
import type { SerializeContext } from './serialize/context';

/** What a resource handler gets: the parsed request and who is calling. */
export interface CrmRequest {
  method: Method;
  /** The path below `/crm/sales/api`, e.g. `/contacts/402000000501`. */
  path: string;
  /** The matched pattern, e.g. `GET /contacts/:id`. */
  route: string;
  params: Record<string, string>;
  query: URLSearchParams;
  /** Parsed JSON body, or undefined when there was none. */
  body: unknown;
  headers: IncomingHttpHeaders;
  /** The user the API key belongs to; writes are made as this user. */
  actor: UserRow;
}

export interface CrmReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface CrmContext {
  store: CrmStore;
  clock: Clock;
  feed: ChangeFeed;
}

/** Handlers are synchronous: validate everything first, then mutate, so a 4xx changes nothing. */
export type CrmHandler = (request: CrmRequest, context: CrmContext) => CrmReply;

export const ok = (body: unknown): CrmReply => ({ status: 200, body });
export const created = (body: unknown): CrmReply => ({ status: 201, body });

/** What the serializers need, with `now` from the injectable clock. */
export const serializeContext = (context: CrmContext): SerializeContext => ({ store: context.store, now: context.clock.now() });
