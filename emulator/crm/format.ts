import { zonedDate, zonedTimestamp } from './zone';

/**
 * Value formats of the Freshsales REST API (freshsales-api.md §1, Data conventions, §11): ISO
 * timestamps in the offset the account's time zone has at that instant, dates as YYYY-MM-DD,
 * money as decimal strings.
 */

/** Epoch ms → "2024-05-02T09:14:03+02:00" (seconds precision, like the API). */
export function formatTimestamp(epochMs: number, zone: string): string {
  return zonedTimestamp(epochMs, zone);
}

export function formatNullableTimestamp(epochMs: number | null | undefined, zone: string): string | null {
  return epochMs === null || epochMs === undefined ? null : formatTimestamp(epochMs, zone);
}

/** Epoch ms → "2024-06-30", the day it is in the account's zone. */
export function formatDate(epochMs: number, zone: string): string {
  return zonedDate(epochMs, zone);
}

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** An ISO-8601 timestamp with a zone, as clients send; undefined when it is not one. */
export function parseTimestamp(text: string): number | undefined {
  if (!ISO_TIMESTAMP.test(text)) return undefined;
  const value = Date.parse(text);
  return Number.isNaN(value) ? undefined : value;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DATE_STRING = new RegExp(
  `^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (${MONTHS.join('|')}) (\\d{2}) (\\d{4}) (\\d{2}:\\d{2}:\\d{2}) GMT([+-]\\d{2})(\\d{2})(?: \\([^()]+\\))?$`,
);

/** "+0530" / "-0930" → minutes east of UTC; undefined past 59 minutes. */
function gmtOffsetMinutes(hours: string, minutes: string): number | undefined {
  if (Number(minutes) >= 60) return undefined;
  return (hours.startsWith('-') ? -1 : 1) * (Math.abs(Number(hours)) * 60 + Number(minutes));
}

/** "Jun", "21", "2099", "11:00:00" → epoch ms of that wall time read as UTC, when it is a real one. */
function wallTime(month: string, day: string, year: string, time: string): number | undefined {
  const date = `${year}-${String(MONTHS.indexOf(month) + 1).padStart(2, '0')}-${day}`;
  const [hours, minutes, seconds] = time.split(':').map(Number) as [number, number, number];
  if (!isIsoDate(date) || hours > 23 || minutes > 59 || seconds > 59) return undefined;
  return Date.parse(`${date}T${time}Z`);
}

/**
 * JavaScript's `Date.prototype.toString()` form, which task and appointment writes accept
 * (§11): "Tue Jun 21 2099 11:00:00 GMT+0000 (Coordinated Universal Time)", the parenthesised
 * zone name optional. The weekday is not checked against the date; undefined when the text is
 * not of that form or names no real instant.
 */
export function parseDateString(text: string): number | undefined {
  const match = DATE_STRING.exec(text);
  if (match === null) return undefined;
  const [, month, day, year, time, offsetHours, offsetMinutes] = match as unknown as [string, string, string, string, string, string, string];
  const wall = wallTime(month, day, year, time);
  const offset = gmtOffsetMinutes(offsetHours, offsetMinutes);
  return wall === undefined || offset === undefined ? undefined : wall - offset * 60_000;
}

/** "YYYY-MM-DD" that names a real day. */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (match === null) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.getUTCDate() === Number(match[3]) && date.getUTCMonth() === Number(match[2]) - 1;
}

const DECIMAL = /^-?\d+(?:\.\d+)?$/;

/**
 * Money as the API answers it: "12000.0", "5600.5" (Rails BigDecimal#to_s). Accepts numbers
 * and numeric strings, as request bodies may send either; undefined when not a number.
 */
function decimalText(value: unknown): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  return typeof value === 'string' && DECIMAL.test(value.trim()) ? value.trim() : undefined;
}

export function toDecimalString(value: unknown): string | undefined {
  const text = decimalText(value);
  if (text === undefined || text.includes('e')) return undefined;
  const [whole = '0', fraction = ''] = text.split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = whole.replace('-', '').replace(/^0+(?=\d)/, '');
  const trimmed = fraction.replace(/0+$/, '');
  return `${sign}${digits}.${trimmed || '0'}`;
}

/** Decimal string × decimal string, rounded to 2 places, as a decimal string. */
export function multiplyDecimal(a: string, b: string): string {
  const product = Math.round(Number(a) * Number(b) * 100) / 100;
  return toDecimalString(product.toFixed(2)) ?? '0.0';
}
