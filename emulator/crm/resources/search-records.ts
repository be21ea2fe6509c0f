import type { ContactRow, DealRow, Id, SalesAccountRow } from '../model/types';
import { appointmentJson, noteJson, taskJson } from '../serialize/activities';
import { CONTACT_INCLUDE_IDS, contactJson, contactPartialJson } from '../serialize/contact';
import type { SerializeContext } from '../serialize/context';
import { DEAL_INCLUDE_IDS, dealJson, dealPartialJson } from '../serialize/deal';
import { SALES_ACCOUNT_INCLUDE_IDS, nestedAccountJson, salesAccountJson, salesAccountPartialJson } from '../serialize/sales-account';
import { SideLoads } from './shared/includes';
import { contactsOfAccount, dealsOfAccount, dealsOfContact, dealTotals, targetedAt } from './shared/relations';
import { sideLoadUser } from './shared/side-loads';
import { sideLoadSelector } from './shared/selector-items';

/**
 * Contacts, accounts and deals as filtered search and marketing-list pages answer them:
 * partial records by default, the full serializers with `detail` (api §5), and the includes
 * of api §3 side-loaded as top-level arrays, de-duplicated over the page (rule 5). Association
 * ids appear only when their include was asked for (rule 6); soft-deleted related records are
 * never side-loaded. Related records side-load in their partial form.
 */
export interface Rendered {
  items: Array<Record<string, unknown>>;
  sideLoads: Record<string, unknown[]>;
}

type Loader<R> = (sideLoads: SideLoads, context: SerializeContext, row: R) => void;

const user = <R>(field: 'owner_id' | 'creater_id' | 'updater_id'): Loader<R> => (sideLoads, context, row) =>
  sideLoadUser(sideLoads, context.store, (row as Record<string, unknown>)[field] as Id | null);

function addAll<T extends { id: Id }>(sideLoads: SideLoads, key: string, rows: T[], build: (row: T) => unknown): void {
  sideLoads.touch(key);
  rows.forEach((row) => sideLoads.add(key, row.id, () => build(row)));
}

export function contactPartial(context: SerializeContext, row: ContactRow): Record<string, unknown> {
  return contactPartialJson(context, row, dealTotals(context.store, dealsOfContact(context.store, row.id), context.now).open_deals_amount);
}

const sideLoadDeals = (sideLoads: SideLoads, context: SerializeContext, deals: DealRow[]) =>
  addAll(sideLoads, 'deals', deals, (deal) => dealPartialJson(context, deal));

const sideLoadContacts = (sideLoads: SideLoads, context: SerializeContext, contacts: ContactRow[]) =>
  addAll(sideLoads, 'contacts', contacts, (contact) => contactPartial(context, contact));

const sideLoadAccounts = (sideLoads: SideLoads, context: SerializeContext, accounts: SalesAccountRow[]) =>
  addAll(sideLoads, 'sales_accounts', accounts, (account) => salesAccountPartialJson(context, account));

function activities<R extends { id: Id }>(type: 'Contact' | 'SalesAccount' | 'Deal'): Record<string, Loader<R>> {
  return {
    tasks: (sideLoads, { store, now }, row) =>
      addAll(sideLoads, 'tasks', targetedAt(store.tasks.all(), type, row.id), (task) => taskJson({ store, now }, task)),
    appointments: (sideLoads, { store, now }, row) =>
      addAll(sideLoads, 'appointments', targetedAt(store.appointments.all(), type, row.id), (item) => appointmentJson({ store, now }, item)),
    notes: (sideLoads, { store, now }, row) =>
      addAll(sideLoads, 'notes', targetedAt(store.notes.all(), type, row.id), (note) => noteJson({ store, now }, note)),
  };
}

const noSideLoad = (): void => undefined;

const existing = <T>(rows: Array<T | undefined>): T[] => rows.filter((row): row is T => row !== undefined);

