import * as z from 'zod/mini';
import { crmUserSchema } from './users';

/**
 * The parts of Freshsales records the sidebars read (freshsales-api.md §3, §4, §6). Objects are
 * loose: the CRM sends many more fields and adds new ones. Only what the app depends on is
 * checked; optional-and-nullable fields reflect "absent unless included" and "null on fresh
 * records" (api §3 rule 6, §4.1 notes). Money stays a decimal string; ids are plain numbers
 * (the ones the sidebar uses are 12 digits, well under 2^53; mcr_id is never read).
 */

const id = z.number();
const text = z.optional(z.nullable(z.string()));
const money = z.optional(z.nullable(z.string()));
const maybeId = z.optional(z.nullable(z.number()));

/** Custom field values: strings, numbers, booleans or null, keyed `cf_…`. */
export const customFieldsSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));
export type CustomFieldValues = z.infer<typeof customFieldsSchema>;

const targetableSchema = z.looseObject({ id, type: z.string() });

export const emailSchema = z.looseObject({
  id: maybeId,
  value: z.string(),
  is_primary: z.optional(z.boolean()),
  label: text,
});

export const contactSchema = z.looseObject({
  id,
  first_name: text,
  last_name: text,
  display_name: text,
  job_title: text,
  email: text,
  emails: z.optional(z.array(emailSchema)),
  work_number: text,
  mobile_number: text,
  owner_id: maybeId,
  contact_status_id: maybeId,
  custom_field: z.optional(z.nullable(customFieldsSchema)),
  updated_at: text,
  /** With include=sales_accounts: partial accounts nested in the contact (api §3 rule 3). */
  sales_accounts: z.optional(z.array(z.looseObject({ id, name: z.string(), website: text, is_primary: z.optional(z.boolean()) }))),
});
export type Contact = z.infer<typeof contactSchema>;

/** A partial contact as side-loaded on deals and accounts, or returned by a create. */
export const contactSummarySchema = z.looseObject({
  id,
  display_name: text,
  first_name: text,
  last_name: text,
  email: text,
  job_title: text,
});
export type ContactSummary = z.infer<typeof contactSummarySchema>;

export const salesAccountSchema = z.looseObject({
  id,
  name: z.string(),
  website: text,
  owner_id: maybeId,
  /** Present only with include=industry_type / business_type / territory (api §11). */
  industry_type_id: maybeId,
  business_type_id: maybeId,
  territory_id: maybeId,
  annual_revenue: z.optional(z.nullable(z.union([z.number(), z.string()]))),
  custom_field: z.optional(z.nullable(customFieldsSchema)),
  updated_at: text,
});
export type SalesAccount = z.infer<typeof salesAccountSchema>;

export const dealSchema = z.looseObject({
  id,
  name: z.string(),
  amount: money,
  base_currency_amount: money,
  expected_close: text,
  closed_date: text,
  deal_pipeline_id: maybeId,
  deal_stage_id: maybeId,
  probability: z.optional(z.nullable(z.number())),
  owner_id: maybeId,
  sales_account_id: maybeId,
  currency_id: maybeId,
  contact_ids: z.optional(z.array(id)),
  custom_field: z.optional(z.nullable(customFieldsSchema)),
  updated_at: text,
});
export type Deal = z.infer<typeof dealSchema>;

export const taskSchema = z.looseObject({
  id,
  status: z.number(),
  title: z.string(),
  description: text,
  due_date: text,
  owner_id: maybeId,
  targetables: z.optional(z.array(targetableSchema)),
});
export type Task = z.infer<typeof taskSchema>;

export const appointmentSchema = z.looseObject({
  id,
  title: z.string(),
  location: text,
  is_allday: z.optional(z.nullable(z.boolean())),
  from_date: z.string(),
  end_date: text,
});
export type Appointment = z.infer<typeof appointmentSchema>;

export const noteSchema = z.looseObject({
  id,
  description: z.string(),
  creater_id: maybeId,
  created_at: z.string(),
});
export type Note = z.infer<typeof noteSchema>;

export const dealStageSchema = z.looseObject({
  id,
  name: z.string(),
  position: z.optional(z.number()),
  forecast_type: text,
  deal_pipeline_id: maybeId,
});

export const contactStatusSchema = z.looseObject({ id, name: z.string(), lifecycle_stage_id: maybeId });

export const currencySchema = z.looseObject({ id, currency_code: z.string() });

/** Side-loads the three record views share; absent arrays mean "not included". */
const related = {
  users: z.optional(z.array(crmUserSchema)),
  tasks: z.optional(z.array(taskSchema)),
  appointments: z.optional(z.array(appointmentSchema)),
  notes: z.optional(z.array(noteSchema)),
};

/** `GET /contacts/:id?include=sales_accounts,owner,contact_status,deals,tasks,appointments,notes`. */
export const contactViewSchema = z.looseObject({
  contact: contactSchema,
  ...related,
  deals: z.optional(z.array(dealSchema)),
  contact_statuses: z.optional(z.array(contactStatusSchema)),
});
export type ContactView = z.infer<typeof contactViewSchema>;

