import type { EntityField } from '../types';
import type { EntityIssue } from './entity-errors';
import { valueIssue } from './entity-fields';
import { isPlainObject, type JsonObject } from './json';

/**
 * `getAll({query})` (platform.md §6.2): `{field: value}` equality, several fields meaning all
 * of them, and `$and` / `$or` over arrays of such queries, nested as deep as needed. Readings
 * chosen [U], the stricter ones: only fields marked `filterable: true` may be queried, a value
 * must be valid for its field's type, and any other operator (`$gt`, `$in`, …) is refused.
 */
const COMBINATORS = new Set(['$and', '$or']);

function combinatorIssues(operator: string, operands: unknown, fields: Map<string, EntityField>): EntityIssue[] {
  if (!Array.isArray(operands) || operands.length === 0) return [{ name: 'query', message: `'${operator}' takes a non-empty array of queries` }];
  return operands.flatMap((operand) => queryIssues(operand, fields));
}

function conditionIssues(name: string, value: unknown, fields: Map<string, EntityField>): EntityIssue[] {
  const field = fields.get(name);
  if (field === undefined) return [{ name, message: `'${name}' is not a field of this entity` }];
  if (field.filterable !== true) return [{ name, message: `'${name}' is not filterable: mark it "filterable": true in config/entities.json to query it` }];
  if (typeof value === 'object' && value !== null) return [{ name, message: `'${name}': only equality to a value is supported` }];
  const issue = valueIssue(field, value);
  return issue === undefined ? [] : [issue];
}

function entryIssues(key: string, value: unknown, fields: Map<string, EntityField>): EntityIssue[] {
  if (COMBINATORS.has(key)) return combinatorIssues(key, value, fields);
  if (key.startsWith('$')) return [{ name: 'query', message: `Unsupported query operator '${key}': use field equality, $and or $or` }];
  return conditionIssues(key, value, fields);
}

/** Every problem with a query (empty when valid). */
export function queryIssues(query: unknown, fields: Map<string, EntityField>): EntityIssue[] {
  if (!isPlainObject(query)) return [{ name: 'query', message: 'The query must be a JSON object' }];
  return Object.entries(query).flatMap(([key, value]) => entryIssues(key, value, fields));
}

function entryMatches(data: JsonObject, key: string, value: unknown): boolean {
  if (key === '$and') return (value as JsonObject[]).every((query) => matchesQuery(data, query));
  if (key === '$or') return (value as JsonObject[]).some((query) => matchesQuery(data, query));
  return data[key] === value;
}

/** Whether a record's data satisfies a valid query. */
export function matchesQuery(data: JsonObject, query: JsonObject): boolean {
  return Object.entries(query).every(([key, value]) => entryMatches(data, key, value));
}
