import { stringify } from '../http/json';
import type {
  AppointmentRow, ContactRow, DealRow, Id, ListRow, NoteRow, RecordBase, SalesAccountRow, SalesActivityRow,
  TargetableType, TaskRow,
} from '../model/types';
import { ACCOUNT_RECORD_TYPE_ID } from '../resources/account-writes';
import { CONTACT_RECORD_TYPE_ID, mcrIdOf } from '../resources/contact-writes';
import { SALES_PIPELINE, USERS } from '../seed/account';
import { ID_BASES, type CrmStore } from '../store';

/**
 * Rows put straight into a store by the stand-in's tests (no HTTP, no feed event). Every builder
 * stores a complete row of its table:
 * - the id comes from the table's sequence, email ids from the store's nested sequence;
 * - created_at and updated_at are T, the creator, updater and owner are OWNER;
 * - the name or title is numbered (`Account 2`), so default names never clash;
 * - every other field is blank (null, [], {}, 0) or the account's default (base currency, the
 *   Sales pipeline's first stage), unless `extra` sets it.
 * A test passes in `extra` every value its assertions rely on.
 */

/** The default creator, updater and owner: the demo account's first user (Asha Rao). */
export const OWNER: Id = USERS[0]?.id ?? 0;
/** The default created_at / updated_at: 13:30 on 1 Oct 2026 in the demo account's +05:30. */
export const T = Date.parse('2026-10-01T08:00:00Z');
export const DAY = 86_400_000;

/** Accounts' mcr_id base, as the account writes use (contact-writes' mcrIdOf for contacts). */
const ACCOUNT_MCR_BASE = 1712345678902234567n;

type Sequenced = keyof typeof ID_BASES;

/** The n-th row of a table (1 for its first id), to number default names. */
const nth = (table: Sequenced, id: Id): number => id - ID_BASES[table] + 1;

function record(id: Id): RecordBase {
  return { id, created_at: T, updated_at: T, creater_id: OWNER, updater_id: OWNER, is_deleted: false };
}

/** Activities and notes always hang on a record: the test names it. */
type Targeted<R extends { targetable_id: unknown }> = Partial<R> & Pick<R, 'targetable_id'>;

/** Throws unless the store holds the record a row targets (soft-deleted ones count). */
function requireTarget(store: CrmStore, type: TargetableType | null, id: Id | null): void {
  if (type === null || id === null) return;
  const tables = { Contact: store.contacts, SalesAccount: store.sales_accounts, Deal: store.deals };
  if (tables[type].raw(id) === undefined) throw new Error(`test rows: no ${type} ${id} in the store to target`);
}

export interface ContactExtra extends Partial<ContactRow> {
  /** Shorthand for `emails`: one primary email without a label (its id from the store). */
  email?: string;
}

/** A contact named "Test" (no last name, no email) owned by OWNER. */
export function putContact(store: CrmStore, extra: ContactExtra = {}): ContactRow {
  const { email, ...fields } = extra;
  if (email !== undefined && fields.emails !== undefined) throw new Error('test rows: give a contact email or emails, not both');
  const id = fields.id ?? store.contacts.allocateId();
  const emails = email === undefined ? [] : [{ id: store.nextNestedId('emails'), value: email, is_primary: true, label: null }];
  return store.contacts.put({
    ...record(id),
    first_name: 'Test', last_name: null, job_title: null, department: null, emails, work_number: null,
    mobile_number: null, phone_numbers: [], address: null, city: null, state: null, zipcode: null, country: null,
    time_zone: null, locale: null, lead_score: 0, customer_fit: 0, owner_id: OWNER, contact_status_id: null,
    lifecycle_stage_id: null, lead_source_id: null, campaign_id: null, territory_id: null, sales_accounts: [],
    tags: [], subscription_status: 1, subscription_types: '1;2;3;4;5', external_id: null, work_email: null,
    facebook: null, twitter: null, linkedin: null, medium: null, keyword: null, recent_note: null,
    last_contacted: null, last_contacted_mode: null, last_assigned_at: null, team_user_ids: null,
    record_type_id: CONTACT_RECORD_TYPE_ID, mcr_id: mcrIdOf(id), custom_field: {},
    ...fields,
  });
}

/** An account named `Account <n>` owned by OWNER. */
export function putAccount(store: CrmStore, extra: Partial<SalesAccountRow> = {}): SalesAccountRow {
  const id = extra.id ?? store.sales_accounts.allocateId();
  return store.sales_accounts.put({
    ...record(id),
    name: `Account ${nth('sales_accounts', id)}`, address: null, city: null, state: null, zipcode: null, country: null,
    number_of_employees: null, annual_revenue: null, website: null, phone: null, owner_id: OWNER, industry_type_id: null,
    business_type_id: null, territory_id: null, parent_sales_account_id: null, facebook: null, twitter: null,
    linkedin: null, recent_note: null, tags: [], last_contacted: null, last_contacted_mode: null, last_assigned_at: null,
    team_user_ids: null, record_type_id: ACCOUNT_RECORD_TYPE_ID,
    mcr_id: mcrIdOf(id, ID_BASES.sales_accounts, ACCOUNT_MCR_BASE), custom_field: {},
    ...extra,
  });
}

