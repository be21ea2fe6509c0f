import { toDecimalString } from '../format';
import type { SalesAccountRow } from '../model/types';
import { dealsOfAccount, dealTotals } from '../resources/shared/relations';
import type { SerializeContext } from '../serialize/context';
import { choiceOrNull, people, usersOf } from './associations';
import { customFieldsArray, isoUtc, isoUtcOrNull, wrapBuiltIns, wrapComputed, type BuiltIn } from './wrap';

/** onSalesAccountCreate / onSalesAccountUpdate: `data.sales_account` and `data.associations` (platform.md §3.5). */

type Field = BuiltIn<SalesAccountRow>;

const text = (name: keyof SalesAccountRow, label: string): Field => [name, label, 'text', (row) => row[name]];
const dropdown = (name: keyof SalesAccountRow, label: string): Field => [name, label, 'dropdown', (row) => row[name]];
const dateTime = (name: 'last_contacted' | 'created_at' | 'updated_at' | 'last_assigned_at', label: string): Field =>
  [name, label, 'date_time', (row) => isoUtcOrNull(row[name])];
const unknownYet = (name: string, label: string, type: string): Field => [name, label, type, () => null];

const WRAPPED: readonly Field[] = [
  text('name', 'Name'),
  text('address', 'Address'),
  text('city', 'City'),
  text('state', 'State'),
  text('zipcode', 'Zipcode'),
  text('country', 'Country'),
  text('facebook', 'Facebook'),
  text('twitter', 'Twitter'),
  text('linkedin', 'LinkedIn'),
  ['parent_sales_account_id', 'Parent account', 'auto_complete', (row) => row.parent_sales_account_id],
  ['tags', 'Tags', 'auto_complete', (row) => [...row.tags]],
  dropdown('owner_id', 'Sales owner'),
  dropdown('number_of_employees', 'Number of employees'),
  dropdown('industry_type_id', 'Industry type'),
  dropdown('business_type_id', 'Business type'),
  dropdown('territory_id', 'Territory'),
  dropdown('last_contacted_mode', 'Last contacted mode'),
  unknownYet('last_contacted_sales_activity_mode', 'Last activity type', 'dropdown'),
  dropdown('updater_id', 'Updated by'),
  ['creator_id', 'Created by', 'dropdown', (row) => row.creater_id],
  // Money is a decimal string in events (§3.2); the row keeps a number.
  ['annual_revenue', 'Annual revenue', 'decimal', (row) => (row.annual_revenue === null ? null : toDecimalString(row.annual_revenue) ?? null)],
  ['website', 'Website', 'url', (row) => row.website],
  ['phone', 'Phone', 'phone_number', (row) => row.phone],
  ['recent_note', 'Recent note', 'paragraph', (row) => row.recent_note],
  unknownYet('completed_sales_sequences', 'Completed sales sequences', 'multi_select_dropdown'),
  unknownYet('active_sales_sequences', 'Active sales sequences', 'multi_select_dropdown'),
  dateTime('last_contacted', 'Last contacted time'),
  unknownYet('last_contacted_via_sales_activity', 'Last activity date', 'date_time'),
  dateTime('created_at', 'Created at'),
  dateTime('updated_at', 'Updated at'),
  dateTime('last_assigned_at', 'Last assigned at'),
];

function totals(row: SalesAccountRow, context: SerializeContext) {
  return dealTotals(context.store, dealsOfAccount(context.store, row.id), context.now);
}

const COMPUTED: readonly Field[] = [
  ['open_deals_amount', 'Open deals amount', 'decimal', (row, context) => totals(row, context).open_deals_amount ?? '0.0'],
  ['won_deals_amount', 'Won deals amount', 'decimal', (row, context) => totals(row, context).won_deals_amount ?? '0.0'],
  ['first_assigned_at', 'First assigned at', 'date_time', () => null],
  ['first_contacted', 'First contacted time', 'date_time', () => null],
  ['import_csv_id', 'Import', 'multi_select_dropdown', () => null],
];

const parentOf = (context: SerializeContext, row: SalesAccountRow): SalesAccountRow | undefined =>
  row.parent_sales_account_id === null ? undefined : context.store.sales_accounts.get(row.parent_sales_account_id);

function bare(context: SerializeContext, row: SalesAccountRow): Record<string, unknown> {
  const parent = parentOf(context, row);
  return {
    id: row.id,
    is_deleted: row.is_deleted,
    merged_to: 0,
    parent_owner_id: parent?.owner_id ?? null,
    parent_territory_id: parent?.territory_id ?? null,
    import_id: null,
    avatar: null,
    team_user_ids: [...(row.team_user_ids ?? [])],
    status: 'Active',
    // A bigint on purpose: whoever writes the payload as JSON writes it as a raw number.
    mcr_id: row.mcr_id,
  };
}

export function salesAccountRecord(context: SerializeContext, row: SalesAccountRow): Record<string, unknown> {
  return {
    ...bare(context, row),
    ...wrapBuiltIns(context, 'sales_accounts', WRAPPED, row),
    ...wrapComputed(context, COMPUTED, row),
    custom_fields: customFieldsArray(context, 'sales_accounts', row.custom_field),
  };
}

function parentAccount(context: SerializeContext, row: SalesAccountRow): Record<string, unknown> | null {
  const parent = parentOf(context, row);
  if (parent === undefined) return null;
  return { id: parent.id, name: parent.name, website: parent.website, owner_id: parent.owner_id, created_at: isoUtc(parent.created_at), updated_at: isoUtc(parent.updated_at) };
}

export function salesAccountAssociations(context: SerializeContext, row: SalesAccountRow): Record<string, unknown> {
  const { metadata } = context.store;
  return {
    ...people(context.store, row),
    territory: choiceOrNull(metadata.territories, row.territory_id),
    industry_type: choiceOrNull(metadata.industry_types, row.industry_type_id),
    business_type: choiceOrNull(metadata.business_types, row.business_type_id),
    parent_sales_account: parentAccount(context, row),
    team_users: usersOf(context.store, row.team_user_ids),
  };
}
