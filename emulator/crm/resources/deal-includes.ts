import type { DealRow, Id } from '../model/types';
import type { SerializeContext } from '../serialize/context';
import { contactPartialJson } from '../serialize/contact';
import { DEAL_INCLUDE_IDS, dealJson } from '../serialize/deal';
import { salesAccountPartialJson } from '../serialize/sales-account';
import { sideLoadRelated } from './record-includes';
import { SideLoads } from './shared/includes';
import { dealsOfContact, dealTotals } from './shared/relations';
import { sideLoadSelector, type SelectorKind } from './shared/selector-items';
import { sideLoadUser } from './shared/side-loads';

/**
 * The include values a deal documents (freshsales-api.md §3), plus `tasks`, `appointments` and
 * `notes`. The reference documents those three only for contacts and accounts; whether deals
 * take them is [U]. The product's deal page has the same activity tabs, so the stand-in serves
 * them as it does for contacts; the app must (and does) fall back when a real account refuses.
 */
export const DEAL_INCLUDES = [
  'sales_account', 'owner', 'creater', 'updater', 'source', 'campaign', 'contacts', 'deal_stage', 'deal_pipeline',
  'deal_reason', 'deal_type', 'deal_payment_status', 'deal_product', 'currency', 'territory', 'probability', 'products',
  'tasks', 'appointments', 'notes',
] as const;

type Loader = (loads: SideLoads, context: SerializeContext, row: DealRow) => void;

interface SideLoad {
  /** The top-level array it fills (api §3 table; the key names other than deal_stages and users are [U]). */
  key: string;
  load: Loader;
}

const liveContacts = (context: SerializeContext, row: DealRow) =>
  row.contact_ids.map((id) => context.store.contacts.get(id)).filter((contact) => contact !== undefined);

function loadContacts(loads: SideLoads, context: SerializeContext, row: DealRow): void {
  for (const contact of liveContacts(context, row)) {
    loads.add('contacts', contact.id, () => {
      const totals = dealTotals(context.store, dealsOfContact(context.store, contact.id), context.now);
      return contactPartialJson(context, contact, totals.open_deals_amount);
    });
  }
}

function loadAccount(loads: SideLoads, context: SerializeContext, row: DealRow): void {
  const account = row.sales_account_id === null ? undefined : context.store.sales_accounts.get(row.sales_account_id);
  if (account !== undefined) loads.add('sales_accounts', account.id, () => salesAccountPartialJson(context, account));
}

/** A selector entry, shaped as `/selector/<kind>` lists it (side-loaded stages' `updated_at` in the account zone). */
const choiceLoader = (kind: SelectorKind, id: (row: DealRow) => Id | null): SideLoad => ({
  key: kind,
  load: (loads, context, row) => sideLoadSelector(loads, context.store, kind, id(row)),
});

const userLoader = (id: (row: DealRow) => Id | null): SideLoad => ({
  key: 'users',
  load: (loads, context, row) => sideLoadUser(loads, context.store, id(row)),
});

function relatedLoader(key: 'tasks' | 'appointments' | 'notes'): SideLoad {
  return { key, load: (loads, context, row) => sideLoadRelated(loads, context, key, 'Deal', row.id) };
}

/**
 * What each include side-loads. `deal_product` (the legacy "Product" dropdown) side-loads an
 * empty `deal_products`: the stand-in's deals carry no value for it. `probability` adds nothing
 * and `products` nests inside the deal (api §3 rule 4).
 */
const SIDE_LOADS: Record<string, SideLoad> = {
  sales_account: { key: 'sales_accounts', load: loadAccount },
  owner: userLoader((row) => row.owner_id),
  creater: userLoader((row) => row.creater_id),
  updater: userLoader((row) => row.updater_id),
  source: choiceLoader('lead_sources', (row) => row.lead_source_id),
  campaign: choiceLoader('campaigns', (row) => row.campaign_id),
  contacts: { key: 'contacts', load: loadContacts },
  deal_stage: choiceLoader('deal_stages', (row) => row.deal_stage_id),
  deal_pipeline: choiceLoader('deal_pipelines', (row) => row.deal_pipeline_id),
  deal_reason: choiceLoader('deal_reasons', (row) => row.deal_reason_id),
  deal_type: choiceLoader('deal_types', (row) => row.deal_type_id),
  deal_payment_status: choiceLoader('deal_payment_statuses', (row) => row.deal_payment_status_id),
  deal_product: { key: 'deal_products', load: () => undefined },
  currency: choiceLoader('currencies', (row) => row.currency_id),
  territory: choiceLoader('territories', (row) => row.territory_id),
  tasks: relatedLoader('tasks'),
  appointments: relatedLoader('appointments'),
  notes: relatedLoader('notes'),
};

/** The association id fields the includes ask for (api §3 rule 6). */
function emitFor(includes: ReadonlySet<string>): Set<string> {
  return new Set([...includes].map((include) => DEAL_INCLUDE_IDS[include]).filter((name) => name !== undefined));
}

/** Soft-deleted contacts are never shown, not even as ids. */
const visible = (context: SerializeContext, row: DealRow): DealRow => ({
  ...row,
  contact_ids: row.contact_ids.filter((id) => context.store.contacts.get(id) !== undefined),
});

function sideLoadsFor(includes: ReadonlySet<string>): SideLoad[] {
  return [...includes].map((include) => SIDE_LOADS[include]).filter((entry) => entry !== undefined);
}

/** Deals rendered with their includes; side-loads are the de-duplicated union (api §3 rule 5). */
export function renderDeals(context: SerializeContext, rows: readonly DealRow[], includes: ReadonlySet<string>) {
  const loads = new SideLoads();
  const entries = sideLoadsFor(includes);
  entries.forEach((entry) => loads.touch(entry.key));
  const emit = emitFor(includes);
  const deals = rows.map((row) => {
    entries.forEach((entry) => entry.load(loads, context, row));
    return dealJson(context, visible(context, row), emit, includes.has('products'));
  });
  return { deals, sideLoads: loads.toObject() };
}

/** `{<side-loads>, deal}` as `GET /deals/:id` answers (api §3 example). */
export function dealReply(context: SerializeContext, row: DealRow, includes: ReadonlySet<string>): Record<string, unknown> {
  const { deals, sideLoads } = renderDeals(context, [row], includes);
  return { ...sideLoads, deal: deals[0] };
}
