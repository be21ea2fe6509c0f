import { ok, type CrmContext, type CrmHandler } from '../context';
import { badRequest } from '../http/errors';
import type { ContactRow, CustomFields, DealRow, SalesAccountRow } from '../model/types';
import type { SerializeContext } from '../serialize/context';
import { contactJson, displayName, primaryEmail } from '../serialize/contact';
import { dealJson } from '../serialize/deal';
import { salesAccountJson } from '../serialize/sales-account';
import type { CrmStore, Table } from '../store';
import { attributesOf, compileFilter, type RowsOf } from './filter-rules';
import {
  ACCOUNT_INCLUDES, CONTACT_INCLUDES, DEAL_INCLUDES, renderAccounts, renderContacts, renderDeals, type Rendered,
} from './search-records';
import { isObject, type JsonObject } from './shared/body';
import { parseIncludes } from './shared/includes';
import { paginate, parsePage, parseSort, sortRows } from './shared/paging';
import { dealsOfAccount, dealsOfContact, dealTotals } from './shared/relations';
import type { RegisterRoutes } from './index';

/**
 * Search, lookup and filtered search (freshsales-api.md §5). None of them writes, so none
 * publishes product events; soft-deleted records never appear (except in the recycle-bin
 * filter of filtered search).
 */

type SearchEntity = 'contact' | 'sales_account' | 'deal';
const SEARCH_ENTITIES: readonly SearchEntity[] = ['contact', 'sales_account', 'deal'];

function requireQuery(query: URLSearchParams): string {
  const q = query.get('q');
  if (q === null || q.trim() === '') throw badRequest("q can't be blank");
  return q.trim();
}

// ---- GET /search ------------------------------------------------------------------------

interface Hit {
  id: string;
  type: string;
  name: string;
  email?: string | null;
  avatar: null;
}

const has = (text: string | null | undefined, needle: string) => (text ?? '').toLowerCase().includes(needle);

/** Fuzzy = case-insensitive substring of a name or an email; ids are strings here (§5). */
const SEARCHERS: Record<SearchEntity | 'user', (store: CrmStore, needle: string) => Hit[]> = {
  contact: (store, needle) =>
    store.contacts
      .all()
      .filter((row) => has(displayName(row), needle) || row.emails.some((email) => has(email.value, needle)))
      .map((row) => ({ id: String(row.id), type: 'contact', name: displayName(row), email: primaryEmail(row), avatar: null })),
  sales_account: (store, needle) =>
    store.sales_accounts
      .all()
      .filter((row) => has(row.name, needle))
      .map((row) => ({ id: String(row.id), type: 'sales_account', name: row.name, avatar: null })),
  deal: (store, needle) =>
    store.deals
      .all()
      .filter((row) => has(row.name, needle))
      .map((row) => ({ id: String(row.id), type: 'deal', name: row.name, avatar: null })),
  user: (store, needle) =>
    store.users
      .filter((row) => has(row.display_name, needle) || has(row.email, needle))
      .map((row) => ({ id: String(row.id), type: 'user', name: row.display_name, email: row.email, avatar: null })),
};

const SEARCH_TYPES = ['contact', 'sales_account', 'deal', 'user'] as const;

/**
 * `include` restricts the entity types (singular names); without it every type is searched.
 * Hits come grouped by type (contacts, accounts, deals, users), each in creation order;
 * `per_page` (and `page`) cut the combined list. Only contacts and users carry `email`.
 */
const search: CrmHandler = (request, { store }) => {
  const needle = requireQuery(request.query).toLowerCase();
  const include = parseIncludes(request.query, SEARCH_TYPES);
  const page = parsePage(request.query);
  const types = SEARCH_TYPES.filter((type) => include.size === 0 || include.has(type));
  const hits = types.flatMap((type) => SEARCHERS[type](store, needle));
  // A bare JSON array, not an object (§5).
  return ok(paginate(hits, page).items);
};

// ---- GET /lookup ------------------------------------------------------------------------

type Matcher<R> = (row: R, q: string) => boolean;

/** One entity of `/lookup`, with its row type closed over. */
interface LookupEntity {
  plural: 'contacts' | 'sales_accounts' | 'deals';
  /** Whether `f` names a field of this entity. */
  supports: (store: CrmStore, field: string) => boolean;
  find: (context: SerializeContext, field: string, q: string) => Array<Record<string, unknown>>;
}

interface Customisable {
  custom_field: CustomFields;
}

const customValueMatches = (name: string): Matcher<Customisable> => (row, q) => {
  const value = row.custom_field[name];
  return value !== null && value !== undefined && String(value) === q;
};

