import type { CustomFields, Entity, FieldSetting } from '../model/types';
import type { SerializeContext } from '../serialize/context';

/**
 * The field-wrapper format of contact, deal and sales account event records (platform.md
 * §3.2): `{label, type, value}` for stored fields, `{label, dom_type, value}` for computed
 * ones, and `custom_fields` as an array of `{name, label, type, value, column}`.
 */

export interface Wrapped {
  label: string;
  type: string;
  value: unknown;
}

export interface DomWrapped {
  label: string;
  dom_type: string;
  value: unknown;
}

export interface EventCustomField {
  name: string;
  label: string;
  type: string;
  value: unknown;
  column: string | null;
}

/**
 * A built-in field of an event record: its event name, the label used when the account's
 * field settings have none, its event type, and how to read its value from the row.
 */
export type BuiltIn<R> = readonly [name: string, label: string, type: string, read: (row: R, context: SerializeContext) => unknown];

/**
 * Records inside events are written in UTC with "Z" at seconds precision, as every sample in
 * platform.md §3 shows — unlike the REST API, which uses the account's zone.
 */
export function isoUtc(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export const isoUtcOrNull = (epochMs: number | null | undefined): string | null =>
  epochMs === null || epochMs === undefined ? null : isoUtc(epochMs);

/** Event field names that the REST settings spell differently (api §9). */
const SETTING_NAMES: Record<string, string> = { creator_id: 'creater_id' };

function settingOf(settings: readonly FieldSetting[], name: string): FieldSetting | undefined {
  const restName = SETTING_NAMES[name] ?? name;
  return settings.find((field) => field.name === restName);
}

/**
 * Labels follow the account's settings (an admin may rename a field). Types of built-in
 * fields come from the table: the event types are the confirmed ones (§3.3–3.5), while the
 * REST settings use another vocabulary (`textarea` for address, `text` for phones, `number`
 * for money).
 */
function labelOf(settings: readonly FieldSetting[], name: string, fallback: string): string {
  return settingOf(settings, name)?.label ?? fallback;
}

export function wrapBuiltIns<R>(
  context: SerializeContext,
  entity: Entity,
  table: readonly BuiltIn<R>[],
  row: R,
): Record<string, Wrapped> {
  const settings = context.store.fields[entity];
  return Object.fromEntries(
    table.map(([name, label, type, read]) => [name, { label: labelOf(settings, name, label), type, value: read(row, context) }]),
  );
}

export function wrapComputed<R>(context: SerializeContext, table: readonly BuiltIn<R>[], row: R): Record<string, DomWrapped> {
  return Object.fromEntries(table.map(([name, label, domType, read]) => [name, { label, dom_type: domType, value: read(row, context) }]));
}

/** REST setting types → event types; the rest are spelled alike. */
const EVENT_TYPES: Record<string, string> = { textarea: 'paragraph' };

/**
 * Every custom field of the entity, in settings order, set or not. Values stay as REST
 * stores them (multi-select: `;`-joined string; dropdown: the choice's value).
 */
export function customFieldsArray(context: SerializeContext, entity: Entity, values: CustomFields): EventCustomField[] {
  return context.store.fields[entity]
    .filter((field) => !field.default)
    .map((field) => ({
      name: field.name,
      label: field.label,
      type: EVENT_TYPES[field.type] ?? field.type,
      value: values[field.name] ?? null,
      column: field.column ?? null,
    }));
}
