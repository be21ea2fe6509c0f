import type {
  ChoiceRow, CurrencyRow, DealPipelineRow, DealStageRow, Entity, FieldSetting, ForecastType, Id, UserRow, ViewRow,
} from '../model/types';
import { CrmStore, type AccountSettings, type Metadata, type Plan, type Profile } from '../store';
import { DEFAULT_TIME_ZONE } from '../zone';

/**
 * The configuration of the demo account: users, pipelines, statuses, selectors, field
 * settings with custom fields of every supported type, and views. Fixed, not random, so
 * tests can name things; the records come from `seed/records.ts`.
 */

export const DEMO_API_KEY = 'demo-api-key-0123456789';
/** Acts as a second, non-admin user, for tests that need another actor. */
export const SECOND_API_KEY = 'demo-api-key-sales-rep-5678';

const T0 = Date.parse('2024-01-15T09:00:00Z');

function user(id: Id, name: string, email: string, extra: Partial<UserRow> = {}): UserRow {
  return {
    id,
    display_name: name,
    email,
    is_active: true,
    work_number: null,
    mobile_number: null,
    job_title: null,
    time_zone: 'Chennai',
    language: 'en',
    uuid: String(190440313184929466n + BigInt(id % 1000)),
    deal_pipeline_id: SALES_PIPELINE,
    created_at: T0,
    updated_at: T0,
    ...extra,
  };
}

export const SALES_PIPELINE = 402000189098;
export const RENEWALS_PIPELINE = 402000189099;

export const USERS: UserRow[] = [
  user(402000000011, 'Asha Rao', 'asha@demo-crm.test', { job_title: 'Sales Director', work_number: '+91 80 4000 1100' }),
  user(402000000012, 'Mateo Fernández', 'mateo@demo-crm.test', { job_title: 'Account Executive', time_zone: 'Madrid' }),
  user(402000000013, 'Chloé Dubois', 'chloe@demo-crm.test', { job_title: 'Account Executive', time_zone: 'Paris' }),
  user(402000000014, 'Kwame Mensah', 'kwame@demo-crm.test', { job_title: 'SDR', mobile_number: '+233 20 123 4567' }),
  user(402000000015, '山田 花子', 'hanako@demo-crm.test', { job_title: 'Customer Success', time_zone: 'Tokyo' }),
  user(402000000016, 'Former Rep', 'former@demo-crm.test', { is_active: false }),
];

const choice = (id: Id, name: string, position: number, extra: Record<string, unknown> = {}): ChoiceRow => ({
  id,
  name,
  position,
  partial: true,
  ...extra,
});

function stage(id: Id, pipeline: Id, name: string, position: number, forecast: ForecastType, probability: number): DealStageRow {
  // choice_type: 5 on the first stage, 2 in between, 4 on won/lost (api §6, meaning unknown).
  const choiceType = forecast === 'Open' ? (position === 1 ? 5 : 2) : 4;
  return { id, name, position, partial: true, deal_pipeline_id: pipeline, forecast_type: forecast, choice_type: choiceType, probability, updated_at: T0 };
}

export const DEAL_STAGES: DealStageRow[] = [
  stage(402001912038, SALES_PIPELINE, 'New', 1, 'Open', 10),
  stage(402001912039, SALES_PIPELINE, 'Qualification', 2, 'Open', 30),
  stage(402001912040, SALES_PIPELINE, 'Demo', 3, 'Open', 50),
  stage(402001912041, SALES_PIPELINE, 'Negotiation', 4, 'Open', 75),
  stage(402001912042, SALES_PIPELINE, 'Won', 5, 'Closed Won', 100),
  stage(402001912043, SALES_PIPELINE, 'Lost', 6, 'Closed Lost', 0),
  stage(402001913050, RENEWALS_PIPELINE, 'Upcoming', 1, 'Open', 20),
  stage(402001913051, RENEWALS_PIPELINE, 'In discussion', 2, 'Open', 60),
  stage(402001913052, RENEWALS_PIPELINE, 'Committed', 3, 'Open', 90),
  stage(402001913053, RENEWALS_PIPELINE, 'Renewed', 4, 'Closed Won', 100),
  stage(402001913054, RENEWALS_PIPELINE, 'Churned', 5, 'Closed Lost', 0),
];

