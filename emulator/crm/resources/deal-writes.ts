import { formatDate } from '../format';
import { badRequest } from '../http/errors';
import type { CustomFields, DealPipelineRow, DealProductRow, DealRow, DealStageRow, Id, UserRow } from '../model/types';
import type { CrmStore } from '../store';
import { attempt, parseItems, throwIfAny } from './line-items';
import type { JsonObject } from './shared/body';
import { applyCustomFields } from './shared/custom-fields';
import { humanize, parseFields, requirePresent, type FieldRules } from './shared/fields';

/**
 * How a deal write (create, update, clone, upsert) turns a request body into the next row
 * (freshsales-api.md §4.3). Everything is checked on a draft; the caller stores it only when
 * nothing was wrong, so a 4xx changes nothing.
 */

type Exists = (store: CrmStore, id: Id) => boolean;

const inList = (rows: (store: CrmStore) => readonly { id: Id }[]): Exists => (store, id) => rows(store).some((row) => row.id === id);

const ref = (exists: Exists, label?: string) => ({ type: 'ref' as const, exists, label });

export const DEAL_RULES: FieldRules = {
  name: { type: 'string', required: true },
  amount: { type: 'decimal' },
  currency_id: ref((store, id) => store.metadata.currencies.some((currency) => currency.id === id && currency.is_active), 'Currency'),
  sales_account_id: ref((store, id) => store.sales_accounts.get(id) !== undefined),
  deal_pipeline_id: ref(inList((store) => store.metadata.deal_pipelines)),
  deal_stage_id: ref(inList((store) => store.metadata.deal_stages)),
  expected_close: { type: 'date' },
  probability: { type: 'integer', min: 0, max: 100 },
  // Deals cannot be assigned to a deactivated user.
  owner_id: ref((store, id) => store.user(id)?.is_active === true),
  deal_reason_id: ref(inList((store) => store.metadata.deal_reasons), 'Lost reason'),
  deal_type_id: ref(inList((store) => store.metadata.deal_types)),
  deal_payment_status_id: ref(inList((store) => store.metadata.deal_payment_statuses)),
  lead_source_id: ref(inList((store) => store.metadata.lead_sources)),
  campaign_id: ref(inList((store) => store.metadata.campaigns)),
  territory_id: ref(inList((store) => store.metadata.territories)),
  tags: { type: 'tags' },
  contacts_added_list: { type: 'refs', exists: (store, id) => store.contacts.get(id) !== undefined },
  // A contact deleted after it was linked can still be unlinked.
  contacts_removed_list: { type: 'refs', exists: (store, id) => store.contacts.raw(id) !== undefined },
};

/** Checked by their own code, not by DEAL_RULES. */
const HANDLED = ['custom_field', 'products'] as const;

/** The row always has these: null is refused rather than guessed. */
const NOT_NULL = ['currency_id', 'deal_pipeline_id', 'deal_stage_id'] as const;

/** Copied from the parsed body to the row as they are. */
const SCALARS = [
  'name', 'amount', 'currency_id', 'sales_account_id', 'expected_close', 'owner_id', 'deal_type_id',
  'deal_payment_status_id', 'lead_source_id', 'campaign_id', 'territory_id',
] as const;

/**
 * A product line of a deal: `{id (product id), quantity, unit_price, discount?, setup_fee?,
 * billing_type?}`. The product must exist and be active; id, quantity and unit_price are
 * required (the reference's example sends all three; defaults are unconfirmed).
 */
const PRODUCT_LINE_RULES: FieldRules = {
  id: ref((store, id) => store.products.get(id)?.is_active === true, 'Product'),
  quantity: { type: 'integer', min: 1 },
  unit_price: { type: 'decimal' },
  discount: { type: 'decimal' },
  setup_fee: { type: 'decimal' },
  billing_type: { type: 'string', max: 50 },
};

const orNull = <T>(value: unknown): T | null => (value === undefined ? null : (value as T | null));

function productLine(item: JsonObject): DealProductRow {
  return {
    product_id: item.id as Id,
    quantity: item.quantity as number,
    unit_price: item.unit_price as string,
    discount: orNull<string>(item.discount),
    setup_fee: orNull<string>(item.setup_fee),
    billing_type: orNull<string>(item.billing_type),
  };
}

