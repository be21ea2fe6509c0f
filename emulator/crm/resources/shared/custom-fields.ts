import { isIsoDate, toDecimalString } from '../../format';
import { badRequest } from '../../http/errors';
import type { CustomFields, CustomValue, Entity, FieldSetting } from '../../model/types';
import type { CrmStore } from '../../store';
import { isObject } from './body';

/**
 * `custom_field: {"cf_<name>": value}` checked against the account's field settings
 * (freshsales-api.md §1, §6): the key must exist, the value must fit the field's type and
 * choices, and required fields may not be left blank.
 */
export const CUSTOM_FIELD_TYPES = [
  'text', 'textarea', 'number', 'decimal', 'date', 'dropdown', 'radio',
  'multi_select_dropdown', 'checkbox', 'url', 'email', 'phone_number',
] as const;

export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const URL_LIKE = /^(https?:\/\/)?[^\s/$.?#].[^\s]*$/i;
const PHONE = /^[+()\d][\d\s().-]{2,30}$/;
const TEXT_MAX = 255;
const TEXTAREA_MAX = 10_000;

type Check = (value: CustomValue, field: FieldSetting) => string | CustomValue | undefined;

const choiceValues = (field: FieldSetting) => (field.choices ?? []).map((choice) => choice.value);

function text(max: number): Check {
  return (value) => (typeof value === 'string' && value.length <= max ? value : undefined);
}

function multiSelect(value: CustomValue, field: FieldSetting): CustomValue | undefined {
  if (typeof value !== 'string') return undefined;
  const picked = value.split(';').map((part) => part.trim()).filter((part) => part !== '');
  const allowed = choiceValues(field);
  return picked.every((part) => allowed.includes(part)) ? picked.join(';') : undefined;
}

const CHECKS: Record<CustomFieldType, Check> = {
  text: text(TEXT_MAX),
  textarea: text(TEXTAREA_MAX),
  number: (value) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined),
  decimal: (value) => toDecimalString(value),
  date: (value) => (typeof value === 'string' && isIsoDate(value) ? value : undefined),
  dropdown: (value, field) => (typeof value === 'string' && choiceValues(field).includes(value) ? value : undefined),
  radio: (value, field) => (typeof value === 'string' && choiceValues(field).includes(value) ? value : undefined),
  multi_select_dropdown: multiSelect,
  checkbox: (value) => (typeof value === 'boolean' ? value : undefined),
  url: (value) => (typeof value === 'string' && URL_LIKE.test(value) ? value : undefined),
  email: (value) => (typeof value === 'string' && EMAIL.test(value) ? value : undefined),
  phone_number: (value) => (typeof value === 'string' && PHONE.test(value) ? value : undefined),
};

const EXPECTED: Record<CustomFieldType, string> = {
  text: `text of at most ${TEXT_MAX} characters`,
  textarea: `text of at most ${TEXTAREA_MAX} characters`,
  number: 'a number',
  decimal: 'a decimal number',
  date: 'a date (YYYY-MM-DD)',
  dropdown: 'one of its choices',
  radio: 'one of its choices',
  multi_select_dropdown: 'choices joined with ";"',
  checkbox: 'true or false',
  url: 'a URL',
  email: 'an email address',
  phone_number: 'a phone number',
};

export function customFieldSettings(store: CrmStore, entity: Entity): FieldSetting[] {
  return store.fields[entity].filter((field) => !field.default);
}

const isBlank = (value: unknown) => value === null || value === undefined || value === '';

function checkValue(field: FieldSetting, value: unknown): { value?: CustomValue; error?: string } {
  if (isBlank(value)) return field.required ? { error: `${field.label} can't be blank` } : { value: null };
  const check = CHECKS[field.type as CustomFieldType] as Check | undefined;
  const parsed = check?.(value as CustomValue, field);
  if (parsed === undefined) return { error: `${field.label} must be ${EXPECTED[field.type as CustomFieldType] ?? 'valid'}` };
  return { value: parsed };
}

function missingRequired(fields: FieldSetting[], merged: CustomFields): string[] {
  return fields.filter((field) => field.required && isBlank(merged[field.name])).map((field) => `${field.label} can't be blank`);
}

function checkInput(input: unknown): Record<string, unknown> {
  if (input === undefined) return {};
  if (!isObject(input)) throw badRequest('custom_field must be an object of cf_ keys');
  return input;
}

/** Applies each sent key to `merged`, returning the problems. */
function applyEach(fields: FieldSetting[], input: Record<string, unknown>, merged: CustomFields): string[] {
  const errors: string[] = [];
  for (const [name, value] of Object.entries(input)) {
    const field = fields.find((candidate) => candidate.name === name);
    const checked = field === undefined ? { error: `Custom field '${name}' does not exist` } : checkValue(field, value);
    if (checked.error !== undefined) errors.push(checked.error);
    else merged[name] = checked.value ?? null;
  }
  return errors;
}

/**
 * The record's custom fields after applying `input`: on create every required field must be
 * set; on update only the keys sent change. Throws one 400 listing every problem.
 */
export function applyCustomFields(
  store: CrmStore,
  entity: Entity,
  input: unknown,
  existing: CustomFields | undefined,
): CustomFields {
  const sent = checkInput(input);
  const fields = customFieldSettings(store, entity);
  const merged: CustomFields = { ...(existing ?? Object.fromEntries(fields.map((field) => [field.name, null]))) };
  const errors = applyEach(fields, sent, merged);
  if (existing === undefined) errors.push(...missingRequired(fields, merged));
  if (errors.length > 0) throw badRequest(...errors);
  return merged;
}
