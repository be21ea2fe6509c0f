import type { Id, SalesAccountRow } from '../model/types';
import { at, atOrNull, type SerializeContext } from './context';

/**
 * The ids a sales account include adds. Only owner_id is always present (api §3 rule 6); the
 * territory and type ids appear with their includes, as on real accounts (§11).
 */
export const SALES_ACCOUNT_INCLUDE_IDS: Record<string, string> = {
  territory: 'territory_id',
  industry_type: 'industry_type_id',
  business_type: 'business_type_id',
  creater: 'creater_id',
  updater: 'updater_id',
  contacts: 'contact_ids',
  deals: 'deal_ids',
};

export interface AccountAggregates {
  open_deals_amount: string | null;
  won_deals_amount: string | null;
  open_deals_count: number;
  won_deals_count: number;
}

export function salesAccountJson(
  context: SerializeContext,
  row: SalesAccountRow,
  aggregates: AccountAggregates,
  extraIds: Record<string, Id | Id[] | null> = {},
): Record<string, unknown> {
  return {
    id: row.id,
    name: row.name,
    address: row.address,
    city: row.city,
    state: row.state,
    zipcode: row.zipcode,
    country: row.country,
    number_of_employees: row.number_of_employees,
    annual_revenue: row.annual_revenue,
    website: row.website,
    phone: row.phone,
    owner_id: row.owner_id,
    ...extraIds,
    parent_sales_account_id: row.parent_sales_account_id,
    ...aggregates,
    last_contacted: atOrNull(context, row.last_contacted),
    last_contacted_mode: row.last_contacted_mode,
    last_contacted_via_sales_activity: null,
    last_contacted_sales_activity_mode: null,
    recent_note: row.recent_note,
    facebook: row.facebook,
    twitter: row.twitter,
    linkedin: row.linkedin,
    avatar: null,
    tags: row.tags,
    custom_field: row.custom_field,
    links: {
      conversations: `/crm/sales/sales_accounts/${row.id}/conversations/all?include=email_conversation_recipients,targetable,phone_number,phone_caller,note,user&per_page=3`,
      document_associations: `/crm/sales/sales_accounts/${row.id}/document_associations`,
      notes: `/crm/sales/sales_accounts/${row.id}/notes?include=creater`,
      tasks: `/crm/sales/sales_accounts/${row.id}/tasks?include=creater,owner,updater,targetable,users,task_type`,
      appointments: `/crm/sales/sales_accounts/${row.id}/appointments?include=creater,owner,updater,targetable,appointment_attendees,conference,note`,
    },
    is_deleted: row.is_deleted,
    team_user_ids: row.team_user_ids,
    web_form_ids: null,
    has_connections: false,
    record_type_id: row.record_type_id,
    last_assigned_at: atOrNull(context, row.last_assigned_at),
    active_sales_sequences: null,
    completed_sales_sequences: null,
    created_at: at(context, row.created_at),
    updated_at: at(context, row.updated_at),
  };
}

/** `include=sales_accounts` on a contact nests these inside the contact (api §3 rule 3). */
export function nestedAccountJson(context: SerializeContext, row: SalesAccountRow, isPrimary: boolean): Record<string, unknown> {
  return {
    partial: true,
    id: row.id,
    name: row.name,
    avatar: null,
    website: row.website,
    last_contacted: atOrNull(context, row.last_contacted),
    record_type_id: row.record_type_id,
    is_primary: isPrimary,
  };
}

export function salesAccountPartialJson(context: SerializeContext, row: SalesAccountRow): Record<string, unknown> {
  return {
    partial: true,
    id: row.id,
    name: row.name,
    avatar: null,
    website: row.website,
    owner_id: row.owner_id,
    created_at: at(context, row.created_at),
    updated_at: at(context, row.updated_at),
  };
}
