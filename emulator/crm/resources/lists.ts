import { created, ok, type CrmContext, type CrmHandler, type CrmRequest, serializeContext } from '../context';
import { badRequest } from '../http/errors';
import type { Id, ListRow } from '../model/types';
import type { SerializeContext } from '../serialize/context';
import { at } from '../serialize/context';
import type { CrmStore } from '../store';
import { CONTACT_INCLUDES, renderContacts } from './search-records';
import { isObject, unwrap, type JsonObject } from './shared/body';
import { parseFields, requirePresent, toId } from './shared/fields';
import { parseId } from './shared/ids';
import { parseIncludes } from './shared/includes';
import { paginate, parsePage } from './shared/paging';
import { findOr404, newBase, touch } from './shared/records';
import type { RegisterRoutes } from './index';

/**
 * Marketing lists (freshsales-api.md §2, §7): `/lists` CRUD, add/remove/move contacts, and
 * `GET /contacts/lists/:list_id`. Membership lives in `ListRow.contact_ids` (ContactRow is
 * untouched), and list changes are no contact writes, so nothing is published to the feed.
 *
 * Unconfirmed details, readings chosen:
 * - the list record is `{id, name, created_at, updated_at}` (no counts a client could lean on);
 * - list names are unique ignoring case and surrounding spaces ("Name has already been taken");
 * - the message pluralises: "1 contact updated.", "2 contacts updated.", "0 contacts updated.";
 * - `move_contacts` takes each id out of `from_list_id` (when it is there) and puts it in the
 *   target list (when it is not); the count is the ids for which anything changed;
 * - unknown, soft-deleted or malformed contact ids refuse the whole call (400 naming them).
 */

function listJson(context: SerializeContext, row: ListRow): Record<string, unknown> {
  return { id: row.id, name: row.name, created_at: at(context, row.created_at), updated_at: at(context, row.updated_at) };
}


const findList = (store: CrmStore, idText: string | undefined): ListRow => findOr404(store.lists, parseId(idText), 'List');

const NAME_RULES = { name: { type: 'string', required: true, max: 255 } } as const;

const normalName = (name: string) => name.trim().toLowerCase();

function parseName(context: CrmContext, body: unknown, self?: Id): string {
  const input = unwrap(body, 'list');
  requirePresent(input, ['name']);
  const { name } = parseFields(context.store, input, NAME_RULES) as { name: string };
  const taken = context.store.lists.all().some((list) => list.id !== self && normalName(list.name) === normalName(name));
  if (taken) throw badRequest('Name has already been taken');
  return name.trim();
}

const index: CrmHandler = (request, context) => {
  const page = paginate(context.store.lists.all(), parsePage(request.query));
  const lists = page.items.map((row) => listJson(serializeContext(context), row));
  return ok({ lists, meta: { total_pages: page.totalPages, total: page.total } });
};

const create: CrmHandler = (request, context) => {
  const name = parseName(context, request.body);
  const now = context.clock.now();
  const row = context.store.lists.put({ ...newBase(context.store.lists, request.actor, now), name, contact_ids: [] });
  return created({ list: listJson(serializeContext(context), row) });
};

const show: CrmHandler = (request, context) => ok({ list: listJson(serializeContext(context), findList(context.store, request.params.id)) });

const rename: CrmHandler = (request, context) => {
  const row = findList(context.store, request.params.id);
  const name = parseName(context, request.body, row.id);
  row.name = name;
  touch(row, request.actor, context.clock.now());
  return ok({ list: listJson(serializeContext(context), row) });
};

// ---- membership -------------------------------------------------------------------------

function membershipBody(body: unknown, allowed: readonly string[]): JsonObject {
  if (!isObject(body)) throw badRequest('Request body must be a JSON object');
  const unknown = Object.keys(body).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) throw badRequest(...unknown.map((key) => `Unknown attribute '${key}'`));
  return body;
}

/** Contact ids that name live contacts; any other id refuses the call, naming it. */
function contactIds(store: CrmStore, value: unknown): Id[] {
  if (!Array.isArray(value) || value.length === 0) throw badRequest('ids must be a non-empty array of contact ids');
  const invalid = value.filter((item) => {
    const id = toId(item);
    return id === undefined || store.contacts.get(id) === undefined;
  });
  if (invalid.length > 0) throw badRequest(`Invalid contact ids: ${invalid.map((item) => JSON.stringify(item)).join(', ')}`);
  return [...new Set(value.map((item) => toId(item) as Id))];
}

