/**
 * Value formats of the Freshsales REST API (freshsales-api.md §1, Data conventions): ISO
 * timestamps in the account's UTC offset, dates as YYYY-MM-DD, money as decimal strings.
 */

/** "+05:30" → minutes east of UTC. */
export function offsetMinutes(offset: string): number {
  const match = /^([+-])(\d{2}):(\d{2})$/.exec(offset);
  if (match === null) throw new RangeError(`invalid UTC offset '${offset}'`);
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** Epoch ms → "2024-05-02T09:14:03+05:30" (seconds precision, like the API). */
export function formatTimestamp(epochMs: number, offset: string): string {
  const shifted = new Date(epochMs + offsetMinutes(offset) * 60_000);
  const date = `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`;
  const time = `${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}:${pad(shifted.getUTCSeconds())}`;
  return `${date}T${time}${offset}`;
}

export function formatNullableTimestamp(epochMs: number | null | undefined, offset: string): string | null {
  return epochMs === null || epochMs === undefined ? null : formatTimestamp(epochMs, offset);
}

/** Epoch ms → "2024-06-30" in the account's offset. */
export function formatDate(epochMs: number, offset: string): string {
  return formatTimestamp(epochMs, offset).slice(0, 10);
}

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** An ISO-8601 timestamp with a zone, as clients send; undefined when it is not one. */
export function parseTimestamp(text: string): number | undefined {
  if (!ISO_TIMESTAMP.test(text)) return undefined;
  const value = Date.parse(text);
  return Number.isNaN(value) ? undefined : value;
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
