import type { ContactRow } from '../model/types';
import { at, atOrNull, pick, type Emit, type SerializeContext } from './context';

/** Which id field each contact include adds (api §3). */
export const CONTACT_INCLUDE_IDS: Record<string, string> = {
  owner: 'owner_id',
  creater: 'creater_id',
  updater: 'updater_id',
  source: 'lead_source_id',
  campaign: 'campaign_id',
  contact_status: 'contact_status_id',
  territory: 'territory_id',
  deals: 'deal_ids',
};

export function displayName(row: Pick<ContactRow, 'first_name' | 'last_name' | 'emails'>): string {
  const name = [row.first_name, row.last_name].filter((part) => part !== null && part !== '').join(' ');
  return name !== '' ? name : (row.emails[0]?.value ?? '');
}

export const primaryEmail = (row: ContactRow): string | null =>
  (row.emails.find((email) => email.is_primary) ?? row.emails[0])?.value ?? null;

function links(id: number): Record<string, string> {
  const base = `/crm/sales/contacts/${id}`;
  return {
    notes: `${base}/notes?include=creater`,
    tasks: `${base}/tasks?include=creater,owner,updater,targetable,users,task_type`,
    appointments: `${base}/appointments?include=creater,owner,updater,targetable,appointment_attendees,conference,note`,
    document_associations: `${base}/document_associations`,
    timeline_feeds: `${base}/timeline_feeds`,
    conversations: `${base}/conversations/all?include=email_conversation_recipients,targetable,phone_number,phone_caller,note,user&per_page=3`,
  };
}

function associationIds(row: ContactRow, dealIds: number[]): Record<string, unknown> {
  return {
    owner_id: row.owner_id,
    creater_id: row.creater_id,
    updater_id: row.updater_id,
    lead_source_id: row.lead_source_id,
    campaign_id: row.campaign_id,
    contact_status_id: row.contact_status_id,
    territory_id: row.territory_id,
    deal_ids: dealIds,
  };
}

/** A contact as `GET /contacts/:id` answers it (api §4.1); aggregates come from the caller. */
export function contactJson(
  context: SerializeContext,
  row: ContactRow,
  emit: Emit,
  aggregates: { open_deals_amount: string | null; won_deals_amount: string | null; open_deals_count: number; won_deals_count: number; deal_ids: number[] },
): Record<string, unknown> {
  return {
    id: row.id,
    first_name: row.first_name,
    last_name: row.last_name,
    display_name: displayName(row),
    avatar: null,
    job_title: row.job_title,
    department: row.department,
    email: primaryEmail(row),
    emails: row.emails.map((email) => ({ ...email, _destroy: false })),
    work_number: row.work_number,
    mobile_number: row.mobile_number,
    phone_numbers: row.phone_numbers,
    address: row.address,
    city: row.city,
    state: row.state,
    zipcode: row.zipcode,
    country: row.country,
    time_zone: row.time_zone,
    locale: row.locale,
    lead_score: row.lead_score,
    customer_fit: row.customer_fit,
    open_deals_amount: aggregates.open_deals_amount,
    won_deals_amount: aggregates.won_deals_amount,
    open_deals_count: aggregates.open_deals_count,
    won_deals_count: aggregates.won_deals_count,
    last_contacted: atOrNull(context, row.last_contacted),
    last_contacted_mode: row.last_contacted_mode,
    last_contacted_sales_activity_mode: null,
    last_contacted_via_sales_activity: null,
    last_seen: null,
    last_assigned_at: atOrNull(context, row.last_assigned_at),
    ...pick(emit, associationIds(row, aggregates.deal_ids)),
    subscription_status: row.subscription_status,
    subscription_types: row.subscription_types,
    whatsapp_subscription_status: 2,
    sms_subscription_status: 2,
    keyword: row.keyword,
    medium: row.medium,
    external_id: row.external_id,
    work_email: row.work_email,
    facebook: row.facebook,
    twitter: row.twitter,
    linkedin: row.linkedin,
    recent_note: row.recent_note,
    web_form_ids: null,
    tags: row.tags,
    system_tags: [],
    team_user_ids: row.team_user_ids,
    is_deleted: row.is_deleted,
    record_type_id: row.record_type_id,
    mcr_id: row.mcr_id,
    custom_field: row.custom_field,
    links: links(row.id),
    created_at: at(context, row.created_at),
    updated_at: at(context, row.updated_at),
  };
}

/** The partial form used by filtered search and task/deal side-loads (api §4.4, §5). */
export function contactPartialJson(context: SerializeContext, row: ContactRow, open_deals_amount: string | null): Record<string, unknown> {
  return {
    partial: true,
    id: row.id,
    display_name: displayName(row),
    first_name: row.first_name,
    last_name: row.last_name,
    email: primaryEmail(row),
    job_title: row.job_title,
    lead_score: row.lead_score,
    avatar: null,
    open_deals_amount,
    created_at: at(context, row.created_at),
    updated_at: at(context, row.updated_at),
  };
}