const CONTACT_LOADERS: Record<string, Loader<ContactRow>> = {
  // Nested inside the contact instead (api §3 rule 3).
  sales_accounts: noSideLoad,
  owner: user('owner_id'),
  creater: user('creater_id'),
  updater: user('updater_id'),
  source: (s, c, row) => sideLoadSelector(s, c.store, 'lead_sources', row.lead_source_id),
  campaign: (s, c, row) => sideLoadSelector(s, c.store, 'campaigns', row.campaign_id),
  contact_status: (s, c, row) => sideLoadSelector(s, c.store, 'contact_statuses', row.contact_status_id),
  territory: (s, c, row) => sideLoadSelector(s, c.store, 'territories', row.territory_id),
  deals: (s, c, row) => sideLoadDeals(s, c, dealsOfContact(c.store, row.id)),
  ...activities<ContactRow>('Contact'),
};

const ACCOUNT_LOADERS: Record<string, Loader<SalesAccountRow>> = {
  owner: user('owner_id'),
  creater: user('creater_id'),
  updater: user('updater_id'),
  territory: (s, c, row) => sideLoadSelector(s, c.store, 'territories', row.territory_id),
  industry_type: (s, c, row) => sideLoadSelector(s, c.store, 'industry_types', row.industry_type_id),
  business_type: (s, c, row) => sideLoadSelector(s, c.store, 'business_types', row.business_type_id),
  contacts: (s, c, row) => sideLoadContacts(s, c, contactsOfAccount(c.store, row.id)),
  deals: (s, c, row) => sideLoadDeals(s, c, dealsOfAccount(c.store, row.id)),
  ...activities<SalesAccountRow>('SalesAccount'),
  // `child_sales_accounts` is left out: it side-loads under `sales_accounts` [U], the key of the
  // account list itself, so on a list it is refused (400) rather than silently lost.
};

const DEAL_LOADERS: Record<string, Loader<DealRow>> = {
  sales_account: (s, c, row) => sideLoadAccounts(s, c, existing([c.store.sales_accounts.get(row.sales_account_id ?? 0)])),
  owner: user('owner_id'),
  creater: user('creater_id'),
  updater: user('updater_id'),
  source: (s, c, row) => sideLoadSelector(s, c.store, 'lead_sources', row.lead_source_id),
  campaign: (s, c, row) => sideLoadSelector(s, c.store, 'campaigns', row.campaign_id),
  contacts: (s, c, row) => sideLoadContacts(s, c, existing(row.contact_ids.map((id) => c.store.contacts.get(id)))),
  deal_stage: (s, c, row) => sideLoadSelector(s, c.store, 'deal_stages', row.deal_stage_id),
  deal_pipeline: (s, c, row) => sideLoadSelector(s, c.store, 'deal_pipelines', row.deal_pipeline_id),
  deal_reason: (s, c, row) => sideLoadSelector(s, c.store, 'deal_reasons', row.deal_reason_id),
  deal_type: (s, c, row) => sideLoadSelector(s, c.store, 'deal_types', row.deal_type_id),
  deal_payment_status: (s, c, row) => sideLoadSelector(s, c.store, 'deal_payment_statuses', row.deal_payment_status_id),
  // A deal row keeps no deal-product id: the key is present and empty.
  deal_product: (s, c) => sideLoadSelector(s, c.store, 'deal_products', null),
  currency: (s, c, row) => sideLoadSelector(s, c.store, 'currencies', row.currency_id),
  territory: (s, c, row) => sideLoadSelector(s, c.store, 'territories', row.territory_id),
  // `probability` is a field of the deal itself; nothing to side-load.
  probability: noSideLoad,
  // Nested inside the deal instead (api §3 rule 4).
  products: noSideLoad,
};

export const CONTACT_INCLUDES = Object.keys(CONTACT_LOADERS);
export const ACCOUNT_INCLUDES = Object.keys(ACCOUNT_LOADERS);
export const DEAL_INCLUDES = Object.keys(DEAL_LOADERS);

