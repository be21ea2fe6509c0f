import { isRecord } from '../../../../common/guards';
import type { Automation, Facts, Step } from '../automation';
import { createNote, createTask, dueDate, updateContact } from '../crm-writes';
import { crmCall, type RunContext, type StepResult } from '../run-context';
import { countryCode } from './countries';
import { emailDomain, isFreeMail, websiteDomain, websiteSpellings } from './email-domains';
import { toE164 } from './phones';

/**
 * Contact hygiene on create (issue #9 §2.2): emails trimmed and lower-cased, phone numbers in
 * E.164 where the country is known, the contact linked to the account whose website matches
 * its email domain when it has none (never for free mail), and likely duplicates (same email
 * or mobile) flagged with a note and a task for the owner. Nothing is written when nothing
 * changes and nothing is found.
 */
export interface HygieneEmail {
  id: number | null;
  value: string;
  is_primary: boolean;
}

export interface HygieneInput {
  contactId: number;
  name: string;
  ownerId: number | null;
  emails: HygieneEmail[];
  workEmail: string | null;
  mobile: string | null;
  work: string | null;
  /** The contact's own country field, as typed. */
  country: string | null;
  /** The admin's default country for numbers without one. */
  defaultCountry: string | null;
  hasAccount: boolean;
  at: number;
}

const MAX_DUPLICATES = 5;
const normalEmail = (value: string): string => value.trim().toLowerCase();

function parse(body: unknown): HygieneInput | string {
  if (!isRecord(body) || typeof body.contactId !== 'number' || !Array.isArray(body.emails) || typeof body.at !== 'number') return 'the contact_hygiene job input is unreadable';
  return body as unknown as HygieneInput;
}

/** The contact's phones in E.164, only those that differ from what is stored. */
export function phoneChanges(input: HygieneInput): Record<string, string> {
  const country = countryCode(input.country) ?? countryCode(input.defaultCountry);
  const changes: Record<string, string> = {};
  const mobile = toE164(input.mobile, country);
  const work = toE164(input.work, country);
  if (mobile !== undefined && mobile !== input.mobile) changes.mobile_number = mobile;
  if (work !== undefined && work !== input.work) changes.work_number = work;
  return changes;
}

/** The emails as the update must send them, when any needs trimming or lower-casing. */
export function emailChanges(input: HygieneInput): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  if (input.emails.some((email) => normalEmail(email.value) !== email.value)) {
    changes.emails = input.emails.map((email) => ({ ...(email.id === null ? {} : { id: email.id }), value: normalEmail(email.value), is_primary: email.is_primary }));
  }
  if (input.workEmail !== null && normalEmail(input.workEmail) !== input.workEmail) changes.work_email = normalEmail(input.workEmail);
  return changes;
}

/** The company domain of the primary email, unless it is free mail. */
export function companyDomain(input: HygieneInput): string | undefined {
  const primary = input.emails.find((email) => email.is_primary) ?? input.emails[0];
  const domain = primary === undefined ? undefined : emailDomain(normalEmail(primary.value));
  return domain === undefined || isFreeMail(domain) ? undefined : domain;
}

interface Duplicate {
  id: number;
  name: string;
  by: string;
}

function duplicatesOf(facts: Facts): Duplicate[] {
  const all = (Array.isArray(facts.duplicates) ? facts.duplicates : []).filter(isRecord) as unknown as Duplicate[];
  return all.filter((duplicate, index) => all.findIndex((other) => other.id === duplicate.id) === index).slice(0, MAX_DUPLICATES);
}

type Match = { id: number; display_name?: string | null; first_name?: string | null; last_name?: string | null; email?: string | null };

const nameOf = (match: Match): string => match.display_name ?? ([match.first_name, match.last_name].filter(Boolean).join(' ') || match.email || `contact ${match.id}`);

async function searchDuplicates(context: RunContext, input: HygieneInput, attribute: string, values: string[], by: string): Promise<StepResult & { facts?: Facts }> {
  const body = { filter_rule: [{ attribute, operator: 'is_in', value: values }], sort: 'created_at', sort_type: 'asc' };
  const answer = await crmCall(context, 'filterContacts', {}, body);
  if (!answer.ok) return answer.result;
  const others = (answer.value?.contacts ?? []).filter((match) => match.id !== input.contactId);
  const duplicates = others.slice(0, MAX_DUPLICATES).map((match) => ({ id: match.id, name: nameOf(match), by }));
  return { outcome: 'done', detail: `${others.length} other contact(s) with the same ${by}`, facts: { duplicates } };
}

const emailStep: Step<HygieneInput> = {
  id: 'duplicates:email',
  run: (context, input) => searchDuplicates(context, input, 'contact_email.email', [...new Set(input.emails.map((email) => normalEmail(email.value)))], 'email'),
};