const PIPELINES: DealPipelineRow[] = [
  { id: SALES_PIPELINE, name: 'Sales Pipeline', position: 1, partial: true, is_default: true, rotting_days: 30 },
  { id: RENEWALS_PIPELINE, name: 'Renewals', position: 2, partial: true, is_default: false, rotting_days: null },
];

export const LIFECYCLE = { lead: 402009647298, sql: 402009647299, customer: 402009647300 } as const;

const CONTACT_STATUSES: ChoiceRow[] = [
  choice(402000543557, 'New', 1, { lifecycle_stage_id: LIFECYCLE.lead, forecast_type: null }),
  choice(402000543558, 'Contacted', 2, { lifecycle_stage_id: LIFECYCLE.lead, forecast_type: null }),
  choice(402000543559, 'Interested', 3, { lifecycle_stage_id: LIFECYCLE.lead, forecast_type: null }),
  choice(402000543560, 'Unqualified', 4, { lifecycle_stage_id: LIFECYCLE.lead, forecast_type: null }),
  choice(402000543561, 'Qualified', 5, { lifecycle_stage_id: LIFECYCLE.sql, forecast_type: null }),
  choice(402000543562, 'In negotiation', 6, { lifecycle_stage_id: LIFECYCLE.sql, forecast_type: null }),
  choice(402000543563, 'Won', 7, { lifecycle_stage_id: LIFECYCLE.customer, forecast_type: null }),
  choice(402000543564, 'Churned', 8, { lifecycle_stage_id: LIFECYCLE.customer, forecast_type: null }),
];

const statusesOf = (stageId: Id) => CONTACT_STATUSES.filter((s) => s.lifecycle_stage_id === stageId).map((s) => s.id);

const LIFECYCLE_STAGES: ChoiceRow[] = [
  choice(LIFECYCLE.lead, 'Lead', 1, { disabled: false, default: true, type: 'Lead', contact_status_ids: statusesOf(LIFECYCLE.lead) }),
  choice(LIFECYCLE.sql, 'Sales Qualified Lead', 2, { disabled: false, default: false, type: 'Sales Qualified Lead', contact_status_ids: statusesOf(LIFECYCLE.sql) }),
  choice(LIFECYCLE.customer, 'Customer', 3, { disabled: false, default: false, type: 'Customer', contact_status_ids: statusesOf(LIFECYCLE.customer) }),
];

const named = (base: Id, names: string[], extra: Record<string, unknown> = {}): ChoiceRow[] =>
  names.map((name, index) => choice(base + index, name, index + 1, extra));

export const CURRENCIES: CurrencyRow[] = [
  { id: 402000190124, currency_code: 'USD', exchange_rate: '1.0', is_active: true, currency_type: 1 },
  { id: 402000190125, currency_code: 'EUR', exchange_rate: '1.08', is_active: true, currency_type: 2 },
  { id: 402000190126, currency_code: 'INR', exchange_rate: '0.012', is_active: true, currency_type: 2 },
  { id: 402000190127, currency_code: 'GBP', exchange_rate: '1.27', is_active: true, currency_type: 2 },
  { id: 402000190128, currency_code: 'JPY', exchange_rate: '0.0067', is_active: false, currency_type: 2 },
];

export const SALES_ACTIVITY_TYPES: ChoiceRow[] = [
  choice(402000477934, 'Call', 1, { internal_name: 'call', show_in_conversation: true, is_default: true, is_checkedin: false, is_checkedin_mandatory: false, is_outcome_mandatory: false }),
  choice(402000477935, 'Meeting', 2, { internal_name: 'meeting', show_in_conversation: true, is_default: true, is_checkedin: true, is_checkedin_mandatory: false, is_outcome_mandatory: false }),
  choice(402000477936, 'Email', 3, { internal_name: 'email', show_in_conversation: true, is_default: true, is_checkedin: false, is_checkedin_mandatory: false, is_outcome_mandatory: false }),
  choice(402000477937, 'Task', 4, { internal_name: 'task', show_in_conversation: false, is_default: true, is_checkedin: false, is_checkedin_mandatory: false, is_outcome_mandatory: false }),
  choice(402000477938, 'Demo', 5, { internal_name: 'cf_demo', show_in_conversation: true, is_default: false, is_checkedin: false, is_checkedin_mandatory: false, is_outcome_mandatory: true }),
];

