import type { FieldChoice, FieldSetting } from '../../../common/crm/records';
import { groupOrder } from './field-groups';

/**
 * Field settings (freshsales-api.md §6) turned into what the sidebar edits. The CRM's type
 * names map onto the kinds the issue names; group fields (emails, phones, accounts) and
 * auto-complete fields (tags, account, contacts) have their own editors or none, so they get
 * no kind and are shown read-only.
 */
export type FieldKind =
  | 'text'
  | 'paragraph'
  | 'number'
  | 'decimal'
  | 'date'
  | 'dropdown'
  | 'multi_select'
  | 'checkbox'
  | 'url'
  | 'email'
  | 'phone';

const KINDS: Record<string, FieldKind> = {
  text: 'text',
  textarea: 'paragraph',
  paragraph: 'paragraph',
  number: 'number',
  decimal: 'decimal',
  date: 'date',
  dropdown: 'dropdown',
  radio: 'dropdown',
  multi_select_dropdown: 'multi_select',
  checkbox: 'checkbox',
  url: 'url',
  email: 'email',
  phone_number: 'phone',
};

/**
 * Built-in fields whose settings type says less than their content: phone numbers typed
 * `text` (so they are checked like custom phone fields, B10) and money typed `number` (the
 * currency's decimals are allowed, B2). Custom fields keep their declared type.
 */
const BUILT_IN_KINDS: Record<string, FieldKind> = {
  work_number: 'phone',
  mobile_number: 'phone',
  phone: 'phone',
  amount: 'decimal',
};

export interface Choice {
  /** Always a string: the CRM mixes numbers and numeric strings (api §6). */
  id: string;
  label: string;
  position: number;
  /** Deal stages: the pipeline they belong to and Open / Closed Won / Closed Lost. */
  pipelineId?: number;
  forecast?: string;
}

export interface FieldDef {
  name: string;
  label: string;
  kind: FieldKind;
  required: boolean;
  /** `cf_…` fields live under `custom_field` in records and request bodies. */
  custom: boolean;
  /** What editors offer. */
  choices: Choice[];
  /**
   * Choices that still name stored values but are never offered (inactive owners): a note by
   * a former rep keeps its author's name, and nobody can assign a record to them.
   */
  inactiveChoices?: Choice[];
  /**
   * The admin's `visible` flag. It decides only which fields create forms offer by default;
   * hidden fields keep their labels and choices, and the summary shows them when they hold a
   * value (api §11: most built-in fields are hidden on real accounts). Absent means visible.
   */
  visible?: boolean;
}

/** A field's value as the editors hold it. Money and decimals stay strings. */
export type FieldValue = string | number | boolean | null;

function numericId(value: unknown): number | undefined {
  const number = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  return typeof number === 'number' && Number.isSafeInteger(number) ? number : undefined;
}

function toChoice(choice: FieldChoice, index: number): Choice {
  const pipelineId = numericId(choice.deal_pipeline_id);
  return {
    id: String(choice.id).trim(),
    label: choice.value ?? choice.name ?? String(choice.id),
    position: choice.position ?? index + 1,
    ...(pipelineId === undefined ? {} : { pipelineId }),
    ...(typeof choice.forecast_type === 'string' ? { forecast: choice.forecast_type } : {}),
  };
}

const byPosition = (a: { position: number }, b: { position: number }) => a.position - b.position;

function choicesOf(setting: FieldSetting): Pick<FieldDef, 'choices' | 'inactiveChoices'> {
  const all = (setting.choices ?? []).map((choice, index) => ({ choice, converted: toChoice(choice, index) }));
  const inactive = all.filter(({ choice }) => choice.is_active === false).map(({ converted }) => converted);
  const choices = all.filter(({ choice }) => choice.is_active !== false).map(({ converted }) => converted);
  return { choices: choices.sort(byPosition), ...(inactive.length > 0 ? { inactiveChoices: inactive.sort(byPosition) } : {}) };
}

function kindOf(setting: FieldSetting, custom: boolean): FieldKind | undefined {
  return (custom ? undefined : BUILT_IN_KINDS[setting.name]) ?? KINDS[setting.type];
}

function toFieldDef(setting: FieldSetting): FieldDef[] {
  const custom = setting.default === false || setting.name.startsWith('cf_');
  const kind = kindOf(setting, custom);
  if (kind === undefined) return [];
  return [{ name: setting.name, label: setting.label, kind, required: setting.required === true, custom, visible: setting.visible !== false, ...choicesOf(setting) }];
}

/**
 * Every field we can edit, hidden ones included (with a `visible` flag), in the CRM's order:
 * by field group, then by position inside the group, where positions restart (api §11).
 */
export function toFieldDefs(settings: readonly FieldSetting[]): FieldDef[] {
  return groupOrder(settings).flatMap(toFieldDef);
}

export function fieldByName(fields: readonly FieldDef[], name: string): FieldDef | undefined {
  return fields.find((field) => field.name === name);
}

/** Offered and inactive choices: everything that can turn a stored id into a label. */
export function knownChoices(field: FieldDef): Choice[] {
  return field.inactiveChoices === undefined ? field.choices : [...field.choices, ...field.inactiveChoices];
}

/** A choice's label by id; ids compare as strings, so `31004057004` and `"31004057004"` match. */
export function choiceLabel(field: FieldDef | undefined, id: string | number | null | undefined): string | undefined {
  if (field === undefined || id === null || id === undefined) return undefined;
  const key = String(id).trim();
  return knownChoices(field).find((choice) => choice.id === key)?.label;
}
