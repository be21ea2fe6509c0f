import { isIsoDate, parseDateString, parseTimestamp, toDecimalString } from '../../format';
import { badRequest } from '../../http/errors';
import type { Id } from '../../model/types';
import type { CrmStore } from '../../store';
import { isObject, type JsonObject } from './body';

/**
 * Rules for the writable fields of a resource. Everything is checked before anything is
 * stored; the messages follow the Rails style the service answers with ("Amount is not a
 * number", freshsales-api.md §8). Unknown fields are refused: the real service's handling of
 * them is unconfirmed, and refusing keeps clients to fields that exist.
 */
export type FieldRule =
  | { type: 'string'; max?: number; required?: boolean }
  | { type: 'integer'; min?: number; max?: number }
  | { type: 'number' }
  | { type: 'decimal' }
  | { type: 'boolean' }
  | { type: 'date' }
  /** ISO 8601 with a zone; `dateString` also takes JavaScript's Date.toString() form (§11). */
  | { type: 'timestamp'; required?: boolean; dateString?: boolean }
  | { type: 'ref'; exists: (store: CrmStore, id: Id) => boolean; label?: string }
  | { type: 'refs'; exists: (store: CrmStore, id: Id) => boolean; label?: string }
  | { type: 'tags' }
  | { type: 'enum'; values: readonly (string | number)[] }
  | { type: 'email' }
  | { type: 'url' };

export type FieldRules = Record<string, FieldRule>;

