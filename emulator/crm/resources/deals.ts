import { created, ok, type CrmContext, type CrmHandler, type CrmReply, type CrmRequest, serializeContext } from '../context';
import { badRequest } from '../http/errors';
import type { DealRow, Id } from '../model/types';
import { DEAL_INCLUDES, dealReply, renderDeals } from './deal-includes';
import { upsertTarget } from './deal-upsert';
import { cloneBase, draftDeal, insertDeal } from './deal-writes';
import type { RegisterRoutes } from './index';
import { isObject, unwrap, type JsonObject } from './shared/body';
import { parseFields } from './shared/fields';
import { parseId } from './shared/ids';
import { parseIncludes } from './shared/includes';
import { findOr404, publish, snapshotOf, touch } from './shared/records';
import { forecastOf } from './shared/relations';
import { filtersJson, findView, viewPage } from './shared/views';

/**
 * Deals (freshsales-api.md §2 Deals, §3, §4.3, §7): view with includes, create, update,
 * soft delete, forget, clone, upsert, bulk destroy, filters and views. Every write publishes
 * onDealCreate / onDealUpdate; deletes publish nothing.
 */


const includesOf = (request: CrmRequest) => parseIncludes(request.query, DEAL_INCLUDES);

const dealOr404 = (request: CrmRequest, context: CrmContext): DealRow =>
  findOr404(context.store.deals, parseId(request.params.id), 'Deal');

function answer(request: CrmRequest, context: CrmContext, row: DealRow, includes: ReadonlySet<string>, status = 200): CrmReply {
  const body = dealReply(serializeContext(context), row, includes);
  return status === 201 ? created(body) : ok(body);
}

/** Validates, stores and announces a new deal drafted from `input` (and `base`, for a clone). */
function createFrom(request: CrmRequest, context: CrmContext, input: JsonObject, base?: DealRow): DealRow {
  const draft = draftDeal(context.store, input, { base, fresh: true, actor: request.actor, now: context.clock.now() });
  const row = insertDeal(context.store, draft);
  publish(context, { entity: 'deal', after: row }, request.actor);
  return row;
}

function updateFrom(request: CrmRequest, context: CrmContext, input: JsonObject, existing: DealRow): DealRow {
  const now = context.clock.now();
  const draft = draftDeal(context.store, input, { base: existing, fresh: false, actor: request.actor, now });
  const before = snapshotOf(existing);
  const row = context.store.deals.put(touch(draft, request.actor, now));
  publish(context, { entity: 'deal', before, after: row }, request.actor);
  return row;
}

const createDeal: CrmHandler = (request, context) => {
  const includes = includesOf(request);
  const row = createFrom(request, context, unwrap(request.body, 'deal'));
  return answer(request, context, row, includes, 201);
};

const showDeal: CrmHandler = (request, context) => {
  const includes = includesOf(request);
  return answer(request, context, dealOr404(request, context), includes);
};

const updateDeal: CrmHandler = (request, context) => {
  const existing = dealOr404(request, context);
  const includes = includesOf(request);
  const row = updateFrom(request, context, unwrap(request.body, 'deal'), existing);
  return answer(request, context, row, includes);
};

/** Soft delete: the deal goes to the recycle bin and answers 404 from now on; body `true` (api §2). */
const deleteDeal: CrmHandler = (request, context) => {
  const row = dealOr404(request, context);
  row.is_deleted = true;
  return ok(true);
};

/** Permanent erase; the body `true` mirrors the soft delete [U]. */
const forgetDeal: CrmHandler = (request, context) => {
  const row = dealOr404(request, context);
  context.store.deals.erase(row.id);
  return ok(true);
};

/** A new deal with the source's values; the optional `deal` body overrides them like an update (api §2 [P]). */
const cloneDeal: CrmHandler = (request, context) => {
  const source = dealOr404(request, context);
  const includes = includesOf(request);
  const input = request.body === undefined ? {} : unwrap(request.body, 'deal');
  const base = cloneBase(context.store, source, request.actor, context.clock.now());
  return answer(request, context, createFrom(request, context, input, base), includes, 201);
};

/** 201 when it creates, 200 when it updates (api §2, §8 [P]). */
const upsertDeal: CrmHandler = (request, context) => {
  const includes = includesOf(request);
  const { input, match } = upsertTarget(context.store, request.body);
  if (match !== undefined) return answer(request, context, updateFrom(request, context, input, match), includes);
  return answer(request, context, createFrom(request, context, input), includes, 201);
};

const BULK_RULES = {
  selected_ids: { type: 'refs' as const, label: 'Selected ids', exists: (store: CrmContext['store'], id: Id) => store.deals.get(id) !== undefined },
};

/**
 * `{"selected_ids": [...]}` soft-deletes every listed deal, or none when one is unknown. The
 * answer is unconfirmed [U]: the stand-in says 200 `{"message": "2 deals deleted."}`, like the
 * list endpoints; clients should key on the status only.
 */
const bulkDestroy: CrmHandler = (request, context) => {
  if (!isObject(request.body)) throw badRequest('Request body must be a JSON object with "selected_ids"');
  const ids = parseFields(context.store, request.body, BULK_RULES).selected_ids as Id[] | null | undefined;
  if (ids === undefined || ids === null || ids.length === 0) throw badRequest("Selected ids can't be blank");
  ids.forEach((id) => {
    (context.store.deals.get(id) as DealRow).is_deleted = true;
  });
  return ok({ message: `${ids.length} deals deleted.` });
};

const listFilters: CrmHandler = (_request, context) => ok(filtersJson(context.store, 'deals'));

const amountKey = (row: DealRow) => (row.amount === null ? null : Number(row.amount));

const SORTABLE: Record<string, (row: DealRow) => string | number | null> = {
  updated_at: (row) => row.updated_at,
  created_at: (row) => row.created_at,
  amount: amountKey,
  expected_close: (row) => row.expected_close,
  name: (row) => row.name.toLowerCase(),
};

/** `GET /deals/view/:view_id`: `deals` + `meta {total_pages, total}` + side-loads for the page (api §7). */
const viewDeals: CrmHandler = (request, context) => {
  const view = findView(context.store, 'deals', request.params.view_id);
  const includes = includesOf(request);
  const now = context.clock.now();
  const page = viewPage(request, view, context.store.deals.all(), {
    now,
    sortable: SORTABLE,
    forecast: (row) => forecastOf(context.store, row),
  });
  const { deals, sideLoads } = renderDeals(serializeContext(context), page.items, includes);
  return ok({ ...sideLoads, deals, meta: page.meta });
};

export const registerDeals: RegisterRoutes = (router) => {
  router.add('POST', '/deals', createDeal);
  router.add('GET', '/deals/filters', listFilters);
  router.add('GET', '/deals/view/:view_id', viewDeals);
  router.add('POST', '/deals/upsert', upsertDeal);
  router.add('POST', '/deals/bulk_destroy', bulkDestroy);
  router.add('GET', '/deals/:id', showDeal);
  router.add('PUT', '/deals/:id', updateDeal);
  router.add('DELETE', '/deals/:id', deleteDeal);
  router.add('DELETE', '/deals/:id/forget', forgetDeal);
  router.add('POST', '/deals/:id/clone', cloneDeal);
};
