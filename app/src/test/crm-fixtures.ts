import type { FieldSettingsEntity } from '../../../common/templates';
import type { FakeClient } from './fake-client';

/**
 * Raw CRM answers for the sidebar's templates, shaped like freshsales-api.md §3 (includes),
 * §4 (records) and §6 (field settings) and like the stand-in's answers (emulator/crm): side-loads
 * as top-level arrays, a contact's accounts nested in the contact, money as decimal strings,
 * timestamps with an offset, choice ids mixing numbers and numeric strings. Every function
 * returns a fresh object, so a test may change its copy.
 */

export const IDS = {
  asha: 402000000011,
  mateo: 402000000012,
  contact: 402000000501,
  otherContact: 402000000523,
  primaryAccount: 402000200301,
  otherAccount: 402000200302,
  deal: 402000401005,
  relatedDeal: 402000401006,
  pipelineSales: 402000189098,
  pipelineRenewals: 402000189099,
  stageNew: 402001912038,
  stageQualification: 402001912039,
  stageDemo: 402001912040,
  stageWon: 402001912041,
  stageLost: 402001912042,
  renewalOpen: 402001913050,
  statusNegotiation: 402000543562,
  statusNew: 402000543557,
  lifecycleLead: 402009647298,
  lifecycleSql: 402009647299,
  currencyUsd: 402000190124,
  currencyInr: 402000190126,
  task: 402001308222,
  appointment: 402001508421,
  note: 402004348673,
} as const;

const USERS = () => [
  { id: IDS.asha, display_name: 'Asha Rao', email: 'asha@demo-crm.test', is_active: true, work_number: null, mobile_number: null },
  { id: IDS.mateo, display_name: 'Mateo Fernández', email: 'mateo@demo-crm.test', is_active: true, work_number: null, mobile_number: null },
];

function deal(id: number, overrides: Record<string, unknown> = {}) {
  return {
    id,
    name: 'Meridian Global – Data migration',
    amount: '1094250.0',
    base_currency_amount: '13131.0',
    expected_deal_value: '328275.0',
    expected_close: '2027-01-17',
    closed_date: null,
    deal_pipeline_id: IDS.pipelineSales,
    deal_stage_id: IDS.stageQualification,
    stage_updated_time: '2026-08-15T22:48:52+05:30',
    probability: 30,
    sales_account_id: IDS.primaryAccount,
    owner_id: IDS.mateo,
    contact_ids: [IDS.contact, IDS.otherContact],
    currency_id: IDS.currencyInr,
    custom_field: { cf_sales_region: 'Americas', cf_competitors: 'Globex Sales;Initech Suite', cf_signed_nda: false },
    tags: [],
    is_deleted: false,
    created_at: '2026-05-29T06:20:42+05:30',
    updated_at: '2026-10-14T20:28:58+05:30',
    ...overrides,
  };
}

function task(overrides: Record<string, unknown> = {}) {
  return {
    id: IDS.task,
    status: 0,
    title: 'Confirm PO number',
    description: null,
    due_date: '2026-10-27T16:30:00+05:30',
    completed_date: null,
    owner_id: IDS.mateo,
    creater_id: IDS.asha,
    targetables: [{ id: IDS.contact, type: 'Contact' }],
    created_at: '2026-10-27T03:33:19+05:30',
    updated_at: '2026-11-06T10:00:37+05:30',
    ...overrides,
  };
}

function appointment() {
  return {
    id: IDS.appointment,
    title: 'Quarterly business review',
    description: null,
    location: 'HQ — Room Everest',
    time_zone: 'Madrid',
    is_allday: false,
    from_date: '2026-05-21T01:30:00+05:30',
    end_date: '2026-05-21T02:15:00+05:30',
    targetables: [{ id: IDS.contact, type: 'Contact' }],
    created_at: '2026-05-10T11:12:35+05:30',
    updated_at: '2026-08-03T05:16:26+05:30',
  };
}

function note(overrides: Record<string, unknown> = {}) {
  return {
    id: IDS.note,
    description: 'Contract redlines received from legal — clause 7.2 still open.',
    creater_id: IDS.mateo,
    has_access: true,
    targetables: [{ id: IDS.contact, type: 'Contact' }],
    created_at: '2025-07-08T11:02:25+05:30',
    updated_at: '2026-08-24T15:43:12+05:30',
    ...overrides,
  };
}

function contactSummary(id: number, first: string, last: string, email: string) {
  return {
    partial: true,
    id,
    display_name: `${first} ${last}`,
    first_name: first,
    last_name: last,
    email,
    job_title: 'Head of Operations',
    avatar: null,
    created_at: '2024-12-06T21:25:59+05:30',
    updated_at: '2026-10-13T04:22:03+05:30',
  };
}

