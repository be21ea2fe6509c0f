import type { DealRow } from '../model/types';
import { displayName, primaryEmail } from '../serialize/contact';
import type { SerializeContext } from '../serialize/context';
import { dealMoney } from '../serialize/deal';
import { choiceOrNull, people, usersOf } from './associations';
import { customFieldsArray, isoUtc, isoUtcOrNull, wrapBuiltIns, wrapComputed, type BuiltIn } from './wrap';

/** onDealCreate / onDealUpdate: `data.deal` and `data.associations` (platform.md §3.4). */

type Field = BuiltIn<DealRow>;

const DAY_MS = 86_400_000;

const dropdown = (name: keyof DealRow, label: string): Field => [name, label, 'dropdown', (row) => row[name]];
const unknownYet = (name: string, label: string, type: string): Field => [name, label, type, () => null];

const WRAPPED: readonly Field[] = [
  ['name', 'Name', 'text', (row) => row.name],
  dropdown('owner_id', 'Sales owner'),
  dropdown('deal_pipeline_id', 'Pipeline'),
  dropdown('deal_stage_id', 'Deal stage'),
  dropdown('deal_reason_id', 'Lost reason'),
  dropdown('currency_id', 'Currency'),
  dropdown('deal_payment_status_id', 'Payment status'),
  dropdown('territory_id', 'Territory'),
  dropdown('deal_type_id', 'Type'),
  dropdown('lead_source_id', 'Source'),
  dropdown('campaign_id', 'Campaign'),
  unknownYet('last_contacted_sales_activity_mode', 'Last activity type', 'dropdown'),
  dropdown('updater_id', 'Updated by'),
  dropdown('web_form_id', 'Web form'),
  ['creator_id', 'Created by', 'dropdown', (row) => row.creater_id],
  unknownYet('deal_product_id', 'Product', 'dropdown'),
  ['closed_date', 'Closed date', 'date', (row) => row.closed_date],
  ['expected_close', 'Expected close date', 'date', (row) => row.expected_close],
  ['sales_account_id', 'Account', 'auto_complete', (row) => row.sales_account_id],
  ['tags', 'Tags', 'auto_complete', (row) => [...row.tags]],
  ['amount', 'Deal value', 'decimal', (row) => row.amount],
  ['base_currency_amount', 'Deal value in base currency', 'decimal', (row, context) => dealMoney(context, row).base_currency_amount],
  // A number, not a decimal string, although its type says decimal (§3.2).
  ['probability', 'Probability (%)', 'decimal', (row) => row.probability],
  ['expected_deal_value', 'Expected deal value', 'decimal', (row, context) => dealMoney(context, row).expected_deal_value],
  ['age', 'Age', 'number', (row, context) => Math.max(0, Math.floor((context.now - row.created_at) / DAY_MS))],
  ['recent_note', 'Recent note', 'paragraph', (row) => row.recent_note],
  unknownYet('active_sales_sequences', 'Active sales sequences', 'multi_select_dropdown'),
  unknownYet('completed_sales_sequences', 'Completed sales sequences', 'multi_select_dropdown'),
  ['created_at', 'Created at', 'date_time', (row) => isoUtc(row.created_at)],
  ['updated_at', 'Updated at', 'date_time', (row) => isoUtc(row.updated_at)],
  unknownYet('last_contacted_via_sales_activity', 'Last activity date', 'date_time'),
  unknownYet('upcoming_activities_time', 'Upcoming activities', 'date_time'),
  ['stage_updated_time', 'Stage updated time', 'date_time', (row) => isoUtc(row.stage_updated_time)],
  ['last_assigned_at', 'Last assigned at', 'date_time', (row) => isoUtcOrNull(row.last_assigned_at)],
];

const COMPUTED: readonly Field[] = [
  ['first_assigned_at', 'First assigned at', 'date_time', () => null],
  ['import_csv_id', 'Import', 'multi_select_dropdown', () => null],
  ['deal_prediction_tag', 'Deal prediction', 'text', () => null],
];

