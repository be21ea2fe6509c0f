import { isIsoDate, parseTimestamp, toDecimalString } from '../format';
import { startOfZonedDate } from '../zone';
import { badRequest } from '../http/errors';
import type { ContactRow, CustomFields, DealRow, Entity, FieldSetting, SalesAccountRow } from '../model/types';
import type { CrmStore } from '../store';
import { isObject } from './shared/body';
import { toId } from './shared/fields';

/**
 * `filter_rule` of `POST /filtered_search/<entity>` (freshsales-api.md §5): a list of
 * `{attribute, operator, value}` rules, ANDed. Operators `is`, `is_in`, `is_after`,
 * `is_before` are documented [P]; `contains` is unconfirmed [U] and offered for text only.
 * Unknown attributes, unknown operators, an operator that does not fit the attribute and
 * values of the wrong type are refused with one 400 listing every problem: the real
 * service's handling is unconfirmed, and refusing keeps clients to rules that mean something.
 * Text compares ignoring case (emails above all); `is_in` takes an array or a comma-separated
 * string; `is_after` / `is_before` are strict and take ISO timestamps with a zone, or a bare
 * date meaning that day's start in the account's zone; multi-select values match per choice.
 */
export type Operator = 'is' | 'is_in' | 'is_after' | 'is_before' | 'contains';

/** How an attribute's values compare. */
export type ValueKind = 'text' | 'multi' | 'id' | 'time' | 'date' | 'decimal' | 'number' | 'boolean';

type Comparable = string | number | boolean;

export interface Attribute<R> {
  kind: ValueKind;
  /** The raw value(s) of the row; arrays for multi-valued attributes (emails, accounts). */
  read: (row: R) => unknown;
}

export type Attributes<R> = Record<string, Attribute<R>>;

const OPERATORS: Record<ValueKind, readonly Operator[]> = {
  text: ['is', 'is_in', 'contains'],
  multi: ['is', 'is_in', 'contains'],
  id: ['is', 'is_in'],
  time: ['is_after', 'is_before'],
  date: ['is', 'is_in', 'is_after', 'is_before'],
  decimal: ['is', 'is_in'],
  number: ['is', 'is_in'],
  boolean: ['is'],
};

const ALL_OPERATORS: readonly Operator[] = ['is', 'is_in', 'is_after', 'is_before', 'contains'];

const lower = (value: unknown): Comparable[] => (typeof value === 'string' ? [value.toLowerCase()] : []);
const numeric = (value: unknown): Comparable[] => (typeof value === 'number' ? [value] : []);

/** A row's stored value → what it is compared as. */
const ROW_VALUE: Record<ValueKind, (value: unknown) => Comparable[]> = {
  text: lower,
  multi: (value) => (typeof value === 'string' ? value.toLowerCase().split(';').map((part) => part.trim()) : []),
  id: numeric,
  time: numeric,
  date: (value) => (typeof value === 'string' ? [value] : []),
  decimal: (value) => {
    const decimal = toDecimalString(value);
    return decimal === undefined ? [] : [decimal];
  },
  number: numeric,
  boolean: (value) => (typeof value === 'boolean' ? [value] : []),
};

function timeValue(value: unknown, zone: string): number | undefined {
  if (typeof value !== 'string') return undefined;
  // A bare date means the start of that day in the account's zone (23 or 25 hours on DST days).
  return isIsoDate(value) ? startOfZonedDate(value, zone) : parseTimestamp(value);
}

function numberValue(value: unknown): number | undefined {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
}

/** A rule's value → what it is compared as, or undefined when it does not fit the kind. */
const RULE_VALUE: Record<ValueKind, (value: unknown, zone: string) => Comparable | undefined> = {
  text: (value) => (typeof value === 'string' && value !== '' ? value.toLowerCase() : undefined),
  multi: (value) => (typeof value === 'string' && value !== '' ? value.toLowerCase() : undefined),
  id: (value) => toId(value),
  time: timeValue,
  date: (value) => (typeof value === 'string' && isIsoDate(value) ? value : undefined),
  decimal: (value) => toDecimalString(value),
  number: numberValue,
  boolean: (value) => (typeof value === 'boolean' ? value : undefined),
};

type Test = (rowValue: Comparable, candidate: Comparable) => boolean;

