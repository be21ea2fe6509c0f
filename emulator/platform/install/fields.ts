import type { IparamField } from '../../fdk/app-files';

/**
 * The fields of config/iparams.json as the settings page reads them (platform.md §8.1).
 * Pure code: the server and the page's browser script (form-client.ts) share it, so a value is
 * judged the same way on both sides.
 */

export type { IparamField };

export interface SettingsField {
  key: string;
  field: IparamField;
}

/** One pattern a value must match, with the message the app gave for it. */
export interface RegexRule {
  pattern: string;
  message?: string;
}

export function fieldList(fields: Record<string, IparamField> | undefined): SettingsField[] {
  return Object.entries(fields ?? {}).map(([key, field]) => ({ key, field }));
}

export function typeOf(field: IparamField): string {
  return typeof field.type === 'string' ? field.type : 'text';
}

export function labelOf(key: string, field: IparamField): string {
  return typeof field.display_name === 'string' && field.display_name !== '' ? field.display_name : key;
}

export function descriptionOf(field: IparamField): string | undefined {
  return typeof field.description === 'string' && field.description !== '' ? field.description : undefined;
}

/**
 * A value the page must never send back to the browser. `secure: true` is the rule (§8.1);
 * an `api_key` field is treated the same even without it, the stricter reading of a type
 * whose whole point is a credential [U].
 */
export function isSecret(field: IparamField): boolean {
  return field.secure === true || field.type === 'api_key';
}

export function isVisible(field: IparamField): boolean {
  return field.visible !== false;
}

export function isRequired(field: IparamField): boolean {
  return field.required === true;
}

export function optionsOf(field: IparamField): string[] {
  return Array.isArray(field.options) ? field.options.map(String) : [];
}

/** What the field holds before anyone typed: its default, or the type's empty value. */
export function defaultOf(field: IparamField): unknown {
  if (field.default_value !== undefined) return field.default_value;
  const empties: Record<string, unknown> = { checkbox: false, multiselect: [] };
  return empties[typeOf(field)] ?? '';
}

/** `regex: {name: pattern, "name-error": message}` (FDK samples). */
function topLevelRules(field: IparamField): RegexRule[] {
  const regex = typeof field.regex === 'object' && field.regex !== null ? (field.regex as Record<string, unknown>) : {};
  return Object.entries(regex)
    .filter(([name, pattern]) => !name.endsWith('-error') && typeof pattern === 'string')
    .map(([name, pattern]) => {
      const message = regex[`${name}-error`];
      return { pattern: pattern as string, ...(typeof message === 'string' ? { message } : {}) };
    });
}

/** `type_attributes.regex: {pattern, message}` (newer material). */
function nestedRule(field: IparamField): RegexRule[] {
  const regex = (field.type_attributes as { regex?: { pattern?: unknown; message?: unknown } } | undefined)?.regex;
  if (typeof regex?.pattern !== 'string') return [];
  return [{ pattern: regex.pattern, ...(typeof regex.message === 'string' ? { message: regex.message } : {}) }];
}

/** Both regex forms are accepted (platform.md §8.1 [U]); every rule must match. */
export function regexRules(field: IparamField): RegexRule[] {
  return [...topLevelRules(field), ...nestedRule(field)];
}
