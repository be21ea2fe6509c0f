import type { EntityType } from '../../../common/platform/client';
import { format, messages } from '../i18n/messages';
import type { Host } from '../platform/host';
import { loadSidebarData } from './load';
import type { MetadataCache } from './metadata-cache';
import type { DataFor } from './types';
import type { Sidebar } from './useSidebar';

/**
 * A write whose answer never came (B3): Freshsales may have applied it, so "Not saved" would be
 * a guess. The record is read again (one call: field settings are cached), the sidebar shows
 * what Freshsales has, and the user is told what that means for their change: saved after all,
 * not applied, or, when the fresh record cannot tell, that the sidebar now shows the truth.
 */

/** Whether the fresh record holds the change: yes, no, or cannot tell. */
export type Verdict<E extends EntityType> = (data: DataFor<E>) => boolean | undefined;

export interface OutcomeDeps<E extends EntityType> {
  entity: E;
  host: Host;
  metadata: MetadataCache;
  sidebar: Pick<Sidebar<E>, 'mutate' | 'current'>;
}

const same = <D>(data: D) => data;

/** Reads the open record again through the sidebar, which then shows the answer. */
async function reread<E extends EntityType>(deps: OutcomeDeps<E>): Promise<DataFor<E> | undefined> {
  const id = deps.sidebar.current()?.record.id;
  if (id === undefined) return undefined;
  const fresh = await deps.sidebar.mutate<DataFor<E>>({
    apply: same,
    revert: same,
    request: () => loadSidebarData(deps.entity, { host: deps.host, metadata: deps.metadata }, id),
    commit: (_before, loaded) => loaded,
  });
  return fresh.ok ? fresh.value : undefined;
}

function notice(what: string, landed: boolean | undefined, checked: boolean): [type: 'success' | 'danger' | 'warning', message: string, title: string] {
  const text = messages.writes;
  if (landed === true) return ['success', format(text.landed, { what }), text.landedTitle];
  if (landed === false) return ['danger', format(text.failed, { what, reason: text.notApplied }), text.failedTitle];
  return ['warning', format(checked ? text.unknown : text.unknownUnchecked, { what }), text.unknownTitle];
}

/** Re-reads, tells the user what became of the change, and resolves true only when it was applied. */
export async function settleUnknownOutcome<E extends EntityType>(deps: OutcomeDeps<E>, what: string, verdict?: Verdict<E>): Promise<boolean> {
  const fresh = await reread(deps);
  const landed = fresh === undefined ? undefined : verdict?.(fresh);
  await deps.host.notify(...notice(what, landed, fresh !== undefined)).catch(() => undefined);
  return landed === true;
}
