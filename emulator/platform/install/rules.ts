import { isRequired, isVisible, labelOf, optionsOf, regexRules, typeOf, type IparamField, type SettingsField } from './fields';

/**
 * How the settings page judges a value (platform.md §8.1): required, the type's format, then
 * the field's regex with the app's own message. The platform's wording for its own checks is
 * not documented; these messages say what to type instead. Shared by the server and the
 * page's script (pure code, no DOM, no Node). Values are judged as typed, untrimmed: a stray
 * space in a host name would break the request templates that use it.
 */

/** What the page knows about a field beyond iparams.json. */
export interface FieldState {
  /** A secure field whose value is already saved: left blank, it keeps that value. */
  secretSaved?: boolean;
  /** Overrides from `utils.set` in the browser (§8.1 dynamic validation). */
  required?: boolean;
  visible?: boolean;
}

type Check = (value: unknown, field: IparamField) => string | undefined;

const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;
const NUMBER = /^-?\d+(?:\.\d+)?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const PHONE = /^\+?[\d\s().-]+$/;
/** A bare host name: labels of letters, digits and inner hyphens, at least one dot. */
const HOST = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

export function isEmpty(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return value === undefined || value === null || value === false;
}

const text: Check = (value) => (typeof value === 'string' ? undefined : 'Enter text.');

const matching =
  (pattern: RegExp, message: string): Check =>
  (value) =>
    typeof value === 'string' && pattern.test(value) ? undefined : message;

const number: Check = (value) => {
  const ok = (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && NUMBER.test(value));
  return ok ? undefined : 'Enter a number, like 42 or 3.5.';
};

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return ['http:', 'https:'].includes(url.protocol) && url.hostname !== '';
  } catch {
    return false;
  }
}

const url: Check = (value) => (typeof value === 'string' && isHttpUrl(value) ? undefined : 'Enter a full URL starting with https:// or http://.');

function isRealDate(value: string): boolean {
  const parts = DATE.exec(value);
  if (parts === null) return false;
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const date: Check = (value) => (typeof value === 'string' && isRealDate(value) ? undefined : 'Enter a date as YYYY-MM-DD.');

/** E.164 allows at most 15 digits; fewer than 6 is no phone number anywhere. */
function isPhone(value: string): boolean {
  const digits = value.replace(/\D/g, '').length;
  return PHONE.test(value) && digits >= 6 && digits <= 15;
}

const phone: Check = (value) =>
  typeof value === 'string' && isPhone(value) ? undefined : 'Enter a phone number: digits, with an optional leading +, spaces, dashes or parentheses.';

const oneOf: Check = (value, field) => {
  const options = optionsOf(field);
  return typeof value === 'string' && options.includes(value) ? undefined : `Choose one of: ${options.join(', ')}.`;
};

const manyOf: Check = (value, field) => {
  const options = optionsOf(field);
  const ok = Array.isArray(value) && value.every((item) => typeof item === 'string' && options.includes(item));
  return ok ? undefined : `Choose only among: ${options.join(', ')}.`;
};

const checkbox: Check = (value) => (typeof value === 'boolean' ? undefined : 'Must be true or false.');

/**
 * `domain` holds the account's host name, e.g. acme.myfreshworks.com: the stricter reading of
 * a type whose exact value format is not documented [U] (request templates need a bare host).
 */
const FORMATS: Record<string, Check> = {
  text,
  paragraph: text,
  api_key: text,
  email: matching(EMAIL, 'Enter a valid email address, like name@example.com.'),
  number,
  phone_number: phone,
  date,
  url,
  domain: matching(HOST, 'Enter a host name only, like acme.myfreshworks.com (no https:// and no path).'),
  dropdown: oneOf,
  radio: oneOf,
  multiselect: manyOf,
  checkbox,
};

function matches(pattern: string, value: string): boolean {
  try {
    return new RegExp(pattern).test(value);
  } catch {
    // The validator refuses an app with an invalid pattern; nothing to enforce here.
    return true;
  }
}

function regexError(key: string, field: IparamField, value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const failed = regexRules(field).find((rule) => !matches(rule.pattern, String(value)));
  if (failed === undefined) return undefined;
  return failed.message ?? `${labelOf(key, field)} is not in the expected format.`;
}

function mustFill(field: IparamField, state: FieldState): boolean {
  const required = state.required ?? isRequired(field);
  const visible = state.visible ?? isVisible(field);
  return required && visible && state.secretSaved !== true;
}

/** The first problem with one value, or undefined when it may be saved. */
export function validateField(key: string, field: IparamField, value: unknown, state: FieldState = {}): string | undefined {
  if (isEmpty(value)) return mustFill(field, state) ? `${labelOf(key, field)} is required.` : undefined;
  const format = FORMATS[typeOf(field)] ?? text;
  return format(value, field) ?? regexError(key, field, value);
}

/** Field key → message, for every field with a problem. */
export function validateAll(fields: SettingsField[], values: Record<string, unknown>, states: Record<string, FieldState> = {}): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const { key, field } of fields) {
    const message = validateField(key, field, values[key], states[key]);
    if (message !== undefined) errors[key] = message;
  }
  return errors;
}

/** A number field's text as the number it is; the rest stays as typed. */
export function normalizeValue(field: IparamField, value: unknown): unknown {
  if (typeOf(field) !== 'number' || typeof value !== 'string') return value;
  return NUMBER.test(value) ? Number(value) : value;
}