/** `products` replaces the deal's lines; `[]` (or null) clears them (api §4.3). */
function parseProducts(store: CrmStore, value: unknown): DealProductRow[] | undefined {
  if (value === undefined) return undefined;
  if (value === null) return [];
  return parseItems(store, value, 'Products', PRODUCT_LINE_RULES, ['id', 'quantity', 'unit_price']).map(productLine);
}

function nullErrors(input: JsonObject): string[] {
  return NOT_NULL.filter((name) => input[name] === null).map((name) => `${humanize(name)} can't be blank`);
}

export interface ParsedDeal {
  values: JsonObject;
  products: DealProductRow[] | undefined;
  customField: CustomFields;
}

/** Every field-level check at once: one 400 lists every problem. */
export function parseDealInput(store: CrmStore, input: JsonObject, base: DealRow | undefined): ParsedDeal {
  const errors: string[] = [];
  if (base === undefined) attempt(errors, () => requirePresent(input, ['name']));
  const values = attempt(errors, () => parseFields(store, input, DEAL_RULES, HANDLED)) ?? {};
  errors.push(...nullErrors(input));
  const products = attempt(errors, () => parseProducts(store, input.products));
  const customField = attempt(errors, () => applyCustomFields(store, 'deals', input.custom_field, base?.custom_field));
  throwIfAny(errors);
  return { values, products, customField: customField ?? {} };
}

export function defaultPipeline(store: CrmStore): DealPipelineRow {
  const pipelines = [...store.metadata.deal_pipelines].sort((a, b) => a.position - b.position);
  const pipeline = pipelines.find((row) => row.is_default) ?? pipelines[0];
  if (pipeline === undefined) throw new Error('the account has no deal pipeline');
  return pipeline;
}

function firstStage(store: CrmStore, pipelineId: Id): DealStageRow {
  const stages = store.metadata.deal_stages.filter((stage) => stage.deal_pipeline_id === pipelineId).sort((a, b) => a.position - b.position);
  const stage = stages[0];
  if (stage === undefined) throw badRequest('Deal pipeline has no stages');
  return stage;
}

function stageIn(store: CrmStore, pipelineId: Id, stageId: Id): DealStageRow {
  const stage = store.metadata.deal_stages.find((row) => row.id === stageId);
  if (stage === undefined || stage.deal_pipeline_id !== pipelineId) throw badRequest("Deal stage does not belong to the deal's pipeline");
  return stage;
}

/**
 * Pipeline and stage of the written deal (api §4.3): the stage must belong to the pipeline.
 * A create without either lands in the default pipeline's first stage, a create with only a
 * pipeline in that pipeline's first stage. An update that changes the pipeline must name a
 * stage of it. A stage sent alone must belong to the deal's (or, on create, the default)
 * pipeline: the stand-in does not infer the pipeline from the stage [U], so clients send both.
 */
export function resolveStage(store: CrmStore, base: DealRow | undefined, values: JsonObject): DealStageRow {
  const pipelineId = (values.deal_pipeline_id as Id | undefined) ?? base?.deal_pipeline_id ?? defaultPipeline(store).id;
  const stageId = values.deal_stage_id as Id | undefined;
  if (stageId !== undefined) return stageIn(store, pipelineId, stageId);
  if (base === undefined) return firstStage(store, pipelineId);
  if (base.deal_pipeline_id !== pipelineId) throw badRequest('Deal stage must be given when the deal pipeline changes');
  return stageIn(store, pipelineId, base.deal_stage_id);
}

export interface DealWrite {
  /** The row the write starts from: the stored deal (update), the source copy (clone), none (create). */
  base?: DealRow;
  /** True for a new record (create, clone, upsert that creates). */
  fresh: boolean;
  actor: UserRow;
  now: number;
}

function blankDeal(write: DealWrite, store: CrmStore): DealRow {
  const { actor, now } = write;
  return {
    // The id is allocated when the draft is stored, so a refused create uses no id.
    id: 0, created_at: now, updated_at: now, creater_id: actor.id, updater_id: actor.id, is_deleted: false,
    name: '', amount: null, currency_id: store.account.baseCurrencyId, expected_close: null, closed_date: null,
    deal_pipeline_id: 0, deal_stage_id: 0, stage_updated_time: now, probability: null, owner_id: actor.id,
    sales_account_id: null, contact_ids: [], deal_reason_id: null, deal_type_id: null, deal_payment_status_id: null,
    lead_source_id: null, campaign_id: null, territory_id: null, products: [], tags: [], recent_note: null,
    web_form_id: null, team_user_ids: null, last_assigned_at: null, custom_field: {},
  };
}

