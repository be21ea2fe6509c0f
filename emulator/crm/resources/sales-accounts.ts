import { badRequest } from '../http/errors';
import type { ContactRow, DealRow, Id, SalesAccountRow, UserRow } from '../model/types';
import { contactPartialJson } from '../serialize/contact';
import type { SerializeContext } from '../serialize/context';
import { SALES_ACCOUNT_INCLUDE_IDS, salesAccountJson, salesAccountPartialJson } from '../serialize/sales-account';
import type { CrmStore } from '../store';
import { accountDraft, blankAccount, findAccountByName, storeNewAccount } from './account-writes';
import type { RegisterRoutes } from './index';
import { registerRecordRoutes, sideLoadDeals, sideLoadRelated, type RecordKind } from './record-includes';
import { isObject, type JsonObject } from './shared/body';
import type { SideLoads } from './shared/includes';
import { publish, snapshotOf } from './shared/records';
import { contactsOfAccount, dealsOfAccount, dealsOfContact, dealTotals } from './shared/relations';
import { sideLoadSelector } from './shared/selector-items';
import { sideLoadUser } from './shared/side-loads';

/**
 * Sales accounts (freshsales-api.md §2, §3, §4.2): create, view, update, soft delete, forget,
 * clone, upsert by name, bulk delete and owner assignment, filters and views.
 */

export const ACCOUNT_INCLUDES = [
  'owner', 'creater', 'updater', 'territory', 'industry_type', 'business_type', 'contacts', 'deals',
  'tasks', 'appointments', 'notes', 'child_sales_accounts',
] as const;

interface Related {
  ctx: SerializeContext;
  row: SalesAccountRow;
  deals: DealRow[];
  contacts: ContactRow[];
  sideLoads: SideLoads;
}

function sideLoadContacts({ ctx, contacts, sideLoads }: Related): void {
  sideLoads.touch('contacts');
  contacts.forEach((contact) =>
    sideLoads.add('contacts', contact.id, () =>
      contactPartialJson(ctx, contact, dealTotals(ctx.store, dealsOfContact(ctx.store, contact.id), ctx.now).open_deals_amount),
    ),
  );
}

/** `include=child_sales_accounts`: accounts whose parent is this one, under `sales_accounts`. */
function sideLoadChildren({ ctx, row, sideLoads }: Related): void {
  sideLoads.touch('sales_accounts');
  ctx.store.sales_accounts
    .all()
    .filter((account) => account.parent_sales_account_id === row.id)
    .forEach((child) => sideLoads.add('sales_accounts', child.id, () => salesAccountPartialJson(ctx, child)));
}

/** Side-loads per include (api §3; key names [U]). */
const SIDE_LOADS: Record<string, (related: Related) => void> = {
  owner: ({ ctx, row, sideLoads }) => sideLoadUser(sideLoads, ctx.store, row.owner_id),
  creater: ({ ctx, row, sideLoads }) => sideLoadUser(sideLoads, ctx.store, row.creater_id),
  updater: ({ ctx, row, sideLoads }) => sideLoadUser(sideLoads, ctx.store, row.updater_id),
  territory: ({ ctx, row, sideLoads }) => sideLoadSelector(sideLoads, ctx.store, 'territories', row.territory_id),
  industry_type: ({ ctx, row, sideLoads }) => sideLoadSelector(sideLoads, ctx.store, 'industry_types', row.industry_type_id),
  business_type: ({ ctx, row, sideLoads }) => sideLoadSelector(sideLoads, ctx.store, 'business_types', row.business_type_id),
  contacts: sideLoadContacts,
  deals: ({ ctx, deals, sideLoads }) => sideLoadDeals(sideLoads, ctx, deals),
  tasks: ({ ctx, row, sideLoads }) => sideLoadRelated(sideLoads, ctx, 'tasks', 'SalesAccount', row.id),
  appointments: ({ ctx, row, sideLoads }) => sideLoadRelated(sideLoads, ctx, 'appointments', 'SalesAccount', row.id),
  notes: ({ ctx, row, sideLoads }) => sideLoadRelated(sideLoads, ctx, 'notes', 'SalesAccount', row.id),
  child_sales_accounts: sideLoadChildren,
};

/** The id fields an include adds; only owner_id is always there (api §3 rule 6, §11). */
function extraIds(includes: ReadonlySet<string>, related: Omit<Related, 'sideLoads' | 'ctx'>): Record<string, Id | Id[] | null> {
  const values: Record<string, Id | Id[] | null> = {
    territory_id: related.row.territory_id,
    industry_type_id: related.row.industry_type_id,
    business_type_id: related.row.business_type_id,
    creater_id: related.row.creater_id,
    updater_id: related.row.updater_id,
    contact_ids: related.contacts.map((contact) => contact.id),
    deal_ids: related.deals.map((deal) => deal.id),
  };
  return Object.fromEntries(
    [...includes].flatMap((name) => {
      const field = SALES_ACCOUNT_INCLUDE_IDS[name];
      return field === undefined ? [] : [[field, values[field] ?? null]];
    }),
  );
}

