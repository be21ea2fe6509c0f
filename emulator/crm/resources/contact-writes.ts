import { badRequest, CrmError } from '../http/errors';
import type { AccountLink, ChoiceRow, ContactRow, EmailRow, Id, PhoneRow, UserRow } from '../model/types';
import { ID_BASES, type CrmStore } from '../store';
import { isObject, type JsonObject } from './shared/body';
import { applyCustomFields } from './shared/custom-fields';
import { parseFields, toId, type FieldRule, type FieldRules } from './shared/fields';
import { findChoice } from './shared/side-loads';

/**
 * Validation of contact writes (freshsales-api.md §1, §4.1): everything is checked on a draft
 * copy of the row, so a 400 leaves the stored contact untouched. Ids (the record's and its
 * nested emails') are handed out only when the draft is stored.
 */

export const CONTACT_RECORD_TYPE_ID = '402010794476';
/** mcr_id is ~1.7e18 on real contacts (above 2^53, api §1): derived from the id. */
const MCR_BASE = 1712345678901234567n;

export const mcrIdOf = (id: Id, base: Id = ID_BASES.contacts, mcrBase: bigint = MCR_BASE): bigint => mcrBase + BigInt(id - base);

/** Owners must be active users: a deactivated user cannot be given records. */
export const activeUser = (store: CrmStore, id: Id): boolean => store.user(id)?.is_active === true;

type ChoicePick = (store: CrmStore) => readonly ChoiceRow[];
const choiceRef = (pick: ChoicePick): FieldRule => ({ type: 'ref', exists: (store, id) => findChoice(pick(store), id) !== undefined });
const text: FieldRule = { type: 'string' };

const CONTACT_RULES: FieldRules = {
  first_name: text,
  last_name: text,
  job_title: text,
  department: text,
  work_number: text,
  mobile_number: text,
  address: { type: 'string', max: 2000 },
  city: text,
  state: text,
  zipcode: text,
  country: text,
  time_zone: text,
  locale: text,
  owner_id: { type: 'ref', exists: activeUser },
  lifecycle_stage_id: choiceRef((store) => store.metadata.lifecycle_stages),
  contact_status_id: choiceRef((store) => store.metadata.contact_statuses),
  lead_source_id: choiceRef((store) => store.metadata.lead_sources),
  campaign_id: choiceRef((store) => store.metadata.campaigns),
  territory_id: choiceRef((store) => store.metadata.territories),
  tags: { type: 'tags' },
  // 1 subscribed, 0 unsubscribed, 2 not opted in (as whatsapp/sms_subscription_status: 2).
  subscription_status: { type: 'enum', values: [0, 1, 2] },
  external_id: text,
  work_email: { type: 'email' },
  facebook: text,
  twitter: text,
  linkedin: text,
  medium: text,
  keyword: text,
  lead_score: { type: 'integer', min: 0 },
};

/** Fields with their own parsers below. */
const HANDLED = ['emails', 'phone_numbers', 'sales_accounts', 'subscription_types', 'custom_field'] as const;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const isEmail = (value: unknown): value is string => typeof value === 'string' && EMAIL.test(value.trim());
const sameEmail = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** One problem list for every handled field, so a 400 names them all. */
interface Outcome<T> {
  value?: T;
  errors: string[];
}

type TypeCheck = (value: unknown) => boolean;
const isIdLike: TypeCheck = (value) => toId(value) !== undefined;
const isBool: TypeCheck = (value) => typeof value === 'boolean';
const isText: TypeCheck = (value) => typeof value === 'string';
const isTextOrNull: TypeCheck = (value) => value === null || typeof value === 'string';

/** Unknown keys and wrongly typed values of one nested item (`emails[0]`, …). */
function shapeErrors(item: JsonObject, shape: Record<string, TypeCheck>, where: string): string[] {
  return Object.entries(item).flatMap(([key, value]) => {
    const check = shape[key];
    if (check === undefined) return [`Unknown attribute '${where}.${key}'`];
    return value === undefined || check(value) ? [] : [`${where}.${key} is invalid`];
  });
}

// ---- emails ---------------------------------------------------------------------------------

const EMAIL_SHAPE: Record<string, TypeCheck> = { id: isIdLike, value: isText, is_primary: isBool, label: isTextOrNull, _destroy: isBool };

