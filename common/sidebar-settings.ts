import type { EntityType } from './platform/client';

/**
 * What admins choose per sidebar in the installation settings (config/iparams.json): which
 * sections show, in which order, and which custom fields the summary lists. Both are plain
 * text iparams validated by a regex on the settings page, so the front end can read them
 * with `client.iparams.get()`; a unit test keeps these names and the iparams in step.
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

/** `all` shows every visible custom field in the CRM's order; `none` hides them. */
export type CustomFieldChoice = { kind: 'all' } | { kind: 'none' } | { kind: 'list'; names: string[] };

export interface SidebarSettings<E extends EntityType = EntityType> {
  sections: Array<SectionName<E>>;
  customFields: CustomFieldChoice;
}

/** The pattern the settings page checks: a comma-separated list of the sidebar's section names. */
export function sectionsPattern(entity: EntityType): string {
  const name = `(?:${SECTIONS[entity].join('|')})`;
  return `^\\s*${name}(?:\\s*,\\s*${name})*\\s*$`;
}

export const CUSTOM_FIELDS_PATTERN = '^\\s*(?:all|none|cf_[A-Za-z0-9_]+(?:\\s*,\\s*cf_[A-Za-z0-9_]+)*)\\s*$';

const splitList = (value: string): string[] =>
  value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');

/**
 * The sections to show, in order, without repeats. Anything the settings page should have
 * refused (an unknown name, a non-string) is dropped; nothing valid left means the default.
 */
export function parseSections<E extends EntityType>(entity: E, value: unknown): Array<SectionName<E>> {
  const known: readonly string[] = SECTIONS[entity];
  const names = typeof value === 'string' ? splitList(value).filter((name) => known.includes(name)) : [];
  const unique = [...new Set(names)] as Array<SectionName<E>>;
  return unique.length > 0 ? unique : ([...SECTIONS[entity]] as Array<SectionName<E>>);
}

export function parseCustomFields(value: unknown): CustomFieldChoice {
  if (typeof value !== 'string') return { kind: 'all' };
  const trimmed = value.trim().toLowerCase();
  if (trimmed === 'none') return { kind: 'none' };
  const names = splitList(value).filter((name) => /^cf_[A-Za-z0-9_]+$/.test(name));
  return trimmed === 'all' || names.length === 0 ? { kind: 'all' } : { kind: 'list', names: [...new Set(names)] };
}

export function sidebarSettings<E extends EntityType>(entity: E, iparams: Record<string, unknown>): SidebarSettings<E> {
  return {
    sections: parseSections(entity, iparams[SECTIONS_IPARAM[entity]]),
    customFields: parseCustomFields(iparams[CUSTOM_FIELDS_IPARAM[entity]]),
  };
}
