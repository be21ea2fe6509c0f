import type { AppFiles } from '../app-files';
import { platformError, type Finding } from '../findings';
import { describeAjvError, validators } from '../schemas';

const FILE = 'config/entities.json';

interface EntityField {
  name: string;
  type: string;
  choices?: unknown[];
}

function enumFindings(entities: Record<string, { fields: EntityField[] }>): Finding[] {
  return Object.entries(entities).flatMap(([entity, { fields }]) =>
    fields
      .filter((field) => field.type === 'enum' && (field.choices ?? []).length === 0)
      .map((field) => platformError('custom-objects', `Entity '${entity}': enum field '${field.name}' needs choices`, FILE)),
  );
}

/** The custom-objects validator: entity storage schema (platform.md §6.2). */
export function checkEntities(app: AppFiles): Finding[] {
  if (app.entities === undefined) return [];
  if (!validators.entities(app.entities)) {
    return (validators.entities.errors ?? []).map((e) =>
      platformError('custom-objects', `${FILE}${e.instancePath} ${describeAjvError(e)}`, FILE),
    );
  }
  return enumFindings(app.entities as Record<string, { fields: EntityField[] }>);
}
