import { isRecord } from '../../../../common/guards';
import { badRequest } from '../../http/errors';

export type JsonObject = Record<string, unknown>;

export const isObject: (value: unknown) => value is JsonObject = isRecord;

/**
 * The record in a write body. Clients should wrap it (`{"contact": {…}}`), but the real
 * service also takes the fields at the top level (api §1), so both are accepted.
 */
export function unwrap(body: unknown, key: string, siblings: readonly string[] = []): JsonObject {
  if (!isObject(body)) throw badRequest(`Request body must be a JSON object with a "${key}" object`);
  const wrapped = body[key];
  if (wrapped === undefined) {
    const { ...fields } = body;
    siblings.forEach((name) => delete fields[name]);
    return fields;
  }
  if (!isObject(wrapped)) throw badRequest(`"${key}" must be an object`);
  return wrapped;
}
