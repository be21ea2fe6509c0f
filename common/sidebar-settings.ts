import type { EntityType } from './platform/client';
import { fail, ok, type Result } from './validation';

/**
 * What admins choose per sidebar in the installation settings (config/iparams.html): which
 * sections show, in which order, and which custom fields the summary lists. Both are plain
 * non-secure text, so the front end can read them with `client.iparams.get()`. The settings
 * page has them checked (`checkSections`, `checkCustomFields`, then the names against the
 * account's fields) and saves them normalised; the readers below still take any case.
 */

export const SECTIONS = {
  contact: ['summary', 'accounts', 'deals', 'tasks', 'appointments', 'activities', 'notes'],
  deal: ['summary', 'contacts', 'account', 'tasks', 'appointments', 'activities', 'notes'],
  sales_account: ['summary', 'pipeline', 'contacts', 'deals', 'tasks'],
} as const satisfies Record<EntityType, readonly string[]>;

export type SectionName<E extends EntityType = EntityType> = (typeof SECTIONS)[E][number];

/** The iparam names per sidebar. */
export const SECTIONS_IPARAM: Record<EntityType, string> = {
  contact: 'contact_sections',
  deal: 'deal_sections',
  sales_account: 'account_sections',
};

export const CUSTOM_FIELDS_IPARAM: Record<EntityType, string> = {
  contact: 'contact_custom_fields',
  deal: 'deal_custom_fields',
  sales_account: 'account_custom_fields',
};

/** How messages name each sidebar's records. */
export const ENTITY_WORDS: Record<EntityType, string> = { contact: 'contact', deal: 'deal', sales_account: 'account' };

/** `all` shows every custom field in the CRM's order; `none` hides them. */
export type CustomFieldChoice = { kind: 'all' } | { kind: 'none' } | { kind: 'list'; names: string[] };

export interface SidebarSettings<E extends EntityType = EntityType> {
  sections: Array<SectionName<E>>;
  customFields: CustomFieldChoice;
}

/** The default of each list as the settings page offers it. */
export function defaultSections(entity: EntityType): string {
  return SECTIONS[entity].join(', ');
}

export const DEFAULT_CUSTOM_FIELDS = 'all';

const CUSTOM_FIELD_NAME = /^cf_[a-z0-9_]+$/i;

const splitList = (value: string): string[] =>
  value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');

const unique = <T>(items: T[]): T[] => [...new Set(items)];

const quoted = (names: string[]): string => names.map((name) => `"${name}"`).join(', ');

/**
 * The sections to show, in order, without repeats. Anything the settings page should have
 * refused (an unknown name, a non-string) is dropped; nothing valid left means the default.
 */
export function parseSections<E extends EntityType>(entity: E, value: unknown): Array<SectionName<E>> {
  const known: readonly string[] = SECTIONS[entity];
  const names = typeof value === 'string' ? splitList(value.toLowerCase()).filter((name) => known.includes(name)) : [];
  const found = unique(names) as Array<SectionName<E>>;
  return found.length > 0 ? found : ([...SECTIONS[entity]] as Array<SectionName<E>>);
}

/** At run time: `all`, `none` (any case) or the `cf_` names; anything else shows all. */
export function parseCustomFields(value: unknown): CustomFieldChoice {
  const checked = checkCustomFields(value);
  if (checked.ok) return checked.value;
  const names = typeof value === 'string' ? splitList(value).filter((name) => CUSTOM_FIELD_NAME.test(name)) : [];
  return names.length === 0 ? { kind: 'all' } : { kind: 'list', names: unique(names) };
}

export function sidebarSettings<E extends EntityType>(entity: E, iparams: Record<string, unknown>): SidebarSettings<E> {
  return {
    sections: parseSections(entity, iparams[SECTIONS_IPARAM[entity]]),
    customFields: parseCustomFields(iparams[CUSTOM_FIELDS_IPARAM[entity]]),
  };
}

/**
 * A sections setting as the settings page must judge it: at least one section, every name
 * one of this sidebar's (any case). Answers the list as saved: lower case, in order, no repeats.
 */
export function checkSections(entity: EntityType, value: unknown): Result<string, string> {
  const available = SECTIONS[entity].join(', ');
  const names = typeof value === 'string' ? unique(splitList(value.toLowerCase())) : [];
  if (names.length === 0) return fail(`The ${ENTITY_WORDS[entity]} sidebar needs at least one section. Available: ${available}.`);
  const known: readonly string[] = SECTIONS[entity];
  const unknown = names.filter((name) => !known.includes(name));
  if (unknown.length > 0) return fail(`Not a section of the ${ENTITY_WORDS[entity]} sidebar: ${quoted(unknown)}. Available: ${available}.`);
  return ok(names.join(', '));
}

const KEYWORDS: Record<string, CustomFieldChoice> = { all: { kind: 'all' }, none: { kind: 'none' } };

/** A list of custom field names: each must look like one; `all` and `none` stand alone. */
function customFieldList(names: string[]): Result<CustomFieldChoice, string> {
  const keywords = names.filter((name) => KEYWORDS[name.toLowerCase()] !== undefined);
  if (keywords.length > 0) return fail(`${quoted(keywords)} cannot be combined with field names: enter all, none, or only cf_ names.`);
  const wrong = names.filter((name) => !CUSTOM_FIELD_NAME.test(name));
  if (wrong.length > 0) return fail(`Not a custom field name: ${quoted(wrong)}. Custom field names start with cf_, like cf_tier.`);
  return ok({ kind: 'list', names: unique(names) });
}

/** A custom fields setting as the settings page must judge it, before the names are looked up. */
export function checkCustomFields(value: unknown): Result<CustomFieldChoice, string> {
  const names = typeof value === 'string' ? splitList(value) : [];
  if (names.length === 0) return fail('Enter all, none, or the cf_ names of the fields to show, separated by commas.');
  const keyword = names.length === 1 ? KEYWORDS[(names[0] as string).toLowerCase()] : undefined;
  return keyword === undefined ? customFieldList(names) : ok(keyword);
}

/** The setting as saved: `all`, `none`, or the names separated by commas. */
export function formatCustomFields(choice: CustomFieldChoice): string {
  return choice.kind === 'list' ? choice.names.join(', ') : choice.kind;
}

/**
 * The listed names as the account spells them, or the ones it does not have. Names are
 * compared without case: Freshsales keeps them lower case, admins may not type them so.
 */
export function matchCustomFields(names: string[], accountNames: readonly string[]): Result<string[], string[]> {
  const byLowerCase = new Map(accountNames.map((name) => [name.toLowerCase(), name]));
  const unknown = names.filter((name) => !byLowerCase.has(name.toLowerCase()));
  if (unknown.length > 0) return fail(unknown);
  return ok(unique(names.map((name) => byLowerCase.get(name.toLowerCase()) as string)));
}