function renderAccount(ctx: SerializeContext, row: SalesAccountRow, includes: ReadonlySet<string>, sideLoads: SideLoads): JsonObject {
  const deals = dealsOfAccount(ctx.store, row.id);
  const contacts = includes.has('contacts') ? contactsOfAccount(ctx.store, row.id) : [];
  const json = salesAccountJson(ctx, row, dealTotals(ctx.store, deals, ctx.now), extraIds(includes, { row, deals, contacts }));
  includes.forEach((name) => SIDE_LOADS[name]?.({ ctx, row, deals, contacts, sideLoads }));
  return json;
}

const amount = (value: string | null) => (value === null ? null : Number(value));

function sortable(ctx: SerializeContext): Record<string, (row: SalesAccountRow) => string | number | null> {
  // Computed once per row: the sort asks for a key at every comparison.
  const cache = new Map<number, ReturnType<typeof dealTotals>>();
  const totals = (row: SalesAccountRow) => {
    const known = cache.get(row.id) ?? dealTotals(ctx.store, dealsOfAccount(ctx.store, row.id), ctx.now);
    cache.set(row.id, known);
    return known;
  };
  return {
    updated_at: (row) => row.updated_at,
    created_at: (row) => row.created_at,
    name: (row) => row.name.toLowerCase(),
    number_of_employees: (row) => row.number_of_employees,
    annual_revenue: (row) => row.annual_revenue,
    last_contacted: (row) => row.last_contacted,
    open_deals_amount: (row) => amount(totals(row).open_deals_amount),
    won_deals_amount: (row) => amount(totals(row).won_deals_amount),
  };
}

/**
 * A clone copies the account, name included: names are unique, so a clone without a new `name`
 * in its overrides is refused with "Name has already been taken" ([U]: the stand-in does not
 * invent a name for the copy).
 */
function cloneBase(source: SalesAccountRow, actor: UserRow, now: number): SalesAccountRow {
  return {
    ...structuredClone(source),
    id: 0, mcr_id: 0n, created_at: now, updated_at: now, creater_id: actor.id, updater_id: actor.id,
    last_contacted: null, last_contacted_mode: null, last_assigned_at: null, recent_note: null,
  };
}

function identifierName(identifier: unknown): string {
  const entries = isObject(identifier) ? Object.entries(identifier) : [];
  const [key, name] = entries[0] ?? [];
  if (entries.length !== 1 || key !== 'name') throw badRequest('unique_identifier must be an object with one field: name');
  if (typeof name !== 'string' || name.trim() === '') throw badRequest("Unique identifier name can't be blank");
  return name;
}

/** `unique_identifier: {"name": "Acme"}` (api §4.1, [C]); the only key the stand-in takes. */
function identify(store: CrmStore, identifier: unknown, input: JsonObject): { found?: SalesAccountRow; createInput: JsonObject } {
  const name = identifierName(identifier);
  return { found: findAccountByName(store, name), createInput: input.name === undefined ? { ...input, name } : input };
}

/** Permanent erase: contacts, deals and child accounts stop pointing at it. */
function erase(store: CrmStore, id: Id): void {
  store.sales_accounts.erase(id);
  store.contacts.everything().forEach((contact) => (contact.sales_accounts = contact.sales_accounts.filter((link) => link.id !== id)));
  store.deals.everything().filter((deal) => deal.sales_account_id === id).forEach((deal) => (deal.sales_account_id = null));
  store.sales_accounts.everything().filter((account) => account.parent_sales_account_id === id).forEach((account) => (account.parent_sales_account_id = null));
}

export const SALES_ACCOUNT_KIND: RecordKind<SalesAccountRow> = {
  path: 'sales_accounts',
  key: 'sales_account',
  what: 'Sales account',
  words: 'sales accounts',
  includes: ACCOUNT_INCLUDES,
  table: (store) => store.sales_accounts,
  blank: blankAccount,
  draft: accountDraft,
  cloneBase,
  storeNew: storeNewAccount,
  save: (store, draft) => store.sales_accounts.put(draft),
  identify,
  publish: (context, before, after, actor) => publish(context, { entity: 'sales_account', before, after: snapshotOf(after) }, actor),
  render: renderAccount,
  sortable,
  erase,
};

export const registerSalesAccounts: RegisterRoutes = (router) => registerRecordRoutes(router, SALES_ACCOUNT_KIND);
