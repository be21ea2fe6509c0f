/**
 * JSON helpers shared by the stores: what the platform can hold is what survives
 * `JSON.stringify`, and every stored value is a private copy the caller cannot mutate.
 */

export type JsonObject = Record<string, unknown>;

export const isPlainObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** UTF-8 bytes of the JSON text (how the size limits are measured). */
export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
}

/** A deep copy through JSON; throws on what JSON cannot hold (BigInt, cycles). */
export function cloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * The key-value store keeps `""`, `NaN` and `±Infinity` as `null`, at any depth (platform.md
 * §6.1). JSON.stringify already writes non-finite numbers as null; the replacer handles "".
 */
export function nullifiedCopy(value: unknown): unknown {
  const text = JSON.stringify(value, (_key, item: unknown) => (item === '' ? null : item));
  if (text === undefined) throw new TypeError('not JSON');
  return JSON.parse(text) as unknown;
}

/** True when an object anywhere inside has a blank ("" or whitespace) property name. */
export function hasBlankKey(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasBlankKey);
  if (!isPlainObject(value)) return false;
  return Object.entries(value).some(([key, item]) => key.trim() === '' || hasBlankKey(item));
}