/** The stage a deal gets unless told: the first of its pipeline (Sales by default). */
function stageOf(store: CrmStore, extra: Partial<DealRow>) {
  const pipeline = extra.deal_pipeline_id ?? SALES_PIPELINE;
  const stages = store.metadata.deal_stages;
  const stage = extra.deal_stage_id === undefined
    ? stages.filter((row) => row.deal_pipeline_id === pipeline).sort((a, b) => a.position - b.position)[0]
    : stages.find((row) => row.id === extra.deal_stage_id);
  if (stage === undefined) throw new Error(`test rows: no deal stage for pipeline ${pipeline}`);
  return stage;
}

/**
 * An open deal `Deal <n>` without amount, in the base currency and the first stage of the Sales
 * pipeline (probability: the stage's), owned by OWNER.
 */
export function putDeal(store: CrmStore, extra: Partial<DealRow> = {}): DealRow {
  const id = extra.id ?? store.deals.allocateId();
  const stage = stageOf(store, extra);
  return store.deals.put({
    ...record(id),
    name: `Deal ${nth('deals', id)}`, amount: null, currency_id: store.account.baseCurrencyId, expected_close: null,
    closed_date: null, deal_pipeline_id: stage.deal_pipeline_id, deal_stage_id: stage.id, stage_updated_time: T,
    probability: stage.probability, owner_id: OWNER, sales_account_id: null, contact_ids: [], deal_reason_id: null,
    deal_type_id: null, deal_payment_status_id: null, lead_source_id: null, campaign_id: null, territory_id: null,
    products: [], tags: [], recent_note: null, web_form_id: null, team_user_ids: null, last_assigned_at: null,
    custom_field: {},
    ...extra,
  });
}

/** An open task `Task <n>` on a contact (unless targetable_type says otherwise), due a day after T, owned by OWNER. */
export function putTask(store: CrmStore, extra: Targeted<TaskRow>): TaskRow {
  const id = extra.id ?? store.tasks.allocateId();
  const row: TaskRow = {
    ...record(id),
    title: `Task ${nth('tasks', id)}`, description: null, due_date: T + DAY, status: 0, completed_date: null,
    owner_id: OWNER, task_type_id: null, outcome_id: null, targetable_type: 'Contact', user_ids: [],
    ...extra,
  };
  requireTarget(store, row.targetable_type, row.targetable_id);
  return store.tasks.put(row);
}

/** An hour-long appointment `Appointment <n>` a day after T (Chennai time), tied to nothing, without attendees. */
export function putAppointment(store: CrmStore, extra: Partial<AppointmentRow> = {}): AppointmentRow {
  const id = extra.id ?? store.appointments.allocateId();
  const row: AppointmentRow = {
    ...record(id),
    title: `Appointment ${nth('appointments', id)}`, description: null, location: null, time_zone: 'Chennai',
    is_allday: false, from_date: T + DAY, end_date: T + DAY + 3_600_000, outcome_id: null, targetable_type: null,
    targetable_id: null, attendees: [], latitude: null, longitude: null, checkedin_at: null,
    ...extra,
  };
  requireTarget(store, row.targetable_type, row.targetable_id);
  return store.appointments.put(row);
}

/** A half-hour sales activity `Sales activity <n>` at T of the account's first type (Call), on a contact unless told, owned by OWNER. */
export function putSalesActivity(store: CrmStore, extra: Targeted<SalesActivityRow>): SalesActivityRow {
  const id = extra.id ?? store.sales_activities.allocateId();
  const row: SalesActivityRow = {
    ...record(id),
    title: `Sales activity ${nth('sales_activities', id)}`, notes: null, start_date: T, end_date: T + 1_800_000,
    owner_id: OWNER, sales_activity_type_id: store.metadata.sales_activity_types[0]?.id ?? 0,
    sales_activity_outcome_id: null, targetable_type: 'Contact', location: null, latitude: null, longitude: null,
    checkedin_at: null, conversation_time: null, custom_field: {},
    ...extra,
  };
  requireTarget(store, row.targetable_type, row.targetable_id);
  return store.sales_activities.put(row);
}

/** A note `Note <n>` on a contact unless targetable_type says otherwise. */
export function putNote(store: CrmStore, extra: Targeted<NoteRow>): NoteRow {
  const id = extra.id ?? store.notes.allocateId();
  const row: NoteRow = { ...record(id), description: `Note ${nth('notes', id)}`, targetable_type: 'Contact', ...extra };
  requireTarget(store, row.targetable_type, row.targetable_id);
  return store.notes.put(row);
}

/** An empty marketing list `List <n>`. */
export function putList(store: CrmStore, extra: Partial<ListRow> = {}): ListRow {
  const id = extra.id ?? store.lists.allocateId();
  return store.lists.put({ ...record(id), name: `List ${nth('lists', id)}`, contact_ids: [], ...extra });
}

/**
 * The whole store (every table with its next id, the nested-id sequences, settings and
 * metadata) as one string, bigints included: equal strings mean nothing changed.
 */
export function storeState(store: CrmStore): string {
  return stringify(store.toSnapshot());
}
