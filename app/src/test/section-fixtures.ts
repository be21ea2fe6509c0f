import type { Appointment, Deal, Note, Task } from '../../../common/crm/records';
import type { CrmUser } from '../../../common/crm/users';
import type { AccountData, ContactData, CurrentUser, DealData, SidebarActions } from '../data/types';
import { toFieldDefs, type FieldDef } from '../model/fields';
import { fakeRecordOperations, type FakeRecordOperations } from './record-operations';

/**
 * Small records shaped like the examples of freshsales-api.md, for the section tests. "Now" is
 * fixed at 2024-05-10 12:00 local time so due and upcoming states do not depend on the clock.
 */
export const NOW = new Date(2024, 4, 10, 12, 0, 0);

export const USERS: CrmUser[] = [
  { id: 402000000011, display_name: 'Asha Rao', email: 'asha@example.test', is_active: true },
  { id: 402000000012, display_name: 'Ben Ortiz', email: 'ben@example.test', is_active: true },
];

export const CURRENT_USER: CurrentUser = { id: 402000000012, name: 'Ben Ortiz' };

export const PIPELINE_SALES = 402000189098;
export const PIPELINE_RENEWALS = 402000189099;
export const STAGE = {
  new: 402001912038,
  qualification: 402001912039,
  proposal: 402001912040,
  won: 402001912041,
  lost: 402001912042,
  renewalOpen: 402001912050,
  renewalWon: 402001912051,
} as const;

const ownerSetting = {
  name: 'owner_id',
  label: 'Owner',
  type: 'dropdown',
  default: true,
  required: false,
  visible: true,
  position: 5,
  choices: [
    { id: 402000000011, value: 'Asha Rao', position: 1 },
    { id: '402000000012', value: 'Ben Ortiz', position: 2 },
  ],
};

export const DEAL_FIELDS: FieldDef[] = toFieldDefs([
  { name: 'name', label: 'Name', type: 'text', default: true, required: true, visible: true, position: 1 },
  { name: 'amount', label: 'Deal value', type: 'number', default: true, required: false, visible: true, position: 2 },
  { name: 'currency_id', label: 'Currency', type: 'dropdown', default: true, position: 3, choices: [{ id: 402000190124, value: 'USD' }] },
  {
    name: 'deal_pipeline_id',
    label: 'Pipeline',
    type: 'dropdown',
    default: true,
    required: true,
    position: 4,
    choices: [
      { id: '402000189098', value: 'Sales', position: 1 },
      { id: '402000189099', value: 'Renewals', position: 2 },
    ],
  },
  {
    name: 'deal_stage_id',
    label: 'Deal stage',
    type: 'dropdown',
    default: true,
    required: true,
    position: 6,
    // Not in position order on purpose: the helpers sort.
    choices: [
      { id: STAGE.won, value: 'Won', position: 4, forecast_type: 'Closed Won', deal_pipeline_id: PIPELINE_SALES },
      { id: STAGE.new, value: 'New', position: 1, forecast_type: 'Open', deal_pipeline_id: PIPELINE_SALES },
      { id: String(STAGE.qualification), value: 'Qualification', position: 2, forecast_type: 'Open', deal_pipeline_id: PIPELINE_SALES },
      { id: STAGE.proposal, value: 'Proposal', position: 3, forecast_type: 'Open', deal_pipeline_id: PIPELINE_SALES },
      { id: STAGE.lost, value: 'Lost', position: 5, forecast_type: 'Closed Lost', deal_pipeline_id: PIPELINE_SALES },
      { id: STAGE.renewalOpen, value: 'Renewal due', position: 1, forecast_type: 'Open', deal_pipeline_id: PIPELINE_RENEWALS },
      { id: STAGE.renewalWon, value: 'Renewed', position: 2, forecast_type: 'Closed Won', deal_pipeline_id: PIPELINE_RENEWALS },
    ],
  },
  { ...ownerSetting, position: 7 },
  { name: 'expected_close', label: 'Expected close date', type: 'date', default: true, position: 8 },
  { name: 'probability', label: 'Probability (%)', type: 'number', default: true, position: 9 },
  { name: 'cf_order_ref', label: 'Order reference', type: 'text', default: false, required: true, position: 10 },
  { name: 'cf_notes', label: 'Internal notes', type: 'textarea', default: false, required: false, position: 11 },
]);

