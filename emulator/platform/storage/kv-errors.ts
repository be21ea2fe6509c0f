import { PlatformError } from '../types';

/**
 * The key-value store's errors. Messages and statuses are those of the FDK's local store
 * (fdk `routes/data-store` and `utils/data-util`), with the v3.0 limits (60-character keys,
 * 40 KB) in place of the v2 ones; platform.md §6.1 lists the identifiers. App code only sees
 * `{status, message}` (the identifier is kept for the inspector and for tests).
 */
const KV_ERRORS = {
  record_not_found: [404, 'Record not found'],
  blank_key_error: [400, 'The key cannot be blank'],
  // Not in the FDK (it lets a number through and fails later); stricter: refuse at once.
  key_type_error: [400, 'The key should be a string'],
  key_length_error: [400, 'Key length should not exceed 60 characters'],
  blank_value_error: [400, 'The value cannot be blank and should be of type JSON'],
  // The FDK answers 422 (not 400) when the value is not an object at all.
  value_type_error: [422, 'The value cannot be blank and should be of type JSON'],
  object_size_error: [400, 'The combined size of the key and value should not exceed 40KB'],
  mandatory_attrib_missing: [400, 'Mandatory attributes Missing'],
  ttl_type_error: [400, 'Time to live(ttl) should be of type float and a non-zero value'],
  invalid_setIf_value: [422, 'setIf can only take two values: "exist" or "not_exist"'],
  invalid_options: [400, 'The options should be a JSON object'],
  condition_failed: [400, 'The setIf conditional request failed'],
  blank_attribute_error: [400, 'Attributes object cannot be empty and should be of type JSON or Array'],
  invalid_attribute_key: [400, 'Keys or paths inside attributes object cannot be blank'],
  // set/remove paths: the FDK answers 422 for a blank path there.
  invalid_attribute_path: [422, 'Keys or paths inside attributes object cannot be blank'],
  invalid_increment_value: [400, 'The value passed to increment should be of type number'],
  invalid_append_value: [400, 'The value passed to append should be of type array and should not be an empty array'],
  invalid_remove_attributes: [400, 'The attributes object passed to remove action should be of type array'],
  invalid_path: [400, 'One or more paths in the attributes are invalid or overlapping with each other'],
  invalid_remove_key: [400, 'The specified key for remove operation does not exist in the data store'],
} as const satisfies Record<string, readonly [number, string]>;

export type KvErrorId = keyof typeof KV_ERRORS | 'invalid_option' | 'invalid_action' | 'attribute_type_error' | 'rate_limit';

export class KvError extends PlatformError {
  constructor(
    readonly id: KvErrorId,
    status: number,
    message: string,
  ) {
    super({ status, message });
  }
}

export function kvError(id: keyof typeof KV_ERRORS): KvError {
  const [status, message] = KV_ERRORS[id];
  return new KvError(id, status, message);
}

/** The status and message app code receives for `id` (for tests and documentation). */
export function kvErrorShape(id: keyof typeof KV_ERRORS): { status: number; message: string } {
  const [status, message] = KV_ERRORS[id];
  return { status, message };
}

export const invalidOption = (name: string): KvError => new KvError('invalid_option', 400, `Invalid option ${name} inside options`);

export const invalidAction = (action: unknown): KvError => new KvError('invalid_action', 400, `Invalid action ${String(action)} for update`);

/**
 * Incrementing a non-number or appending to a non-array. The FDK says "Mandatory attributes
 * missing" here, which misleads; the status is the same, the message says what is wrong.
 */
export const attributeTypeError = (attribute: string, expected: 'number' | 'array'): KvError =>
  new KvError('attribute_type_error', 400, `The stored attribute '${attribute}' is not ${expected === 'number' ? 'a number' : 'an array'}, so it cannot be ${expected === 'number' ? 'incremented' : 'appended to'}`);

/** Over the per-minute budget; the platform's wording is not documented (platform.md §6.1: 429 [U]). */
export const kvRateLimited = (limit: number): KvError =>
  new KvError('rate_limit', 429, `Rate limit exceeded: the key-value store allows ${limit} operations per minute per installation`);
