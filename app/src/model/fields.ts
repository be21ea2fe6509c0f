import type { FieldChoice, FieldSetting } from '../../../common/crm/records';

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
  choices: Choice[];
}

/** A field's value as the editors hold it. Money and decimals stay strings. */
export type FieldValue = string | number | boolean | null;

function toChoice(choice: FieldChoice, index: number): Choice {
  return {
    id: String(choice.id),
    label: choice.value,
    position: choice.position ?? index + 1,
    ...(typeof choice.deal_pipeline_id === 'number' ? { pipelineId: choice.deal_pipeline_id } : {}),
    ...(typeof choice.forecast_type === 'string' ? { forecast: choice.forecast_type } : {}),
  };
}

const byPosition = (a: { position: number }, b: { position: number }) => a.position - b.position;

/** The editable fields, in the CRM's order; hidden fields and kinds we cannot edit are left out. */
export function toFieldDefs(settings: readonly FieldSetting[]): FieldDef[] {
  return settings
    .filter((setting) => setting.visible !== false && KINDS[setting.type] !== undefined)
    .map((setting, index) => ({ setting, position: setting.position ?? index }))
    .sort(byPosition)
    .map(({ setting }) => ({
      name: setting.name,
      label: setting.label,
      kind: KINDS[setting.type] as FieldKind,
      required: setting.required === true,
      custom: setting.default === false || setting.name.startsWith('cf_'),
      choices: (setting.choices ?? []).map(toChoice).sort(byPosition),
    }));
}

export function fieldByName(fields: readonly FieldDef[], name: string): FieldDef | undefined {
  return fields.find((field) => field.name === name);
}

export function choiceLabel(field: FieldDef | undefined, id: string | number | null | undefined): string | undefined {
  if (field === undefined || id === null || id === undefined) return undefined;
  return field.choices.find((choice) => choice.id === String(id))?.label;
}