/** The id fields the includes switch on (api §3 rule 6). */
function emitted(includes: ReadonlySet<string>, ids: Record<string, string>): Set<string> {
  return new Set([...includes].map((include) => ids[include]).filter((field): field is string => field !== undefined));
}

/** `{owner_id: …}` for each emitted field, read from the row or computed (only when emitted). */
function idFields(row: object, emit: ReadonlySet<string>, computed: Record<string, () => unknown> = {}): Record<string, unknown> {
  return Object.fromEntries([...emit].map((field) => [field, computed[field]?.() ?? (row as Record<string, unknown>)[field] ?? null]));
}

interface RenderOptions {
  includes: ReadonlySet<string>;
  detail: boolean;
}

function render<R>(
  context: SerializeContext,
  rows: R[],
  options: RenderOptions,
  loaders: Record<string, Loader<R>>,
  record: (row: R) => Record<string, unknown>,
): Rendered {
  const sideLoads = new SideLoads();
  const items = rows.map((row) => {
    options.includes.forEach((include) => loaders[include]?.(sideLoads, context, row));
    return record(row);
  });
  return { items, sideLoads: sideLoads.toObject() };
}

function nestedAccounts(context: SerializeContext, row: ContactRow): Array<Record<string, unknown>> {
  return row.sales_accounts.flatMap((link) => {
    const account = context.store.sales_accounts.get(link.id);
    return account === undefined ? [] : [nestedAccountJson(context, account, link.is_primary)];
  });
}

function contactRecord(context: SerializeContext, row: ContactRow, options: RenderOptions, emit: ReadonlySet<string>) {
  const deals = dealsOfContact(context.store, row.id);
  const totals = dealTotals(context.store, deals, context.now);
  const dealIds = deals.map((deal) => deal.id);
  const body = options.detail
    ? contactJson(context, row, emit, { ...totals, deal_ids: dealIds })
    : { ...contactPartialJson(context, row, totals.open_deals_amount), ...idFields(row, emit, { deal_ids: () => dealIds }) };
  return options.includes.has('sales_accounts') ? { ...body, sales_accounts: nestedAccounts(context, row) } : body;
}

export function renderContacts(context: SerializeContext, rows: ContactRow[], options: RenderOptions): Rendered {
  const emit = emitted(options.includes, CONTACT_INCLUDE_IDS);
  return render(context, rows, options, CONTACT_LOADERS, (row) => contactRecord(context, row, options, emit));
}

function accountRecord(context: SerializeContext, row: SalesAccountRow, options: RenderOptions, emit: ReadonlySet<string>) {
  const { store, now } = context;
  const deals = dealsOfAccount(store, row.id);
  const computed = {
    contact_ids: () => contactsOfAccount(store, row.id).map((contact) => contact.id),
    deal_ids: () => deals.map((deal) => deal.id),
  };
  const ids = idFields(row, emit, computed) as Record<string, Id | Id[] | null>;
  if (options.detail) return salesAccountJson(context, row, dealTotals(store, deals, now), ids);
  return { ...salesAccountPartialJson(context, row), ...ids };
}

export function renderAccounts(context: SerializeContext, rows: SalesAccountRow[], options: RenderOptions): Rendered {
  const emit = emitted(options.includes, SALES_ACCOUNT_INCLUDE_IDS);
  return render(context, rows, options, ACCOUNT_LOADERS, (row) => accountRecord(context, row, options, emit));
}

function dealRecord(context: SerializeContext, row: DealRow, options: RenderOptions, emit: ReadonlySet<string>) {
  const withProducts = options.includes.has('products');
  if (options.detail) return dealJson(context, row, emit, withProducts);
  const products = withProducts ? { products: dealJson(context, row, new Set(), true).products } : {};
  return { ...dealPartialJson(context, row), ...idFields(row, emit), ...products };
}

export function renderDeals(context: SerializeContext, rows: DealRow[], options: RenderOptions): Rendered {
  const emit = emitted(options.includes, DEAL_INCLUDE_IDS);
  return render(context, rows, options, DEAL_LOADERS, (row) => dealRecord(context, row, options, emit));
}
