import type { ContactRow } from '../model/types';
import { dealsOfContact, dealTotals } from '../resources/shared/relations';
import { displayName } from '../serialize/contact';
import type { SerializeContext } from '../serialize/context';
import { choiceOrNull, people, usersOf } from './associations';
import { customFieldsArray, isoUtc, isoUtcOrNull, wrapBuiltIns, wrapComputed, type BuiltIn } from './wrap';

/** onContactCreate / onContactUpdate: `data.contact` and `data.associations` (platform.md §3.3). */

type Field = BuiltIn<ContactRow>;

/** Names of the built-in subscription types (the REST field carries their ids, "1;2;3"). */
const SUBSCRIPTION_TYPES: Record<string, string> = {
  '1': 'Newsletter',
  '2': 'Promotional',
  '3': 'Product updates',
  '4': 'Conferences & Events',
  '5': 'Non-marketing emails',
};

/** "2;1" → [{id: "2", value: "Promotional"}, {id: "1", value: "Newsletter"}] (§3.3). */
function subscriptionTypes(text: string): Array<{ id: string; value: string }> {
  return text
    .split(';')
    .map((id) => id.trim())
    .filter((id) => id !== '')
    .map((id) => ({ id, value: SUBSCRIPTION_TYPES[id] ?? id }));
}

const text = (name: keyof ContactRow, label: string): Field => [name, label, 'text', (row) => row[name]];
const dropdown = (name: keyof ContactRow, label: string): Field => [name, label, 'dropdown', (row) => row[name]];
const dateTime = (name: 'last_contacted' | 'created_at' | 'updated_at' | 'last_assigned_at', label: string): Field =>
  [name, label, 'date_time', (row) => isoUtcOrNull(row[name])];
const unknownYet = (name: string, label: string, type: string): Field => [name, label, type, () => null];

const WRAPPED: readonly Field[] = [
  text('first_name', 'First name'),
  text('last_name', 'Last name'),
  text('job_title', 'Job title'),
  text('country', 'Country'),
  text('address', 'Address'),
  text('city', 'City'),
  text('state', 'State'),
  text('zipcode', 'Zipcode'),
  text('linkedin', 'LinkedIn'),
  text('facebook', 'Facebook'),
  text('twitter', 'Twitter'),
  text('medium', 'Medium'),
  text('keyword', 'Keyword'),
  text('external_id', 'External ID'),
  ['recent_note', 'Recent note', 'paragraph', (row) => row.recent_note],
  ['work_email', 'Work email', 'email', (row) => row.work_email],
  ['work_number', 'Work', 'phone_number', (row) => row.work_number],
  ['mobile_number', 'Mobile', 'phone_number', (row) => row.mobile_number],
  ['emails', 'Emails', 'group_field', (row) => row.emails.map((email) => ({ ...email }))],
  ['tags', 'Tags', 'auto_complete', (row) => [...row.tags]],
  dropdown('owner_id', 'Sales owner'),
  dropdown('contact_status_id', 'Status'),
  dropdown('time_zone', 'Time zone'),
  dropdown('territory_id', 'Territory'),
  dropdown('lead_source_id', 'Source'),
  dropdown('campaign_id', 'Campaign'),
  dropdown('last_contacted_mode', 'Last contacted mode'),
  unknownYet('last_contacted_sales_activity_mode', 'Last activity type', 'dropdown'),
  dropdown('subscription_status', 'Subscription status'),
  dropdown('updater_id', 'Updated by'),
  ['creator_id', 'Created by', 'dropdown', (row) => row.creater_id],
  unknownYet('web_form_ids', 'Web forms', 'multi_select_dropdown'),
  unknownYet('active_sales_sequences', 'Active sales sequences', 'multi_select_dropdown'),
  unknownYet('completed_sales_sequences', 'Completed sales sequences', 'multi_select_dropdown'),
  ['subscription_types', 'Subscription types', 'multi_select_dropdown', (row) => subscriptionTypes(row.subscription_types)],
  dateTime('last_contacted', 'Last contacted time'),
  dateTime('created_at', 'Created at'),
  unknownYet('last_contacted_via_sales_activity', 'Last activity date', 'date_time'),
  unknownYet('last_seen', 'Last seen', 'date_time'),
  dateTime('updated_at', 'Updated at'),
  dateTime('last_assigned_at', 'Last assigned at'),
  ['lead_score', 'Score', 'number', (row) => row.lead_score],
];

