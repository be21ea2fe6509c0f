/**
 * JSON out with int64 fidelity: a bigint (e.g. `mcr_id`, above 2^53) is written as a raw JSON
 * number, exactly as Freshsales sends it, so clients meet the precision trap for real.
 */
// Printable (JSON escapes control characters) and improbable in record text.
const MARK = '#int64-7f3c9a1e#';
const MARKED = new RegExp(`"${MARK}(-?\\d+)"`, 'g');

export function stringify(value: unknown): string {
  const text = JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? `${MARK}${item}` : item));
  return text === undefined ? 'null' : text.replace(MARKED, '$1');
}