const outcome = (id: Id, type: Id, name: string, position: number) => choice(id, name, position, { sales_activity_type_id: type });

const SALES_ACTIVITY_OUTCOMES: ChoiceRow[] = [
  outcome(402002091456, 402000477934, 'Interested', 1),
  outcome(402002091457, 402000477934, 'Left voicemail', 2),
  outcome(402002091458, 402000477934, 'No answer', 3),
  outcome(402002091459, 402000477935, 'Positive', 1),
  outcome(402002091460, 402000477935, 'Needs follow-up', 2),
  outcome(402002091461, 402000477938, 'Demo went well', 1),
  outcome(402002091462, 402000477938, 'Not a fit', 2),
];

const TASK_TYPES: ChoiceRow[] = [
  choice(402000179229, 'Follow up', 1, { sales_activity_type_id: 402000477937, sales_activity_type_name: 'Task' }),
  choice(402000179230, 'Call', 2, { sales_activity_type_id: 402000477937, sales_activity_type_name: 'Task' }),
  choice(402000179231, 'Send proposal', 3, { sales_activity_type_id: 402000477937, sales_activity_type_name: 'Task' }),
  choice(402000179232, 'Client meeting', 4, { sales_activity_type_id: 402000477935, sales_activity_type_name: 'Meeting' }),
];

export function demoMetadata(): Metadata {
  return {
    territories: named(402000023001, ['North America', 'EMEA', 'APAC', 'LATAM']),
    deal_pipelines: PIPELINES,
    deal_stages: DEAL_STAGES,
    contact_statuses: CONTACT_STATUSES,
    lifecycle_stages: LIFECYCLE_STAGES,
    lead_sources: named(402000836318, ['Web form', 'Referral', 'Trade show', 'Cold call', 'Partner', 'Chat']),
    campaigns: named(402000936410, ['Spring webinar', 'Black Friday', 'Partner summit 2024']),
    industry_types: named(402004057001, ['Software', 'Manufacturing', 'Healthcare', 'Retail', 'Financial services', 'Education', 'Logistics']),
    business_types: named(402004157001, ['Prospect', 'Customer', 'Partner', 'Reseller', 'Vendor']),
    currencies: CURRENCIES,
    deal_reasons: named(402000291001, ['Price', 'Chose a competitor', 'No budget', 'No decision', 'Timing']),
    deal_types: named(402000391001, ['New business', 'Upsell', 'Renewal']),
    deal_payment_statuses: named(402000491001, ['Not paid', 'Partially paid', 'Paid', 'Refunded']),
    deal_products: named(402000591001, ['Platform licence', 'Onboarding', 'Premium support']),
    sales_activity_types: SALES_ACTIVITY_TYPES,
    sales_activity_outcomes: SALES_ACTIVITY_OUTCOMES,
    sales_activity_entity_types: TASK_TYPES,
  };
}

type FieldSpec = [name: string, label: string, type: string, extra?: Partial<FieldSetting>];

const BASE_MODEL: Record<Entity, FieldSetting['base_model']> = {
  contacts: 'Contact',
  sales_accounts: 'SalesAccount',
  deals: 'Deal',
  sales_activities: 'SalesActivity',
};

const FIELD_ID_BASE: Record<Entity, number> = { contacts: 1, sales_accounts: 101, deals: 201, sales_activities: 301 };

function fieldSettings(entity: Entity, specs: FieldSpec[]): FieldSetting[] {
  return specs.map(([name, label, type, extra], index) => ({
    id: FIELD_ID_BASE[entity] + index,
    name,
    label,
    type,
    default: !name.startsWith('cf_'),
    actionable: true,
    required: false,
    visible: true,
    position: index + 1,
    quick_add_position: index < 8 ? index + 1 : null,
    base_model: BASE_MODEL[entity],
    ...extra,
  }));
}

/** Choice ids: mostly numeric strings, some numbers, in the same answer (api §6). */
const choices = (base: number, values: string[]) =>
  values.map((value, index) => ({ id: index % 3 === 2 ? base + index : String(base + index), value, position: index + 1 }));

