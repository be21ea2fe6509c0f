import { CrmError, badRequest } from '../http/errors';
import type { CrmStore } from '../store';
import { isObject, type JsonObject } from './shared/body';
import { parseFields, requirePresent, type FieldRules } from './shared/fields';

/** The messages of a thrown 400, so several checks can answer as one 400. */
function messagesOf(error: unknown): string[] {
  if (!(error instanceof CrmError) || error.status !== 400) throw error;
  return (error.body as { errors: { message: string[] } }).errors.message;
}

/** Runs `step`; a 400 it throws is added to `errors` instead of escaping. */
export function attempt<T>(errors: string[], step: () => T, prefix = ''): T | undefined {
  try {
    return step();
  } catch (error) {
    errors.push(...messagesOf(error).map((message) => `${prefix}${message}`));
    return undefined;
  }
}

/** One 400 listing every problem (duplicates once), or nothing. */
export function throwIfAny(errors: readonly string[]): void {
  if (errors.length > 0) throw badRequest(...new Set(errors));
}

function parseItem(store: CrmStore, item: unknown, rules: FieldRules, required: readonly string[]): JsonObject {
  if (!isObject(item)) throw badRequest('must be an object');
  requirePresent(item, required);
  return parseFields(store, item, rules);
}

/**
 * An array of objects such as a deal's `products` or a product's `pricing`: each item is
 * checked with `rules`; messages name the item, e.g. "Products[1]: Quantity is not a number".
 */
export function parseItems(
  store: CrmStore,
  value: unknown,
  label: string,
  rules: FieldRules,
  required: readonly string[],
): JsonObject[] {
  if (!Array.isArray(value)) throw badRequest(`${label} must be an array`);
  const errors: string[] = [];
  const items = value.map((item, index) => attempt(errors, () => parseItem(store, item, rules, required), `${label}[${index}]: `) ?? {});
  throwIfAny(errors);
  return items;
}
