import { ok, type CrmHandler } from '../context';
import type { Entity, FieldGroup, FieldSetting } from '../model/types';
import { parseIncludes } from './shared/includes';
import type { RegisterRoutes } from './index';

/**
 * `GET /settings/{contacts|sales_accounts|deals|sales_activities}/fields[?include=field_group]`
 * (freshsales-api.md §6) → `{"fields": [...]}`, from the account's field settings. Choice ids
 * stay as stored: numbers for built-in fields' choices, numbers and numeric strings mixed in
 * custom fields' (§6, §11). Any other entity has no route, so it gets the stand-in's JSON 404.
 */
export const SETTINGS_ENTITIES: readonly Entity[] = ['contacts', 'sales_accounts', 'deals', 'sales_activities'];

/** Stand-in-only properties of a FieldSetting that the API never shows. */
const HIDDEN = new Set(['column', 'group']);

/**
 * `include=field_group` adds grouping info whose shape is unconfirmed (§6). Reading chosen,
 * kept minimal: `{id, name, position}`. Settings that carry groups (the real-account profile,
 * where every field has a `field_group_id`) answer each field's own group; otherwise built-in
 * fields sit in one "Basic information" group per entity and custom fields answer
 * `field_group: null`, so a client must cope with both an object and null.
 */
const GROUP_ID: Record<Entity, number> = { contacts: 1, sales_accounts: 2, deals: 3, sales_activities: 4 };

function fieldGroup(entity: Entity, field: FieldSetting): FieldGroup | null {
  if (field.group !== undefined) return field.group;
  return field.default ? { id: GROUP_ID[entity], name: 'Basic information', position: 1 } : null;
}

export function fieldJson(field: FieldSetting): Record<string, unknown> {
  return Object.fromEntries(Object.entries(field).filter(([name]) => !HIDDEN.has(name)));
}

const fields = (entity: Entity): CrmHandler => (request, { store }) => {
  const withGroup = parseIncludes(request.query, ['field_group']).has('field_group');
  const items = store.fields[entity].map((field) => ({
    ...fieldJson(field),
    ...(withGroup ? { field_group: fieldGroup(entity, field) } : {}),
  }));
  return ok({ fields: items });
};

export const registerSettings: RegisterRoutes = (router) => {
  SETTINGS_ENTITIES.forEach((entity) => router.add('GET', `/settings/${entity}/fields`, fields(entity)));
};