function lookupEntity<R extends Customisable>(
  plural: LookupEntity['plural'],
  rows: (store: CrmStore) => R[],
  fields: Record<string, Matcher<R>>,
  render: (context: SerializeContext, row: R) => Record<string, unknown>,
): LookupEntity {
  const isCustom = (store: CrmStore, field: string) =>
    field.startsWith('cf_') && store.fields[plural].some((setting) => !setting.default && setting.name === field);
  const matcher = (field: string): Matcher<R> => fields[field] ?? customValueMatches(field);
  return {
    plural,
    supports: (store, field) => fields[field] !== undefined || isCustom(store, field),
    find: (context, field, q) => {
      const test = matcher(field);
      return rows(context.store).filter((row) => test(row, q)).map((row) => render(context, row));
    },
  };
}

/** Records in full, without association ids (no include is taken here). */
const NONE = new Set<string>();

const contactFull = (context: SerializeContext, row: ContactRow) => {
  const deals = dealsOfContact(context.store, row.id);
  return contactJson(context, row, NONE, { ...dealTotals(context.store, deals, context.now), deal_ids: deals.map((deal) => deal.id) });
};

const accountFull = (context: SerializeContext, row: SalesAccountRow) =>
  salesAccountJson(context, row, dealTotals(context.store, dealsOfAccount(context.store, row.id), context.now));

const sameEmail: Matcher<ContactRow> = (row, q) => row.emails.some((email) => email.value.toLowerCase() === q.toLowerCase());

/**
 * Exact match (§5): `email` ignores case (addresses are case-insensitive); `name` (a contact's
 * display name, an account's or deal's name) and `cf_` values must match exactly. `email`
 * names no field of accounts or deals, so asking for it there is a 400 rather than a silent
 * empty answer.
 */
const LOOKUPS: Record<SearchEntity, LookupEntity> = {
  contact: lookupEntity('contacts', (store) => store.contacts.all(), { email: sameEmail, name: (row, q) => displayName(row) === q }, contactFull),
  sales_account: lookupEntity('sales_accounts', (store) => store.sales_accounts.all(), { name: (row, q) => row.name === q }, accountFull),
  deal: lookupEntity('deals', (store) => store.deals.all(), { name: (row, q) => row.name === q }, (context, row) => dealJson(context, row, NONE)),
};

/**
 * `entities` and `f` are required here [U]: the reference always sends both, and refusing
 * their absence keeps a client from depending on an unconfirmed default.
 */
function parseEntities(query: URLSearchParams): SearchEntity[] {
  const raw = query.get('entities');
  if (raw === null || raw.trim() === '') throw badRequest(`entities can't be blank (any of ${SEARCH_ENTITIES.join(', ')})`);
  const names = [...new Set(raw.split(',').map((name) => name.trim()))];
  const unknown = names.filter((name) => !SEARCH_ENTITIES.includes(name as SearchEntity));
  if (unknown.length > 0) throw badRequest(`Invalid entities: ${unknown.join(', ')}. Allowed: ${SEARCH_ENTITIES.join(', ')}`);
  return names as SearchEntity[];
}

function lookupField(store: CrmStore, query: URLSearchParams, entities: SearchEntity[]): string {
  const field = (query.get('f') ?? '').trim();
  if (field === '') throw badRequest("f can't be blank (email, name or a cf_ field)");
  const unsupported = entities.filter((entity) => !LOOKUPS[entity].supports(store, field));
  if (unsupported.length > 0) throw badRequest(`Invalid field '${field}' for ${unsupported.join(', ')}`);
  return field;
}

const lookup: CrmHandler = (request, { store, clock }) => {
  const q = requireQuery(request.query);
  const entities = parseEntities(request.query);
  const field = lookupField(store, request.query, entities);
  const context = { store, now: clock.now() };
  // Doubly nested: {"contacts": {"contacts": [...]}} (§5); no match is an empty inner array.
  const entries = entities.map((entity) => {
    const { plural, find } = LOOKUPS[entity];
    return [plural, { [plural]: find(context, field, q) }];
  });
  return ok(Object.fromEntries(entries));
};

// ---- POST /filtered_search/:entity ------------------------------------------------------

type Sortable = string | number | null;

interface FilteredSpec<E extends keyof RowsOf> {
  entity: E;
  includes: readonly string[];
  sortable: Record<string, (row: RowsOf[E], context: SerializeContext) => Sortable>;
  render: (context: SerializeContext, rows: Array<RowsOf[E]>, options: { includes: Set<string>; detail: boolean }) => Rendered;
}