/**
 * Open and won totals in the base currency. Events show "0.0" where REST answers null for a
 * contact without deals (the §3.2 sample value).
 */
function totals(row: ContactRow, context: SerializeContext) {
  return dealTotals(context.store, dealsOfContact(context.store, row.id), context.now);
}

const COMPUTED: readonly Field[] = [
  ['open_deals_amount', 'Open deals amount', 'decimal', (row, context) => totals(row, context).open_deals_amount ?? '0.0'],
  ['won_deals_amount', 'Won deals amount', 'decimal', (row, context) => totals(row, context).won_deals_amount ?? '0.0'],
  ['name', 'Name', 'text', (row) => displayName(row)],
  ['first_assigned_at', 'First assigned at', 'date_time', () => null],
  ['first_contacted', 'First contacted time', 'date_time', () => null],
  ['import_csv_id', 'Import', 'multi_select_dropdown', () => null],
  ['email_status', 'Email status', 'text', () => null],
];

const listsOf = (context: SerializeContext, row: ContactRow) =>
  context.store.lists.all().filter((list) => list.contact_ids.includes(row.id));

function bare(context: SerializeContext, row: ContactRow): Record<string, unknown> {
  return {
    id: row.id,
    is_deleted: row.is_deleted,
    do_not_disturb: false,
    merged_to: 0,
    status: 'Active',
    // A bigint on purpose: whoever writes the payload as JSON writes it as a raw number.
    mcr_id: row.mcr_id,
    sales_account_ids: row.sales_accounts.map((link) => link.id),
    import_id: null,
    avatar: null,
    team_user_ids: [...(row.team_user_ids ?? [])],
    list_ids: listsOf(context, row).map((list) => list.id),
    source_additional_info: {},
  };
}

export function contactRecord(context: SerializeContext, row: ContactRow): Record<string, unknown> {
  return {
    ...bare(context, row),
    ...wrapBuiltIns(context, 'contacts', WRAPPED, row),
    ...wrapComputed(context, COMPUTED, row),
    custom_fields: customFieldsArray(context, 'contacts', row.custom_field),
  };
}

/** The contact's accounts as association objects; the exact key set is undocumented (§3.3: "obj"). */
function salesAccounts(context: SerializeContext, row: ContactRow): Array<Record<string, unknown>> {
  return row.sales_accounts.flatMap((link) => {
    const account = context.store.sales_accounts.get(link.id);
    if (account === undefined) return [];
    return [{
      id: account.id,
      name: account.name,
      website: account.website,
      owner_id: account.owner_id,
      is_primary: link.is_primary,
      created_at: isoUtc(account.created_at),
      updated_at: isoUtc(account.updated_at),
    }];
  });
}

export function contactAssociations(context: SerializeContext, row: ContactRow): Record<string, unknown> {
  const { metadata } = context.store;
  return {
    ...people(context.store, row),
    source: choiceOrNull(metadata.lead_sources, row.lead_source_id),
    contact_status: choiceOrNull(metadata.contact_statuses, row.contact_status_id),
    campaign: choiceOrNull(metadata.campaigns, row.campaign_id),
    territory: choiceOrNull(metadata.territories, row.territory_id),
    team_users: usersOf(context.store, row.team_user_ids),
    sales_accounts: salesAccounts(context, row),
    lists: listsOf(context, row).map((list) => ({ id: list.id, name: list.name })),
  };
}
