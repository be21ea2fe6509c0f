import type { FieldSetting } from '../../../common/crm/records';
import { isRecord } from '../../../common/guards';

/**
 * The field group a setting belongs to. `include=field_group` adds it in a shape the reference
 * leaves unconfirmed (api §6), so every spelling seen in clients is read: `field_group` as an
 * object `{id, name, position}`, an id or null, or a bare `field_group_id` / `group_id`.
 * Fields without any of them form one group.
 */
export interface FieldGroup {
  key: string;
  position?: number;
}

const NO_GROUP: FieldGroup = { key: '' };

function idKey(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function fromObject(group: Record<string, unknown>): FieldGroup {
  const key = idKey(group.id) ?? idKey(group.name);
  if (key === undefined) return NO_GROUP;
  return typeof group.position === 'number' && Number.isFinite(group.position) ? { key, position: group.position } : { key };
}

export function fieldGroupOf(setting: FieldSetting): FieldGroup {
  const group: unknown = setting.field_group ?? setting.field_group_id ?? setting.group_id;
  if (isRecord(group)) return fromObject(group);
  const key = idKey(group);
  return key === undefined ? NO_GROUP : { key };
}

type Rank = [number, number];

const compareRanks = (a: Rank, b: Rank) => a[0] - b[0] || a[1] - b[1];

/**
 * Where each group sits: by its own position when it has one, else after the positioned
 * groups in the order the CRM first lists it.
 */
function groupRanks(groups: readonly FieldGroup[]): Map<string, Rank> {
  const ranks = new Map<string, Rank>();
  groups.forEach((group, index) => {
    if (!ranks.has(group.key)) ranks.set(group.key, [group.position ?? Number.POSITIVE_INFINITY, index]);
  });
  return ranks;
}

/**
 * Settings in the CRM's order: by group, then by position inside the group (positions restart
 * in every group on real accounts, api §11); a field without a position follows the positioned
 * ones of its group in the order the CRM sent it.
 */
export function groupOrder<S extends FieldSetting>(settings: readonly S[]): S[] {
  const groups = settings.map(fieldGroupOf);
  const ranks = groupRanks(groups);
  const rankOf = (index: number): Rank => ranks.get(groups[index]?.key ?? '') ?? [0, 0];
  const positionOf = (index: number): Rank => [settings[index]?.position ?? Number.POSITIVE_INFINITY, index];
  return settings
    .map((_setting, index) => index)
    .sort((a, b) => compareRanks(rankOf(a), rankOf(b)) || compareRanks(positionOf(a), positionOf(b)))
    .map((index) => settings[index] as S);
}