/** New nested items carry id 0 until the draft is stored (see assignNestedIds). */
const NEW_ID = 0;

function setPrimary(emails: EmailRow[], chosen: EmailRow): void {
  emails.forEach((email) => (email.is_primary = email === chosen));
}

/**
 * `"emails": "a@b.c"` makes that address the primary one: an address the contact already has
 * becomes primary; otherwise it replaces the old primary's value (whether the old one is kept as
 * a secondary is [U]; replacing it makes `email` read back exactly what was sent).
 */
function emailsFromString(value: string, existing: EmailRow[]): Outcome<EmailRow[]> {
  if (!isEmail(value)) return { errors: ['Emails is invalid'] };
  const emails = existing.map((email) => ({ ...email }));
  const known = emails.find((email) => sameEmail(email.value, value));
  const primary = known ?? emails.find((email) => email.is_primary) ?? emails[0];
  if (primary === undefined) return { value: [{ id: NEW_ID, value: value.trim(), is_primary: true, label: null }], errors: [] };
  if (known === undefined) primary.value = value.trim();
  setPrimary(emails, primary);
  return { value: emails, errors: [] };
}

interface EmailWork {
  emails: EmailRow[];
  errors: string[];
  primaries: EmailRow[];
}

function removeEmail(work: EmailWork, id: Id, where: string): void {
  const index = work.emails.findIndex((email) => email.id === id);
  if (index < 0) work.errors.push(`${where}.id ${id} is not an email of this contact`);
  else work.emails.splice(index, 1);
}

function targetEmail(work: EmailWork, item: JsonObject, where: string): EmailRow | undefined {
  const id = toId(item.id);
  if (id !== undefined) {
    const found = work.emails.find((email) => email.id === id);
    if (found === undefined) work.errors.push(`${where}.id ${id} is not an email of this contact`);
    return found;
  }
  const known = typeof item.value === 'string' ? work.emails.find((email) => sameEmail(email.value, item.value as string)) : undefined;
  if (known !== undefined) return known;
  const created: EmailRow = { id: NEW_ID, value: '', is_primary: false, label: null };
  work.emails.push(created);
  return created;
}

function emailValueError(item: JsonObject, where: string): string | undefined {
  const needsValue = item.id === undefined || item.value !== undefined;
  return needsValue && !isEmail(item.value) ? `${where}.value is not a valid email address` : undefined;
}

function writeEmail(work: EmailWork, item: JsonObject, where: string): void {
  const error = emailValueError(item, where);
  if (error !== undefined) return void work.errors.push(error);
  const target = targetEmail(work, item, where);
  if (target === undefined) return;
  if (typeof item.value === 'string') target.value = item.value.trim();
  if (item.label !== undefined) target.label = item.label as string | null;
  if (item.is_primary === true) work.primaries.push(target);
}

/** Rails nested attributes: `id` updates that email, `_destroy` removes it, no id adds one. */
function applyEmailItem(work: EmailWork, item: unknown, index: number): void {
  const where = `emails[${index}]`;
  if (!isObject(item)) {
    work.errors.push(`${where} must be an object {value, is_primary, label}`);
    return;
  }
  const shape = shapeErrors(item, EMAIL_SHAPE, where);
  if (shape.length > 0) {
    work.errors.push(...shape);
    return;
  }
  if (item._destroy === true) {
    if (item.id !== undefined) removeEmail(work, toId(item.id) as Id, where);
    return;
  }
  writeEmail(work, item, where);
}

function settlePrimary(work: EmailWork): void {
  const [chosen] = work.primaries;
  if (work.primaries.length > 1) work.errors.push('Emails can have only one primary email');
  else if (chosen !== undefined) setPrimary(work.emails, chosen);
  const first = work.emails[0];
  if (first !== undefined && !work.emails.some((email) => email.is_primary)) first.is_primary = true;
}

function emailsFromArray(items: unknown[], existing: EmailRow[]): Outcome<EmailRow[]> {
  const work: EmailWork = { emails: existing.map((email) => ({ ...email })), errors: [], primaries: [] };
  items.forEach((item, index) => applyEmailItem(work, item, index));
  if (work.errors.length === 0) settlePrimary(work);
  return { value: work.emails, errors: work.errors };
}

