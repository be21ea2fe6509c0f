/**
 * What the stand-in stores. Rows keep every association id and raw values (epoch ms, decimal
 * strings); the serializers decide what a response shows (freshsales-api.md §3–4).
 */
export type Id = number;
/** Epoch milliseconds. */
export type Timestamp = number;
/** Custom field values as the REST API carries them (multi-select: `;`-joined string). */
export type CustomValue = string | number | boolean | null;
export type CustomFields = Record<string, CustomValue>;

/** CamelCase model names used by `targetable_type` (§4.4, §4.7). */
export type TargetableType = 'Contact' | 'SalesAccount' | 'Deal';

export interface UserRow {
  id: Id;
  display_name: string;
  email: string;
  is_active: boolean;
  work_number: string | null;
  mobile_number: string | null;
  job_title: string | null;
  time_zone: string;
  language: string;
  uuid: string;
  deal_pipeline_id: Id;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RecordBase {
  id: Id;
  created_at: Timestamp;
  updated_at: Timestamp;
  creater_id: Id;
  updater_id: Id;
  /** Soft delete: the row stays (recycle bin) but the API answers 404 (§2). */
  is_deleted: boolean;
}

export interface EmailRow {
  id: Id;
  value: string;
  is_primary: boolean;
  label: string | null;
}

export interface PhoneRow {
  id: Id;
  value: string;
  label: string | null;
}

export interface AccountLink {
  id: Id;
  is_primary: boolean;
}

export interface ContactRow extends RecordBase {
  first_name: string | null;
  last_name: string | null;
  job_title: string | null;
  department: string | null;
  emails: EmailRow[];
  work_number: string | null;
  mobile_number: string | null;
  phone_numbers: PhoneRow[];
  address: string | null;
  city: string | null;
  state: string | null;
  zipcode: string | null;
  country: string | null;
  time_zone: string | null;
  locale: string | null;
  lead_score: number;
  customer_fit: number;
  owner_id: Id | null;
  contact_status_id: Id | null;
  lifecycle_stage_id: Id | null;
  lead_source_id: Id | null;
  campaign_id: Id | null;
  territory_id: Id | null;
  sales_accounts: AccountLink[];
  tags: string[];
  subscription_status: number;
  subscription_types: string;
  external_id: string | null;
  work_email: string | null;
  facebook: string | null;
  twitter: string | null;
  linkedin: string | null;
  medium: string | null;
  keyword: string | null;
  recent_note: string | null;
  last_contacted: Timestamp | null;
  last_contacted_mode: string | null;
  last_assigned_at: Timestamp | null;
  team_user_ids: Id[] | null;
  record_type_id: string;
  /** Above 2^53 on purpose: serialized as a raw JSON number. */
  mcr_id: bigint;
  custom_field: CustomFields;
}

export interface SalesAccountRow extends RecordBase {
  name: string;
  address: string | null;
  city: string | null;
  state: string | null;
  zipcode: string | null;
  country: string | null;
  number_of_employees: number | null;
  annual_revenue: number | null;
  website: string | null;
  phone: string | null;
  owner_id: Id | null;
  industry_type_id: Id | null;
  business_type_id: Id | null;
  territory_id: Id | null;
  parent_sales_account_id: Id | null;
  facebook: string | null;
  twitter: string | null;
  linkedin: string | null;
  recent_note: string | null;
  tags: string[];
  last_contacted: Timestamp | null;
  last_contacted_mode: string | null;
  last_assigned_at: Timestamp | null;
  team_user_ids: Id[] | null;
  record_type_id: string;
  mcr_id: bigint;
  custom_field: CustomFields;
}

export interface DealProductRow {
  product_id: Id;
  quantity: number;
  unit_price: string;
  discount: string | null;
  setup_fee: string | null;
  billing_type: string | null;
}

export interface DealRow extends RecordBase {
  name: string;
  /** Decimal string, e.g. "12000.0". */
  amount: string | null;
  currency_id: Id;
  expected_close: string | null;
  closed_date: string | null;
  deal_pipeline_id: Id;
  deal_stage_id: Id;
  stage_updated_time: Timestamp;
  probability: number | null;
  owner_id: Id | null;
  sales_account_id: Id | null;
  contact_ids: Id[];
  deal_reason_id: Id | null;
  deal_type_id: Id | null;
  deal_payment_status_id: Id | null;
  lead_source_id: Id | null;
  campaign_id: Id | null;
  territory_id: Id | null;
  products: DealProductRow[];
  tags: string[];
  recent_note: string | null;
  web_form_id: Id | null;
  team_user_ids: Id[] | null;
  last_assigned_at: Timestamp | null;
  custom_field: CustomFields;
}

export interface TaskRow extends RecordBase {
  title: string;
  description: string | null;
  due_date: Timestamp;
  /** 0 open, 1 completed (§4.4). */
  status: 0 | 1;
  completed_date: Timestamp | null;
  owner_id: Id;
  task_type_id: Id | null;
  outcome_id: Id | null;
  targetable_type: TargetableType;
  targetable_id: Id;
  user_ids: Id[];
}

export interface AttendeeRow {
  id: Id;
  attendee_type: 'FdMultitenant::User' | 'Contact';
  attendee_id: Id;
}

export interface AppointmentRow extends RecordBase {
  title: string;
  description: string | null;
  location: string | null;
  /** Rails zone name, e.g. "Chennai" (§4.5). */
  time_zone: string;
  is_allday: boolean;
  from_date: Timestamp;
  end_date: Timestamp;
  outcome_id: Id | null;
  targetable_type: TargetableType | null;
  targetable_id: Id | null;
  attendees: AttendeeRow[];
  latitude: number | null;
  longitude: number | null;
  checkedin_at: Timestamp | null;
}

export interface SalesActivityRow extends RecordBase {
  title: string;
  notes: string | null;
  start_date: Timestamp;
  end_date: Timestamp;
  owner_id: Id;
  sales_activity_type_id: Id;
  sales_activity_outcome_id: Id | null;
  targetable_type: TargetableType;
  targetable_id: Id;
  location: string | null;
  latitude: number | null;
  longitude: number | null;
  checkedin_at: Timestamp | null;
  conversation_time: number | null;
  custom_field: CustomFields;
}

export interface NoteRow extends RecordBase {
  description: string;
  targetable_type: TargetableType;
  targetable_id: Id;
}

export interface ListRow extends RecordBase {
  name: string;
  contact_ids: Id[];
}

export interface ProductRow extends RecordBase {
  name: string;
  category: string | null;
  sku_number: string | null;
  description: string | null;
  is_active: boolean;
  /** Decimal string per currency id. */
  pricing: Array<{ currency_id: Id; unit_price: string }>;
}

export interface PhoneCallRow extends RecordBase {
  call_direction: boolean;
  targetable_type: TargetableType;
  targetable_id: Id;
  note: string | null;
  outcome_id: Id | null;
  call_duration: number | null;
  recording_url: string | null;
}

/** Selector entries: `{id, name, position, …}` plus per-kind extras (§6). */
export interface ChoiceRow {
  id: Id;
  name: string;
  position: number;
  [extra: string]: unknown;
}

export type ForecastType = 'Open' | 'Closed Won' | 'Closed Lost';

export interface DealStageRow extends ChoiceRow {
  deal_pipeline_id: Id;
  forecast_type: ForecastType;
  choice_type: number;
  probability: number;
  updated_at: Timestamp;
}

export interface DealPipelineRow extends ChoiceRow {
  is_default: boolean;
  rotting_days: number | null;
}

export interface CurrencyRow {
  id: Id;
  currency_code: string;
  exchange_rate: string;
  is_active: boolean;
  currency_type: number;
}

export interface ViewRow {
  id: Id;
  name: string;
  model_class_name: 'Contact' | 'SalesAccount' | 'Deal';
  user_id: Id;
  is_default: boolean;
  updated_at: Timestamp;
  /** How the stand-in evaluates the view (not part of the API answer). */
  rule: ViewRule;
}

export type ViewRule =
  | { kind: 'all' }
  | { kind: 'mine' }
  | { kind: 'forecast'; forecast: ForecastType }
  | { kind: 'recent'; days: number };

export type Entity = 'contacts' | 'sales_accounts' | 'deals' | 'sales_activities';

/** One entry of `/settings/<entity>/fields` (§6). */
export interface FieldSetting {
  id: Id;
  name: string;
  label: string;
  type: string;
  default: boolean;
  actionable: boolean;
  required: boolean;
  visible: boolean;
  position: number;
  quick_add_position: number | null;
  base_model: 'Contact' | 'SalesAccount' | 'Deal' | 'SalesActivity';
  /** Choice ids come as numbers or numeric strings in one answer (§6): kept as given. */
  choices?: FieldChoice[];
  /** The group the field sits in; `position` counts inside it (§11). Real-account profile only. */
  field_group_id?: Id;
  /** Stand-in only: the `cf_str01`-style column reported in event payloads (§3.2). */
  column?: string;
  /** Stand-in only: name and place of the field's group, for `include=field_group`. */
  group?: FieldGroup;
}

/** One choice of a dropdown field, with per-field extras (`deal_pipeline_id`, `is_active`, …). */
export interface FieldChoice {
  id: Id | string;
  value: string;
  position: number;
  [extra: string]: unknown;
}

export interface FieldGroup {
  id: Id;
  name: string;
  position: number;
}