/** `GET /deals/:id?include=sales_account,contacts,owner,deal_stage,currency[,tasks,appointments,notes]`. */
export const dealViewSchema = z.looseObject({
  deal: dealSchema,
  ...related,
  contacts: z.optional(z.array(contactSummarySchema)),
  sales_accounts: z.optional(z.array(salesAccountSchema)),
  deal_stages: z.optional(z.array(dealStageSchema)),
  currencies: z.optional(z.array(currencySchema)),
});
export type DealView = z.infer<typeof dealViewSchema>;

/** `GET /sales_accounts/:id?include=owner,industry_type,business_type,territory,contacts,deals,tasks,appointments,notes`. */
export const accountViewSchema = z.looseObject({
  sales_account: salesAccountSchema,
  ...related,
  contacts: z.optional(z.array(contactSummarySchema)),
  deals: z.optional(z.array(dealSchema)),
});
export type AccountView = z.infer<typeof accountViewSchema>;

/**
 * An optional property that is dropped, not fatal, when it has an unexpected type: field
 * settings carry extras whose types vary between accounts (api §11), and one odd extra must
 * not cost the sidebar its labels.
 */
const lenient = <T extends z.ZodMiniType>(schema: T) => z.catch(z.optional(schema), undefined);
const numberOrNumeric = z.union([z.number(), z.string()]);

/**
 * One choice of a dropdown in field settings. Ids are JSON numbers or numeric strings, in the
 * same answer (api §6, §11); owner choices carry `is_active`, stages their pipeline and
 * forecast type. Everything but the id is read defensively.
 */
export const fieldChoiceSchema = z.looseObject({
  id: numberOrNumeric,
  value: lenient(z.nullable(z.string())),
  /** Some selectors name their items `name` rather than `value`. */
  name: lenient(z.nullable(z.string())),
  position: lenient(z.nullable(z.number())),
  deal_pipeline_id: lenient(z.nullable(numberOrNumeric)),
  forecast_type: lenient(z.nullable(z.string())),
  is_active: lenient(z.nullable(z.boolean())),
});
export type FieldChoice = z.infer<typeof fieldChoiceSchema>;

/**
 * The group a field sits in (`include=field_group`): its shape is unconfirmed (api §6), so it
 * is kept as sent and read by `app/src/model/fields.ts` (an object, an id, or null).
 */
export const fieldSettingSchema = z.looseObject({
  name: z.string(),
  label: z.string(),
  type: z.string(),
  default: lenient(z.nullable(z.boolean())),
  required: lenient(z.nullable(z.boolean())),
  visible: lenient(z.nullable(z.boolean())),
  position: lenient(z.nullable(z.number())),
  choices: lenient(z.nullable(z.array(fieldChoiceSchema))),
  field_group: z.optional(z.unknown()),
  field_group_id: z.optional(z.unknown()),
  group_id: z.optional(z.unknown()),
});
export type FieldSetting = z.infer<typeof fieldSettingSchema>;

/** `GET /settings/{contacts|sales_accounts|deals}/fields?include=field_group`. */
export const fieldSettingsSchema = z.looseObject({ fields: z.array(fieldSettingSchema) });

/** Writes answer with the record under its singular key; the sidebar needs little of it. */
export const contactWriteSchema = z.looseObject({ contact: contactSummarySchema });
export const dealWriteSchema = z.looseObject({ deal: dealSchema });
export const accountWriteSchema = z.looseObject({ sales_account: salesAccountSchema });
export const taskWriteSchema = z.looseObject({ task: taskSchema });
export const noteWriteSchema = z.looseObject({ note: noteSchema });

/** `GET /search?include=contact`: a bare array whose ids are strings (api §5). */
export const searchResultsSchema = z.array(
  z.looseObject({ id: z.union([z.string(), z.number()]), type: z.string(), name: text, email: text }),
);
export type SearchResults = z.infer<typeof searchResultsSchema>;

/** `POST /filtered_search/contact`: partial contacts (api §5). */
export const contactMatchesSchema = z.looseObject({
  contacts: z.array(z.looseObject({ id, display_name: text, first_name: text, last_name: text, email: text, mobile_number: text })),
});
export type ContactMatches = z.infer<typeof contactMatchesSchema>;

/** `POST /filtered_search/sales_account`: partial accounts. */
export const accountMatchesSchema = z.looseObject({
  sales_accounts: z.array(z.looseObject({ id, name: text, website: text })),
});

/** `GET /selector/deal_stages` (api §6): every stage of every pipeline with its forecast type. */
export const dealStagesSchema = z.looseObject({ deal_stages: z.array(dealStageSchema) });

/** `GET /selector/lifecycle_stages` (api §6). */
export const lifecycleStagesSchema = z.looseObject({ lifecycle_stages: z.array(z.looseObject({ id, name: z.string() })) });
