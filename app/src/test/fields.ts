import type { Choice, FieldDef, FieldKind } from '../model/fields';

/** A FieldDef for tests: optional, built-in, no choices unless given. */
export function fieldOf(kind: FieldKind, overrides: Partial<FieldDef> = {}): FieldDef {
  return { name: `f_${kind}`, label: `My ${kind}`, kind, required: false, custom: false, choices: [], ...overrides };
}

export const REGION_CHOICES: Choice[] = [
  { id: '11', label: 'Americas', position: 1 },
  { id: '12', label: 'EMEA', position: 2 },
  { id: '13', label: 'APAC', position: 3 },
];

export const OWNER_CHOICES: Choice[] = [
  { id: '402000000011', label: 'Asha Rao', position: 1 },
  { id: '402000000012', label: 'Ben Ortiz', position: 2 },
];
