import { created, ok, type CrmContext, type CrmHandler, type CrmReply, type CrmRequest, serializeContext } from '../context';
import { badRequest, notFound } from '../http/errors';
import type { Router } from '../http/router';
import type { AppointmentRow, ContactRow, DealRow, Id, SalesAccountRow, TargetableType, UserRow } from '../model/types';
import { appointmentJson, noteJson, taskJson } from '../serialize/activities';
import { at, type SerializeContext } from '../serialize/context';
import { dealJson } from '../serialize/deal';
import type { CrmStore, Table } from '../store';
import { isObject, unwrap, type JsonObject } from './shared/body';
import { toId } from './shared/fields';
import { parseId } from './shared/ids';
import { parseIncludes, SideLoads } from './shared/includes';
import { paginate, parsePage } from './shared/paging';
import { findOr404, touch } from './shared/records';
import { targetedAt } from './shared/relations';
import { filtersJson, findView, viewPage } from './shared/views';

/**
 * What contacts and sales accounts share: the related records they side-load (deals, tasks,
 * appointments, notes, the activity timeline) and the record routes both serve the same way
 * (create, view, update, delete, forget, clone, upsert, bulk operations, filters, views).
 *
 * Includes return every related record, however many there are: the real API documents no
 * paging of side-loads, so a record with more related records than a page holds answers them
 * all (views, by contrast, page with per_page ≤ 100).
 */

const NO_IDS: ReadonlySet<string> = new Set();

/** The association id fields a set of includes turns on (api §3 rule 6). */
export function emittedIds(includes: ReadonlySet<string>, map: Record<string, string>): Set<string> {
  return new Set([...includes].flatMap((name) => (map[name] === undefined ? [] : [map[name]])));
}

/** Appointments of a record: targeted at it, or (for a contact) with it as an attendee. */
export function appointmentsOf(store: CrmStore, type: TargetableType, id: Id): AppointmentRow[] {
  const attends = (row: AppointmentRow) => type === 'Contact' && row.attendees.some((a) => a.attendee_type === 'Contact' && a.attendee_id === id);
  return store.appointments.all().filter((row) => (row.targetable_type === type && row.targetable_id === id) || attends(row));
}

type RelatedKey = 'tasks' | 'appointments' | 'notes';

const RELATED: Record<RelatedKey, (ctx: SerializeContext, type: TargetableType, id: Id) => Array<{ id: Id; json: () => unknown }>> = {
  tasks: (ctx, type, id) => targetedAt(ctx.store.tasks.all(), type, id).map((row) => ({ id: row.id, json: () => taskJson(ctx, row) })),
  appointments: (ctx, type, id) => appointmentsOf(ctx.store, type, id).map((row) => ({ id: row.id, json: () => appointmentJson(ctx, row) })),
  notes: (ctx, type, id) => targetedAt(ctx.store.notes.all(), type, id).map((row) => ({ id: row.id, json: () => noteJson(ctx, row) })),
};

/** `include=tasks|appointments|notes`: side-loaded under the same key (api §3, key names [U]). */
export function sideLoadRelated(sideLoads: SideLoads, ctx: SerializeContext, key: RelatedKey, type: TargetableType, id: Id): void {
  sideLoads.touch(key);
  RELATED[key](ctx, type, id).forEach((item) => sideLoads.add(key, item.id, item.json));
}

/** `include=deals`: full deals without association ids of their own. */
export function sideLoadDeals(sideLoads: SideLoads, ctx: SerializeContext, deals: DealRow[]): void {
  sideLoads.touch('deals');
  deals.forEach((deal) => sideLoads.add('deals', deal.id, () => dealJson(ctx, deal, NO_IDS)));
}

// ---- the activity timeline ---------------------------------------------------------------------

interface TimelineEntry {
  id: Id;
  type: 'note' | 'task' | 'appointment' | 'sales_activity';
  title: string;
  creater_id: Id;
  created_at: number;
  updated_at: number;
}

function entry(type: TimelineEntry['type'], row: { id: Id; creater_id: Id; created_at: number; updated_at: number }, title: string): TimelineEntry {
  return { id: row.id, type, title, creater_id: row.creater_id, created_at: row.created_at, updated_at: row.updated_at };
}

