import { badRequest } from '../http/errors';
import { created, ok, type CrmContext, type CrmHandler, type CrmRequest } from '../context';
import type { Id, RecordBase, SalesActivityRow, UserRow } from '../model/types';
import { salesActivityJson } from '../serialize/activities';
import type { CrmStore } from '../store';
import {
  coordinateProblems, DELETED_BODY, differs, isActiveUser, isOutcome, LONG_TEXT, refuseBlank, serializeContext, throwIfAny,
} from './activity-common';
import type { RegisterRoutes } from './index';
import { unwrap, type JsonObject } from './shared/body';
import { applyCustomFields } from './shared/custom-fields';
import { parseFields, requirePresent, type FieldRules } from './shared/fields';
import { parseId } from './shared/ids';
import { paginate, parsePage, sortRows } from './shared/paging';
import { findOr404, newBase, publish, snapshotOf, touch } from './shared/records';
import { findChoice } from './shared/side-loads';
import { parseTargetable, targetFields, type Targetable } from './targetables';

/**
 * Sales activities (freshsales-api.md §2, §4.6): list with paging, CRUD. The outcome must
 * belong to the activity's type and is required when the type says so
 * (`is_outcome_mandatory`, §6); `custom_field` is checked against
 * `/settings/sales_activities/fields`.
 */

const isActivityType = (store: CrmStore, id: Id): boolean =>
  store.metadata.sales_activity_types.some((type) => type.id === id);

const RULES: FieldRules = {
  title: { type: 'string', required: true },
  notes: { type: 'string', max: LONG_TEXT },
  sales_activity_type_id: { type: 'ref', exists: isActivityType, label: 'Sales activity type' },
  sales_activity_outcome_id: { type: 'ref', exists: isOutcome, label: 'Sales activity outcome' },
  start_date: { type: 'timestamp', required: true },
  end_date: { type: 'timestamp', required: true },
  owner_id: { type: 'ref', exists: isActiveUser, label: 'Owner' },
  location: { type: 'string' },
  latitude: { type: 'number' },
  longitude: { type: 'number' },
};

const HANDLED = ['targetable_type', 'targetable_id', 'custom_field'] as const;
const BASE_REQUIRED = ['title', 'sales_activity_type_id', 'start_date', 'end_date'];
const NOT_NULL = ['sales_activity_type_id', 'owner_id'] as const;

/**
 * Built-in fields the account's field settings mark required, plus the ones the API always
 * needs. The owner is never required from the client: it defaults to the caller.
 */
function requiredFields(store: CrmStore): string[] {
  const fromSettings = store.fields.sales_activities
    .filter((field) => field.default && field.required && field.name in RULES && field.name !== 'owner_id')
    .map((field) => field.name);
  return [...new Set([...BASE_REQUIRED, ...fromSettings])];
}

// --- Checks across fields -----------------------------------------------------------------

function outcomeProblems(store: CrmStore, typeId: Id, outcomeId: Id | null): string[] {
  const type = findChoice(store.metadata.sales_activity_types, typeId);
  if (outcomeId === null) {
    return type?.is_outcome_mandatory === true ? [`Sales activity outcome can't be blank for ${type.name}`] : [];
  }
  const outcome = findChoice(store.metadata.sales_activity_outcomes, outcomeId);
  return outcome?.sales_activity_type_id === typeId ? [] : ['Sales activity outcome does not belong to the sales activity type'];
}

type Checked = Pick<SalesActivityRow, 'start_date' | 'end_date' | 'sales_activity_type_id' | 'sales_activity_outcome_id'>;

function crossProblems(store: CrmStore, row: Checked): string[] {
  const order = row.end_date < row.start_date ? ['End date must be on or after the start date'] : [];
  return [...order, ...outcomeProblems(store, row.sales_activity_type_id, row.sales_activity_outcome_id)];
}

// --- Handlers -----------------------------------------------------------------------------

interface Parsed {
  values: Partial<SalesActivityRow>;
  target: Targetable | null | undefined;
}

