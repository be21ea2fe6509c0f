import type { Entity, FieldChoice, FieldSetting, Id, UserRow } from '../model/types';
import type { CrmStore } from '../store';

/**
 * The "real-account" profile: the demo account reshaped the way freshsales-api.md §11 saw
 * live accounts answer. Applied after the records are seeded, so the records (and their
 * landmark ids) are those of the default profile; what changes is what the settings say about
 * them:
 *
 * - field settings list many more built-in fields, most of them `visible: false` (40 of the
 *   65 contact fields, one custom field included; 25 of the deals' 33 built-ins, 26 of the
 *   accounts' 31), `job_title`, `expected_close`, `probability` and `industry_type_id` among them;
 * - every field carries `field_group_id`, and `position` restarts inside each group;
 * - choices carry extras: owners `is_active` and `deal_pipeline_id`, stages `choice_type`,
 *   auto-complete fields `auto_suggest_url`, `multiple` and `creatable`; the emails field has
 *   three label choices; `number_of_employees` is a dropdown, accounts holding a choice id [U];
 * - the owners list starts with a deactivated user.
 *
 * The zone (Europe/Berlin, with daylight saving) is the account's, chosen before seeding; the
 * answers' own differences (no `users` in write answers) follow `account.profile`.
 */

/** Real accounts observed in §11 write +01:00 and +02:00: a zone with daylight saving. */
export const REAL_PROFILE_TIME_ZONE = 'Europe/Berlin';

type Extra = [name: string, label: string, type: string];
type Group = [name: string, fields: readonly string[]];

interface EntityProfile {
  /** Built-in fields real settings list beside the demo's own; all hidden. */
  extras: readonly Extra[];
  /** Groups in order, each with its fields in order; custom fields form the last group. */
  groups: readonly Group[];
  /** Built-in fields left visible; every other built-in is hidden. */
  visible: readonly string[];
  /** Custom fields an admin hid; the others stay visible. */
  hiddenCustom?: readonly string[];
}

const CUSTOM_GROUP = 'Additional information';
const SYSTEM: Group = ['System information', ['created_at', 'updated_at', 'creater_id', 'updater_id']];
const SYSTEM_EXTRAS: readonly Extra[] = [
  ['created_at', 'Created at', 'date_time_split'],
  ['updated_at', 'Updated at', 'date_time_split'],
  ['creater_id', 'Created by', 'dropdown'],
  ['updater_id', 'Updated by', 'dropdown'],
];

const CONTACTS: EntityProfile = {
  extras: [
    ['department', 'Department', 'text'], ['time_zone', 'Time zone', 'text'], ['locale', 'Locale', 'text'],
    ['facebook', 'Facebook', 'text'], ['twitter', 'Twitter', 'text'],
    ['medium', 'Medium', 'text'], ['keyword', 'Keyword', 'text'],
    ['first_source', 'First source', 'text'], ['first_medium', 'First medium', 'text'], ['first_campaign', 'First campaign', 'text'],
    ['last_source', 'Last source', 'text'], ['last_medium', 'Last medium', 'text'], ['last_campaign', 'Last campaign', 'text'],
    ['latest_source', 'Latest source', 'text'],
    ['subscription_status', 'Subscription status', 'number'], ['subscription_types', 'Subscription types', 'text'],
    ['lead_score', 'Score', 'number'], ['customer_fit', 'Customer fit', 'number'],
    ['open_deals_amount', 'Open deals amount', 'number'], ['won_deals_amount', 'Won deals amount', 'number'],
    ['open_deals_count', 'Open deals', 'number'], ['won_deals_count', 'Won deals', 'number'],
    ['last_contacted', 'Last contacted time', 'date_time_split'], ['last_contacted_mode', 'Last contacted mode', 'text'],
    ['last_seen', 'Last seen', 'date_time_split'], ['last_assigned_at', 'Last assigned at', 'date_time_split'],
    ['recent_note', 'Recent note', 'textarea'], ['external_id', 'External ID', 'text'], ['work_email', 'Work email', 'text'],
    ...SYSTEM_EXTRAS,
  ],
  groups: [
    ['Basic information', [
      'first_name', 'last_name', 'job_title', 'department', 'emails', 'work_number', 'mobile_number', 'sales_accounts', 'owner_id',
      'lifecycle_stage_id', 'contact_status_id', 'tags',
    ]],
    ['Address', ['address', 'city', 'state', 'zipcode', 'country', 'time_zone', 'locale']],
    ['Social profiles', ['linkedin', 'facebook', 'twitter']],
    ['Marketing', [
      'lead_source_id', 'campaign_id', 'medium', 'keyword', 'first_source', 'first_medium', 'first_campaign', 'last_source',
      'last_medium', 'last_campaign', 'latest_source', 'subscription_status', 'subscription_types',
    ]],
    ['Sales insights', [
      'territory_id', 'lead_score', 'customer_fit', 'open_deals_amount', 'won_deals_amount', 'open_deals_count', 'won_deals_count',
      'last_contacted', 'last_contacted_mode', 'last_seen', 'last_assigned_at', 'recent_note', 'external_id', 'work_email',
    ]],
    SYSTEM,
  ],
  visible: [
    'first_name', 'last_name', 'emails', 'work_number', 'mobile_number', 'sales_accounts', 'owner_id', 'lifecycle_stage_id',
    'contact_status_id', 'tags', 'address', 'city', 'state', 'country',
  ],
  hiddenCustom: ['cf_referral_code'],
};