const DEFAULT_MAX = 255;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const URL_LIKE = /^(https?:\/\/)?[^\s/$.?#].[^\s]*$/i;

/** "owner_id" → "Owner", "first_name" → "First name". */
export function humanize(name: string): string {
  const words = name.replace(/_ids?$/, '').replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

type Parsed = { ok: true; value: unknown } | { ok: false; message: string };
const good = (value: unknown): Parsed => ({ ok: true, value });
const bad = (message: string): Parsed => ({ ok: false, message });

/** Ids arrive as numbers or numeric strings (attendee ids are strings in the docs). */
export function toId(value: unknown): Id | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return value;
  if (typeof value === 'string' && /^\d{1,16}$/.test(value)) return Number(value);
  return undefined;
}

function parseString(label: string, value: unknown, rule: { max?: number; required?: boolean }): Parsed {
  if (typeof value !== 'string') return bad(`${label} must be a string`);
  if (rule.required === true && value.trim() === '') return bad(`${label} can't be blank`);
  const max = rule.max ?? DEFAULT_MAX;
  return value.length > max ? bad(`${label} is too long (maximum is ${max} characters)`) : good(value);
}

function asInteger(value: unknown): number | undefined {
  const number = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
  return typeof number === 'number' && Number.isSafeInteger(number) ? number : undefined;
}

function parseInteger(label: string, value: unknown, rule: { min?: number; max?: number }): Parsed {
  const number = asInteger(value);
  if (number === undefined) return bad(`${label} is not a number`);
  if (number < (rule.min ?? Number.MIN_SAFE_INTEGER)) return bad(`${label} must be greater than or equal to ${rule.min}`);
  if (number > (rule.max ?? Number.MAX_SAFE_INTEGER)) return bad(`${label} must be less than or equal to ${rule.max}`);
  return good(number);
}

function parseRefs(store: CrmStore, label: string, value: unknown, exists: (store: CrmStore, id: Id) => boolean): Parsed {
  if (!Array.isArray(value)) return bad(`${label} must be an array of ids`);
  const ids = value.map(toId);
  if (ids.some((id) => id === undefined || !exists(store, id))) return bad(`${label} is invalid`);
  return good([...new Set(ids as Id[])]);
}

function parseTags(label: string, value: unknown): Parsed {
  if (typeof value === 'string') return good(value.split(',').map((tag) => tag.trim()).filter((tag) => tag !== ''));
  if (!Array.isArray(value) || !value.every((tag) => typeof tag === 'string')) return bad(`${label} must be an array of strings`);
  return good(value);
}

function parseWrittenTime(text: string, rule: { dateString?: boolean }): number | undefined {
  return parseTimestamp(text) ?? (rule.dateString === true ? parseDateString(text) : undefined);
}

type Parser = (store: CrmStore, label: string, value: unknown, rule: FieldRule) => Parsed;

const PARSERS: Record<FieldRule['type'], Parser> = {
  string: (_s, label, value, rule) => parseString(label, value, rule as { max?: number; required?: boolean }),
  integer: (_s, label, value, rule) => parseInteger(label, value, rule as { min?: number; max?: number }),
  number: (_s, label, value) => (typeof value === 'number' && Number.isFinite(value) ? good(value) : bad(`${label} is not a number`)),
  decimal: (_s, label, value) => {
    const decimal = toDecimalString(value);
    return decimal === undefined ? bad(`${label} is not a number`) : good(decimal);
  },
  boolean: (_s, label, value) => (typeof value === 'boolean' ? good(value) : bad(`${label} must be true or false`)),
  date: (_s, label, value) => (typeof value === 'string' && isIsoDate(value) ? good(value) : bad(`${label} is not a valid date (YYYY-MM-DD)`)),
  timestamp: (_s, label, value, rule) => {
    const time = typeof value === 'string' ? parseWrittenTime(value, rule as { dateString?: boolean }) : undefined;
    return time === undefined ? bad(`${label} is not a valid date time (ISO 8601 with a zone)`) : good(time);
  },
  ref: (store, label, value, rule) => {
    const id = toId(value);
    return id !== undefined && (rule as { exists: (s: CrmStore, id: Id) => boolean }).exists(store, id) ? good(id) : bad(`${label} is invalid`);
  },
  refs: (store, label, value, rule) => parseRefs(store, label, value, (rule as { exists: (s: CrmStore, id: Id) => boolean }).exists),
  tags: (_s, label, value) => parseTags(label, value),
  enum: (_s, label, value, rule) =>
    (rule as { values: readonly unknown[] }).values.includes(value) ? good(value) : bad(`${label} is not included in the list`),
  email: (_s, label, value) => (typeof value === 'string' && EMAIL.test(value) ? good(value) : bad(`${label} is invalid`)),
  url: (_s, label, value) => (typeof value === 'string' && URL_LIKE.test(value) ? good(value) : bad(`${label} is invalid`)),
};

function labelOf(name: string, rule: FieldRule): string {
  return 'label' in rule && rule.label !== undefined ? rule.label : humanize(name);
}

function isRequired(rule: FieldRule): boolean {
  return 'required' in rule && rule.required === true;
}

function parseOne(store: CrmStore, name: string, value: unknown, rule: FieldRule): Parsed {
  const label = labelOf(name, rule);
  if (value === null) return isRequired(rule) ? bad(`${label} can't be blank`) : good(null);
  return PARSERS[rule.type](store, label, value, rule);
}

/**
 * Checks `input` against `rules`: returns the parsed values, or throws one 400 listing every
 * problem. Keys listed in `handled` are left for the caller (custom_field, emails, …).
 */
export function parseFields(store: CrmStore, input: JsonObject, rules: FieldRules, handled: readonly string[] = []): JsonObject {
  const values: JsonObject = {};
  const errors: string[] = [];
  for (const [name, value] of Object.entries(input)) {
    if (handled.includes(name)) continue;
    const rule = rules[name];
    if (rule === undefined) {
      errors.push(`Unknown attribute '${name}'`);
      continue;
    }
    const parsed = parseOne(store, name, value, rule);
    if (parsed.ok) values[name] = parsed.value;
    else errors.push(parsed.message);
  }
  if (errors.length > 0) throw badRequest(...errors);
  return values;
}

/** Fields a create must carry. */
export function requirePresent(input: JsonObject, names: readonly string[]): void {
  const missing = names.filter((name) => input[name] === undefined || input[name] === null || input[name] === '');
  if (missing.length > 0) throw badRequest(...missing.map((name) => `${humanize(name)} can't be blank`));
}

export const isJsonObject = isObject;
