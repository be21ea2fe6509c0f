import type {
  AppointmentRow, ContactRow, DealRow, RecordBase, SalesAccountRow, SalesActivityRow, TaskRow, UserRow,
} from '../model/types';
import { CURRENCIES, DEAL_STAGES, SALES_ACTIVITY_TYPES, SALES_PIPELINE, USERS } from '../seed/account';
import type { CrmStore } from '../store';
import type { ChangedRecord, StoreChange } from './change-feed';

/**
 * For the feed's tests (event builders called without HTTP, on a createAccountStore() store):
 * the changes they feed in, and the records they talk about (Jane Doe at Globex…) as `extra`
 * for the testing/rows builders. Those records fill every kind of field an event wraps.
 */

export const T_CREATED = Date.parse('2026-03-01T08:00:00Z');
export const T_CHANGE = Date.parse('2026-03-02T10:30:15.250Z');

export const ASHA = USERS[0] as UserRow;
export const MATEO = USERS[1] as UserRow;

/** A create (no `before`) or an update of `after` at T_CHANGE by `actor`. */
export function changeOf(record: ChangedRecord, actor: UserRow = ASHA): StoreChange {
  return { ...record, actor, at: T_CHANGE };
}

/** The row edited as a write would: a deep copy, then the edit, then updated_at/updater_id. */
export function edited<R extends RecordBase>(row: R, edit: (copy: R) => void, actor: UserRow = ASHA): R {
  const copy = structuredClone(row);
  edit(copy);
  copy.updated_at = T_CHANGE;
  copy.updater_id = actor.id;
  return copy;
}

const idAt = (rows: readonly { id: number }[], index: number): number | null => rows[index]?.id ?? null;

/** Every feed record was made by Asha at T_CREATED. */
const BY_ASHA = { created_at: T_CREATED, updated_at: T_CREATED, creater_id: ASHA.id, updater_id: ASHA.id };

/** Jane Doe, CTO: Asha's contact, Mateo on her team. */
export function janeDoe(store: CrmStore): Partial<ContactRow> {
  const { metadata } = store;
  return {
    ...BY_ASHA,
    first_name: 'Jane', last_name: 'Doe', job_title: 'CTO',
    emails: [{ id: store.nextNestedId('emails'), value: 'jane@globex.test', is_primary: true, label: null }],
    work_number: '+33 1 23 45 67 89', mobile_number: '999999', address: '1 rue de la Paix', city: 'Paris',
    zipcode: '75002', country: 'France', time_zone: 'Paris', locale: 'fr', lead_score: 42, customer_fit: 1,
    owner_id: ASHA.id, contact_status_id: idAt(metadata.contact_statuses, 0), lifecycle_stage_id: idAt(metadata.lifecycle_stages, 0),
    lead_source_id: idAt(metadata.lead_sources, 1), territory_id: idAt(metadata.territories, 1), tags: ['vip'],
    subscription_types: '2;1', recent_note: 'Met at the summit', team_user_ids: [MATEO.id], record_type_id: '402000000001',
    mcr_id: 1270358963238764500n,
    custom_field: { cf_tier: 'Gold', cf_interests: 'Analytics;Mobile', cf_background: 'Long story', cf_nps: 9, cf_newsletter: true },
  };
}

/** Globex Ltd of Lyon: Asha's account, Mateo on its team. */
export function globexLtd(store: CrmStore): Partial<SalesAccountRow> {
  const { metadata } = store;
  return {
    ...BY_ASHA,
    name: 'Globex Ltd', city: 'Lyon', country: 'France', number_of_employees: 250, annual_revenue: 1250000,
    website: 'https://globex.test', phone: '+33 4 00 00 00 00', owner_id: ASHA.id,
    industry_type_id: idAt(metadata.industry_types, 0), business_type_id: idAt(metadata.business_types, 1),
    territory_id: idAt(metadata.territories, 1), tags: ['key'], team_user_ids: [MATEO.id], record_type_id: '402000000001',
    mcr_id: 1270358963238764501n,
    custom_field: { cf_segment: 'Enterprise', cf_products_used: 'CRM;Chat', cf_account_plan: 'Grow seats', cf_seats: 40 },
  };
}

/** Globex expansion: 12000 EUR in Qualification, Asha's. */
export function globexExpansion(store: CrmStore): Partial<DealRow> {
  return {
    ...BY_ASHA,
    name: 'Globex expansion', amount: '12000.0', currency_id: idAt(CURRENCIES, 1) ?? 0, expected_close: '2026-06-30',
    deal_pipeline_id: SALES_PIPELINE, deal_stage_id: idAt(DEAL_STAGES, 1) ?? 0, stage_updated_time: T_CREATED, probability: 30,
    owner_id: ASHA.id, deal_type_id: idAt(store.metadata.deal_types, 0),
    custom_field: { cf_sales_region: 'Europe', cf_competitors: 'Acme CRM;Globex Sales', cf_discount: '5.5' },
  };
}

/** "Send the proposal": Mateo's open task of type Send proposal, for Asha and Mateo (the target is the test's). */
export function sendProposal(store: CrmStore): Partial<TaskRow> {
  return {
    ...BY_ASHA,
    title: 'Send the proposal', due_date: Date.parse('2026-03-05T12:00:00Z'), status: 0, owner_id: MATEO.id,
    task_type_id: idAt(store.metadata.sales_activity_entity_types, 2), user_ids: [ASHA.id, MATEO.id],
  };
}

/** The kick-off: an hour at the Paris office on 10 March, tied to nothing. */
export function kickOff(): Partial<AppointmentRow> {
  return {
    ...BY_ASHA,
    title: 'Kick-off', description: 'Agenda attached', location: 'Paris office', time_zone: 'Paris',
    from_date: Date.parse('2026-03-10T09:00:00Z'), end_date: Date.parse('2026-03-10T10:00:00Z'),
  };
}

/** Asha's discovery call (type Call) on 2 March (the target is the test's). */
export function discoveryCall(): Partial<SalesActivityRow> {
  return {
    ...BY_ASHA,
    title: 'Discovery call', notes: 'Went fine', start_date: Date.parse('2026-03-02T09:00:00Z'),
    end_date: Date.parse('2026-03-02T09:30:00Z'), owner_id: ASHA.id, sales_activity_type_id: idAt(SALES_ACTIVITY_TYPES, 0) ?? 0,
    conversation_time: 30, custom_field: { cf_call_quality: 'Good', cf_follow_up_needed: false },
  };
}