function applyScalars(row: DealRow, values: JsonObject): void {
  const target = row as unknown as Record<string, unknown>;
  SCALARS.filter((name) => values[name] !== undefined).forEach((name) => {
    target[name] = values[name];
  });
  if (values.tags !== undefined) row.tags = (values.tags as string[] | null) ?? [];
}

/**
 * A stage change stamps `stage_updated_time`, defaults the probability to the stage's, and
 * sets `closed_date` (the day, in the account's zone) on a Closed Won/Lost stage or clears
 * it on an open one (api §4.3).
 */
function applyStage(store: CrmStore, row: DealRow, stage: DealStageRow, write: DealWrite): void {
  const moved = stage.id !== write.base?.deal_stage_id;
  row.deal_pipeline_id = stage.deal_pipeline_id;
  row.deal_stage_id = stage.id;
  // A clone keeps its source's probability unless it moves to another stage.
  if (moved) row.probability = stage.probability;
  if (!moved && !write.fresh) return;
  row.stage_updated_time = write.now;
  row.closed_date = stage.forecast_type === 'Open' ? null : formatDate(write.now, store.account.timeZone);
}

function applyProbability(row: DealRow, values: JsonObject): void {
  if (values.probability !== undefined) row.probability = values.probability as number | null;
}

/**
 * The lost reason belongs to lost deals [U: the service's handling is unconfirmed]: sending one
 * for a deal that does not end in a Closed Lost stage is refused, and leaving that stage clears it.
 */
function applyReason(row: DealRow, stage: DealStageRow, values: JsonObject): void {
  const sent = values.deal_reason_id as Id | null | undefined;
  const lost = stage.forecast_type === 'Closed Lost';
  if (!lost && sent !== undefined && sent !== null) throw badRequest('Lost reason can only be set on a deal in a Closed Lost stage');
  row.deal_reason_id = lost ? (sent === undefined ? row.deal_reason_id : sent) : null;
}

/** `contacts_added_list` then `contacts_removed_list` on the existing links (api §4.3). */
function applyContacts(row: DealRow, values: JsonObject): void {
  const added = (values.contacts_added_list as Id[] | null | undefined) ?? [];
  const removed = new Set((values.contacts_removed_list as Id[] | null | undefined) ?? []);
  row.contact_ids = [...new Set([...row.contact_ids, ...added])].filter((id) => !removed.has(id));
}

function applyOwner(row: DealRow, write: DealWrite): void {
  const reassigned = write.fresh || row.owner_id !== write.base?.owner_id;
  if (reassigned) row.last_assigned_at = row.owner_id === null ? null : write.now;
}

/** The row a valid write produces; throws the 400 of an invalid one. Stores nothing. */
export function draftDeal(store: CrmStore, input: JsonObject, write: DealWrite): DealRow {
  const parsed = parseDealInput(store, input, write.base);
  const stage = resolveStage(store, write.base, parsed.values);
  const row = write.base === undefined ? blankDeal(write, store) : structuredClone(write.base);
  applyScalars(row, parsed.values);
  applyStage(store, row, stage, write);
  applyProbability(row, parsed.values);
  applyReason(row, stage, parsed.values);
  applyContacts(row, parsed.values);
  if (parsed.products !== undefined) row.products = parsed.products;
  applyOwner(row, write);
  row.custom_field = parsed.customField;
  return row;
}

/** The source copy a clone starts from: a new record made by `actor` now. */
export function cloneBase(store: CrmStore, source: DealRow, actor: UserRow, now: number): DealRow {
  return {
    ...structuredClone(source),
    contact_ids: source.contact_ids.filter((id) => store.contacts.get(id) !== undefined),
    id: 0,
    created_at: now,
    updated_at: now,
    creater_id: actor.id,
    updater_id: actor.id,
    is_deleted: false,
    recent_note: null,
    web_form_id: null,
  };
}

/** Stores a drafted new deal under a fresh id. */
export function insertDeal(store: CrmStore, draft: DealRow): DealRow {
  draft.id = store.deals.allocateId();
  return store.deals.put(draft);
}