function bare(row: DealRow): Record<string, unknown> {
  return {
    id: row.id,
    lost_from: null,
    won_from: null,
    is_deleted: row.is_deleted,
    contact_ids: [...row.contact_ids],
    import_id: null,
    team_user_ids: [...(row.team_user_ids ?? [])],
    product_ids: row.products.map((item) => item.product_id),
    source_additional_info: {},
  };
}

export function dealRecord(context: SerializeContext, row: DealRow): Record<string, unknown> {
  return {
    ...bare(row),
    ...wrapBuiltIns(context, 'deals', WRAPPED, row),
    ...wrapComputed(context, COMPUTED, row),
    custom_fields: customFieldsArray(context, 'deals', row.custom_field),
  };
}

function salesAccount(context: SerializeContext, row: DealRow): Record<string, unknown> | null {
  const account = row.sales_account_id === null ? undefined : context.store.sales_accounts.get(row.sales_account_id);
  if (account === undefined) return null;
  return { id: account.id, name: account.name, website: account.website, owner_id: account.owner_id };
}

function contacts(context: SerializeContext, row: DealRow): Array<Record<string, unknown>> {
  return row.contact_ids.flatMap((id) => {
    const contact = context.store.contacts.get(id);
    if (contact === undefined) return [];
    return [{ id: contact.id, first_name: contact.first_name, last_name: contact.last_name, display_name: displayName(contact), email: primaryEmail(contact) }];
  });
}

function products(context: SerializeContext, row: DealRow): Array<Record<string, unknown>> {
  return row.products.map((item) => {
    const product = context.store.products.raw(item.product_id);
    return {
      id: item.product_id,
      name: product?.name ?? null,
      sku_number: product?.sku_number ?? null,
      quantity: item.quantity,
      unit_price: item.unit_price,
      discount: item.discount,
      setup_fee: item.setup_fee,
      billing_type: item.billing_type,
    };
  });
}

/** Shapes given by §3.4: pipeline, stage and currency carry exactly these keys. */
function pipelineOf(context: SerializeContext, row: DealRow): Record<string, unknown> | null {
  const pipeline = context.store.metadata.deal_pipelines.find((candidate) => candidate.id === row.deal_pipeline_id);
  return pipeline === undefined ? null : { id: pipeline.id, name: pipeline.name, position: pipeline.position, is_default: pipeline.is_default };
}

function stageOf(context: SerializeContext, row: DealRow): Record<string, unknown> | null {
  const stage = context.store.metadata.deal_stages.find((candidate) => candidate.id === row.deal_stage_id);
  return stage === undefined ? null : { id: stage.id, name: stage.name, position: stage.position, forecast_type: stage.forecast_type };
}

function currencyOf(context: SerializeContext, row: DealRow): Record<string, unknown> | null {
  const currency = context.store.metadata.currencies.find((candidate) => candidate.id === row.currency_id);
  return currency === undefined ? null : { id: currency.id, currency_code: currency.currency_code, exchange_rate: currency.exchange_rate };
}

export function dealAssociations(context: SerializeContext, row: DealRow): Record<string, unknown> {
  const { metadata } = context.store;
  return {
    ...people(context.store, row),
    source: choiceOrNull(metadata.lead_sources, row.lead_source_id),
    campaign: choiceOrNull(metadata.campaigns, row.campaign_id),
    sales_account: salesAccount(context, row),
    territory: choiceOrNull(metadata.territories, row.territory_id),
    deal_type: choiceOrNull(metadata.deal_types, row.deal_type_id),
    deal_reason: choiceOrNull(metadata.deal_reasons, row.deal_reason_id),
    deal_product: null,
    deal_payment_status: choiceOrNull(metadata.deal_payment_statuses, row.deal_payment_status_id),
    deal_pipeline: pipelineOf(context, row),
    deal_stage: stageOf(context, row),
    currency: currencyOf(context, row),
    team_users: usersOf(context.store, row.team_user_ids),
    contacts: contacts(context, row),
    products: products(context, row),
  };
}