export function parseEmails(value: unknown, existing: EmailRow[]): Outcome<EmailRow[]> {
  if (value === null) return { value: [], errors: [] };
  if (typeof value === 'string') return emailsFromString(value, existing);
  if (Array.isArray(value)) return emailsFromArray(value, existing);
  return { errors: ['Emails must be an email address or an array of {value, is_primary, label, _destroy}'] };
}

// ---- phone numbers, accounts, subscription types --------------------------------------------

const PHONE_SHAPE: Record<string, TypeCheck> = { id: isIdLike, value: isText, label: isTextOrNull, _destroy: isBool };

function phoneRow(item: JsonObject, where: string, existing: PhoneRow[]): Outcome<PhoneRow | null> {
  if (item._destroy === true) return { value: null, errors: [] };
  if (typeof item.value !== 'string' || item.value.trim() === '') return { errors: [`${where}.value can't be blank`] };
  const id = existing.find((phone) => phone.id === toId(item.id))?.id ?? NEW_ID;
  return { value: { id, value: item.value, label: (item.label as string | null | undefined) ?? null }, errors: [] };
}

function phoneItem(item: unknown, index: number, existing: PhoneRow[]): Outcome<PhoneRow | null> {
  const where = `phone_numbers[${index}]`;
  if (!isObject(item)) return { errors: [`${where} must be an object {value, label}`] };
  const shape = shapeErrors(item, PHONE_SHAPE, where);
  return shape.length > 0 ? { errors: shape } : phoneRow(item, where, existing);
}

/** `phone_numbers` replaces the list; items keep their id when they name an existing one. */
function parsePhones(value: unknown, existing: PhoneRow[]): Outcome<PhoneRow[]> {
  if (value === null) return { value: [], errors: [] };
  if (!Array.isArray(value)) return { errors: ['Phone numbers must be an array of {value, label}'] };
  const items = value.map((item, index) => phoneItem(item, index, existing));
  const errors = items.flatMap((item) => item.errors);
  return errors.length > 0 ? { errors } : { value: items.map((item) => item.value).filter((phone): phone is PhoneRow => phone !== null && phone !== undefined), errors };
}

const LINK_SHAPE: Record<string, TypeCheck> = { id: isIdLike, is_primary: isBool };

function accountLink(store: CrmStore, item: unknown, index: number): Outcome<AccountLink> {
  const where = `sales_accounts[${index}]`;
  if (!isObject(item)) return { errors: [`${where} must be an object {id, is_primary}`] };
  const shape = shapeErrors(item, LINK_SHAPE, where);
  if (shape.length > 0) return { errors: shape };
  const id = toId(item.id);
  if (id === undefined || store.sales_accounts.get(id) === undefined) return { errors: [`Sales account ${String(item.id)} does not exist`] };
  return { value: { id, is_primary: item.is_primary === true }, errors: [] };
}

function linkErrors(links: AccountLink[]): string[] {
  const errors: string[] = [];
  if (new Set(links.map((link) => link.id)).size !== links.length) errors.push('Sales accounts contain the same account twice');
  if (links.filter((link) => link.is_primary).length > 1) errors.push('Sales accounts can have only one primary account');
  return errors;
}

/** `sales_accounts: [{id, is_primary}]` replaces the contact's accounts (api §4.1); one primary. */
function parseAccountLinks(store: CrmStore, value: unknown): Outcome<AccountLink[]> {
  if (value === null) return { value: [], errors: [] };
  if (!Array.isArray(value)) return { errors: ['Sales accounts must be an array of {id, is_primary}'] };
  const items = value.map((item, index) => accountLink(store, item, index));
  const links = items.flatMap((item) => (item.value === undefined ? [] : [item.value]));
  const errors = [...items.flatMap((item) => item.errors), ...linkErrors(links)];
  const first = links[0];
  if (first !== undefined && !links.some((link) => link.is_primary)) first.is_primary = true;
  return { value: links, errors };
}

const SUBSCRIPTION_TYPES = /^(?:[1-5](?:;[1-5])*)?$/;

