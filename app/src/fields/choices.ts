import { knownChoices, type Choice, type FieldDef, type FieldValue } from '../model/fields';

/**
 * What identifies a choice in an editor and in records: built-in dropdowns (`owner_id`,
 * `deal_stage_id`…) hold the choice id, custom dropdowns hold the label text (the CRM stores
 * `cf_sales_region: "Americas"`).
 */
export function choiceKey(field: FieldDef, choice: Choice): string {
  return field.custom ? choice.label : choice.id;
}

/**
 * The choice a stored value names: by its key first, then by id or label (older records), among
 * the offered choices and then the inactive ones (a former owner keeps their name). Ids compare
 * as strings, so a JSON number and a numeric string name the same choice.
 */
export function findChoice(field: FieldDef, raw: FieldValue | undefined): Choice | undefined {
  if (raw === null || raw === undefined || raw === '') return undefined;
  const text = String(raw).trim();
  const choices = knownChoices(field);
  return choices.find((choice) => choiceKey(field, choice) === text) ?? choices.find((choice) => choice.id === text || choice.label === text);
}

/** A multi-select value (`a;b;c`) as its parts, without blanks. */
export function splitMulti(raw: FieldValue | undefined): string[] {
  if (raw === null || raw === undefined || typeof raw === 'boolean') return [];
  return String(raw)
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

function choiceEditorValue(field: FieldDef, raw: FieldValue): string {
  const choice = findChoice(field, raw);
  return choice === undefined ? String(raw) : choiceKey(field, choice);
}

/**
 * A record's stored value as an editor holds it: dropdowns by choice key, multi-selects as
 * `;`-joined keys, checkboxes as booleans, everything else as text ('' when empty).
 */
export function toEditorValue(field: FieldDef, raw: FieldValue | undefined): FieldValue {
  if (field.kind === 'checkbox') return raw === true || raw === 'true';
  if (raw === null || raw === undefined) return '';
  if (field.kind === 'dropdown') return choiceEditorValue(field, raw);
  if (field.kind === 'multi_select') return splitMulti(raw).map((part) => choiceEditorValue(field, part)).join(';');
  return String(raw);
}
