import type { CustomFieldChoice } from '../../../common/sidebar-settings';
import type { FieldDef, FieldKind } from '../model/fields';
import { fieldByName } from '../model/fields';

/**
 * A built-in field as the field settings describe it (label, type, required, choices), or a
 * stand-in with the catalog label when the settings do not list it (hidden, or a group field).
 */
export function builtInField(fields: readonly FieldDef[], name: string, label: string, kind: FieldKind): FieldDef {
  return fieldByName(fields, name) ?? { name, label, kind, required: false, custom: false, choices: [] };
}

/** The custom fields the admin chose for the summary: all in the CRM's order, none, or their list in its order. */
export function chosenCustomFields(fields: readonly FieldDef[], choice: CustomFieldChoice): FieldDef[] {
  const custom = fields.filter((field) => field.custom);
  if (choice.kind === 'none') return [];
  if (choice.kind === 'all') return custom;
  return choice.names.flatMap((name) => custom.filter((field) => field.name === name));
}

/** The deal stage field with only the stages of one pipeline (a deal cannot leave its pipeline here). */
export function stagesOfPipeline(stageField: FieldDef, pipelineId: number | null | undefined): FieldDef {
  if (pipelineId === null || pipelineId === undefined) return stageField;
  return { ...stageField, choices: stageField.choices.filter((choice) => choice.pipelineId === pipelineId) };
}