function timeline(store: CrmStore, type: TargetableType, id: Id): TimelineEntry[] {
  return [
    ...targetedAt(store.notes.all(), type, id).map((row) => entry('note', row, row.description)),
    ...targetedAt(store.tasks.all(), type, id).map((row) => entry('task', row, row.title)),
    ...appointmentsOf(store, type, id).map((row) => entry('appointment', row, row.title)),
    ...targetedAt(store.sales_activities.all(), type, id).map((row) => entry('sales_activity', row, row.title)),
  ].sort((a, b) => b.created_at - a.created_at || b.id - a.id);
}

/**
 * `GET /contacts/:id/activities` → `{"activities": [...]}` (api §4.1; item shape [U]). The
 * stand-in's items are small: `{id, type: "note"|"task"|"appointment"|"sales_activity", title,
 * creater_id, created_at, updated_at}`, newest first. It pages like a view (page, per_page ≤ 100,
 * default 25) with `meta: {total}`, so a client must not assume one answer holds everything.
 */
export function activitiesJson(ctx: SerializeContext, query: URLSearchParams, type: TargetableType, id: Id): JsonObject {
  const { items, total } = paginate(timeline(ctx.store, type, id), parsePage(query));
  const activities = items.map((item) => ({ ...item, created_at: at(ctx, item.created_at), updated_at: at(ctx, item.updated_at) }));
  return { activities, meta: { total } };
}

// ---- record routes shared by contacts and sales accounts ------------------------------------

export type RecordRow = ContactRow | SalesAccountRow;

/** How one record type plugs into the shared routes. */
export interface RecordKind<R extends RecordRow> {
  /** URL segment and list response key: `contacts`. */
  path: 'contacts' | 'sales_accounts';
  /** Request and response wrapper: `contact`. */
  key: 'contact' | 'sales_account';
  /** For 404 messages: `Contact not found`. */
  what: string;
  /** Plural words for bulk messages: `contacts`. */
  words: string;
  includes: readonly string[];
  table(store: CrmStore): Table<R>;
  blank(actor: UserRow, now: number): R;
  /** `base` with the input applied and validated, not stored (throws 400). */
  draft(store: CrmStore, input: JsonObject, base: R, isNew: boolean): R;
  /** A copy of `source` to clone from: fields that identify a record are left out. */
  cloneBase(source: R, actor: UserRow, now: number): R;
  storeNew(store: CrmStore, draft: R): R;
  save(store: CrmStore, draft: R): R;
  /** Upsert: the record `unique_identifier` names, and the input a create starts from. */
  identify(store: CrmStore, identifier: unknown, input: JsonObject): { found?: R; createInput: JsonObject };
  publish(context: CrmContext, before: R | undefined, after: R, actor: UserRow): void;
  render(ctx: SerializeContext, row: R, includes: ReadonlySet<string>, sideLoads: SideLoads): JsonObject;
  sortable(ctx: SerializeContext): Record<string, (row: R) => string | number | null>;
  /** Permanent erase, dropping references other records hold. */
  erase(store: CrmStore, id: Id): void;
}


/** One record with its side-loads: `{users: [...], contact: {...}}`. */
function single<R extends RecordRow>(kind: RecordKind<R>, context: CrmContext, row: R, includes: ReadonlySet<string>): JsonObject {
  const sideLoads = new SideLoads();
  const record = kind.render(serializeContext(context), row, includes, sideLoads);
  return { ...sideLoads.toObject(), [kind.key]: record };
}

/** A new owner stamps `last_assigned_at`. */
function stampOwner(draft: RecordRow, previousOwner: Id | null, now: number): void {
  if (draft.owner_id !== null && draft.owner_id !== previousOwner) draft.last_assigned_at = now;
}

function createRecord<R extends RecordRow>(kind: RecordKind<R>, context: CrmContext, actor: UserRow, draft: R): R {
  stampOwner(draft, null, context.clock.now());
  const row = kind.storeNew(context.store, draft);
  kind.publish(context, undefined, row, actor);
  return row;
}

/** The validated, not yet stored, update of `existing` (throws 400). */
function prepareUpdate<R extends RecordRow>(kind: RecordKind<R>, context: CrmContext, actor: UserRow, existing: R, input: JsonObject): R {
  const now = context.clock.now();
  const draft = touch(kind.draft(context.store, input, existing, false), actor, now);
  stampOwner(draft, existing.owner_id, now);
  return draft;
}