/**
 * Mobile numbers only: work numbers are often a company's switchboard, shared by colleagues.
 * The filter attribute for phones is not documented [U]: if the API refuses it, the check is
 * skipped with the reason rather than failing the job.
 */
const mobileStep: Step<HygieneInput> = {
  id: 'duplicates:mobile',
  run: async (context, input) => {
    const raw = (input.mobile ?? '').trim();
    const values = [...new Set([raw, phoneChanges(input).mobile_number ?? raw])];
    const result = await searchDuplicates(context, input, 'mobile_number', values, 'mobile number');
    return result.outcome === 'failed' ? { outcome: 'skipped', detail: `search by mobile number unavailable: ${result.detail ?? ''}` } : result;
  },
};

function accountResult(domain: string, matches: Array<{ id: number }>): StepResult & { facts?: Facts } {
  const [only] = matches;
  if (matches.length === 1 && only !== undefined) return { outcome: 'done', detail: `account ${only.id}`, facts: { account_id: only.id } };
  return { outcome: 'skipped', detail: matches.length === 0 ? `no account has the website ${domain}` : `${matches.length} accounts have the website ${domain}: not linking` };
}

const accountStep: Step<HygieneInput> = {
  id: 'account',
  run: async (context, input) => {
    const domain = companyDomain(input) ?? '';
    const body = { filter_rule: [{ attribute: 'website', operator: 'is_in', value: websiteSpellings(domain) }] };
    const answer = await crmCall(context, 'filterAccounts', {}, body);
    if (!answer.ok) return answer.result;
    return accountResult(domain, (answer.value?.sales_accounts ?? []).filter((account) => websiteDomain(account.website) === domain));
  },
};

/** Everything the update must change; empty when the contact is already clean. */
export function contactPatch(input: HygieneInput, facts: Facts): Record<string, unknown> {
  const account = typeof facts.account_id === 'number' ? { sales_accounts: [{ id: facts.account_id, is_primary: true }] } : {};
  return { ...emailChanges(input), ...phoneChanges(input), ...account };
}

const updateStep: Step<HygieneInput> = {
  id: 'update',
  writes: true,
  run: (context, input, facts) => {
    const patch = contactPatch(input, facts);
    if (Object.keys(patch).length === 0) return Promise.resolve({ outcome: 'skipped', detail: 'nothing to change' });
    return updateContact(context, input.contactId, patch);
  },
};

const CONTACT = (input: HygieneInput) => ({ type: 'Contact' as const, id: input.contactId });

export function duplicateNote(duplicates: Duplicate[]): string {
  const lines = duplicates.map((duplicate) => `- ${duplicate.name} (id ${duplicate.id}): same ${duplicate.by}`);
  return ['Possible duplicate contact. Companion for Freshsales found:', ...lines, 'If they are the same person, merge them in Freshsales.'].join('\n');
}

const noteStep: Step<HygieneInput> = {
  id: 'note',
  writes: true,
  run: (context, input, facts) => {
    const duplicates = duplicatesOf(facts);
    return duplicates.length === 0 ? Promise.resolve({ outcome: 'skipped', detail: 'no duplicates' }) : createNote(context, CONTACT(input), duplicateNote(duplicates));
  },
};

const taskStep: Step<HygieneInput> = {
  id: 'task',
  writes: true,
  run: (context, input, facts) => {
    const duplicates = duplicatesOf(facts);
    if (duplicates.length === 0) return Promise.resolve({ outcome: 'skipped', detail: 'no duplicates' });
    const task = { title: `Review possible duplicate: ${input.name}`.slice(0, 200), dueDate: dueDate(input.at, 1), ownerId: input.ownerId, on: CONTACT(input), description: duplicateNote(duplicates) };
    return createTask(context, task);
  },
};

const searchSteps = (input: HygieneInput): Array<Step<HygieneInput>> => [
  ...(input.emails.length > 0 ? [emailStep] : []),
  ...((input.mobile ?? '').trim() !== '' ? [mobileStep] : []),
  ...(!input.hasAccount && companyDomain(input) !== undefined ? [accountStep] : []),
];

export const contactHygiene: Automation<HygieneInput> = {
  parse,
  steps: (input) => [...searchSteps(input), updateStep, noteStep, taskStep],
  // The searches, and the update when the contact needs tidying or may get an account; duplicates are rare.
  expectedCalls: (input) => {
    const searches = searchSteps(input);
    const mayUpdate = Object.keys(contactPatch(input, {})).length > 0 || searches.includes(accountStep);
    return searches.length + (mayUpdate ? 1 : 0);
  },
};