const DEALS: EntityProfile = {
  extras: [
    ['base_currency_amount', 'Deal value in base currency', 'number'], ['expected_deal_value', 'Expected deal value', 'number'],
    ['closed_date', 'Closed date', 'date'], ['deal_payment_status_id', 'Payment status', 'dropdown'],
    ['campaign_id', 'Campaign', 'dropdown'], ['territory_id', 'Territory', 'dropdown'],
    ['stage_updated_time', 'Stage updated time', 'date_time_split'], ['age', 'Age (in days)', 'number'],
    ['rotten_days', 'Rotting days', 'number'], ['forecast_category', 'Forecast category', 'number'],
    ['recent_note', 'Recent note', 'textarea'], ['upcoming_activities_time', 'Upcoming activities', 'date_time_split'],
    ['last_assigned_at', 'Last assigned at', 'date_time_split'], ['web_form_id', 'Web form', 'number'],
    ['has_products', 'Has products', 'checkbox'],
    ...SYSTEM_EXTRAS,
  ],
  groups: [
    ['Basic information', [
      'name', 'amount', 'currency_id', 'base_currency_amount', 'expected_deal_value', 'sales_account_id', 'contacts', 'owner_id', 'tags',
    ]],
    ['Pipeline', [
      'deal_pipeline_id', 'deal_stage_id', 'expected_close', 'probability', 'closed_date', 'deal_reason_id', 'stage_updated_time',
      'forecast_category', 'age', 'rotten_days',
    ]],
    ['Deal details', [
      'deal_type_id', 'lead_source_id', 'campaign_id', 'territory_id', 'deal_payment_status_id', 'has_products', 'recent_note',
      'upcoming_activities_time', 'web_form_id',
    ]],
    ['System information', ['last_assigned_at', 'created_at', 'updated_at', 'creater_id', 'updater_id']],
  ],
  visible: ['name', 'amount', 'currency_id', 'deal_pipeline_id', 'deal_stage_id', 'owner_id', 'sales_account_id', 'contacts'],
};

const ACCOUNTS: EntityProfile = {
  extras: [
    ['state', 'State', 'text'], ['zipcode', 'Zipcode', 'text'],
    ['facebook', 'Facebook', 'text'], ['twitter', 'Twitter', 'text'], ['linkedin', 'LinkedIn', 'text'],
    ['open_deals_amount', 'Open deals amount', 'number'], ['open_deals_count', 'Open deals', 'number'],
    ['won_deals_amount', 'Won deals amount', 'number'], ['won_deals_count', 'Won deals', 'number'],
    ['last_contacted', 'Last contacted time', 'date_time_split'], ['last_contacted_mode', 'Last contacted mode', 'text'],
    ['recent_note', 'Recent note', 'textarea'], ['last_assigned_at', 'Last assigned at', 'date_time_split'],
    ...SYSTEM_EXTRAS,
  ],
  groups: [
    ['Basic information', [
      'name', 'website', 'phone', 'owner_id', 'tags', 'industry_type_id', 'business_type_id', 'number_of_employees', 'annual_revenue',
      'parent_sales_account_id', 'territory_id',
    ]],
    ['Address', ['address', 'city', 'state', 'zipcode', 'country']],
    ['Social profiles', ['facebook', 'twitter', 'linkedin']],
    ['Sales insights', ['open_deals_amount', 'open_deals_count', 'won_deals_amount', 'won_deals_count', 'last_contacted', 'last_contacted_mode', 'recent_note']],
    ['System information', ['last_assigned_at', 'created_at', 'updated_at', 'creater_id', 'updater_id']],
  ],
  visible: ['name', 'website', 'phone', 'owner_id', 'tags'],
};

