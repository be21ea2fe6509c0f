import type { CrmUser } from '../../../common/crm/users';
import type { Choice, FieldDef } from './fields';

/**
 * Who a user id names. Records created or updated through the API come back without a `users`
 * side-load (api §11), so names come from the owners the app already caches: the owner
 * field's choices in the field settings, inactive owners included (a former rep still wrote
 * their notes). Side-loaded users win where both know an id.
 */

const OWNER_FIELD = 'owner_id';

function userOf(choice: Choice, active: boolean): CrmUser[] {
  const id = Number(choice.id);
  return Number.isSafeInteger(id) ? [{ id, display_name: choice.label, is_active: active }] : [];
}

function ownerUsers(fields: readonly FieldDef[]): CrmUser[] {
  const owner = fields.find((field) => field.name === OWNER_FIELD);
  if (owner === undefined) return [];
  return [...owner.choices.flatMap((choice) => userOf(choice, true)), ...(owner.inactiveChoices ?? []).flatMap((choice) => userOf(choice, false))];
}

/** The side-loaded users, then every cached owner they do not already name. */
export function knownUsers(sideLoaded: readonly CrmUser[], fieldSets: ReadonlyArray<readonly FieldDef[]>): CrmUser[] {
  const known = new Map<number, CrmUser>();
  [...sideLoaded, ...fieldSets.flatMap(ownerUsers)].forEach((user) => {
    if (!known.has(user.id)) known.set(user.id, user);
  });
  return [...known.values()];
}

function withoutInactiveOwners(field: FieldDef, inactive: ReadonlySet<string>): FieldDef {
  const retired = field.choices.filter((choice) => inactive.has(choice.id));
  if (retired.length === 0) return field;
  return { ...field, choices: field.choices.filter((choice) => !inactive.has(choice.id)), inactiveChoices: [...(field.inactiveChoices ?? []), ...retired] };
}

/**
 * Owner choices a side-loaded user marks `is_active: false` are moved out of what editors
 * offer: some settings do not flag inactive owners themselves, and an inactive user must never
 * be offered as an owner.
 */
export function retireInactiveOwners(fields: FieldDef[], users: readonly CrmUser[]): FieldDef[] {
  const inactive = new Set(users.filter((user) => user.is_active === false).map((user) => String(user.id)));
  if (inactive.size === 0) return fields;
  return fields.map((field) => (field.name === OWNER_FIELD ? withoutInactiveOwners(field, inactive) : field));
}