/** `;`-joined type ids, as the API answers them ("2;3;4;5;1", api §1). */
function parseSubscriptionTypes(value: unknown): Outcome<string> {
  if (value === null) return { value: '', errors: [] };
  return typeof value === 'string' && SUBSCRIPTION_TYPES.test(value)
    ? { value, errors: [] }
    : { errors: ['Subscription types must be ids 1-5 joined with ";" (e.g. "1;2;3")'] };
}

type HandledPatch = Partial<Pick<ContactRow, 'emails' | 'phone_numbers' | 'sales_accounts' | 'subscription_types'>>;

function parseHandled(store: CrmStore, input: JsonObject, base: ContactRow): HandledPatch {
  const outcomes: Array<[keyof HandledPatch, Outcome<unknown> | undefined]> = [
    ['emails', input.emails === undefined ? undefined : parseEmails(input.emails, base.emails)],
    ['phone_numbers', input.phone_numbers === undefined ? undefined : parsePhones(input.phone_numbers, base.phone_numbers)],
    ['sales_accounts', input.sales_accounts === undefined ? undefined : parseAccountLinks(store, input.sales_accounts)],
    ['subscription_types', input.subscription_types === undefined ? undefined : parseSubscriptionTypes(input.subscription_types)],
  ];
  const errors = outcomes.flatMap(([, outcome]) => outcome?.errors ?? []);
  if (errors.length > 0) throw badRequest(...errors);
  return Object.fromEntries(outcomes.filter(([, outcome]) => outcome !== undefined).map(([name, outcome]) => [name, outcome?.value]));
}

// ---- lifecycle stage and status -------------------------------------------------------------

function statusOf(store: CrmStore, id: Id | null): ChoiceRow | undefined {
  return findChoice(store.metadata.contact_statuses, id);
}

function firstStatusOf(store: CrmStore, stageId: Id): Id | null {
  const statuses = store.metadata.contact_statuses.filter((status) => status.lifecycle_stage_id === stageId);
  return [...statuses].sort((a, b) => a.position - b.position)[0]?.id ?? null;
}

function defaultStage(store: CrmStore): Id | null {
  const stages = store.metadata.lifecycle_stages;
  return (stages.find((stage) => stage.default === true) ?? stages[0])?.id ?? null;
}

/** A status sent with a stage must belong to it; a status sent alone moves the stage with it. */
function applySentStatus(draft: ContactRow, status: ChoiceRow, sentStage: unknown): void {
  const stageOfStatus = status.lifecycle_stage_id as Id;
  if (typeof sentStage === 'number' && sentStage !== stageOfStatus) {
    throw badRequest('Contact status does not belong to the lifecycle stage');
  }
  draft.lifecycle_stage_id = stageOfStatus;
}

/**
 * Each status belongs to one lifecycle stage (api §4.1): a mismatched pair is refused; a stage
 * sent alone gets its first status when the current one is of another stage; a new contact
 * starts in the default stage.
 */
function resolveLifecycle(store: CrmStore, draft: ContactRow, sent: JsonObject): void {
  const status = sent.contact_status_id === undefined ? undefined : statusOf(store, draft.contact_status_id);
  if (status !== undefined) return applySentStatus(draft, status, sent.lifecycle_stage_id);
  draft.lifecycle_stage_id ??= defaultStage(store);
  const current = statusOf(store, draft.contact_status_id);
  if (draft.lifecycle_stage_id !== null && current?.lifecycle_stage_id !== draft.lifecycle_stage_id) {
    draft.contact_status_id = firstStatusOf(store, draft.lifecycle_stage_id);
  }
}

// ---- record-level checks ----------------------------------------------------------------------

const filled = (value: string | null) => value !== null && value.trim() !== '';

/** The stand-in's reading of "a contact needs a name, an email or a mobile number". */
export const IDENTITY_MESSAGE = 'Contact must have at least one of first_name, last_name, emails or mobile_number';

function checkIdentity(draft: ContactRow): void {
  const named = filled(draft.first_name) || filled(draft.last_name);
  if (!named && draft.emails.length === 0 && !filled(draft.mobile_number)) throw badRequest(IDENTITY_MESSAGE);
}

/**
 * Emails and external_id identify a contact (they are upsert keys, api §4.1), so two live
 * contacts may not share one. [U] on the real service; refusing keeps clients on upsert.
 */
