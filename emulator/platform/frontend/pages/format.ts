import type { ChoiceRow, CustomFields, FieldSetting, Id } from '../../../crm/model/types';
import type { CrmStore } from '../../../crm/store';

/** Display text for the product pages, from the stand-in's raw rows. */

export const EMPTY = '—';

export const text = (value: string | number | null | undefined): string =>
  value === null || value === undefined || value === '' ? EMPTY : String(value);

export function userName(store: CrmStore, id: Id | null): string {
  if (id === null) return 'Unassigned';
  return store.users.find((user) => user.id === id)?.display_name ?? `User ${id}`;
}

export function choiceName(choices: ChoiceRow[], id: Id | null): string {
  if (id === null) return EMPTY;
  return choices.find((choice) => choice.id === id)?.name ?? EMPTY;
}

export function date(epochMs: number | null): string {
  return epochMs === null ? EMPTY : new Date(epochMs).toISOString().slice(0, 10);
}

/** A decimal string with thousands separators, kept as a string (money is never a float here). */
export function money(amount: string | number | null, currency = ''): string {
  if (amount === null || amount === '') return EMPTY;
  const [whole = '0', fraction = ''] = String(amount).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = /^0*$/.test(fraction) ? '' : `.${fraction.padEnd(2, '0')}`;
  return `${currency} ${grouped}${cents}`.trim();
}

export function joined(parts: Array<string | null | undefined>, separator = ', '): string {
  return text(parts.filter((part) => part !== null && part !== undefined && part !== '').join(separator));
}

/** Only web links become anchors: a stored `javascript:` URL stays text. */
export const safeHref = (value: string | null): string | undefined =>
  value !== null && /^https?:\/\//i.test(value) ? value : undefined;

const CUSTOM_FORMATS: Record<string, (value: string | number | boolean) => string> = {
  multi_select_dropdown: (value) => String(value).split(';').join(', '),
  checkbox: (value) => (value === true ? 'Yes' : 'No'),
};

function customValue(field: FieldSetting, value: CustomFields[string] | undefined): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  const format = CUSTOM_FORMATS[field.type];
  return format === undefined ? String(value) : format(value);
}

/** The custom fields of an entity, labelled as the account's field settings say. */
export function customFields(fields: FieldSetting[], values: CustomFields): Array<{ label: string; value: string; long: boolean; href?: string }> {
  return fields
    .filter((field) => field.name.startsWith('cf_'))
    .map((field) => {
      const value = customValue(field, values[field.name]);
      return { label: field.label, value, long: field.type === 'textarea', href: field.type === 'url' ? safeHref(value) : undefined };
    });
}

export function initials(name: string): string {
  const letters = name
    .split(/\s+/)
    .filter((word) => /^\p{L}/u.test(word))
    .slice(0, 2)
    .map((word) => [...word][0] ?? '');
  return letters.join('').toUpperCase() || '?';
}