/** Choices of built-in fields that name records of the account: ids as JSON numbers (§11). */
const idChoices = (rows: Array<{ id: Id; name: string }>) => rows.map((row, index) => ({ id: row.id, value: row.name, position: index + 1 }));

/** Owner choices carry `is_active` and the user's `deal_pipeline_id` (§11); inactive users stay listed. */
const ownerChoices = () =>
  USERS.map((user, index) => ({ id: user.id, value: user.display_name, position: index + 1, is_active: user.is_active, deal_pipeline_id: user.deal_pipeline_id }));

function contactFields(metadata: Metadata): FieldSetting[] {
  return fieldSettings('contacts', [
    ['first_name', 'First name', 'text'],
    ['last_name', 'Last name', 'text'],
    ['job_title', 'Job title', 'text'],
    ['emails', 'Emails', 'group_field'],
    ['work_number', 'Work', 'text'],
    ['mobile_number', 'Mobile', 'text'],
    ['owner_id', 'Sales owner', 'dropdown', { choices: ownerChoices() }],
    ['lifecycle_stage_id', 'Lifecycle stage', 'dropdown', { choices: idChoices(metadata.lifecycle_stages) }],
    ['contact_status_id', 'Status', 'dropdown', { choices: idChoices(metadata.contact_statuses) }],
    ['sales_accounts', 'Accounts', 'group_field'],
    ['lead_source_id', 'Source', 'dropdown', { choices: idChoices(metadata.lead_sources) }],
    ['campaign_id', 'Campaign', 'dropdown', { choices: idChoices(metadata.campaigns) }],
    ['territory_id', 'Territory', 'dropdown', { choices: idChoices(metadata.territories) }],
    ['tags', 'Tags', 'auto_complete', { auto_suggest_url: '/crm/sales/tags/autocomplete?entity=Contact', multiple: true, creatable: true } as Partial<FieldSetting>],
    ['address', 'Address', 'textarea'],
    ['city', 'City', 'text'],
    ['state', 'State', 'text'],
    ['zipcode', 'Zipcode', 'text'],
    ['country', 'Country', 'text'],
    ['linkedin', 'LinkedIn', 'text'],
    ['cf_tier', 'Tier', 'dropdown', { choices: choices(402011000001, ['Gold', 'Silver', 'Bronze']), column: 'cf_str01' }],
    ['cf_interests', 'Interests', 'multi_select_dropdown', { choices: choices(402011000101, ['Analytics', 'Automation', 'Integrations', 'Mobile']), column: 'cf_text01' }],
    ['cf_newsletter', 'Newsletter', 'checkbox', { column: 'cf_bool01' }],
    ['cf_birthday', 'Birthday', 'date', { column: 'cf_date01' }],
    ['cf_website', 'Personal site', 'url', { column: 'cf_str02' }],
    ['cf_background', 'Background', 'textarea', { column: 'cf_text02' }],
    ['cf_nps', 'NPS score', 'number', { column: 'cf_bigint01' }],
    ['cf_budget', 'Budget', 'decimal', { column: 'cf_dec01' }],
    ['cf_assistant_email', 'Assistant email', 'email', { column: 'cf_str03' }],
    ['cf_assistant_phone', 'Assistant phone', 'phone_number', { column: 'cf_str04' }],
    ['cf_preferred_channel', 'Preferred channel', 'radio', { choices: choices(402011000201, ['Email', 'Phone', 'Chat']), column: 'cf_str05' }],
    ['cf_referral_code', 'Referral code', 'text', { column: 'cf_str06' }],
  ]);
}