/** `GET /contacts/:id?include=sales_accounts,owner,contact_status,deals,tasks,appointments,notes`. */
export function contactViewBody() {
  return {
    users: USERS(),
    contact_statuses: [
      { id: IDS.statusNegotiation, name: 'In negotiation', position: 6, partial: true, forecast_type: null, lifecycle_stage_id: IDS.lifecycleSql },
    ],
    deals: [deal(IDS.deal), deal(IDS.relatedDeal, { name: 'Meridian Global – Annual renewal', deal_pipeline_id: IDS.pipelineRenewals, deal_stage_id: IDS.renewalOpen, probability: 90, amount: '2200.5' })],
    tasks: [task()],
    appointments: [appointment()],
    notes: [note()],
    contact: {
      id: IDS.contact,
      first_name: 'Sarah',
      last_name: 'Thompson',
      display_name: 'Sarah Thompson',
      avatar: null,
      job_title: 'VP Procurement',
      email: 'sthompson@meridian-global.com',
      emails: [{ id: 402000009001, value: 'sthompson@meridian-global.com', is_primary: true, label: 'Work', _destroy: false }],
      work_number: '+1 512 555 0135',
      mobile_number: '+1 737 555 0167',
      owner_id: IDS.mateo,
      contact_status_id: IDS.statusNegotiation,
      deal_ids: [IDS.deal, IDS.relatedDeal],
      custom_field: { cf_tier: 'Silver', cf_interests: 'Analytics;Integrations', cf_newsletter: true, cf_budget: '465500.0' },
      updated_at: '2026-10-13T04:22:03+05:30',
      // Nested, not side-loaded (api §3 rule 3); the primary one deliberately second.
      sales_accounts: [
        { partial: true, id: IDS.otherAccount, name: 'Northwind Traders', avatar: null, website: null, last_contacted: null, record_type_id: '402010794477', is_primary: false },
        { partial: true, id: IDS.primaryAccount, name: 'Meridian Global Holdings Inc.', avatar: null, website: 'meridian-global.com', last_contacted: null, record_type_id: '402010794477', is_primary: true },
      ],
    },
  };
}

function dealSideLoads() {
  return {
    deal_stages: [
      { partial: true, id: IDS.stageQualification, name: 'Qualification', position: 2, forecast_type: 'Open', deal_pipeline_id: IDS.pipelineSales, choice_type: 2, probability: 30 },
    ],
    users: USERS(),
    sales_accounts: [
      { partial: true, id: IDS.primaryAccount, name: 'Meridian Global Holdings Inc.', avatar: null, website: 'meridian-global.com', owner_id: IDS.mateo },
    ],
    contacts: [
      contactSummary(IDS.contact, 'Sarah', 'Thompson', 'sthompson@meridian-global.com'),
      contactSummary(IDS.otherContact, 'Isla', 'Smith', 'isla.smith@meridian-global.com'),
    ],
    currencies: [{ partial: true, id: IDS.currencyInr, is_active: true, currency_code: 'INR', exchange_rate: '0.012', currency_type: 2, schedule_info: null }],
  };
}

/** `GET /deals/:id?include=sales_account,contacts,owner,deal_stage,currency,tasks,appointments,notes`. */
export function dealViewBody() {
  return {
    ...dealSideLoads(),
    tasks: [task({ targetables: [{ id: IDS.deal, type: 'Deal' }] })],
    appointments: [],
    notes: [note({ targetables: [{ id: IDS.deal, type: 'Deal' }] })],
    deal: deal(IDS.deal),
  };
}

/** `getDealCore`: the documented includes only, no activity side-loads. */
export function dealCoreBody() {
  return { ...dealSideLoads(), deal: deal(IDS.deal) };
}

/** `GET /sales_accounts/:id?include=owner,contacts,deals,tasks,appointments,notes`. */
export function accountViewBody() {
  return {
    users: USERS(),
    contacts: [
      contactSummary(IDS.contact, 'Sarah', 'Thompson', 'sthompson@meridian-global.com'),
      contactSummary(IDS.otherContact, 'Isla', 'Smith', 'isla.smith@meridian-global.com'),
    ],
    deals: [deal(IDS.deal), deal(IDS.relatedDeal, { name: 'Meridian Global – Pilot', deal_stage_id: IDS.stageWon, probability: 100, closed_date: '2026-04-27' })],
    tasks: [task({ targetables: [{ id: IDS.primaryAccount, type: 'SalesAccount' }] })],
    appointments: [],
    notes: [],
    sales_account: {
      id: IDS.primaryAccount,
      name: 'Meridian Global Holdings Inc.',
      address: '74 Congress Ave',
      city: 'Denver',
      number_of_employees: 147,
      annual_revenue: 15582000,
      website: 'meridian-global.com',
      phone: '+1 512 555 0166',
      owner_id: IDS.mateo,
      industry_type_id: 402004057004,
      contact_ids: [IDS.contact, IDS.otherContact],
      custom_field: { cf_segment: 'Mid-market', cf_strategic: true },
      updated_at: '2025-07-09T04:11:22+05:30',
    },
  };
}

