import type { ChoiceRow, Id, TargetableType, UserRow } from '../model/types';
import type { CrmStore } from '../store';
import { isoUtc } from './wrap';

/** The user shape of event payloads: actor, owner, creator, updater, team users (platform.md §3.2). */
export interface EventUser {
  id: Id;
  name: string;
  email: string;
  job_title: string | null;
  work_number: string | null;
  mobile_number: string | null;
  language: string;
  time_zone: string;
  is_active: boolean;
  deal_pipeline_id: Id;
  is_forgotten: boolean;
  created_at: string;
  updated_at: string;
  uuid: string;
  type: 'user';
}

export function eventUser(user: UserRow): EventUser {
  return {
    id: user.id,
    name: user.display_name,
    email: user.email,
    job_title: user.job_title,
    work_number: user.work_number,
    mobile_number: user.mobile_number,
    language: user.language,
    time_zone: user.time_zone,
    is_active: user.is_active,
    deal_pipeline_id: user.deal_pipeline_id,
    is_forgotten: false,
    created_at: isoUtc(user.created_at),
    updated_at: isoUtc(user.updated_at),
    uuid: user.uuid,
    type: 'user',
  };
}

export function userOrNull(store: CrmStore, id: Id | null | undefined): EventUser | null {
  const user = store.user(id);
  return user === undefined ? null : eventUser(user);
}

export const usersOf = (store: CrmStore, ids: readonly Id[] | null): EventUser[] =>
  (ids ?? []).flatMap((id) => {
    const user = store.user(id);
    return user === undefined ? [] : [eventUser(user)];
  });

/** owner/creator/updater, present on every CRM entity event. */
export function people(store: CrmStore, row: { owner_id?: Id | null; creater_id: Id; updater_id: Id }): Record<string, EventUser | null> {
  return {
    owner: userOrNull(store, row.owner_id),
    creator: userOrNull(store, row.creater_id),
    updater: userOrNull(store, row.updater_id),
  };
}

/**
 * A selector entry (lead source, territory, …) as an association object: the selector's row
 * without the REST-only `partial` flag. The exact key set is not documented (§3.3: "obj").
 */
export function choiceOrNull(rows: readonly ChoiceRow[], id: Id | null | undefined): Record<string, unknown> | null {
  const row = id === null || id === undefined ? undefined : rows.find((candidate) => candidate.id === id);
  if (row === undefined) return null;
  return Object.fromEntries(Object.entries(row).filter(([key]) => key !== 'partial'));
}

/** `{id, name, position}` only, as §3.6 lists for sales activity types and outcomes. */
export function brief(rows: readonly ChoiceRow[], id: Id | null | undefined): { id: Id; name: string; position: number } | null {
  const row = rows.find((candidate) => candidate.id === id);
  return row === undefined ? null : { id: row.id, name: row.name, position: row.position };
}

const MCR_ID: Record<TargetableType, (store: CrmStore, id: Id) => bigint | null> = {
  Contact: (store, id) => store.contacts.raw(id)?.mcr_id ?? null,
  SalesAccount: (store, id) => store.sales_accounts.raw(id)?.mcr_id ?? null,
  // Deals carry no mcr_id in the stand-in's model.
  Deal: () => null,
};

/** `targetable: {id, _model, mcr_id}` of tasks, appointments and sales activities (§3.6). */
export function targetable(
  store: CrmStore,
  type: TargetableType | null,
  id: Id | null,
): { id: Id; _model: TargetableType; mcr_id: bigint | null } | null {
  if (type === null || id === null) return null;
  return { id, _model: type, mcr_id: MCR_ID[type](store, id) };
}