function accountFields(metadata: Metadata): FieldSetting[] {
  return fieldSettings('sales_accounts', [
    ['name', 'Name', 'text', { required: true }],
    ['website', 'Website', 'text'],
    ['phone', 'Phone', 'text'],
    ['owner_id', 'Sales owner', 'dropdown', { choices: ownerChoices() }],
    ['industry_type_id', 'Industry type', 'dropdown', { choices: idChoices(metadata.industry_types) }],
    ['business_type_id', 'Business type', 'dropdown', { choices: idChoices(metadata.business_types) }],
    ['number_of_employees', 'Number of employees', 'number'],
    ['annual_revenue', 'Annual revenue', 'number'],
    ['territory_id', 'Territory', 'dropdown', { choices: idChoices(metadata.territories) }],
    ['parent_sales_account_id', 'Parent account', 'auto_complete'],
    ['address', 'Address', 'textarea'],
    ['city', 'City', 'text'],
    ['country', 'Country', 'text'],
    ['tags', 'Tags', 'auto_complete'],
    ['cf_segment', 'Segment', 'dropdown', { choices: choices(402012000001, ['SMB', 'Mid-market', 'Enterprise']), column: 'cf_str01' }],
    ['cf_products_used', 'Products used', 'multi_select_dropdown', { choices: choices(402012000101, ['CRM', 'Helpdesk', 'Chat', 'Phone']), column: 'cf_text01' }],
    ['cf_strategic', 'Strategic account', 'checkbox', { column: 'cf_bool01' }],
    ['cf_renewal_date', 'Renewal date', 'date', { column: 'cf_date01' }],
    ['cf_support_portal', 'Support portal', 'url', { column: 'cf_str02' }],
    ['cf_account_plan', 'Account plan', 'textarea', { column: 'cf_text02' }],
    ['cf_seats', 'Seats', 'number', { column: 'cf_bigint01' }],
    ['cf_arr', 'ARR', 'decimal', { column: 'cf_dec01' }],
    ['cf_billing_email', 'Billing email', 'email', { column: 'cf_str03' }],
    ['cf_support_phone', 'Support phone', 'phone_number', { column: 'cf_str04' }],
    ['cf_health', 'Health', 'radio', { choices: choices(402012000201, ['Healthy', 'At risk', 'Critical']), column: 'cf_str05' }],
    ['cf_vat_number', 'VAT number', 'text', { column: 'cf_str06' }],
  ]);
}

function dealFields(metadata: Metadata): FieldSetting[] {
  return fieldSettings('deals', [
    ['name', 'Name', 'text', { required: true }],
    ['amount', 'Deal value', 'number'],
    ['currency_id', 'Currency', 'dropdown', { choices: metadata.currencies.map((c, i) => ({ id: c.id, value: c.currency_code, position: i + 1 })) }],
    ['deal_pipeline_id', 'Pipeline', 'dropdown', { choices: idChoices(metadata.deal_pipelines) }],
    ['deal_stage_id', 'Deal stage', 'dropdown', { choices: metadata.deal_stages.map((s, i) => ({ id: s.id, value: s.name, position: i + 1, deal_pipeline_id: s.deal_pipeline_id, forecast_type: s.forecast_type })) }],
    ['expected_close', 'Expected close date', 'date'],
    ['probability', 'Probability (%)', 'number'],
    ['owner_id', 'Sales owner', 'dropdown', { choices: ownerChoices() }],
    ['sales_account_id', 'Account', 'auto_complete'],
    ['contacts', 'Related contacts', 'auto_complete'],
    ['deal_reason_id', 'Lost reason', 'dropdown', { choices: idChoices(metadata.deal_reasons) }],
    ['deal_type_id', 'Type', 'dropdown', { choices: idChoices(metadata.deal_types) }],
    ['lead_source_id', 'Source', 'dropdown', { choices: idChoices(metadata.lead_sources) }],
    ['tags', 'Tags', 'auto_complete'],
    ['cf_sales_region', 'Sales region', 'dropdown', { required: true, choices: choices(402013000001, ['Americas', 'Europe', 'Asia Pacific', 'Middle East & Africa']), column: 'cf_str01' }],
    ['cf_competitors', 'Competitors', 'multi_select_dropdown', { choices: choices(402013000101, ['Acme CRM', 'Globex Sales', 'Initech Suite']), column: 'cf_text01' }],
    ['cf_signed_nda', 'NDA signed', 'checkbox', { column: 'cf_bool01' }],
    ['cf_contract_start', 'Contract start', 'date', { column: 'cf_date01' }],
    ['cf_proposal_link', 'Proposal link', 'url', { column: 'cf_str02' }],
    ['cf_next_steps', 'Next steps', 'textarea', { column: 'cf_text02' }],
    ['cf_seats', 'Seats', 'number', { column: 'cf_bigint01' }],
    ['cf_discount', 'Discount', 'decimal', { column: 'cf_dec01' }],
    ['cf_order_ref', 'Order reference', 'text', { column: 'cf_str03' }],
    ['cf_billing_contact_email', 'Billing contact email', 'email', { column: 'cf_str04' }],
    ['cf_billing_phone', 'Billing phone', 'phone_number', { column: 'cf_str05' }],
    ['cf_priority', 'Priority', 'radio', { choices: choices(402013000201, ['High', 'Medium', 'Low']), column: 'cf_str06' }],
  ]);
}

