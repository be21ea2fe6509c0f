import type { CrmFailure, CrmFailureKind } from '../../../common/crm/failure';
import { IPARAM_API_KEY, IPARAM_DOMAIN, normalizeDomain, SECURE_IPARAMS } from '../../../common/iparams';
import type { EntityType } from '../../../common/platform/client';
import {
  checkCustomFields, checkSections, CUSTOM_FIELDS_IPARAM, DEFAULT_CUSTOM_FIELDS, defaultSections, ENTITY_WORDS, formatCustomFields, matchCustomFields, SECTIONS_IPARAM,
} from '../../../common/sidebar-settings';
import type { FieldSettingsEntity } from '../../../common/templates';
import type { Result } from '../../../common/validation';
import { AUTOMATION_DEFAULTS, AUTOMATION_IPARAMS as P } from './iparams';
import { readSettings } from './settings';

/**
 * The whole check of the settings an admin saves, on install and on every later save: each
 * value on its own (normalised where an admin's typing is unambiguous), then the domain and
 * key with one real call, then the custom field names against the account's field settings.
 * The settings page runs it through the `checkSettings` server method before it saves;
 * onAppInstall runs it again on what was saved.
 */

export type Values = Record<string, unknown>;

/** The key of a problem that belongs to no single setting (Freshsales busy, say). */
export const GENERAL = '_settings';

const ENTITIES: EntityType[] = ['contact', 'deal', 'sales_account'];

/** Every setting the app reads, in the order the settings page shows them. */
export const SETTING_NAMES: readonly string[] = [
  IPARAM_DOMAIN,
  IPARAM_API_KEY,
  ...ENTITIES.flatMap((entity) => [SECTIONS_IPARAM[entity], CUSTOM_FIELDS_IPARAM[entity]]),
  ...Object.values(P),
];

export interface SettingsCheck {
  /** Every setting, normalised; secrets included, so this stays on the server. */
  values: Values;
  /** Setting name (or GENERAL) → what is wrong, in the words the settings page shows. */
  errors: Record<string, string>;
  /** Why Freshsales refused the domain and key, when it did. */
  credentialsFailure?: CrmFailure;
  /** Setting → the listed custom field names the account does not have. */
  unknownFields?: Record<string, string[]>;
  /** What went wrong in detail, for the log; never a secret. */
  details: string[];
}

/** The calls the check makes, with the domain and key being checked. */
export interface CrmProbe {
  owners(): Promise<Result<unknown, CrmFailure>>;
  /** The names of the entity's fields (built-in and custom). */
  fieldNames(entity: FieldSettingsEntity): Promise<Result<string[], CrmFailure>>;
}

const FIELD_SETTINGS_PATH: Record<EntityType, FieldSettingsEntity> = { contact: 'contacts', deal: 'deals', sales_account: 'sales_accounts' };

const isSecret = (name: string): boolean => (SECURE_IPARAMS as readonly string[]).includes(name);

const trimmed = (value: unknown): unknown => (typeof value === 'string' ? value.trim() : value);

/** How an automation setting is saved: as typed but trimmed, a few in their canonical form. */
const NORMALISE: Record<string, (value: unknown) => unknown> = {
  [P.phoneCountry]: (value) => (typeof value === 'string' ? value.trim().toUpperCase() : value),
  [P.webhookHost]: (value) => (typeof value === 'string' ? value.trim().toLowerCase() : value),
  [P.webhookPath]: (value) => (typeof value === 'string' && value.trim() === '' ? '/' : trimmed(value)),
  [P.webhookMaxAttempts]: (value) => (typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value),
};

function automationValues(settings: Values): Values {
  return Object.fromEntries(
    Object.values(P).map((name) => {
      const given = settings[name] ?? (AUTOMATION_DEFAULTS as Record<string, unknown>)[name] ?? '';
      return [name, (NORMALISE[name] ?? trimmed)(given)];
    }),
  );
}

/** "deal_won_tasks: write tasks as …" → the setting, and the message as a sentence. */
function automationErrors(values: Values): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const problem of readSettings(values).problems) {
    const split = problem.indexOf(': ');
    const detail = problem.slice(split + 2);
    errors[problem.slice(0, split)] = `${detail.charAt(0).toUpperCase()}${detail.slice(1)}.`;
  }
  return errors;
}

type Judged = Result<unknown, string>;

function credentials(settings: Values): Record<string, Judged> {
  const key = settings[IPARAM_API_KEY];
  const keyOk = typeof key === 'string' && key.trim() !== '';
  return {
    [IPARAM_DOMAIN]: normalizeDomain(settings[IPARAM_DOMAIN]),
    [IPARAM_API_KEY]: keyOk ? { ok: true, value: key.trim() } : { ok: false, failure: 'Enter your Freshsales API key (Profile settings > API settings).' },
  };
}

