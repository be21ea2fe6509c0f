import type { CrmReply, CrmRequest } from './context';
import type { AccountSettings } from './store';

/**
 * What the real-account profile changes in the answers themselves (freshsales-api.md §11):
 * records created or updated through the API come back without the `users` side-load, whatever
 * the include asked for, so a client has to name users from the owners it already has.
 */

/** Writes that answer with a record; filtered search is a POST that only reads. */
const isRecordWrite = (request: CrmRequest) => (request.method === 'POST' || request.method === 'PUT') && !request.route.startsWith('POST /filtered_search/');

const hasUsers = (body: unknown): body is Record<string, unknown> => typeof body === 'object' && body !== null && !Array.isArray(body) && 'users' in body;

export function answerAsAccount(account: AccountSettings, request: CrmRequest, reply: CrmReply): CrmReply {
  if (account.profile !== 'real' || reply.status >= 300 || !isRecordWrite(request) || !hasUsers(reply.body)) return reply;
  return { ...reply, body: Object.fromEntries(Object.entries(reply.body).filter(([key]) => key !== 'users')) };
}