function commitUpdate<R extends RecordRow>(kind: RecordKind<R>, context: CrmContext, actor: UserRow, existing: R, draft: R): R {
  const row = kind.save(context.store, draft);
  // The draft is a copy, so `existing` still holds the values from before.
  kind.publish(context, existing, row, actor);
  return row;
}

function updateRecord<R extends RecordRow>(kind: RecordKind<R>, context: CrmContext, actor: UserRow, existing: R, input: JsonObject): R {
  return commitUpdate(kind, context, actor, existing, prepareUpdate(kind, context, actor, existing, input));
}

const handlers = {
  create: <R extends RecordRow>(kind: RecordKind<R>): CrmHandler => (request, context) => {
    const includes = parseIncludes(request.query, kind.includes);
    const input = unwrap(request.body, kind.key);
    const draft = kind.draft(context.store, input, kind.blank(request.actor, context.clock.now()), true);
    return created(single(kind, context, createRecord(kind, context, request.actor, draft), includes));
  },

  view: <R extends RecordRow>(kind: RecordKind<R>): CrmHandler => (request, context) => {
    const id = parseId(request.params.id);
    const includes = parseIncludes(request.query, kind.includes);
    return ok(single(kind, context, findOr404(kind.table(context.store), id, kind.what), includes));
  },

  update: <R extends RecordRow>(kind: RecordKind<R>): CrmHandler => (request, context) => {
    const id = parseId(request.params.id);
    const includes = parseIncludes(request.query, kind.includes);
    const existing = findOr404(kind.table(context.store), id, kind.what);
    const row = updateRecord(kind, context, request.actor, existing, unwrap(request.body, kind.key));
    return ok(single(kind, context, row, includes));
  },

  /** Soft delete: the record goes to the recycle bin and answers 404 from now on (api §2). */
  remove: <R extends RecordRow>(kind: RecordKind<R>): CrmHandler => (request, context) => {
    const table = kind.table(context.store);
    const row = findOr404(table, parseId(request.params.id), kind.what);
    table.put({ ...row, is_deleted: true });
    return ok(true);
  },

  /** Permanent erase, from the recycle bin too; answers `true` like the delete (body [U]). */
  forget: <R extends RecordRow>(kind: RecordKind<R>): CrmHandler => (request, context) => {
    const id = parseId(request.params.id);
    if (kind.table(context.store).raw(id) === undefined) throw notFound(kind.what);
    kind.erase(context.store, id);
    return ok(true);
  },

  /** A new record from an existing one, with optional overrides in the usual wrapper (api §2). */
  clone: <R extends RecordRow>(kind: RecordKind<R>): CrmHandler => (request, context) => {
    const id = parseId(request.params.id);
    const includes = parseIncludes(request.query, kind.includes);
    const source = findOr404(kind.table(context.store), id, kind.what);
    const input = request.body === undefined ? {} : unwrap(request.body, kind.key);
    const base = kind.cloneBase(source, request.actor, context.clock.now());
    const row = createRecord(kind, context, request.actor, kind.draft(context.store, input, base, false));
    return created(single(kind, context, row, includes));
  },

  /** 201 when it creates, 200 when it updates (api §4.1). */
  upsert: <R extends RecordRow>(kind: RecordKind<R>): CrmHandler => (request, context) => {
    const includes = parseIncludes(request.query, kind.includes);
    if (!isObject(request.body)) throw badRequest(`Request body must be a JSON object with "unique_identifier" and "${kind.key}"`);
    const input = unwrap(request.body, kind.key, ['unique_identifier']);
    const { found, createInput } = kind.identify(context.store, request.body.unique_identifier, input);
    if (found !== undefined) return ok(single(kind, context, updateRecord(kind, context, request.actor, found, input), includes));
    const draft = kind.draft(context.store, createInput, kind.blank(request.actor, context.clock.now()), true);
    return created(single(kind, context, createRecord(kind, context, request.actor, draft), includes));
  },

  /** Bulk answers are [U]; the stand-in answers like the list endpoints: `{"message": "2 contacts deleted."}`. */
  bulkDestroy: <R extends RecordRow>(kind: RecordKind<R>): CrmHandler => (request, context) => {
    const table = kind.table(context.store);
    const rows = selectedRows(request.body, table, ['selected_ids']);
    rows.forEach((row) => table.put({ ...row, is_deleted: true }));
    return ok({ message: `${rows.length} ${kind.words} deleted.` });
  },

  /** Every reassigned record is an update, with its own product event. */
  bulkAssignOwner: <R extends RecordRow>(kind: RecordKind<R>): CrmHandler => (request, context) => {
    const rows = selectedRows(request.body, kind.table(context.store), ['selected_ids', 'owner_id']);
    const owner = ownerOf(context.store, (request.body as JsonObject).owner_id);
    // Every draft is validated before the first one is stored: a 400 changes nothing.
    const drafts = rows.map((row) => prepareUpdate(kind, context, request.actor, row, { owner_id: owner }));
    rows.forEach((row, index) => commitUpdate(kind, context, request.actor, row, drafts[index] as R));
    return ok({ message: `${rows.length} ${kind.words} updated.` });
  },

  filters: <R extends RecordRow>(kind: RecordKind<R>): CrmHandler => (_request, context) => ok(filtersJson(context.store, kind.path)),

  /** A page of a view (api §4.1, §7): full records, `meta: {total_pages, total}`, side-loads for the page. */
  list: <R extends RecordRow>(kind: RecordKind<R>): CrmHandler => (request, context) => viewReply(kind, request, context),
};