function checkUnique(store: CrmStore, draft: ContactRow): void {
  const others = store.contacts.all().filter((contact) => contact.id !== draft.id);
  const taken = draft.emails.filter((email) => others.some((other) => other.emails.some((mine) => sameEmail(mine.value, email.value))));
  const errors = taken.map((email) => `Email ${email.value} has already been taken`);
  if (draft.external_id !== null && others.some((other) => other.external_id === draft.external_id)) errors.push('External id has already been taken');
  if (errors.length > 0) throw badRequest(...errors);
}

export function findContactByEmail(store: CrmStore, email: string): ContactRow | undefined {
  return store.contacts.all().find((contact) => contact.emails.some((row) => sameEmail(row.value, email)));
}

// ---- drafts ------------------------------------------------------------------------------------

/**
 * A new, unsaved contact: id 0 until it is stored. Without `owner_id` it stays unassigned (null):
 * whether the real service assigns the API user is [U], and null is the case clients must handle.
 */
export function blankContact(actor: UserRow, now: number): ContactRow {
  return {
    id: NEW_ID, created_at: now, updated_at: now, creater_id: actor.id, updater_id: actor.id, is_deleted: false,
    first_name: null, last_name: null, job_title: null, department: null, emails: [], work_number: null,
    mobile_number: null, phone_numbers: [], address: null, city: null, state: null, zipcode: null, country: null,
    time_zone: null, locale: null, lead_score: 0, customer_fit: 0, owner_id: null, contact_status_id: null,
    lifecycle_stage_id: null, lead_source_id: null, campaign_id: null, territory_id: null, sales_accounts: [],
    tags: [], subscription_status: 1, subscription_types: '1;2;3;4;5', external_id: null, work_email: null,
    facebook: null, twitter: null, linkedin: null, medium: null, keyword: null, recent_note: null,
    last_contacted: null, last_contacted_mode: null, last_assigned_at: null, team_user_ids: null,
    record_type_id: CONTACT_RECORD_TYPE_ID, mcr_id: 0n, custom_field: {},
  };
}

/** Runs one validation step, keeping its 400 messages so a single answer can name every problem. */
export function attempt<T>(errors: string[], step: () => T): T | undefined {
  try {
    return step();
  } catch (error) {
    if (!(error instanceof CrmError) || error.status !== 400) throw error;
    errors.push(...(error.body as { errors: { message: string[] } }).errors.message);
    return undefined;
  }
}

/**
 * `base` with `input` applied, fully validated, not stored. `isNew` makes required custom
 * fields mandatory (a create); otherwise only the keys sent change (an update or a clone).
 */
export function contactDraft(store: CrmStore, input: JsonObject, base: ContactRow, isNew: boolean): ContactRow {
  const errors: string[] = [];
  const simple = attempt(errors, () => parseFields(store, input, CONTACT_RULES, HANDLED)) ?? {};
  const handled = attempt(errors, () => parseHandled(store, input, base));
  const custom_field = attempt(errors, () => applyCustomFields(store, 'contacts', input.custom_field, isNew ? undefined : base.custom_field));
  if (errors.length > 0) throw badRequest(...errors);
  const draft: ContactRow = { ...structuredClone(base), ...simple, ...handled, custom_field: custom_field ?? {} };
  resolveLifecycle(store, draft, simple);
  checkIdentity(draft);
  if (draft.id === 0 || input.emails !== undefined || input.external_id !== undefined) checkUnique(store, draft);
  return draft;
}

/** Stores a new draft: its id, mcr_id and nested ids are allocated only now. */
export function storeNewContact(store: CrmStore, draft: ContactRow): ContactRow {
  draft.id = store.contacts.allocateId();
  draft.mcr_id = mcrIdOf(draft.id);
  return store.contacts.put(assignNestedIds(store, draft));
}

/** Gives new emails and phone numbers their ids (they share the nested-id sequence). */
export function assignNestedIds(store: CrmStore, draft: ContactRow): ContactRow {
  for (const item of [...draft.emails, ...draft.phone_numbers]) {
    if (item.id === NEW_ID) item.id = store.nextNestedId('emails');
  }
  return draft;
}
