import { format, messages } from '../i18n/messages';
import type { FieldDef, FieldKind, FieldValue } from '../model/fields';
import { choiceKey, findChoice, splitMulti } from './choices';

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

function isPhone(value: string): boolean {
  return /^[\d\s+\-().]+$/.test(value) && value.replace(/\D/g, '').length >= 5;
}

type Check = (value: string, field: FieldDef) => boolean;

/** Per kind: what a non-empty value must look like, and the message when it does not. */
const CHECKS: Partial<Record<FieldKind, [Check, string]>> = {
  number: [(value) => /^-?\d+$/.test(value), text.number],
  decimal: [(value) => /^-?\d+(\.\d+)?$/.test(value), text.decimal],
  date: [isRealDate, text.date],
  url: [isWebAddress, text.url],
  email: [(value) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value), text.email],
  phone: [isPhone, text.phone],
  dropdown: [(value, field) => field.choices.some((choice) => choiceKey(field, choice) === value), text.choice],
  multi_select: [
    (value, field) => splitMulti(value).every((part) => field.choices.some((choice) => choiceKey(field, choice) === part)),
    text.choice,
  ],
};

const MAX_LENGTH: Partial<Record<FieldKind, number>> = { text: MAX_TEXT, paragraph: MAX_PARAGRAPH };

function checkLength(field: FieldDef, value: string): string | undefined {
  const max = MAX_LENGTH[field.kind];
  return max !== undefined && value.length > max ? format(text.tooLong, { label: field.label, max: max.toLocaleString('en-US') }) : undefined;
}

/** The message for a value the CRM would refuse (or that the field requires), or undefined. */
export function validateField(field: FieldDef, value: FieldValue): string | undefined {
  if (field.kind === 'checkbox') return undefined;
  if (isEmptyValue(value, field.kind)) return field.required ? format(text.required, { label: field.label }) : undefined;
  const trimmed = String(value).trim();
  const check = CHECKS[field.kind];
  if (check !== undefined && !check[0](trimmed, field)) return format(check[1], { label: field.label });
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

function dropdownRequestValue(field: FieldDef, value: FieldValue): FieldValue {
  const choice = findChoice(field, value);
  if (field.custom) return choice?.label ?? String(value);
  const id = choice?.id ?? String(value);
  return /^\d+$/.test(id) ? Number(id) : id;
}

function multiRequestValue(field: FieldDef, value: FieldValue): FieldValue {
  const labels = splitMulti(value).map((part) => findChoice(field, part)?.label ?? part);
  return labels.length === 0 ? null : labels.join(';');
}

const isTrue = (value: FieldValue): boolean => value === true || value === 'true';

type Convert = (field: FieldDef, value: FieldValue) => FieldValue;

const CONVERT: Partial<Record<FieldKind, Convert>> = {
  number: (_field, value) => (/^-?\d+$/.test(String(value).trim()) ? Number(String(value).trim()) : String(value).trim()),
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
