import { badRequest } from '../http/errors';
import type { ContactRow, DealRow, Id, SalesAccountRow, TargetableType } from '../model/types';
import { contactPartialJson } from '../serialize/contact';
import type { SerializeContext } from '../serialize/context';
import { dealPartialJson } from '../serialize/deal';
import { salesAccountPartialJson } from '../serialize/sales-account';
import type { CrmStore } from '../store';
import type { JsonObject } from './shared/body';
import { toId } from './shared/fields';
import type { SideLoads } from './shared/includes';
import { dealsOfContact, dealTotals } from './shared/relations';

/**
 * `targetable_type` / `targetable_id` of tasks, appointments, sales activities and phone calls
 * (freshsales-api.md §4.4–4.7): CamelCase model names on write, partial records side-loaded as
 * `contacts` / `sales_accounts` / `deals` on read.
 */
export const TARGETABLE_TYPES: readonly TargetableType[] = ['Contact', 'SalesAccount', 'Deal'];

export interface Targetable {
  type: TargetableType;
  id: Id;
}

/** Plural side-load key per model (api §4.4 list example). */
export const TARGETABLE_SIDE_LOAD: Record<TargetableType, 'contacts' | 'sales_accounts' | 'deals'> = {
  Contact: 'contacts',
  SalesAccount: 'sales_accounts',
  Deal: 'deals',
};

/** Live rows only: a soft-deleted record can neither be targeted nor side-loaded. */
const FINDERS: Record<TargetableType, (store: CrmStore, id: Id) => object | undefined> = {
  Contact: (store, id) => store.contacts.get(id),
  SalesAccount: (store, id) => store.sales_accounts.get(id),
  Deal: (store, id) => store.deals.get(id),
};

/** A contact's partial form carries its open deals amount, as filtered search does (api §5). */
export function contactPartial(context: SerializeContext, row: ContactRow): Record<string, unknown> {
  const totals = dealTotals(context.store, dealsOfContact(context.store, row.id), context.now);
  return contactPartialJson(context, row, totals.open_deals_amount);
}

const PARTIALS: Record<TargetableType, (context: SerializeContext, row: object) => Record<string, unknown>> = {
  Contact: (context, row) => contactPartial(context, row as ContactRow),
  SalesAccount: (context, row) => salesAccountPartialJson(context, row as SalesAccountRow),
  Deal: (context, row) => dealPartialJson(context, row as DealRow),
};

export const targetableExists = (store: CrmStore, type: TargetableType, id: Id): boolean =>
  FINDERS[type](store, id) !== undefined;

/**
 * Adds the record under its plural key, once per response (api §3 rule 5). A target that was
 * soft-deleted after the activity was made is left out: the activity still names it in
 * `targetables`, so clients must cope with a target missing from the side-loads.
 */
export function sideLoadTargetable(sideLoads: SideLoads, context: SerializeContext, type: TargetableType | null, id: Id | null): void {
  if (type === null || id === null) return;
  const row = FINDERS[type](context.store, id);
  if (row !== undefined) sideLoads.add(TARGETABLE_SIDE_LOAD[type], id, () => PARTIALS[type](context, row));
}

/** With `include=targetable` all three keys are present, empty when nothing of that kind is targeted (api §4.4). */
export function touchTargetables(sideLoads: SideLoads): void {
  Object.values(TARGETABLE_SIDE_LOAD).forEach((key) => sideLoads.touch(key));
}

export interface TargetableOptions {
  /** Tasks, sales activities and phone calls must have a target; appointments may not. */
  required: boolean;
  /** On create a required target must be sent; on update leaving it out keeps the old one. */
  creating: boolean;
}

const blank = () => badRequest("Targetable type can't be blank", "Targetable can't be blank");

function absent(options: TargetableOptions): undefined {
  if (options.required && options.creating) throw blank();
  return undefined;
}

function cleared(options: TargetableOptions): null {
  if (options.required) throw blank();
  return null;
}

const isTargetableType = (value: unknown): value is TargetableType => TARGETABLE_TYPES.includes(value as TargetableType);

function present(store: CrmStore, type: unknown, idValue: unknown): Targetable {
  if (type === undefined || idValue === undefined) throw badRequest('Targetable type and targetable id must be sent together');
  if (!isTargetableType(type)) throw badRequest(`Targetable type is not included in the list (${TARGETABLE_TYPES.join(', ')})`);
  const id = toId(idValue);
  if (id === undefined) throw badRequest('Targetable id is not a number');
  // [U] A body that names a missing (or soft-deleted) record: answered 400 "must exist", like a
  // Rails belongs_to validation, rather than 404, which a client would read as "this route's
  // record is gone". Soft-deleted and never-existing records answer alike, so the recycle bin
  // does not leak.
  if (!targetableExists(store, type, id)) throw badRequest(`Targetable must exist (no ${type} with id ${id})`);
  return { type, id };
}

/**
 * The target a write names: a `Targetable`, `null` (cleared; optional targets only) or
 * `undefined` (not sent). Only CamelCase types are accepted (api §4.7); the snake_case form
 * is what reads answer with, never what writes take.
 */
export function parseTargetable(store: CrmStore, input: JsonObject, options: TargetableOptions): Targetable | null | undefined {
  const type = input.targetable_type;
  const id = input.targetable_id;
  if (type === undefined && id === undefined) return absent(options);
  if (type === null && id === null) return cleared(options);
  return present(store, type, id);
}

/** The row fields for a parsed target (nothing when it was not sent). */
export function targetFields(target: Targetable | null | undefined): { targetable_type?: TargetableType | null; targetable_id?: Id | null } {
  if (target === undefined) return {};
  return { targetable_type: target?.type ?? null, targetable_id: target?.id ?? null };
}