/** An absent list (an installation older than the setting) means its default; an empty one is a mistake. */
function sidebarLists(settings: Values): Record<string, Judged> {
  const judged: Record<string, Judged> = {};
  for (const entity of ENTITIES) {
    judged[SECTIONS_IPARAM[entity]] = checkSections(entity, settings[SECTIONS_IPARAM[entity]] ?? defaultSections(entity));
    const fields = checkCustomFields(settings[CUSTOM_FIELDS_IPARAM[entity]] ?? DEFAULT_CUSTOM_FIELDS);
    judged[CUSTOM_FIELDS_IPARAM[entity]] = fields.ok ? { ok: true, value: formatCustomFields(fields.value) } : fields;
  }
  return judged;
}

/** Each value on its own, no calls: the normalised values and the problems. */
export function checkLocally(settings: Values): SettingsCheck {
  const values = automationValues(settings);
  const errors: Record<string, string> = {};
  for (const [name, judged] of Object.entries({ ...credentials(settings), ...sidebarLists(settings) })) {
    if (judged.ok) values[name] = judged.value;
    else errors[name] = judged.failure;
  }
  return { values, errors: { ...errors, ...automationErrors(values) }, details: [] };
}

/** Where a refusal of the credentials shows, and what it says. */
const CREDENTIAL_ERRORS: Record<CrmFailureKind, [string, string]> = {
  unauthorized: [IPARAM_API_KEY, 'Freshsales refused this API key. Copy it again from Profile settings > API settings.'],
  forbidden: [IPARAM_API_KEY, "This API key's user may not read the account's users. Use the key of a user with that privilege."],
  not_found: [IPARAM_DOMAIN, 'No Freshsales Suite account answers at this domain. Check the domain.'],
  unreachable: [IPARAM_DOMAIN, 'Could not reach Freshsales at this domain. Check the domain and try again.'],
  timeout: [IPARAM_DOMAIN, 'Freshsales did not answer in time. Try again.'],
  bad_response: [IPARAM_DOMAIN, 'The server at this domain did not answer like Freshsales Suite. Check the domain.'],
  rate_limited: [GENERAL, 'Freshsales is busy (rate limit). Try again in a minute.'],
  server_error: [GENERAL, 'Freshsales failed to answer. Try again in a minute.'],
  platform: [GENERAL, 'The credentials could not be checked. Try again.'],
  invalid: [GENERAL, 'The credentials could not be checked. Try again.'],
};

function withError(check: SettingsCheck, name: string, message: string, detail?: string): SettingsCheck {
  return { ...check, errors: { ...check.errors, [name]: message }, details: detail === undefined ? check.details : [...check.details, detail] };
}

/** The sidebars whose custom fields are a list of names, with the names. */
function customFieldLists(check: SettingsCheck): Array<[EntityType, string[]]> {
  return ENTITIES.flatMap((entity): Array<[EntityType, string[]]> => {
    const name = CUSTOM_FIELDS_IPARAM[entity];
    const choice = checkCustomFields(check.values[name]);
    return check.errors[name] === undefined && choice.ok && choice.value.kind === 'list' ? [[entity, choice.value.names]] : [];
  });
}

/** What looking up one sidebar's names found: the names as the account spells them, or the problem. */
type Lookup = { setting: string; value: string } | { setting: string; error: string; detail?: string; unknown?: string[] };

async function lookUp(probe: CrmProbe, [entity, names]: [EntityType, string[]]): Promise<Lookup> {
  const setting = CUSTOM_FIELDS_IPARAM[entity];
  const fields = await probe.fieldNames(FIELD_SETTINGS_PATH[entity]);
  const word = ENTITY_WORDS[entity];
  if (!fields.ok) return { setting, error: `Could not read the ${word} fields to check these names. Try again.`, detail: `${setting}: ${fields.failure.detail}` };
  const matched = matchCustomFields(names, fields.value.filter((name) => name.startsWith('cf_')));
  if (!matched.ok) return { setting, error: `This account has no ${word} custom field ${matched.failure.map((name) => `"${name}"`).join(', ')}.`, unknown: matched.failure };
  return { setting, value: matched.value.join(', ') };
}

function merge(check: SettingsCheck, found: Lookup): SettingsCheck {
  if ('value' in found) return { ...check, values: { ...check.values, [found.setting]: found.value } };
  const merged = withError(check, found.setting, found.error, found.detail);
  return found.unknown === undefined ? merged : { ...merged, unknownFields: { ...check.unknownFields, [found.setting]: found.unknown } };
}

/**
 * The calls, for what passed on its own: the credentials when the domain and key look right,
 * then the listed custom field names of each sidebar (in parallel) when the credentials work.
 */
export async function checkRemotely(check: SettingsCheck, probe: CrmProbe): Promise<SettingsCheck> {
  if (check.errors[IPARAM_DOMAIN] !== undefined || check.errors[IPARAM_API_KEY] !== undefined) return check;
  const owners = await probe.owners();
  if (!owners.ok) {
    const [name, message] = CREDENTIAL_ERRORS[owners.failure.kind];
    return { ...withError(check, name, message, `credentials check failed: ${owners.failure.detail}`), credentialsFailure: owners.failure };
  }
  const found = await Promise.all(customFieldLists(check).map((entry) => lookUp(probe, entry)));
  return found.reduce(merge, check);
}

/** The values the browser may see again: every setting but the secure ones. */
export function publicValues(values: Values): Values {
  return Object.fromEntries(Object.entries(values).filter(([name]) => !isSecret(name)));
}