// ---- field settings (api §6) ------------------------------------------------------------

let fieldId = 100;

function setting(name: string, label: string, type: string, extra: Record<string, unknown> = {}) {
  fieldId += 1;
  return {
    id: fieldId,
    name,
    label,
    type,
    default: !name.startsWith('cf_'),
    actionable: true,
    required: false,
    visible: true,
    quick_add_position: null,
    ...extra,
  };
}

const ownerChoices = () => [
  { id: String(IDS.asha), value: 'Asha Rao', position: 1 },
  { id: IDS.mateo, value: 'Mateo Fernández', position: 2 },
];

export function contactFieldSettings() {
  return {
    fields: [
      setting('first_name', 'First name', 'text', { position: 1 }),
      setting('last_name', 'Last name', 'text', { position: 2 }),
      setting('job_title', 'Job title', 'text', { position: 3 }),
      setting('emails', 'Emails', 'group_field', { position: 4 }),
      setting('owner_id', 'Sales owner', 'dropdown', { position: 7, choices: ownerChoices() }),
      setting('lifecycle_stage_id', 'Lifecycle stage', 'dropdown', {
        position: 8,
        choices: [
          { id: String(IDS.lifecycleLead), value: 'Lead', position: 1 },
          { id: String(IDS.lifecycleSql), value: 'Sales Qualified Lead', position: 2 },
        ],
      }),
      setting('contact_status_id', 'Status', 'dropdown', {
        position: 9,
        choices: [
          { id: String(IDS.statusNew), value: 'New', position: 1 },
          { id: IDS.statusNegotiation, value: 'In negotiation', position: 6 },
        ],
      }),
      setting('sales_accounts', 'Accounts', 'group_field', { position: 10 }),
      setting('cf_tier', 'Tier', 'dropdown', {
        position: 21,
        choices: [
          { id: '402011000001', value: 'Gold', position: 1 },
          { id: 402011000002, value: 'Silver', position: 2 },
        ],
      }),
      setting('cf_interests', 'Interests', 'multi_select_dropdown', {
        position: 22,
        choices: [
          { id: '402011000101', value: 'Analytics', position: 1 },
          { id: '402011000102', value: 'Integrations', position: 2 },
        ],
      }),
      setting('cf_newsletter', 'Newsletter', 'checkbox', { position: 23 }),
      setting('cf_budget', 'Budget', 'decimal', { position: 28 }),
      setting('cf_hidden', 'Hidden', 'text', { position: 40, visible: false }),
    ],
  };
}

export function dealFieldSettings() {
  return {
    fields: [
      setting('name', 'Name', 'text', { position: 1, required: true }),
      setting('amount', 'Deal value', 'number', { position: 2 }),
      setting('currency_id', 'Currency', 'dropdown', {
        position: 3,
        choices: [
          { id: String(IDS.currencyUsd), value: 'USD', position: 1 },
          { id: String(IDS.currencyInr), value: 'INR', position: 3 },
        ],
      }),
      setting('deal_pipeline_id', 'Pipeline', 'dropdown', {
        position: 4,
        choices: [
          { id: String(IDS.pipelineSales), value: 'Sales Pipeline', position: 1 },
          { id: String(IDS.pipelineRenewals), value: 'Renewals', position: 2 },
        ],
      }),
      setting('deal_stage_id', 'Deal stage', 'dropdown', {
        position: 5,
        choices: [
          { id: String(IDS.stageNew), value: 'New', position: 1, deal_pipeline_id: IDS.pipelineSales, forecast_type: 'Open' },
          { id: String(IDS.stageQualification), value: 'Qualification', position: 2, deal_pipeline_id: IDS.pipelineSales, forecast_type: 'Open' },
          { id: IDS.stageDemo, value: 'Demo', position: 3, deal_pipeline_id: IDS.pipelineSales, forecast_type: 'Open' },
          { id: String(IDS.stageWon), value: 'Won', position: 4, deal_pipeline_id: IDS.pipelineSales, forecast_type: 'Closed Won' },
          { id: String(IDS.stageLost), value: 'Lost', position: 5, deal_pipeline_id: IDS.pipelineSales, forecast_type: 'Closed Lost' },
          { id: String(IDS.renewalOpen), value: 'Renewal due', position: 6, deal_pipeline_id: IDS.pipelineRenewals, forecast_type: 'Open' },
        ],
      }),
      setting('expected_close', 'Expected close date', 'date', { position: 6 }),
      setting('owner_id', 'Sales owner', 'dropdown', { position: 8, choices: ownerChoices() }),
      setting('sales_account_id', 'Account', 'auto_complete', { position: 9, auto_suggest_url: '/search?include=sales_account&q=' }),
      setting('cf_sales_region', 'Sales region', 'dropdown', {
        position: 15,
        required: true,
        choices: [
          { id: '402013000001', value: 'Americas', position: 1 },
          { id: '402013000002', value: 'Europe', position: 2 },
          { id: 402013000003, value: 'Asia Pacific', position: 3 },
        ],
      }),
      setting('cf_signed_nda', 'NDA signed', 'checkbox', { position: 17 }),
    ],
  };
}

