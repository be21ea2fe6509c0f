import { multiplyDecimal, toDecimalString } from '../format';
import type { DealRow, ProductRow } from '../model/types';
import { at, atOrNull, pick, type Emit, type SerializeContext } from './context';

/** Which id field each deal include adds; pipeline and stage ids are always there (api §3). */
export const DEAL_INCLUDE_IDS: Record<string, string> = {
  sales_account: 'sales_account_id',
  owner: 'owner_id',
  creater: 'creater_id',
  updater: 'updater_id',
  source: 'lead_source_id',
  campaign: 'campaign_id',
  contacts: 'contact_ids',
  deal_reason: 'deal_reason_id',
  deal_type: 'deal_type_id',
  deal_payment_status: 'deal_payment_status_id',
  currency: 'currency_id',
  territory: 'territory_id',
};

const DAY_MS = 86_400_000;

function exchangeRate(context: SerializeContext, row: DealRow): string {
  return context.store.metadata.currencies.find((currency) => currency.id === row.currency_id)?.exchange_rate ?? '1.0';
}

/** Amount in the account's base currency and the probability-weighted value (api §4.3). */
export function dealMoney(context: SerializeContext, row: DealRow): { base_currency_amount: string | null; expected_deal_value: string | null } {
  if (row.amount === null) return { base_currency_amount: null, expected_deal_value: null };
  const probability = toDecimalString((row.probability ?? 0) / 100) ?? '0.0';
  return {
    base_currency_amount: multiplyDecimal(row.amount, exchangeRate(context, row)),
    expected_deal_value: multiplyDecimal(row.amount, probability),
  };
}

function productJson(context: SerializeContext, item: DealRow['products'][number]): Record<string, unknown> {
  const product: ProductRow | undefined = context.store.products.get(item.product_id);
  return {
    product_id: item.product_id,
    name: product?.name ?? null,
    quantity: item.quantity,
    unit_price: item.unit_price,
    discount: item.discount,
    setup_fee: item.setup_fee,
    billing_type: item.billing_type,
  };
}

function associationIds(row: DealRow): Record<string, unknown> {
  return {
    sales_account_id: row.sales_account_id,
    owner_id: row.owner_id,
    creater_id: row.creater_id,
    updater_id: row.updater_id,
    lead_source_id: row.lead_source_id,
    campaign_id: row.campaign_id,
    contact_ids: row.contact_ids,
    deal_reason_id: row.deal_reason_id,
    deal_type_id: row.deal_type_id,
    deal_payment_status_id: row.deal_payment_status_id,
    currency_id: row.currency_id,
    territory_id: row.territory_id,
  };
}

/** A deal as `GET /deals/:id` answers it (api §3 example, §4.3). `products` nests when included. */
export function dealJson(context: SerializeContext, row: DealRow, emit: Emit, withProducts = false): Record<string, unknown> {
  return {
    id: row.id,
    name: row.name,
    amount: row.amount,
    ...dealMoney(context, row),
    expected_close: row.expected_close,
    closed_date: row.closed_date,
    deal_pipeline_id: row.deal_pipeline_id,
    deal_stage_id: row.deal_stage_id,
    stage_updated_time: at(context, row.stage_updated_time),
    probability: row.probability,
    ...pick(emit, associationIds(row)),
    custom_field: row.custom_field,
    age: Math.max(0, Math.floor((context.now - row.created_at) / DAY_MS)),
    rotten_days: null,
    forecast_category: 1,
    has_products: row.products.length > 0,
    ...(withProducts ? { products: row.products.map((item) => productJson(context, item)) } : {}),
    tags: row.tags,
    recent_note: row.recent_note,
    upcoming_activities_time: null,
    last_assigned_at: atOrNull(context, row.last_assigned_at),
    is_deleted: row.is_deleted,
    team_user_ids: row.team_user_ids,
    web_form_id: row.web_form_id,
    links: { conversations: `/crm/sales/deals/${row.id}/conversations/all`, document_associations: `/crm/sales/deals/${row.id}/document_associations` },
    created_at: at(context, row.created_at),
    updated_at: at(context, row.updated_at),
  };
}

export function dealPartialJson(context: SerializeContext, row: DealRow): Record<string, unknown> {
  return {
    partial: true,
    id: row.id,
    name: row.name,
    amount: row.amount,
    deal_pipeline_id: row.deal_pipeline_id,
    deal_stage_id: row.deal_stage_id,
    expected_close: row.expected_close,
    created_at: at(context, row.created_at),
    updated_at: at(context, row.updated_at),
  };
}