const ACTIVITIES: EntityProfile = {
  extras: [],
  groups: [['Basic information', ['title', 'sales_activity_type_id', 'sales_activity_outcome_id', 'start_date', 'end_date', 'owner_id', 'notes']]],
  visible: ['title', 'sales_activity_type_id', 'sales_activity_outcome_id', 'start_date', 'end_date', 'owner_id', 'notes'],
};

const PROFILES: Record<Entity, EntityProfile> = { contacts: CONTACTS, deals: DEALS, sales_accounts: ACCOUNTS, sales_activities: ACTIVITIES };

/** Group ids per entity, in real id ranges; the custom group comes after the listed ones. */
const GROUP_ID_BASE: Record<Entity, Id> = { contacts: 402000600001, sales_accounts: 402000600101, deals: 402000600201, sales_activities: 402000600301 };

// ---- choices ------------------------------------------------------------------------------------

const ownerChoices = (users: UserRow[]): FieldChoice[] =>
  users.map((user, index) => ({ id: user.id, value: user.display_name, position: index + 1, is_active: user.is_active, deal_pipeline_id: user.deal_pipeline_id }));

/** Labels an email may carry, the three choices of the real emails field. */
const EMAIL_LABELS: FieldChoice[] = ['Work', 'Personal', 'Other'].map((value, index) => ({ id: 402000650001 + index, value, position: index + 1 }));

/** Upper bounds of the employee-count ranges a real account offers, with their choices. */
const EMPLOYEE_RANGES: Array<[max: number, label: string]> = [
  [10, '1-10'], [50, '11-50'], [200, '51-200'], [500, '201-500'], [1000, '501-1000'],
  [5000, '1001-5000'], [10000, '5001-10000'], [Number.POSITIVE_INFINITY, '10000+'],
];
const EMPLOYEE_CHOICES: FieldChoice[] = EMPLOYEE_RANGES.map(([, value], index) => ({ id: 402000660001 + index, value, position: index + 1 }));

function employeeChoiceOf(count: number): Id {
  const index = EMPLOYEE_RANGES.findIndex(([max]) => count <= max);
  return EMPLOYEE_CHOICES[index]?.id as Id;
}

const AUTO_SUGGEST: Record<string, { url: string; multiple: boolean; creatable: boolean }> = {
  tags: { url: '/crm/sales/tags/autocomplete', multiple: true, creatable: true },
  sales_account_id: { url: '/crm/sales/sales_accounts/autocomplete', multiple: false, creatable: true },
  parent_sales_account_id: { url: '/crm/sales/sales_accounts/autocomplete', multiple: false, creatable: false },
  contacts: { url: '/crm/sales/contacts/autocomplete', multiple: true, creatable: false },
};

type Reshape = (field: FieldSetting, store: CrmStore) => FieldSetting;

const withOwners: Reshape = (field, store) => ({ ...field, choices: ownerChoices(store.users) });

/** A dropdown the demo settings did not list yet, with the selector's entries as choices. */
const withEntries = (kind: 'deal_payment_statuses' | 'campaigns' | 'territories'): Reshape => (field, store) =>
  field.choices !== undefined ? field : { ...field, choices: store.metadata[kind].map((row, index) => ({ id: row.id, value: row.name, position: index + 1 })) };

function withStageTypes(field: FieldSetting, store: CrmStore): FieldSetting {
  const typeOf = (id: unknown) => store.metadata.deal_stages.find((stage) => stage.id === id)?.choice_type ?? null;
  return { ...field, choices: (field.choices ?? []).map((choice) => ({ ...choice, choice_type: typeOf(choice.id) })) };
}

