import { attributeTypeError, kvError } from './kv-errors';
import { cloneJson, isPlainObject, type JsonObject } from './json';

/**
 * The four `update` actions of the key-value store (platform.md §6.1). Each validates the
 * attributes as given, then computes the new value from a copy of the stored one (undefined
 * when the key is missing or expired); the store writes it back only if every step passed,
 * so a failed update changes nothing.
 */
export type UpdateAction = 'increment' | 'append' | 'set' | 'remove';

interface ActionRules {
  validate(attributes: object): void;
  apply(current: JsonObject | undefined, attributes: unknown): JsonObject;
}

/** `a.b[0].c` → ['a', 'b', '0', 'c'] (the FDK splits on dots and brackets). */
export const pathSegments = (path: string): string[] => path.split(/[.[\]]/).filter((part) => part !== '');

const isContainer = (value: unknown): value is JsonObject | unknown[] => typeof value === 'object' && value !== null;

function lookup(root: unknown, parts: string[]): unknown {
  let node = root;
  for (const part of parts) {
    if (!isContainer(node)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

function arrayIndex(part: string): number {
  const index = Number(part);
  if (!Number.isInteger(index) || index < 0) throw kvError('invalid_path');
  return index;
}

function writeAt(container: JsonObject | unknown[], part: string, value: unknown): void {
  if (!Array.isArray(container)) {
    container[part] = value;
    return;
  }
  const index = arrayIndex(part);
  // Like DynamoDB's SET list[n]: past the end appends.
  if (index >= container.length) container.push(value);
  else container[index] = value;
}

function removeAt(container: JsonObject | unknown[], part: string): void {
  if (Array.isArray(container)) container.splice(arrayIndex(part), 1);
  else delete container[part];
}

/** Two paths where one is the other or inside it cannot be written in one call. */
function refuseOverlaps(paths: string[][]): void {
  const keys = paths.map((parts) => parts.join('\u0000'));
  const overlaps = keys.some((key, i) => keys.some((other, j) => i !== j && (other === key || other.startsWith(`${key}\u0000`))));
  if (overlaps) throw kvError('invalid_path');
}

function requireObject(attributes: object): asserts attributes is JsonObject {
  if (!isPlainObject(attributes)) throw kvError('blank_attribute_error');
}

function validateNamed(attributes: object, valueOk: (value: unknown) => boolean, error: 'invalid_increment_value' | 'invalid_append_value'): void {
  requireObject(attributes);
  for (const [name, value] of Object.entries(attributes)) {
    if (name.trim() === '') throw kvError('invalid_attribute_key');
    if (!valueOk(value)) throw kvError(error);
  }
}

function combineTopLevel(current: JsonObject | undefined, attributes: unknown, combine: (name: string, existing: unknown, added: unknown) => unknown): JsonObject {
  const added = attributes as JsonObject;
  // A missing key stores the attributes object itself.
  if (current === undefined) return added;
  const next = cloneJson(current);
  for (const [name, value] of Object.entries(added)) next[name] = next[name] === undefined ? value : combine(name, next[name], value);
  return next;
}

const increment: ActionRules = {
  validate: (attributes) => validateNamed(attributes, (value) => typeof value === 'number' && Number.isFinite(value), 'invalid_increment_value'),
  apply: (current, attributes) =>
    combineTopLevel(current, attributes, (name, existing, added) => {
      if (typeof existing !== 'number') throw attributeTypeError(name, 'number');
      return existing + (added as number);
    }),
};

const append: ActionRules = {
  validate: (attributes) => validateNamed(attributes, (value) => Array.isArray(value) && value.length > 0, 'invalid_append_value'),
  apply: (current, attributes) =>
    combineTopLevel(current, attributes, (name, existing, added) => {
      if (!Array.isArray(existing)) throw attributeTypeError(name, 'array');
      return [...(existing as unknown[]), ...(added as unknown[])];
    }),
};

function validPaths(paths: unknown[]): string[][] {
  const parsed = paths.map((path) => (typeof path === 'string' ? pathSegments(path) : []));
  if (parsed.some((parts) => parts.length === 0)) throw kvError('invalid_attribute_path');
  refuseOverlaps(parsed);
  return parsed;
}

const set: ActionRules = {
  validate: (attributes) => {
    requireObject(attributes);
    validPaths(Object.keys(attributes));
  },
  apply: (current, attributes) => {
    const original = current ?? {};
    const next = cloneJson(original);
    for (const [path, value] of Object.entries(attributes as JsonObject)) {
      const parts = pathSegments(path);
      const parentPath = parts.slice(0, -1);
      // Stricter reading [U]: like the FDK's local store (and DynamoDB document paths), the
      // parent of a nested path must already exist; intermediate objects are not created.
      if (!isContainer(lookup(original, parentPath))) throw kvError('invalid_path');
      writeAt(lookup(next, parentPath) as JsonObject | unknown[], parts[parts.length - 1] as string, value);
    }
    return next;
  },
};

const remove: ActionRules = {
  validate: (attributes) => {
    if (!Array.isArray(attributes)) throw kvError('invalid_remove_attributes');
    validPaths(attributes);
  },
  apply: (current, attributes) => {
    if (current === undefined) throw kvError('invalid_remove_key');
    const next = cloneJson(current);
    for (const parts of (attributes as string[]).map(pathSegments)) {
      const parent = lookup(next, parts.slice(0, -1));
      if (!isContainer(parent)) throw kvError('invalid_path');
      removeAt(parent, parts[parts.length - 1] as string);
    }
    return next;
  },
};

export const UPDATE_ACTIONS: Record<UpdateAction, ActionRules> = { increment, append, set, remove };

export const isUpdateAction = (action: unknown): action is UpdateAction =>
  typeof action === 'string' && Object.prototype.hasOwnProperty.call(UPDATE_ACTIONS, action);
