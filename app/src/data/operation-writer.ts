import { outcomeUnknown, type CrmFailure } from '../../../common/crm/failure';
import type { EntityType } from '../../../common/platform/client';
import { ok, type Result } from '../../../common/validation';
import { messages } from '../i18n/messages';
import type { Host } from '../platform/host';
import { loadSidebarData } from './load';
import type { MetadataCache } from './metadata-cache';
import type { CurrentUser, DataFor } from './types';
import { settleUnknownOutcome, type Verdict } from './unknown-outcome';
import type { Mutation, Sidebar } from './useSidebar';

/**
 * How the record operations write: optimistically through the sidebar (shown at once, undone
 * when the CRM refuses), with three outcomes a form can act on. A refusal keeps the form open
 * with the CRM's reason and changes nothing; a timeout after the request was sent is not a
 * failure but an unknown outcome: the CRM may have applied it, so the record is read again,
 * the sidebar shows whatever is true and the user is told (unknown-outcome.ts, as for every
 * other write of the sidebar).
 */

export type Written<T = unknown> = { status: 'saved'; value: T } | { status: 'refused'; reason: string } | { status: 'unknown' };

export interface OperationDeps<E extends EntityType> {
  entity: E;
  host: Host;
  metadata: MetadataCache;
  sidebar: Pick<Sidebar<E>, 'mutate' | 'current'>;
  currentUser: () => CurrentUser | undefined;
}

/** The user-facing reason of a refusal: the CRM's own words for a 400, a short cause otherwise. */
export function refusalReason(failure: CrmFailure): string {
  if (failure.kind === 'invalid' && failure.messages.length > 0) return failure.messages.join(' ');
  return messages.writes.reasons[failure.kind];
}

const is2xx = (status: number | undefined) => status !== undefined && status >= 200 && status < 300;

/**
 * A delete succeeded when the CRM said 2xx, whatever the body (`true`, `{"success": "200"}`,
 * nothing: api §8), and when the record was already gone (404).
 */
export async function deleted(request: Promise<Result<unknown, CrmFailure>>): Promise<Result<unknown, CrmFailure>> {
  const result = await request;
  if (result.ok) return result;
  const gone = result.failure.kind === 'not_found' || (result.failure.kind === 'bad_response' && is2xx(result.failure.status));
  return gone ? ok(null) : result;
}

const same = <D>(data: D) => data;

export interface Writer<E extends EntityType> {
  /** Applies, sends, and rolls back or commits; `verdict` tells from a re-read whether it landed. */
  write<T>(what: string, mutation: Mutation<E, T>, verdict?: Verdict<E>): Promise<Written<T>>;
  /** Turns a failure into a refusal or, after a timeout, an unknown outcome (re-read). */
  settle(what: string, failure: CrmFailure, verdict?: Verdict<E>): Promise<Written<never>>;
  /** Reads the record again and shows what the CRM has now. */
  reread(): Promise<void>;
}

export function createWriter<E extends EntityType>(deps: OperationDeps<E>): Writer<E> {
  const { host, sidebar } = deps;

  async function reread(): Promise<void> {
    const id = sidebar.current()?.record.id;
    if (id === undefined) return;
    await sidebar.mutate<DataFor<E>>({
      apply: same,
      revert: same,
      request: () => loadSidebarData(deps.entity, { host, metadata: deps.metadata }, id),
      commit: (_before, fresh) => fresh,
    });
  }

  async function settle(what: string, failure: CrmFailure, verdict?: Verdict<E>): Promise<Written<never>> {
    if (!outcomeUnknown(failure)) return { status: 'refused', reason: refusalReason(failure) };
    await settleUnknownOutcome(deps, what, verdict);
    return { status: 'unknown' };
  }

  return {
    async write<T>(what: string, mutation: Mutation<E, T>, verdict?: Verdict<E>): Promise<Written<T>> {
      const result = await sidebar.mutate(mutation);
      return result.ok ? { status: 'saved', value: result.value } : settle(what, result.failure, verdict);
    },
    settle,
    reread,
  };
}