const amountNumber = (amount: string | null) => (amount === null ? null : Number(amount));

const timesOf = <R extends { created_at: number; updated_at: number }>() => ({
  created_at: (row: R) => row.created_at,
  updated_at: (row: R) => row.updated_at,
});

const FILTERED: { [K in SearchEntity]: FilteredSpec<keyof RowsOf> } = {
  contact: {
    entity: 'contacts',
    includes: CONTACT_INCLUDES,
    sortable: {
      ...timesOf<ContactRow>(),
      first_name: (row: ContactRow) => row.first_name,
      last_name: (row: ContactRow) => row.last_name,
      lead_score: (row: ContactRow) => row.lead_score,
      open_deals_amount: (row: ContactRow, c: SerializeContext) =>
        amountNumber(dealTotals(c.store, dealsOfContact(c.store, row.id), c.now).open_deals_amount),
    },
    render: renderContacts,
  } satisfies FilteredSpec<'contacts'> as FilteredSpec<keyof RowsOf>,
  sales_account: {
    entity: 'sales_accounts',
    includes: ACCOUNT_INCLUDES,
    sortable: {
      ...timesOf<SalesAccountRow>(),
      name: (row: SalesAccountRow) => row.name,
      open_deals_amount: (row: SalesAccountRow, c: SerializeContext) =>
        amountNumber(dealTotals(c.store, dealsOfAccount(c.store, row.id), c.now).open_deals_amount),
    },
    render: renderAccounts,
  } satisfies FilteredSpec<'sales_accounts'> as FilteredSpec<keyof RowsOf>,
  deal: {
    entity: 'deals',
    includes: DEAL_INCLUDES,
    sortable: {
      ...timesOf<DealRow>(),
      name: (row: DealRow) => row.name,
      amount: (row: DealRow) => amountNumber(row.amount),
      expected_close: (row: DealRow) => row.expected_close,
    },
    render: renderDeals,
  } satisfies FilteredSpec<'deals'> as FilteredSpec<keyof RowsOf>,
};

const BODY_KEYS = new Set(['filter_rule', 'sort', 'sort_type', 'detail']);

function filterBody(body: unknown): JsonObject {
  if (!isObject(body)) throw badRequest('Request body must be a JSON object with a "filter_rule" array');
  const unknown = Object.keys(body).filter((key) => !BODY_KEYS.has(key));
  if (unknown.length > 0) throw badRequest(...unknown.map((key) => `Unknown attribute '${key}'`));
  if (body.detail !== undefined && typeof body.detail !== 'boolean') throw badRequest('detail must be true or false');
  return body;
}

function tableOf(store: CrmStore, entity: keyof RowsOf): Table<RowsOf[keyof RowsOf]> {
  return store[entity];
}

function filteredRows(context: CrmContext, spec: FilteredSpec<keyof RowsOf>, body: JsonObject) {
  const { store } = context;
  const filter = compileFilter(body.filter_rule, attributesOf(store, spec.entity), store.account.timeZone);
  const sort = parseSort(body.sort, body.sort_type, Object.keys(spec.sortable), 'updated_at');
  const table = tableOf(store, spec.entity);
  const pool = filter.deleted ? table.everything().filter((row) => row.is_deleted) : table.all();
  const serializeContext = { store, now: context.clock.now() };
  const key = spec.sortable[sort.field] ?? ((row) => row.updated_at);
  return { rows: sortRows(pool.filter(filter.matches), (row) => key(row, serializeContext), sort.direction), serializeContext };
}

/**
 * Partial records unless `"detail": true` (§5); `meta` carries `total` only, no
 * `total_pages` (§7); a page past the end is an empty array with 200.
 */
const filteredSearch = (entity: SearchEntity): CrmHandler => (request, context) => {
  const spec = FILTERED[entity];
  const includes = parseIncludes(request.query, spec.includes);
  const page = parsePage(request.query);
  const body = filterBody(request.body);
  const { rows, serializeContext } = filteredRows(context, spec, body);
  const { items, total } = paginate(rows, page);
  const rendered = spec.render(serializeContext, items, { includes, detail: body.detail === true });
  return ok({ ...rendered.sideLoads, [spec.entity]: rendered.items, meta: { total } });
};

export const registerSearch: RegisterRoutes = (router) => {
  router.add('GET', '/search', search);
  router.add('GET', '/lookup', lookup);
  SEARCH_ENTITIES.forEach((entity) => router.add('POST', `/filtered_search/${entity}`, filteredSearch(entity)));
};
