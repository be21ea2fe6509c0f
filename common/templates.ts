import type * as z from 'zod/mini';
import {
  accountMatchesSchema,
  accountViewSchema,
  contactMatchesSchema,
  accountWriteSchema,
  contactViewSchema,
  contactWriteSchema,
  dealViewSchema,
  dealStagesSchema,
  dealWriteSchema,
  fieldSettingsSchema,
  lifecycleStagesSchema,
  noteWriteSchema,
  searchResultsSchema,
  taskWriteSchema,
} from './crm/records';
import { ownersResponseSchema } from './crm/users';
import {
  appointmentWriteSchema,
  contactStatusesSchema,
  deletedSchema,
  salesActivitiesSchema,
  salesActivityOutcomesSchema,
  salesActivityTypesSchema,
  salesActivityWriteSchema,
} from './crm/operations';
import { badResponse, classifyRejection, type CrmFailure } from './crm/failure';
import type { InvokeTemplate, TemplateContext } from './platform/request';
import { describeIssues, fail, ok, parseJson, REPORT_INPUT, type Result } from './validation';

/**
 * Every request template in config/requests.json, with the schema its response must match.
 * A unit test keeps this list, the manifest and requests.json in step.
 */
export const templateResponseSchemas = {
  /** `GET /selector/owners`: cheap, needs only a valid key; used as the credentials check. */
  listOwners: ownersResponseSchema,
  /** One call per sidebar open: the record with every related list side-loaded (api §3). */
  getContactView: contactViewSchema,
  getAccountView: accountViewSchema,
  /** Deals document no tasks/appointments/notes include; `getDealCore` is the fallback when refused. */
  getDealView: dealViewSchema,
  getDealCore: dealViewSchema,
  /** Field settings of one entity: labels, types, required flags, choices (stages, owners…). */
  getFieldSettings: fieldSettingsSchema,
  /**
   * Server method `checkSettings`, for the settings page: the same two reads with the domain and
   * key being saved, passed in `context` (the saved ones may be missing or about to change).
   */
  checkOwners: ownersResponseSchema,
  checkFieldSettings: fieldSettingsSchema,
  updateContact: contactWriteSchema,
  updateDeal: dealWriteSchema,
  updateAccount: accountWriteSchema,
  createContact: contactWriteSchema,
  createDeal: dealWriteSchema,
  createTask: taskWriteSchema,
  updateTask: taskWriteSchema,
  createNote: noteWriteSchema,
  searchContacts: searchResultsSchema,
  /** Server: likely duplicates of a new contact, by email or mobile (api §5, [C] for emails). */
  filterContacts: contactMatchesSchema,
  /** Server: the account whose website matches a new contact's email domain. */
  filterAccounts: accountMatchesSchema,
  /** Server: forecast types of every stage, to tell a win from a move between won stages. */
  listDealStages: dealStagesSchema,
  /** Server: the lifecycle stage the deal-won automation moves contacts to, by name. */
  listLifecycleStages: lifecycleStagesSchema,
  /** Sidebars: appointments on the open record, edited and deleted in place (api §4.5). */
  createAppointment: appointmentWriteSchema,
  updateAppointment: appointmentWriteSchema,
  deleteAppointment: deletedSchema,
  /** Sidebars: "Log activity" and the record's activities (api §4.6, §6). */
  listSalesActivityTypes: salesActivityTypesSchema,
  listSalesActivityOutcomes: salesActivityOutcomesSchema,
  createSalesActivity: salesActivityWriteSchema,
  listSalesActivities: salesActivitiesSchema,
  updateNote: noteWriteSchema,
  deleteNote: deletedSchema,
  deleteTask: deletedSchema,
  /** Sidebars: lead conversion (a lead is a contact in a lead lifecycle stage, api §2 Leads). */
  listContactStatuses: contactStatusesSchema,
  createAccount: accountWriteSchema,
} satisfies Record<string, z.ZodMiniType>;

export type TemplateName = keyof typeof templateResponseSchemas;

/**
 * Templates whose answer is not the CRM's JSON: the outbound webhook, whose receiver may
 * answer anything. Their callers read the status and the raw body themselves.
 */
export const RAW_TEMPLATES = ['sendWebhook'] as const;
export type RawTemplateName = (typeof RAW_TEMPLATES)[number];

/** What each template substitutes from `context` (path and query only from the front end). */
type NoContext = Record<string, never>;
type RecordContext = { id: number };

/** The path segment of `/settings/<entity>/fields`. */
export type FieldSettingsEntity = 'contacts' | 'deals' | 'sales_accounts';

/** The domain and key being checked, in a template's host and header (server side only, platform.md §5.2). */
type CredentialsContext = { domain: string; api_key: string };

export interface TemplateContexts {
  listOwners: NoContext;
  getContactView: RecordContext;
  getAccountView: RecordContext;
  getDealView: RecordContext;
  getDealCore: RecordContext;
  getFieldSettings: { entity: FieldSettingsEntity };
  checkOwners: CredentialsContext;
  checkFieldSettings: CredentialsContext & { entity: FieldSettingsEntity };
  updateContact: RecordContext;
  updateDeal: RecordContext;
  updateAccount: RecordContext;
  createContact: NoContext;
  createDeal: NoContext;
  createTask: NoContext;
  updateTask: RecordContext;
  createNote: NoContext;
  searchContacts: { q: string };
  filterContacts: NoContext;
  filterAccounts: NoContext;
  listDealStages: NoContext;
  listLifecycleStages: NoContext;
  createAppointment: NoContext;
  updateAppointment: RecordContext;
  deleteAppointment: RecordContext;
  listSalesActivityTypes: NoContext;
  listSalesActivityOutcomes: NoContext;
  createSalesActivity: NoContext;
  listSalesActivities: { page: number };
  updateNote: RecordContext;
  deleteNote: RecordContext;
  deleteTask: RecordContext;
  listContactStatuses: NoContext;
  createAccount: NoContext;
}

export type TemplateResponse<N extends TemplateName> = z.infer<(typeof templateResponseSchemas)[N]>;

export const templateNames: Array<TemplateName | RawTemplateName> = [...(Object.keys(templateResponseSchemas) as TemplateName[]), ...RAW_TEMPLATES];

function parseBody<N extends TemplateName>(name: N, status: number, body: string): Result<TemplateResponse<N>, CrmFailure> {
  const json = parseJson(body);
  if (!json.ok) return fail(badResponse(`${name}: response is not JSON (${json.failure})`, status));
  const schema: z.ZodMiniType = templateResponseSchemas[name];
  const parsed = schema.safeParse(json.value, REPORT_INPUT);
  if (!parsed.success) {
    return fail(badResponse(`${name}: unexpected response: ${describeIssues(parsed.error.issues)}`, status));
  }
  return ok(parsed.data as TemplateResponse<N>);
}

/** `client.request` in the browser, `$request` on the server. */
export interface TemplateRequester {
  invokeTemplate: InvokeTemplate;
}

/**
 * Invoke a template through either side's request method and validate what comes back.
 * Never throws: a rejection or an unexpected body becomes a `CrmFailure`. The method is
 * called on its object: the platform's SDKs may depend on `this`.
 */
export async function callTemplate<N extends TemplateName>(
  requester: TemplateRequester,
  name: N,
  context: TemplateContexts[N],
  body?: unknown,
): Promise<Result<TemplateResponse<N>, CrmFailure>> {
  const options = {
    context: context as TemplateContext,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  };
  try {
    const answer = await requester.invokeTemplate(name, options);
    return parseBody(name, answer.status, answer.response);
  } catch (rejection) {
    return fail(classifyRejection(rejection));
  }
}
