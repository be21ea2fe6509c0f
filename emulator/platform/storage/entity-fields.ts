import type { EntityField } from '../types';
import { isPlainObject, type JsonObject } from './json';
import type { EntityIssue } from './entity-errors';

/**
 * Field rules of entity records (platform.md §6.2). Readings chosen [U], all the stricter one:
 * - enum values are the choice's `value` (what Freshworks' own samples store and query), not its id;
 * - `date` is `YYYY-MM-DD`; `datetime` is ISO-8601 with a time and a zone (`Z` or ±hh:mm);
 * - fields not in the schema, and `section` fields (layout only), are refused;
 * - null or absent means "no value"; `""` counts as no value for a required field.
 */
type DataType = Exclude<EntityField['type'], 'section'>;
type Check = (value: unknown, field: EntityField) => string | undefined;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

function stringWithin(limit: number): Check {
  return (value) => {
    if (typeof value !== 'string') return 'must be a string';
    return value.length > limit ? `must be at most ${limit} characters (got ${value.length})` : undefined;
  };
}

function isCalendarDate(text: string): boolean {
  const match = DATE.exec(text);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function isDateTime(text: string): boolean {
  return DATETIME.test(text) && isCalendarDate(text.slice(0, 10)) && !Number.isNaN(Date.parse(text));
}

const CHECKS: Record<DataType, Check> = {
  text: stringWithin(64),
  paragraph: stringWithin(2048),
  integer: (value) => (Number.isSafeInteger(value) ? undefined : 'must be an integer'),
  float: (value) => (typeof value === 'number' && Number.isFinite(value) ? undefined : 'must be a number'),
  date: (value) => (typeof value === 'string' && isCalendarDate(value) ? undefined : 'must be a date as YYYY-MM-DD'),
  datetime: (value) => (typeof value === 'string' && isDateTime(value) ? undefined : 'must be an ISO-8601 date-time with a time zone, e.g. 2026-07-01T02:00:00.000Z'),
  boolean: (value) => (typeof value === 'boolean' ? undefined : 'must be true or false'),
  enum: (value, field) => {
    const choices = (field.choices ?? []).map((choice) => choice.value);
    return typeof value === 'string' && choices.includes(value) ? undefined : `must be one of the choice values: ${choices.join(', ')}`;
  },
};

export const dataFields = (fields: EntityField[]): EntityField[] => fields.filter((field) => field.type !== 'section');

/** The problem with one value of a field, if any (also used for query values). */
export function valueIssue(field: EntityField, value: unknown): EntityIssue | undefined {
  const problem = CHECKS[field.type as DataType](value, field);
  return problem === undefined ? undefined : { name: field.name, message: `'${field.name}' ${problem}` };
}

const isEmpty = (value: unknown): boolean => value === undefined || value === null || value === '';

function fieldIssue(field: EntityField, data: JsonObject): EntityIssue | undefined {
  const value = data[field.name];
  if (isEmpty(value)) return field.required === true ? { name: field.name, message: `'${field.name}' is required` } : undefined;
  return valueIssue(field, value);
}

/** Every problem with a record's data against its entity's fields (empty when valid). */
export function dataIssues(entity: string, fields: EntityField[], data: unknown): EntityIssue[] {
  if (!isPlainObject(data)) return [{ name: 'data', message: 'The record data must be a JSON object' }];
  const known = new Set(dataFields(fields).map((field) => field.name));
  // A property set to undefined is no property: JSON (and so the front end) drops it.
  const unknown = Object.keys(data)
    .filter((name) => !known.has(name) && data[name] !== undefined)
    .map((name) => ({ name, message: `'${name}' is not a field of entity '${entity}'` }));
  const invalid = dataFields(fields)
    .map((field) => fieldIssue(field, data))
    .filter((issue): issue is EntityIssue => issue !== undefined);
  return [...unknown, ...invalid];
}
