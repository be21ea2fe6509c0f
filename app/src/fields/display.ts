import { messages } from '../i18n/messages';
import type { FieldDef, FieldKind, FieldValue } from '../model/fields';
import type { Money } from '../model/money';
import { findChoice, splitMulti } from './choices';
import { isEmptyValue } from './validate';

export interface DisplayOptions {
  /** BCP 47 locale for numbers and dates; en-US when absent. */
  locale?: string;
  /** What an empty value reads as; the catalog's dash when absent. */
  empty?: string;
}

const DEFAULT_LOCALE = 'en-US';
const DECIMAL = /^-?\d+(\.\d+)?$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const UTC: Intl.DateTimeFormatOptions = { timeZone: 'UTC' };

/**
 * Intl.NumberFormat formats a decimal string exactly (no float rounding); the ES2020 lib the
 * app compiles against only declares numbers, so the string overload is spelled out here.
 */
function formatDecimalString(formatter: Intl.NumberFormat, value: string): string {
  return (formatter as unknown as { format(value: string): string }).format(value);
}

/** A whole number or decimal (number or decimal string) grouped for reading: "1,250.5". */
export function formatNumber(value: string | number | null | undefined, locale = DEFAULT_LOCALE): string {
  if (value === null || value === undefined || String(value).trim() === '') return messages.fields.empty;
  const text = String(value).trim();
  if (!DECIMAL.test(text)) return text;
  return formatDecimalString(new Intl.NumberFormat(locale, { maximumFractionDigits: 20 }), text);
}

function currencyFormatter(currencyCode: string | undefined, locale: string): Intl.NumberFormat | undefined {
  if (currencyCode === undefined || currencyCode.trim() === '') return undefined;
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency: currencyCode.trim() });
  } catch {
    return undefined;
  }
}

const grouped = (locale: string) => new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * Money (a decimal string such as "5600.0") in its currency when the code is known ("$5,600.00"),
 * else grouped with two fractions ("5,600.00"); a currency Intl does not know is named after the
 * amount ("5,600.00 XBT"). The amount is never turned into a float.
 */
export function formatMoney(amount: string | null | undefined, currencyCode?: string, locale = DEFAULT_LOCALE): string {
  if (amount === null || amount === undefined || amount.trim() === '') return messages.fields.empty;
  const text = amount.trim();
  if (!DECIMAL.test(text)) return text;
  const formatter = currencyFormatter(currencyCode, locale);
  return formatter !== undefined ? formatDecimalString(formatter, text) : withCodeAfter(formatDecimalString(grouped(locale), text), currencyCode);
}

function withCodeAfter(amount: string, currencyCode: string | undefined): string {
  const code = currencyCode?.trim() ?? '';
  return code === '' ? amount : `${amount} ${code}`;
}

/** Totals in several currencies side by side ("$1,200.00 + €300.00"): amounts in different currencies are never added. */
export function formatAmounts(amounts: readonly Money[], locale = DEFAULT_LOCALE): string {
  if (amounts.length === 0) return formatMoney('0', undefined, locale);
  return amounts.map((money) => formatMoney(money.amount, money.currencyCode, locale)).join(' + ');
}

/**
 * A date for reading ("May 31, 2024"). `YYYY-MM-DD` is a calendar date and is shown as is,
 * whatever the time zone; a timestamp is shown in the viewer's zone.
 */
export function formatDate(iso: string | null | undefined, locale = DEFAULT_LOCALE): string {
  const text = (iso ?? '').trim();
  if (text === '') return messages.fields.empty;
  const dateOnly = DATE_ONLY.test(text);
  // A calendar date is read as midnight UTC and shown in UTC, so no zone can move it a day.
  const date = new Date(dateOnly ? `${text}T00:00:00Z` : text);
  if (Number.isNaN(date.getTime())) return text;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', ...(dateOnly ? UTC : {}) }).format(date);
}

type Show = (field: FieldDef, raw: FieldValue, locale: string) => string;

const SHOW: Partial<Record<FieldKind, Show>> = {
  dropdown: (field, raw) => findChoice(field, raw)?.label ?? String(raw),
  multi_select: (field, raw) =>
    splitMulti(raw)
      .map((part) => findChoice(field, part)?.label ?? part)
      .join(', '),
  date: (_field, raw, locale) => formatDate(String(raw), locale),
  number: (_field, raw, locale) => formatNumber(String(raw), locale),
  decimal: (_field, raw, locale) => formatNumber(String(raw), locale),
};

const showCheckbox = (raw: FieldValue | undefined): string => (raw === true || raw === 'true' ? messages.fields.yes : messages.fields.no);

/** A stored value as read-mode text; React renders it as text, so record HTML stays inert. */
export function displayValue(field: FieldDef, rawValue: FieldValue | undefined, options: DisplayOptions = {}): string {
  if (field.kind === 'checkbox') return showCheckbox(rawValue);
  if (isEmptyValue(rawValue, field.kind)) return options.empty ?? messages.fields.empty;
  const show = SHOW[field.kind] ?? ((_field, raw) => String(raw));
  return show(field, rawValue as FieldValue, options.locale ?? DEFAULT_LOCALE);
}
