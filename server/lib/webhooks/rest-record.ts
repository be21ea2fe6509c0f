import { isRecord } from '../../../common/guards';
import { unwrap } from '../../../common/product-events/fields';

/**
 * An event record (wrapped fields, `custom_fields` array, platform.md §3.2) in the REST shape
 * receivers know from the Freshsales API (freshsales-api.md §1, §4): plain values, a
 * `custom_field` object, `creater_id` spelled as REST spells it, money as decimal strings.
 *
 * Ids are passed through as the platform delivered them. An integer beyond 2^53 (a contact's
 * `mcr_id`) has already lost its last digits when the platform parsed the payload, so it is
 * left out rather than sent wrong.
 */
const RENAMED: Record<string, string> = { creator_id: 'creater_id' };
const LEFT_OUT = new Set(['mcr_id', 'source_additional_info', 'import_csv_id', 'import_id']);
/** Money, sent as exact decimal strings ("5600.0") whatever type the event used. */
const MONEY = new Set(['amount', 'base_currency_amount', 'expected_deal_value', 'open_deals_amount', 'won_deals_amount', 'annual_revenue']);

const DECIMAL = /^-?\d+(?:\.\d+)?$/;

/** "5600.0" stays; 5600 → "5600.0"; 12500.5 → "12500.5"; anything else (1e21 too) → null. */
export function decimalString(value: unknown): string | null {
  if (typeof value === 'string') return DECIMAL.test(value.trim()) ? value.trim() : null;
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  const text = Number.isInteger(value) ? `${value}.0` : String(value);
  return DECIMAL.test(text) ? text : null;
}

const unsafeInteger = (value: unknown): boolean => typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value);

function plainValue(name: string, value: unknown): unknown {
  if (MONEY.has(name)) return decimalString(value);
  // subscription_types arrive as [{id, value}]; REST writes "1;2".
  if (name === 'subscription_types' && Array.isArray(value)) return value.map((item) => (isRecord(item) ? String(item.id) : String(item))).join(';');
  return value;
}

function customField(fields: unknown[]): Record<string, unknown> {
  return Object.fromEntries(fields.filter(isRecord).filter((field) => typeof field.name === 'string' && !unsafeInteger(field.value)).map((field) => [field.name as string, field.value ?? null]));
}

function primaryEmail(emails: unknown): string | null {
  if (!Array.isArray(emails)) return null;
  const records = emails.filter(isRecord);
  const primary = records.find((email) => email.is_primary === true) ?? records[0];
  return typeof primary?.value === 'string' ? primary.value : null;
}

function entryOf(name: string, field: unknown): Array<[string, unknown]> {
  if (LEFT_OUT.has(name) || unsafeInteger(unwrap(field))) return [];
  if (name === 'custom_fields') return [['custom_field', Array.isArray(field) ? customField(field) : {}]];
  const value = plainValue(name, unwrap(field));
  if (name === 'emails') return [['emails', value], ['email', primaryEmail(value)]];
  return [[RENAMED[name] ?? name, value]];
}

export function restRecord(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).flatMap(([name, field]) => entryOf(name, field)));
}

/** `model_changes` under REST names, money as decimal strings; the same fields left out. */
export function restChanges(changes: Record<string, [unknown, unknown]>): Record<string, [unknown, unknown]> {
  return Object.fromEntries(
    Object.entries(changes)
      .filter(([name, pair]) => !LEFT_OUT.has(name) && !pair.some(unsafeInteger))
      .map(([name, [before, after]]) => [RENAMED[name] ?? name, [plainValue(name, before), plainValue(name, after)]]),
  );
}