export const CONTACT_FIELDS: FieldDef[] = toFieldDefs([
  { name: 'first_name', label: 'First name', type: 'text', default: true, required: false, position: 1 },
  { name: 'last_name', label: 'Last name', type: 'text', default: true, required: true, position: 2 },
  { name: 'job_title', label: 'Job title', type: 'text', default: true, position: 3 },
  { name: 'emails', label: 'Emails', type: 'group_field', default: true, position: 4 },
  { ...ownerSetting, position: 5 },
  { name: 'cf_region', label: 'Region', type: 'dropdown', default: false, required: true, position: 6, choices: [{ id: 1, value: 'EMEA' }] },
  { name: 'cf_hobby', label: 'Hobby', type: 'text', default: false, required: false, position: 7 },
]);

export const ACCOUNT_FIELDS: FieldDef[] = toFieldDefs([
  { name: 'name', label: 'Name', type: 'text', default: true, required: true, position: 1 },
  { name: 'website', label: 'Website', type: 'url', default: true, position: 2 },
  { ...ownerSetting, position: 3 },
]);

export function deal(overrides: Partial<Deal> & { id: number; name: string }): Deal {
  return {
    amount: '12000.0',
    // The base currency (USD, rate 1.0) amount follows the amount unless a test sets it.
    base_currency_amount: overrides.amount === undefined ? '12000.0' : overrides.amount,
    expected_close: '2024-06-30',
    closed_date: null,
    deal_pipeline_id: PIPELINE_SALES,
    deal_stage_id: STAGE.qualification,
    probability: 30,
    owner_id: 402000000011,
    ...overrides,
  };
}

export const DEALS: Deal[] = [
  deal({ id: 402000001003, name: 'Acme expansion (lost)', deal_stage_id: STAGE.lost, amount: '900.0', expected_close: '2024-03-01' }),
  deal({ id: 402000001001, name: 'Acme renewal', deal_stage_id: STAGE.qualification, amount: '12000.0', expected_close: '2024-06-30' }),
  deal({ id: 402000001002, name: 'Acme pilot', deal_stage_id: STAGE.won, amount: '5600.5', expected_close: '2024-04-15' }),
  deal({ id: 402000001004, name: 'Acme support', deal_stage_id: STAGE.new, amount: null, expected_close: null }),
  deal({ id: 402000001005, name: 'Acme training', deal_stage_id: STAGE.qualification, amount: '0.1', expected_close: '2024-05-20' }),
];

export function task(overrides: Partial<Task> & { id: number; title: string }): Task {
  return { status: 0, description: null, due_date: '2024-05-20T17:00:00+05:30', owner_id: 402000000011, ...overrides };
}

/** Local-time timestamps, so "today" and "overdue" hold in any time zone. */
const local = (year: number, month: number, day: number, hour = 17) => new Date(year, month - 1, day, hour).toISOString();

export const TASKS: Task[] = [
  task({ id: 402001308221, title: 'Send proposal', due_date: local(2024, 5, 14) }),
  task({ id: 402001308222, title: 'Call back about pricing', due_date: local(2024, 5, 10, 9) }),
  task({ id: 402001308223, title: 'Chase signature', due_date: local(2024, 5, 8) }),
  task({ id: 402001308224, title: 'Old finished task', status: 1, due_date: local(2024, 5, 1) }),
];

