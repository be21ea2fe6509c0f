import type { CustomFieldValues } from '../../../common/crm/records';
import type { EntityType } from '../../../common/platform/client';
import { CUSTOM_FIELDS_IPARAM, parseCustomFields, type CustomFieldChoice } from '../../../common/sidebar-settings';
import type { FieldDef, FieldKind } from '../model/fields';
import { fieldByName } from '../model/fields';

/**
 * A built-in field as the field settings describe it (label, type, required, choices), or a
 * stand-in with the catalog label when the settings do not list it (a group field, say).
 * Hidden fields are in the settings too, so their labels and choices always apply.
 */
export function builtInField(fields: readonly FieldDef[], name: string, label: string, kind: FieldKind): FieldDef {
  return fieldByName(fields, name) ?? { name, label, kind, required: false, custom: false, choices: [] };
}

const isVisible = (field: FieldDef): boolean => field.visible !== false;

const hasValue = (values: CustomFieldValues | null | undefined, name: string): boolean => {
  const value = values?.[name];
  return value !== null && value !== undefined && value !== '';
};

/**
 * The custom fields the admin chose for the summary: their list in its order (hidden or not),
 * none, or all in the CRM's order. "All" means the visible ones plus every hidden one that
 * holds a value on the record: a value is never kept out of sight.
 */
export function chosenCustomFields(fields: readonly FieldDef[], choice: CustomFieldChoice, values?: CustomFieldValues | null): FieldDef[] {
  const custom = fields.filter((field) => field.custom);
  if (choice.kind === 'none') return [];
  if (choice.kind === 'all') return custom.filter((field) => isVisible(field) || hasValue(values, field.name));
  return choice.names.flatMap((name) => custom.filter((field) => field.name === name));
}

function offeredCustom(field: FieldDef, choice: CustomFieldChoice): boolean {
  if (choice.kind === 'list') return choice.names.includes(field.name);
  return choice.kind === 'all' && isVisible(field);
}

/**
 * What a create form ("+ Deal", "+ Contact") offers, in the CRM's order: the form's quick
 * built-in fields (hidden or not: a real account hides expected close and job title, api
 * §11), every required field, and the custom fields of the admin's choice for that record
 * type (the listed ones, hidden or not; with "all", the visible ones). `visible` decides only
 * this default, nothing else.
 */
export function createFormFields(fields: readonly FieldDef[], quick: readonly string[], choice: CustomFieldChoice): FieldDef[] {
  return fields.filter((field) => field.required || (field.custom ? offeredCustom(field, choice) : quick.includes(field.name)));
}

/**
 * The admin's custom-field choice for a record type's create form, from the installation
 * settings; without settings (a section rendered on its own) no custom field is added.
 */
export function formCustomFields(settings: Record<string, unknown> | undefined, entity: EntityType): CustomFieldChoice {
  return settings === undefined ? { kind: 'none' } : parseCustomFields(settings[CUSTOM_FIELDS_IPARAM[entity]]);
}

/** The deal stage field with only the stages of one pipeline (a deal cannot leave its pipeline here). */
export function stagesOfPipeline(stageField: FieldDef, pipelineId: number | null | undefined): FieldDef {
  if (pipelineId === null || pipelineId === undefined) return stageField;
  return { ...stageField, choices: stageField.choices.filter((choice) => choice.pipelineId === pipelineId) };
}