export function accountFieldSettings() {
  return {
    fields: [
      setting('name', 'Name', 'text', { position: 1, required: true }),
      setting('website', 'Website', 'text', { position: 2 }),
      setting('owner_id', 'Sales owner', 'dropdown', { position: 4, choices: ownerChoices() }),
      setting('industry_type_id', 'Industry type', 'dropdown', { position: 5, choices: [{ id: '402004057004', value: 'Finance', position: 4 }] }),
      setting('cf_segment', 'Segment', 'dropdown', {
        position: 15,
        choices: [
          { id: '402012000001', value: 'SMB', position: 1 },
          { id: '402012000002', value: 'Mid-market', position: 2 },
        ],
      }),
      setting('cf_strategic', 'Strategic', 'checkbox', { position: 17 }),
    ],
  };
}

export const FIELD_SETTINGS: Record<FieldSettingsEntity, () => { fields: unknown[] }> = {
  contacts: contactFieldSettings,
  deals: dealFieldSettings,
  sales_accounts: accountFieldSettings,
};

/** `GET /search?q=…&include=contact`: a bare array with string ids (api §5). */
export function searchContactsBody() {
  return [
    { id: String(IDS.contact), type: 'contact', name: 'Sarah Thompson', email: 'sthompson@meridian-global.com', avatar: null },
    { id: '402000200301', type: 'sales_account', name: 'Meridian Global Holdings Inc.', avatar: null },
    { id: '402000000563', type: 'contact', name: null, email: null, avatar: null },
    { id: 'not-a-number', type: 'contact', name: 'Broken', email: null, avatar: null },
  ];
}

/** `PUT /deals/:id` answer to a stage change: the CRM sets the stage's probability. */
export function dealWriteBody(overrides: Record<string, unknown> = {}) {
  return { deal: deal(IDS.deal, overrides) };
}

export function taskWriteBody(overrides: Record<string, unknown> = {}) {
  return { task: task(overrides) };
}

export function noteWriteBody(overrides: Record<string, unknown> = {}) {
  return { note: note(overrides) };
}

export function contactWriteBody(overrides: Record<string, unknown> = {}) {
  return { contact: { ...contactSummary(402000000777, 'Nia', 'Okafor', 'nia@meridian-global.com'), ...overrides } };
}

/** A 400 the CRM sends when it does not know an include (the stand-in's exact wording). */
export const INCLUDE_REFUSED = {
  errors: {
    code: 400,
    message: ['Invalid include: tasks. Allowed: sales_account, owner, creater, updater, source, campaign, contacts, deal_stage, currency'],
  },
};

const VIEW_TEMPLATE = { contact: 'getContactView', deal: 'getDealView', sales_account: 'getAccountView' } as const;
const VIEW_BODY = { contact: contactViewBody, deal: dealViewBody, sales_account: accountViewBody } as const;

/**
 * Answer every field-settings request by its entity and the record view with the fixture, so a
 * sidebar of `entity` opens with no further scripting.
 */
export function scriptOpen(client: FakeClient, entity: keyof typeof VIEW_TEMPLATE): FakeClient {
  client.respondBy('getFieldSettings', (options) => FIELD_SETTINGS[options?.context?.entity as FieldSettingsEntity]());
  return client.respondAlways(VIEW_TEMPLATE[entity], VIEW_BODY[entity]());
}