const updatedMessage = (count: number) => ({ message: `${count} ${count === 1 ? 'contact' : 'contacts'} updated.` });

function addTo(list: ListRow, ids: Id[]): Id[] {
  const added = ids.filter((id) => !list.contact_ids.includes(id));
  list.contact_ids.push(...added);
  return added;
}

function removeFrom(list: ListRow, ids: Id[]): Id[] {
  const removed = ids.filter((id) => list.contact_ids.includes(id));
  list.contact_ids = list.contact_ids.filter((id) => !removed.includes(id));
  return removed;
}

function finish(request: CrmRequest, context: CrmContext, lists: ListRow[], count: number) {
  if (count > 0) lists.forEach((list) => touch(list, request.actor, context.clock.now()));
  return ok(updatedMessage(count));
}

const addContacts: CrmHandler = (request, context) => {
  const list = findList(context.store, request.params.id);
  const body = membershipBody(request.body, ['ids']);
  const ids = contactIds(context.store, body.ids);
  return finish(request, context, [list], addTo(list, ids).length);
};

/** `{"ids": [...]}` or `{"all": true}`, not both. */
function removalTargets(store: CrmStore, list: ListRow, body: JsonObject): Id[] {
  if (body.all !== undefined && body.ids !== undefined) throw badRequest('Send either ids or all, not both');
  if (body.ids !== undefined) return contactIds(store, body.ids);
  if (body.all !== true) throw badRequest('ids must be a non-empty array of contact ids, or all must be true');
  return [...list.contact_ids];
}

const removeContacts: CrmHandler = (request, context) => {
  const list = findList(context.store, request.params.id);
  const body = membershipBody(request.body, ['ids', 'all']);
  const removed = removeFrom(list, removalTargets(context.store, list, body));
  // Rows of contacts deleted since they joined go too, but only live ones are counted.
  const count = removed.filter((id) => context.store.contacts.get(id) !== undefined).length;
  return finish(request, context, [list], count);
};

function sourceList(store: CrmStore, target: ListRow, value: unknown): ListRow {
  const id = toId(value);
  const source = id === undefined ? undefined : store.lists.get(id);
  if (source === undefined) throw badRequest('from_list_id is invalid');
  if (source.id === target.id) throw badRequest('from_list_id must differ from the target list');
  return source;
}

const moveContacts: CrmHandler = (request, context) => {
  const target = findList(context.store, request.params.id);
  const body = membershipBody(request.body, ['ids', 'from_list_id']);
  const source = sourceList(context.store, target, body.from_list_id);
  const ids = contactIds(context.store, body.ids);
  const changed = new Set([...removeFrom(source, ids), ...addTo(target, ids)]);
  return finish(request, context, [source, target], changed.size);
};

/**
 * `GET /contacts/lists/:list_id`: full contact records in the order they joined, paged, with
 * `meta: {total_pages, total}` like view lists (§7) and the contact includes of §3.
 */
const contactsOfList: CrmHandler = (request, context) => {
  const list = findList(context.store, request.params.list_id);
  const includes = parseIncludes(request.query, CONTACT_INCLUDES);
  const members = list.contact_ids.flatMap((id) => context.store.contacts.get(id) ?? []);
  const page = paginate(members, parsePage(request.query));
  const rendered = renderContacts(serializeContext(context), page.items, { includes, detail: true });
  return ok({ ...rendered.sideLoads, contacts: rendered.items, meta: { total_pages: page.totalPages, total: page.total } });
};

export const registerLists: RegisterRoutes = (router) => {
  router.add('GET', '/lists', index);
  router.add('POST', '/lists', create);
  router.add('GET', '/lists/:id', show);
  router.add('PUT', '/lists/:id', rename);
  router.add('PUT', '/lists/:id/add_contacts', addContacts);
  router.add('PUT', '/lists/:id/remove_contacts', removeContacts);
  router.add('PUT', '/lists/:id/move_contacts', moveContacts);
  router.add('GET', '/contacts/lists/:list_id', contactsOfList);
};