const TESTS: Record<Operator, Test> = {
  is: (rowValue, candidate) => rowValue === candidate,
  is_in: (rowValue, candidate) => rowValue === candidate,
  is_after: (rowValue, candidate) => rowValue > candidate,
  is_before: (rowValue, candidate) => rowValue < candidate,
  contains: (rowValue, candidate) => String(rowValue).includes(String(candidate)),
};

/** `is_in` takes an array or a comma-separated string; the others take one value. */
function candidatesOf(operator: Operator, value: unknown): unknown[] {
  if (operator !== 'is_in') return [value];
  if (Array.isArray(value)) return value;
  return typeof value === 'string' ? value.split(',').map((part) => part.trim()) : [value];
}

export type RowTest<R> = (row: R) => boolean;

interface RawRule {
  attribute: string;
  operator: Operator;
  value: unknown;
}

const RULE_KEYS = new Set(['attribute', 'operator', 'value']);

function ruleShape(rule: unknown, index: number): RawRule | string {
  const where = `filter_rule[${index}]`;
  if (!isObject(rule)) return `${where} must be an object with attribute, operator and value`;
  const extra = Object.keys(rule).filter((key) => !RULE_KEYS.has(key));
  if (extra.length > 0) return `${where} has unknown keys: ${extra.join(', ')}`;
  if (typeof rule.attribute !== 'string') return `${where}.attribute must be a string`;
  if (!ALL_OPERATORS.includes(rule.operator as Operator)) return `Unknown operator '${String(rule.operator)}'`;
  return { attribute: rule.attribute, operator: rule.operator as Operator, value: rule.value };
}

function compileRule<R>(rule: RawRule, attribute: Attribute<R>, zone: string): RowTest<R> | string {
  if (!OPERATORS[attribute.kind].includes(rule.operator)) {
    return `Operator '${rule.operator}' cannot be used with '${rule.attribute}' (allowed: ${OPERATORS[attribute.kind].join(', ')})`;
  }
  const candidates = candidatesOf(rule.operator, rule.value).map((value) => RULE_VALUE[attribute.kind](value, zone));
  if (candidates.length === 0 || candidates.some((value) => value === undefined)) return `Invalid value for '${rule.attribute}'`;
  const test = TESTS[rule.operator];
  return (row) => {
    const values = ([] as unknown[]).concat(attribute.read(row)).flatMap(ROW_VALUE[attribute.kind]);
    return values.some((value) => candidates.some((candidate) => test(value, candidate as Comparable)));
  };
}

/** The recycle bin: `{"attribute": "deleted", "operator": "is", "value": 1}` (api §5). */
const DELETED_VALUES = new Map<unknown, boolean>([[1, true], ['1', true], [true, true], [0, false], ['0', false], [false, false]]);

function deletedRule(rule: RawRule): boolean | string {
  const deleted = DELETED_VALUES.get(rule.value);
  if (rule.operator !== 'is') return `Operator '${rule.operator}' cannot be used with 'deleted' (allowed: is)`;
  return deleted ?? `Invalid value for 'deleted' (use 1 or 0)`;
}

export interface CompiledFilter<R> {
  /** True when the rules ask for the recycle bin (soft-deleted rows) instead of live rows. */
  deleted: boolean;
  matches: RowTest<R>;
}

interface Compiling<R> {
  tests: Array<RowTest<R>>;
  errors: string[];
  deleted: boolean;
}

function addRule<R>(state: Compiling<R>, rule: RawRule, attributes: Attributes<R>, zone: string): void {
  if (rule.attribute === 'deleted') {
    const deleted = deletedRule(rule);
    if (typeof deleted === 'string') state.errors.push(deleted);
    else state.deleted = deleted;
    return;
  }
  const attribute = attributes[rule.attribute];
  const compiled = attribute === undefined ? `Unknown attribute '${rule.attribute}'` : compileRule(rule, attribute, zone);
  if (typeof compiled === 'string') state.errors.push(compiled);
  else state.tests.push(compiled);
}

/** Parses `filter_rule`; throws one 400 listing every problem. */
export function compileFilter<R>(rules: unknown, attributes: Attributes<R>, zone: string): CompiledFilter<R> {
  if (!Array.isArray(rules)) throw badRequest('filter_rule must be an array of {attribute, operator, value}');
  const state: Compiling<R> = { tests: [], errors: [], deleted: false };
  rules.forEach((raw, index) => {
    const rule = ruleShape(raw, index);
    if (typeof rule === 'string') state.errors.push(rule);
    else addRule(state, rule, attributes, zone);
  });
  if (state.errors.length > 0) throw badRequest(...state.errors);
  const { tests } = state;
  return { deleted: state.deleted, matches: (row) => tests.every((test) => test(row)) };
}