/** Field-specific extras of real settings, by field name (any entity). */
const RESHAPE: Record<string, Reshape> = {
  owner_id: withOwners,
  creater_id: withOwners,
  updater_id: withOwners,
  deal_stage_id: withStageTypes,
  emails: (field) => ({ ...field, choices: EMAIL_LABELS }),
  number_of_employees: (field) => ({ ...field, type: 'dropdown', choices: EMPLOYEE_CHOICES }),
  deal_payment_status_id: withEntries('deal_payment_statuses'),
  campaign_id: withEntries('campaigns'),
  territory_id: withEntries('territories'),
};

function autoSuggest(field: FieldSetting): FieldSetting {
  const suggest = AUTO_SUGGEST[field.name];
  if (field.type !== 'auto_complete' || suggest === undefined) return field;
  const url = field.name === 'tags' ? `${suggest.url}?entity=${field.base_model}` : suggest.url;
  return { ...field, auto_suggest_url: url, multiple: suggest.multiple, creatable: suggest.creatable } as FieldSetting;
}

// ---- fields -----------------------------------------------------------------------------------

function extraField(template: FieldSetting, id: Id, [name, label, type]: Extra): FieldSetting {
  return {
    id, name, label, type, default: true, actionable: true, required: false, visible: false, position: 0,
    quick_add_position: null, base_model: template.base_model,
  };
}

function withExtras(entity: Entity, fields: FieldSetting[]): FieldSetting[] {
  const template = fields[0] as FieldSetting;
  const nextId = Math.max(...fields.map((field) => field.id)) + 1;
  return [...fields, ...PROFILES[entity].extras.map((extra, index) => extraField(template, nextId + index, extra))];
}

/** The groups with their fields, custom fields last in their own group. */
function groupsOf(entity: Entity, fields: FieldSetting[]): Group[] {
  const custom = fields.filter((field) => !field.default).map((field) => field.name);
  return custom.length === 0 ? [...PROFILES[entity].groups] : [...PROFILES[entity].groups, [CUSTOM_GROUP, custom]];
}

function place(entity: Entity, field: FieldSetting | undefined, groupIndex: number, groupName: string, position: number): FieldSetting {
  if (field === undefined) throw new Error(`real profile: a ${entity} group names a field the settings do not have`);
  const group = { id: GROUP_ID_BASE[entity] + groupIndex, name: groupName, position: groupIndex + 1 };
  const profile = PROFILES[entity];
  const visible = field.default ? profile.visible.includes(field.name) : !(profile.hiddenCustom ?? []).includes(field.name);
  return { ...field, visible, position, field_group_id: group.id, group };
}

/** Every field placed in its group, in group order, `position` counting from 1 in each group. */
function grouped(entity: Entity, fields: FieldSetting[]): FieldSetting[] {
  const byName = new Map(fields.map((field) => [field.name, field]));
  const placed = groupsOf(entity, fields).flatMap(([name, names], groupIndex) =>
    names.map((fieldName, index) => place(entity, byName.get(fieldName), groupIndex, name, index + 1)),
  );
  if (placed.length !== fields.length || new Set(placed.map((field) => field.name)).size !== fields.length) throw new Error(`real profile: the ${entity} groups do not place every field once`);
  return placed;
}

function realFields(store: CrmStore, entity: Entity): FieldSetting[] {
  const same: Reshape = (field) => field;
  return grouped(entity, withExtras(entity, store.fields[entity])).map((field) => autoSuggest((RESHAPE[field.name] ?? same)(field, store)));
}

/** Reshapes a seeded demo store into the real-account profile (see above). */
export function applyRealProfile(store: CrmStore): CrmStore {
  // A deactivated user first: the owners list is not sorted by activity on real accounts.
  store.users = [...store.users.filter((user) => !user.is_active), ...store.users.filter((user) => user.is_active)];
  store.sales_accounts.everything().forEach((row) => {
    if (row.number_of_employees !== null) row.number_of_employees = employeeChoiceOf(row.number_of_employees);
  });
  for (const entity of Object.keys(PROFILES) as Entity[]) store.fields[entity] = realFields(store, entity);
  store.account.profile = 'real';
  return store;
}