function activityFields(metadata: Metadata): FieldSetting[] {
  return fieldSettings('sales_activities', [
    ['title', 'Title', 'text', { required: true }],
    ['sales_activity_type_id', 'Activity type', 'dropdown', { required: true, choices: idChoices(metadata.sales_activity_types) }],
    ['sales_activity_outcome_id', 'Outcome', 'dropdown', { choices: idChoices(metadata.sales_activity_outcomes) }],
    ['start_date', 'Start date', 'date_time_split', { required: true }],
    ['end_date', 'End date', 'date_time_split', { required: true }],
    ['owner_id', 'Owner', 'dropdown', { choices: ownerChoices() }],
    ['notes', 'Notes', 'textarea'],
    ['cf_call_quality', 'Call quality', 'dropdown', { choices: choices(402014000001, ['Good', 'Poor']), column: 'cf_str01' }],
    ['cf_follow_up_needed', 'Follow-up needed', 'checkbox', { column: 'cf_bool01' }],
  ]);
}

function view(id: Id, name: string, model: ViewRow['model_class_name'], rule: ViewRow['rule'], isDefault = false): ViewRow {
  return { id, name, model_class_name: model, user_id: 0, is_default: isDefault, updated_at: T0, rule };
}

export function demoViews(): CrmStore['views'] {
  return {
    contacts: [
      view(402003548176, 'All Contacts', 'Contact', { kind: 'all' }, true),
      view(402003548177, 'My Contacts', 'Contact', { kind: 'mine' }),
      view(402003548178, 'Recently added', 'Contact', { kind: 'recent', days: 30 }),
    ],
    sales_accounts: [
      view(402003648176, 'All Accounts', 'SalesAccount', { kind: 'all' }, true),
      view(402003648177, 'My Accounts', 'SalesAccount', { kind: 'mine' }),
    ],
    // "All Deals" may not exist on a real account (api §2): clients must use the filters list.
    deals: [
      view(402003748176, 'Open Deals', 'Deal', { kind: 'forecast', forecast: 'Open' }, true),
      view(402003748177, 'My Deals', 'Deal', { kind: 'mine' }),
      view(402003748178, 'Won Deals', 'Deal', { kind: 'forecast', forecast: 'Closed Won' }),
      view(402003748179, 'Lost Deals', 'Deal', { kind: 'forecast', forecast: 'Closed Lost' }),
    ],
  };
}

export interface AccountOptions {
  plan?: Plan;
  domain?: string;
  /** IANA zone of the account (default Asia/Kolkata, +05:30 all year). */
  timeZone?: string;
  profile?: Profile;
}

const ACCOUNT_DEFAULTS: Required<AccountOptions> = { domain: 'demo.myfreshworks.com', timeZone: DEFAULT_TIME_ZONE, plan: 'pro', profile: 'default' };

export function demoAccountSettings(options: AccountOptions = {}): AccountSettings {
  const defined = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
  return {
    accountId: '1967183444532229946',
    region: 'US',
    baseCurrencyId: CURRENCIES[0]?.id ?? 0,
    ...ACCOUNT_DEFAULTS,
    ...defined,
  };
}

/** The demo account with its configuration and no records yet. */
export function createAccountStore(options: AccountOptions = {}): CrmStore {
  const metadata = demoMetadata();
  return new CrmStore(
    demoAccountSettings(options),
    USERS.map((row) => ({ ...row })),
    metadata,
    {
      contacts: contactFields(metadata),
      sales_accounts: accountFields(metadata),
      deals: dealFields(metadata),
      sales_activities: activityFields(metadata),
    },
    demoViews(),
    { [DEMO_API_KEY]: USERS[0]?.id ?? 0, [SECOND_API_KEY]: USERS[1]?.id ?? 0 },
  );
}
