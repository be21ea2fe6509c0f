import { isRecord } from '../../../common/guards';
/**
 * `data.changes` of *Update events (platform.md §3.2): `model_changes` maps each changed field,
 * under its event name, to `[old, new]` raw (unwrapped) values.
 *
 * Reading chosen: a "model change" is a change of a stored field. Computed fields (the
 * `dom_type` ones: name, open_deals_amount, …) are left out, as they are no model columns;
 * custom fields appear under their `cf_` names; bare fields (sales_account_ids, list_ids, …)
 * count when they differ.
 */

export interface EventChanges {
  model_changes: Record<string, [unknown, unknown]>;
  system_changes: Record<string, never>;
  misc_changes: Record<string, never>;
}

const isObject = isRecord;

const isWrapper = (value: unknown): value is Record<string, unknown> & { value: unknown } =>
  isObject(value) && 'label' in value && 'value' in value;

/** How each entry of an event record contributes raw values. */
function entriesOf(name: string, value: unknown): Array<[string, unknown]> {
  if (name === 'custom_fields' && Array.isArray(value)) return customEntries(value);
  if (!isWrapper(value)) return [[name, value]];
  return 'dom_type' in value ? [] : [[name, value.value]];
}

function customEntries(fields: unknown[]): Array<[string, unknown]> {
  return fields.filter(isObject).map((field) => [String(field.name), field.value]);
}

/** The record as `field → raw value`, under the names model_changes uses. */
export function rawValues(record: Record<string, unknown>): Map<string, unknown> {
  return new Map(Object.entries(record).flatMap(([name, value]) => entriesOf(name, value)));
}

const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown) => (typeof inner === 'bigint' ? `${inner}n` : inner)) ?? 'undefined';

export function modelChanges(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, [unknown, unknown]> {
  const old = rawValues(before);
  const changed: Record<string, [unknown, unknown]> = {};
  for (const [name, value] of rawValues(after)) {
    const previous = old.has(name) ? old.get(name) : null;
    if (canonical(previous) !== canonical(value)) changed[name] = [previous, value];
  }
  return changed;
}

export function eventChanges(before: Record<string, unknown>, after: Record<string, unknown>): EventChanges {
  return { model_changes: modelChanges(before, after), system_changes: {}, misc_changes: {} };
}
