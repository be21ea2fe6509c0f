import { format, messages } from '../i18n/messages';
import type { FieldDef, FieldKind, FieldValue } from '../model/fields';
import { choiceKey, findChoice, splitMulti } from './choices';
import { isPhoneNumber } from './phone';

const text = messages.fields.invalid;

export const MAX_TEXT = 255;
export const MAX_PARAGRAPH = 10_000;

/** Null, a blank string, a multi-select with nothing chosen: what "required" refuses. */
export function isEmptyValue(value: FieldValue | undefined, kind?: FieldKind): boolean {
  if (value === null || value === undefined) return true;
  if (kind === 'multi_select') return splitMulti(value).length === 0;
  return typeof value === 'string' && value.trim() === '';
}

function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function isWebAddress(value: string): boolean {
  if (/\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** What a JSON number carries exactly: integers up to 2^53 − 1, decimals up to 15 significant digits. */
export const MAX_WHOLE = Number.MAX_SAFE_INTEGER;
export const MAX_SIGNIFICANT_DIGITS = 15;

const WHOLE = /^-?\d+$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;

function isExactWhole(value: string): boolean {
  return Number.isSafeInteger(Number(value));
}

/** "0012500.50" has 6 significant digits: leading zeros and trailing fraction zeros do not count. */
function significantDigits(value: string): number {
  const [whole = '', fraction = ''] = value.replace('-', '').split('.');
  const digits = `${whole}${fraction.replace(/0+$/, '')}`.replace(/^0+/, '');
  return digits.length;
}

type Check = (value: string, field: FieldDef) => string | undefined;

const rule = (passes: (value: string, field: FieldDef) => boolean, message: string): Check => (value, field) => (passes(value, field) ? undefined : message);

/** The first check's message, else the second's: the shape first, then what the CRM can hold. */
const both = (first: Check, second: Check): Check => (value, field) => first(value, field) ?? second(value, field);

const isChoice = (field: FieldDef, key: string) => field.choices.some((choice) => choiceKey(field, choice) === key);

/**
 * Per kind: the message for a non-empty value the field cannot take, or undefined. A number is
 * refused when the CRM could not store it exactly (B7): nothing is silently rounded.
 */
const CHECKS: Partial<Record<FieldKind, Check>> = {
  number: both(rule((value) => WHOLE.test(value), text.number), rule(isExactWhole, text.tooBig)),
  decimal: both(rule((value) => DECIMAL.test(value), text.decimal), rule((value) => significantDigits(value) <= MAX_SIGNIFICANT_DIGITS, text.tooPrecise)),
  date: rule(isRealDate, text.date),
  url: rule(isWebAddress, text.url),
  email: rule((value) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value), text.email),
  phone: rule(isPhoneNumber, text.phone),
  dropdown: rule((value, field) => isChoice(field, value), text.choice),
  multi_select: rule((value, field) => splitMulti(value).every((part) => isChoice(field, part)), text.choice),
};

const MAX_LENGTH: Partial<Record<FieldKind, number>> = { text: MAX_TEXT, paragraph: MAX_PARAGRAPH };

/** The `{max}` of the "too large" and "too many digits" messages, formatted when a message needs it (not on import). */
const LIMITS: Partial<Record<FieldKind, () => string>> = { number: () => MAX_WHOLE.toLocaleString('en-US'), decimal: () => String(MAX_SIGNIFICANT_DIGITS) };
const limitOf = (kind: FieldKind): string => LIMITS[kind]?.() ?? '';

function checkLength(field: FieldDef, value: string): string | undefined {
  const max = MAX_LENGTH[field.kind];
  return max !== undefined && value.length > max ? format(text.tooLong, { label: field.label, max: max.toLocaleString('en-US') }) : undefined;
}

/** The message for a value the CRM would refuse (or that the field requires), or undefined. */
export function validateField(field: FieldDef, value: FieldValue): string | undefined {
  if (field.kind === 'checkbox') return undefined;
  if (isEmptyValue(value, field.kind)) return field.required ? format(text.required, { label: field.label }) : undefined;
  const message = CHECKS[field.kind]?.(String(value).trim(), field);
  if (message !== undefined) return format(message, { label: field.label, max: limitOf(field.kind) });
  return checkLength(field, String(value));
}

/** Every message of a form, by field name; empty when all values are fine. */
export function validateAll(fields: readonly FieldDef[], values: Record<string, FieldValue>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const message = validateField(field, values[field.name] ?? null);
    if (message !== undefined) errors[field.name] = message;
  }
  return errors;
}

/** A whole number as a JSON number when that is exact; anything else stays text. */
function exactNumber(text: string): number | string {
  return WHOLE.test(text) && isExactWhole(text) ? Number(text) : text;
}

/** Built-in dropdowns take the choice id as a number (ids in settings may be numeric strings); custom ones the label. */
function dropdownRequestValue(field: FieldDef, value: FieldValue): FieldValue {
  const choice = findChoice(field, value);
  if (field.custom) return choice?.label ?? String(value);
  return exactNumber((choice?.id ?? String(value)).trim());
}

function multiRequestValue(field: FieldDef, value: FieldValue): FieldValue {
  const labels = splitMulti(value).map((part) => findChoice(field, part)?.label ?? part);
  return labels.length === 0 ? null : labels.join(';');
}

const isTrue = (value: FieldValue): boolean => value === true || value === 'true';

type Convert = (field: FieldDef, value: FieldValue) => FieldValue;

const CONVERT: Partial<Record<FieldKind, Convert>> = {
  number: (_field, value) => exactNumber(String(value).trim()),
  dropdown: dropdownRequestValue,
  multi_select: multiRequestValue,
  paragraph: (_field, value) => String(value),
};

/**
 * The editor value as the CRM body takes it: whole numbers as JSON numbers, decimals as
 * strings, built-in dropdowns as numeric ids, custom dropdowns as their label, multi-selects as
 * `;`-joined labels, checkboxes as booleans, empty as null. Converting twice changes nothing.
 */
export function toRequestValue(field: FieldDef, value: FieldValue): FieldValue {
  if (field.kind === 'checkbox') return isTrue(value);
  if (isEmptyValue(value, field.kind)) return null;
  const convert = CONVERT[field.kind];
  return convert !== undefined ? convert(field, value) : String(value).trim();
}

/** Every value of a form converted with `toRequestValue`. */
export function toRequestValues(fields: readonly FieldDef[], values: Record<string, FieldValue>): Record<string, FieldValue> {
  return Object.fromEntries(fields.map((field) => [field.name, toRequestValue(field, values[field.name] ?? null)]));
}