export const APPOINTMENTS: Appointment[] = [
  { id: 402000600001, title: 'Kick-off', location: 'Zoom', is_allday: false, from_date: local(2024, 5, 1, 10), end_date: local(2024, 5, 1, 11) },
  { id: 402000600002, title: 'Demo', location: 'Zoom', is_allday: false, from_date: local(2024, 5, 12, 10), end_date: local(2024, 5, 12, 11) },
  { id: 402000600003, title: 'Site visit', location: 'Acme HQ, Pune', is_allday: true, from_date: local(2024, 5, 11, 0), end_date: null },
];

export const NOTES: Note[] = [
  { id: 402004348670, description: 'Asked for v2 pricing', creater_id: 402000000011, created_at: '2024-05-02T09:14:03+05:30' },
  { id: 402004348671, description: 'Line one\nLine two <b>x</b>', creater_id: 402000000099, created_at: '2024-05-09T16:00:00+05:30' },
];

const related = { users: USERS, tasks: TASKS, appointments: APPOINTMENTS, notes: NOTES };

export function contactData(overrides: Partial<ContactData> = {}): ContactData {
  return {
    entity: 'contact',
    record: { id: 402000000501, first_name: 'Priya', last_name: 'Nair', display_name: 'Priya Nair', job_title: 'CTO', owner_id: 402000000011 },
    accounts: [
      { id: 402000000301, name: 'Acme Corp', website: 'acme.example', isPrimary: true },
      { id: 402000000302, name: 'Acme Labs', website: null, isPrimary: false },
    ],
    deals: DEALS,
    fields: CONTACT_FIELDS,
    dealFields: DEAL_FIELDS,
    ...related,
    ...overrides,
  };
}

export const DEAL_CONTACTS = [
  { id: 402000000501, display_name: 'Priya Nair', first_name: 'Priya', last_name: 'Nair', email: 'priya@acme.example', job_title: 'CTO' },
  { id: 402000000502, display_name: 'Karan Shah', first_name: 'Karan', last_name: 'Shah', email: null, job_title: null },
];

export const ACCOUNT = { id: 402000000301, name: 'Acme Corp', website: 'https://acme.example', owner_id: 402000000011 };

export function dealData(overrides: Partial<DealData> = {}): DealData {
  return {
    entity: 'deal',
    record: deal({ id: 402000001001, name: 'Acme renewal', sales_account_id: ACCOUNT.id }),
    contacts: DEAL_CONTACTS,
    account: ACCOUNT,
    currencyCode: 'USD',
    fields: DEAL_FIELDS,
    ...related,
    ...overrides,
  };
}

export function accountData(overrides: Partial<AccountData> = {}): AccountData {
  return {
    entity: 'sales_account',
    record: ACCOUNT,
    contacts: DEAL_CONTACTS,
    deals: DEALS,
    fields: ACCOUNT_FIELDS,
    dealFields: DEAL_FIELDS,
    ...related,
    ...overrides,
  };
}

/** Every action as a jest mock (properties, so tests can pass `actions.openRecord` to expect). */
export type FakeActions = { [K in Exclude<keyof SidebarActions, 'records'>]: jest.MockedFunction<SidebarActions[K]> } & { records: FakeRecordOperations };

/** Actions that succeed; override one with a jest.fn to watch or fail it. */
export function fakeActions(overrides: Partial<SidebarActions> = {}): FakeActions {
  const ok = () => jest.fn(() => Promise.resolve(true));
  return {
    saveField: ok(),
    changeDealStage: ok(),
    completeTask: ok(),
    createTask: ok(),
    createNote: ok(),
    createDeal: ok(),
    createContact: ok(),
    addContact: ok(),
    removeContact: ok(),
    searchContacts: jest.fn(() => Promise.resolve({ ok: true as const, value: [] })),
    contactFields: jest.fn(() => Promise.resolve({ ok: true as const, value: CONTACT_FIELDS })),
    openRecord: jest.fn(),
    records: fakeRecordOperations(),
    ...overrides,
  } as unknown as FakeActions;
}