// ---- Attributes per entity -------------------------------------------------------------

const CUSTOM_KIND: Record<string, ValueKind> = {
  multi_select_dropdown: 'multi',
  number: 'number',
  decimal: 'decimal',
  date: 'date',
  checkbox: 'boolean',
};

/** `cf_` attributes from the field settings; text-like types compare as text. */
function customAttributes<R extends { custom_field: CustomFields }>(fields: FieldSetting[]): Attributes<R> {
  const custom = fields.filter((field) => !field.default);
  return Object.fromEntries(
    custom.map((field) => [field.name, { kind: CUSTOM_KIND[field.type] ?? 'text', read: (row: R) => row.custom_field[field.name] }]),
  );
}

const attr = <R>(kind: ValueKind, read: (row: R) => unknown): Attribute<R> => ({ kind, read });

function fieldsOf<R>(kind: ValueKind, names: readonly string[]): Attributes<R> {
  return Object.fromEntries(names.map((name) => [name, attr<R>(kind, (row) => (row as Record<string, unknown>)[name])]));
}

const COMMON_TIMES = ['created_at', 'updated_at'] as const;

const CONTACT_ATTRIBUTES: Attributes<ContactRow> = {
  'contact_email.email': attr('text', (row) => row.emails.map((email) => email.value)),
  sales_account_id: attr('id', (row) => row.sales_accounts.map((link) => link.id)),
  tags: attr('text', (row) => row.tags),
  ...fieldsOf<ContactRow>('text', ['first_name', 'last_name', 'job_title', 'city', 'state', 'country', 'external_id']),
  // Phone attributes are named after the fields [U]: no captured client filters on them.
  ...fieldsOf<ContactRow>('text', ['mobile_number', 'work_number']),
  ...fieldsOf<ContactRow>('id', ['owner_id', 'lifecycle_stage_id', 'contact_status_id', 'lead_source_id', 'campaign_id', 'territory_id', 'creater_id', 'updater_id']),
  ...fieldsOf<ContactRow>('number', ['lead_score']),
  ...fieldsOf<ContactRow>('time', COMMON_TIMES),
};

const ACCOUNT_ATTRIBUTES: Attributes<SalesAccountRow> = {
  tags: attr('text', (row) => row.tags),
  ...fieldsOf<SalesAccountRow>('text', ['name', 'website', 'phone', 'city', 'state', 'country']),
  ...fieldsOf<SalesAccountRow>('id', ['owner_id', 'industry_type_id', 'business_type_id', 'territory_id', 'parent_sales_account_id', 'creater_id', 'updater_id']),
  ...fieldsOf<SalesAccountRow>('number', ['number_of_employees', 'annual_revenue']),
  ...fieldsOf<SalesAccountRow>('time', COMMON_TIMES),
};

const DEAL_ATTRIBUTES: Attributes<DealRow> = {
  tags: attr('text', (row) => row.tags),
  ...fieldsOf<DealRow>('text', ['name']),
  ...fieldsOf<DealRow>('id', [
    'owner_id', 'deal_stage_id', 'deal_pipeline_id', 'sales_account_id', 'currency_id', 'deal_reason_id',
    'deal_type_id', 'deal_payment_status_id', 'lead_source_id', 'campaign_id', 'territory_id', 'creater_id', 'updater_id',
  ]),
  ...fieldsOf<DealRow>('decimal', ['amount']),
  ...fieldsOf<DealRow>('number', ['probability']),
  ...fieldsOf<DealRow>('date', ['expected_close', 'closed_date']),
  ...fieldsOf<DealRow>('time', COMMON_TIMES),
};

const BUILT_IN = { contacts: CONTACT_ATTRIBUTES, sales_accounts: ACCOUNT_ATTRIBUTES, deals: DEAL_ATTRIBUTES };

export interface RowsOf {
  contacts: ContactRow;
  sales_accounts: SalesAccountRow;
  deals: DealRow;
}

/** Every attribute a filter may name for the entity: built-ins plus the account's `cf_` fields. */
export function attributesOf<E extends keyof RowsOf>(store: CrmStore, entity: E): Attributes<RowsOf[E]> {
  const builtIn = BUILT_IN[entity] as unknown as Attributes<RowsOf[E]>;
  return { ...builtIn, ...customAttributes<RowsOf[E]>(store.fields[entity as Entity]) };
}
