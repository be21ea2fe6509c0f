import { formatTimestamp } from '../../format';
import { utcTimestamp } from '../../zone';
import type { Id } from '../../model/types';
import type { CrmStore, Metadata } from '../../store';
import type { SideLoads } from './includes';

/**
 * Selector entries (freshsales-api.md §6) written with exactly the fields the reference lists
 * for each selector, for `/selector/<name>` and for include side-loads alike; a field the
 * stored row lacks is written as `null`. `/selector/<name>` writes timestamps in UTC with `Z`
 * (§11); side-loads write them in the account's zone, as records do (§3's example).
 */
export type SelectorKind = keyof Metadata;

type Row = Record<string, unknown>;

const CHOICE = ['id', 'name', 'position', 'partial'] as const;
const STAGE = ['partial', 'id', 'name', 'position', 'forecast_type', 'deal_pipeline_id', 'choice_type', 'probability', 'updated_at'] as const;
/** Stages nested in a pipeline carry `value` (= name) and `is_deleted` and no `partial` (§6). */
const NESTED_STAGE = ['id', 'value', 'name', 'position', 'forecast_type', 'deal_pipeline_id', 'choice_type', 'is_deleted', 'probability', 'updated_at'] as const;

const FIELDS: Record<SelectorKind, readonly string[]> = {
  territories: ['id', 'name', 'position'],
  deal_stages: STAGE,
  deal_pipelines: ['partial', 'id', 'name', 'position', 'is_default', 'rotting_days', 'configs', 'aggregated_field'],
  deal_reasons: CHOICE,
  deal_types: CHOICE,
  lead_sources: CHOICE,
  industry_types: CHOICE,
  business_types: CHOICE,
  deal_payment_statuses: CHOICE,
  // `{id, name, ...}` [P]: written like the other simple choices.
  campaigns: CHOICE,
  deal_products: CHOICE,
  currencies: ['partial', 'id', 'is_active', 'currency_code', 'exchange_rate', 'currency_type', 'schedule_info'],
  contact_statuses: ['id', 'name', 'position', 'partial', 'forecast_type', 'lifecycle_stage_id'],
  lifecycle_stages: ['id', 'name', 'position', 'disabled', 'default', 'type', 'contact_status_ids'],
  sales_activity_types: [
    'partial', 'id', 'name', 'internal_name', 'show_in_conversation', 'position', 'is_default',
    'is_checkedin', 'is_checkedin_mandatory', 'is_outcome_mandatory',
  ],
  sales_activity_outcomes: ['partial', 'id', 'name', 'sales_activity_type_id', 'position'],
  sales_activity_entity_types: ['partial', 'id', 'name', 'sales_activity_type_id', 'position', 'sales_activity_type_name'],
};

/**
 * Values the stored rows do not carry. `aggregated_field` of a pipeline is listed by the
 * reference without a value: `null` here, so a client cannot come to rely on one.
 */
const DERIVED: Record<string, (row: Row) => unknown> = {
  partial: (row) => row.partial ?? true,
  value: (row) => row.name,
  is_deleted: () => false,
  configs: () => [],
  schedule_info: () => null,
  aggregated_field: () => null,
  exchange_rate: (row) => String(row.exchange_rate),
};

const TIMESTAMPS = new Set(['updated_at', 'created_at']);

/** How an entry writes its timestamps. */
export type TimeFormat = (epochMs: number) => string;

/** The format of `/selector/<name>` answers. */
export const SELECTOR_TIME: TimeFormat = utcTimestamp;

const accountTime = (store: CrmStore): TimeFormat => (epochMs) => formatTimestamp(epochMs, store.account.timeZone);

function fieldValue(row: Row, field: string, time: TimeFormat): unknown {
  const value = DERIVED[field]?.(row) ?? row[field] ?? null;
  return TIMESTAMPS.has(field) && typeof value === 'number' ? time(value) : value;
}

function project(row: Row, fields: readonly string[], time: TimeFormat): Row {
  return Object.fromEntries(fields.map((field) => [field, fieldValue(row, field, time)]));
}

export function stagesOf(store: CrmStore, pipelineId: Id) {
  return store.metadata.deal_stages.filter((stage) => stage.deal_pipeline_id === pipelineId);
}

/** One selector entry as `/selector/<kind>` lists it (also used for include side-loads). */
export function selectorItem(store: CrmStore, kind: SelectorKind, row: { id: Id }, time: TimeFormat = accountTime(store)): Row {
  const item = project(row, FIELDS[kind], time);
  if (kind !== 'deal_pipelines') return item;
  return { ...item, deal_stages: stagesOf(store, row.id).map((stage) => project(stage as unknown as Row, NESTED_STAGE, time)) };
}

/** Every selector the stand-in serves, in the order of the reference's table (api §6). */
export const SELECTOR_KINDS = Object.keys(FIELDS) as SelectorKind[];

export function selectorItems(store: CrmStore, kind: SelectorKind): Row[] {
  const rows: ReadonlyArray<{ id: Id }> = store.metadata[kind];
  return rows.map((row) => selectorItem(store, kind, row, SELECTOR_TIME));
}

/**
 * Side-loads one selector entry, shaped as the selector lists it (api §3), under its plural
 * key or under `key` where the include names it differently (tasks' `task_types`).
 */
export function sideLoadSelector(
  sideLoads: SideLoads,
  store: CrmStore,
  kind: SelectorKind,
  id: Id | null | undefined,
  key: string = kind,
): void {
  sideLoads.touch(key);
  const rows: ReadonlyArray<{ id: Id }> = store.metadata[kind];
  const row = id === null || id === undefined ? undefined : rows.find((candidate) => candidate.id === id);
  if (row !== undefined) sideLoads.add(key, row.id, () => selectorItem(store, kind, row));
}