function parseActivity(store: CrmStore, input: JsonObject, existing: SalesActivityRow | undefined): Parsed {
  refuseBlank(input, NOT_NULL);
  if (existing !== undefined) refuseBlank(input, requiredFields(store));
  const values = parseFields(store, input, RULES, HANDLED) as Partial<SalesActivityRow>;
  throwIfAny(coordinateProblems(values));
  const target = parseTargetable(store, input, { required: true, creating: existing === undefined });
  const custom = applyCustomFields(store, 'sales_activities', input.custom_field, existing?.custom_field);
  return { values: { ...values, custom_field: custom }, target };
}

type ActivityFields = Omit<SalesActivityRow, keyof RecordBase>;

/** Everything but the id and stamps, so it can be checked before an id is handed out. */
function activityFields(actor: UserRow, now: number, parsed: Parsed): ActivityFields {
  const target = parsed.target as Targetable;
  return {
    title: '',
    notes: null,
    start_date: now,
    end_date: now,
    owner_id: actor.id,
    sales_activity_type_id: 0,
    sales_activity_outcome_id: null,
    location: null,
    latitude: null,
    longitude: null,
    checkedin_at: null,
    conversation_time: null,
    custom_field: {},
    ...parsed.values,
    targetable_type: target.type,
    targetable_id: target.id,
  };
}

const answer = (context: CrmContext, row: SalesActivityRow) => ({ sales_activity: salesActivityJson(serializeContext(context), row) });

/** Sales activities document no `include` values (api §2): any is a 400, as unknown includes are. */
function refuseIncludes(request: CrmRequest): void {
  const include = request.query.get('include') ?? '';
  if (include.trim() !== '') throw badRequest(`Invalid include: ${include}. Sales activities take no include`);
}

/** [U] Order: most recent start first. `meta` has `total` only, like tasks and appointments. */
const listActivities: CrmHandler = (request, context) => {
  refuseIncludes(request);
  const page = parsePage(request.query);
  const rows = sortRows(context.store.sales_activities.all(), (row) => row.start_date, 'desc');
  const { items, total } = paginate(rows, page);
  const serializing = serializeContext(context);
  return ok({ sales_activities: items.map((row) => salesActivityJson(serializing, row)), meta: { total } });
};

const createActivity: CrmHandler = (request, context) => {
  refuseIncludes(request);
  const input = unwrap(request.body, 'sales_activity');
  requirePresent(input, requiredFields(context.store));
  const parsed = parseActivity(context.store, input, undefined);
  const now = context.clock.now();
  const fields = activityFields(request.actor, now, parsed);
  throwIfAny(crossProblems(context.store, fields));
  const row = context.store.sales_activities.put({ ...newBase(context.store.sales_activities, request.actor, now), ...fields });
  publish(context, { entity: 'sales_activity', after: row }, request.actor);
  return created(answer(context, row));
};

const findActivity = (request: CrmRequest, context: CrmContext) =>
  findOr404(context.store.sales_activities, parseId(request.params.id), 'Sales activity');

const getActivity: CrmHandler = (request, context) => {
  refuseIncludes(request);
  return ok(answer(context, findActivity(request, context)));
};

const updateActivity: CrmHandler = (request, context) => {
  const row = findActivity(request, context);
  refuseIncludes(request);
  const parsed = parseActivity(context.store, unwrap(request.body, 'sales_activity'), row);
  const next: SalesActivityRow = { ...row, ...parsed.values, ...(targetFields(parsed.target) as Partial<SalesActivityRow>) };
  throwIfAny(crossProblems(context.store, next));
  const before = snapshotOf(row);
  if (differs(before, next)) {
    touch(Object.assign(row, next), request.actor, context.clock.now());
    publish(context, { entity: 'sales_activity', before, after: row }, request.actor);
  }
  return ok(answer(context, row));
};

const deleteActivity: CrmHandler = (request, context) => {
  findActivity(request, context).is_deleted = true;
  return ok(DELETED_BODY);
};

export const registerSalesActivities: RegisterRoutes = (router) => {
  router.add('GET', '/sales_activities', listActivities);
  router.add('POST', '/sales_activities', createActivity);
  router.add('GET', '/sales_activities/:id', getActivity);
  router.add('PUT', '/sales_activities/:id', updateActivity);
  router.add('DELETE', '/sales_activities/:id', deleteActivity);
};