function viewReply<R extends RecordRow>(kind: RecordKind<R>, request: CrmRequest, context: CrmContext): CrmReply {
  const view = findView(context.store, kind.path, request.params.view_id);
  const includes = parseIncludes(request.query, kind.includes);
  const ctx = serializeContext(context);
  const page = viewPage(request, view, kind.table(context.store).all(), { now: ctx.now, sortable: kind.sortable(ctx) });
  const sideLoads = new SideLoads();
  const records = page.items.map((row) => kind.render(ctx, row, includes, sideLoads));
  return ok({ [kind.path]: records, meta: page.meta, ...sideLoads.toObject() });
}

/** `{"selected_ids": [...]}`: every id must name a live record, or nothing happens. */
function selectedRows<R extends RecordRow>(body: unknown, table: Table<R>, allowed: readonly string[]): R[] {
  if (!isObject(body)) throw badRequest('Request body must be a JSON object with "selected_ids"');
  const unknown = Object.keys(body).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) throw badRequest(...unknown.map((key) => `Unknown attribute '${key}'`));
  const ids = Array.isArray(body.selected_ids) ? body.selected_ids.map(toId) : [];
  if (ids.length === 0 || ids.includes(undefined)) throw badRequest('selected_ids must be a non-empty array of ids');
  const missing = (ids as Id[]).filter((id) => table.get(id) === undefined);
  if (missing.length > 0) throw badRequest(`selected_ids contains ids that do not exist: ${missing.join(', ')}`);
  return [...new Set(ids as Id[])].map((id) => table.get(id) as R);
}

function ownerOf(store: CrmStore, value: unknown): Id {
  const id = toId(value);
  if (id === undefined || store.user(id)?.is_active !== true) throw badRequest('Owner is invalid');
  return id;
}

/** The routes contacts and sales accounts serve alike (api §2), below /crm/sales/api. */
export function registerRecordRoutes<R extends RecordRow>(router: Router<CrmHandler>, kind: RecordKind<R>): void {
  const base = `/${kind.path}`;
  router
    .add('POST', base, handlers.create(kind))
    .add('GET', `${base}/filters`, handlers.filters(kind))
    .add('GET', `${base}/view/:view_id`, handlers.list(kind))
    .add('POST', `${base}/upsert`, handlers.upsert(kind))
    .add('POST', `${base}/bulk_destroy`, handlers.bulkDestroy(kind))
    .add('POST', `${base}/bulk_assign_owner`, handlers.bulkAssignOwner(kind))
    .add('GET', `${base}/:id`, handlers.view(kind))
    .add('PUT', `${base}/:id`, handlers.update(kind))
    .add('DELETE', `${base}/:id`, handlers.remove(kind))
    .add('DELETE', `${base}/:id/forget`, handlers.forget(kind))
    .add('POST', `${base}/:id/clone`, handlers.clone(kind));
}
