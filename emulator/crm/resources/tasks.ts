import { created, ok, type CrmContext, type CrmHandler, type CrmRequest } from '../context';
import type { Id, TaskRow, UserRow } from '../model/types';
import { taskJson } from '../serialize/activities';
import type { SerializeContext } from '../serialize/context';
import type { CrmStore } from '../store';
import { startOfZonedDayFrom } from '../zone';
import {
  DELETED_BODY, differs, isActiveUser, isOutcome, LONG_TEXT, parseFilter, refuseBlank, serializeContext, withSideLoads,
} from './activity-common';
import type { RegisterRoutes } from './index';
import { unwrap, type JsonObject } from './shared/body';
import { parseFields, requirePresent, type FieldRules } from './shared/fields';
import { parseId } from './shared/ids';
import { parseIncludes, SideLoads } from './shared/includes';
import { paginate, parsePage, sortRows } from './shared/paging';
import { findOr404, newBase, publish, snapshotOf, touch } from './shared/records';
import { sideLoadSelector } from './shared/selector-items';
import { sideLoadUser } from './shared/side-loads';
import { parseTargetable, sideLoadTargetable, targetFields, touchTargetables, type Targetable } from './targetables';

/**
 * Tasks (freshsales-api.md §2, §3, §4.4): list filters computed in the account's time zone,
 * CRUD, and "mark done" through `PUT {"task": {"status": 1}}`.
 */

export const TASK_INCLUDES = ['owner', 'users', 'targetable', 'creater', 'updater', 'task_type'] as const;
type TaskInclude = (typeof TASK_INCLUDES)[number];

export const TASK_FILTERS = ['open', 'due_today', 'due_tomorrow', 'overdue', 'completed'] as const;
type TaskFilter = (typeof TASK_FILTERS)[number];

/** [P] Task types are the `sales_activity_entity_types` whose type name is "Task" (api §4.4). */
const isTaskType = (store: CrmStore, id: Id): boolean =>
  store.metadata.sales_activity_entity_types.some((entry) => entry.id === id && entry.sales_activity_type_name === 'Task');

const TASK_RULES: FieldRules = {
  title: { type: 'string', required: true },
  description: { type: 'string', max: LONG_TEXT },
  due_date: { type: 'timestamp', required: true, dateString: true },
  owner_id: { type: 'ref', exists: isActiveUser, label: 'Owner' },
  task_type_id: { type: 'ref', exists: isTaskType, label: 'Task type' },
  // [U] What a task outcome refers to is not documented: any sales activity outcome is taken.
  outcome_id: { type: 'ref', exists: isOutcome, label: 'Outcome' },
  user_ids: { type: 'refs', exists: isActiveUser, label: 'Users' },
  // 0 = open, 1 = completed (api §4.4); numbers only, anything else is a 400.
  status: { type: 'enum', values: [0, 1] },
};

const HANDLED = ['targetable_type', 'targetable_id'] as const;
const NOT_NULL = ['owner_id', 'user_ids', 'status'] as const;

// --- Listing ------------------------------------------------------------------------------

interface Day {
  now: number;
  today: number;
  tomorrow: number;
  dayAfter: number;
}

/**
 * Midnights of the account's calendar (its zone, not UTC and not the user's zone); a day that
 * changes to or from daylight saving lasts 23 or 25 hours.
 */
export function accountDay(now: number, zone: string): Day {
  return {
    now,
    today: startOfZonedDayFrom(now, 0, zone),
    tomorrow: startOfZonedDayFrom(now, 1, zone),
    dayAfter: startOfZonedDayFrom(now, 2, zone),
  };
}

const isOpen = (row: TaskRow) => row.status === 0;
const dueIn = (row: TaskRow, from: number, to: number) => isOpen(row) && row.due_date >= from && row.due_date < to;

/**
 * [U] `overdue` = open and due before now, so a task due earlier today is both overdue and due
 * today: clients must not assume the filters split the open tasks into disjoint sets.
 */
const FILTERS: Record<TaskFilter, (row: TaskRow, day: Day) => boolean> = {
  open: isOpen,
  due_today: (row, day) => dueIn(row, day.today, day.tomorrow),
  due_tomorrow: (row, day) => dueIn(row, day.tomorrow, day.dayAfter),
  overdue: (row, day) => isOpen(row) && row.due_date < day.now,
  completed: (row) => row.status === 1,
};

type Loader = (sideLoads: SideLoads, context: SerializeContext, row: TaskRow) => void;

const userLoader = (ids: (row: TaskRow) => Id[]): Loader => (sideLoads, context, row) =>
  ids(row).forEach((id) => sideLoadUser(sideLoads, context.store, id));

/** Users always side-load as `users` (api §3 rule 2); task types as `task_types` [U key name]. */
const LOADERS: Record<TaskInclude, Loader> = {
  owner: userLoader((row) => [row.owner_id]),
  creater: userLoader((row) => [row.creater_id]),
  updater: userLoader((row) => [row.updater_id]),
  users: userLoader((row) => row.user_ids),
  targetable: (sideLoads, context, row) => {
    touchTargetables(sideLoads);
    sideLoadTargetable(sideLoads, context, row.targetable_type, row.targetable_id);
  },
  task_type: (sideLoads, context, row) =>
    sideLoadSelector(sideLoads, context.store, 'sales_activity_entity_types', row.task_type_id, 'task_types'),
};

function serialize(sideLoads: SideLoads, context: SerializeContext, row: TaskRow, includes: Set<TaskInclude>): Record<string, unknown> {
  includes.forEach((name) => LOADERS[name](sideLoads, context, row));
  return taskJson(context, row, { targetable: includes.has('targetable'), users: includes.has('users') });
}

function taskAnswer(context: CrmContext, row: TaskRow, includes: Set<TaskInclude>): Record<string, unknown> {
  const sideLoads = new SideLoads();
  const task = serialize(sideLoads, serializeContext(context), row, includes);
  return withSideLoads(sideLoads, { task });
}

const includesOf = (request: CrmRequest) => parseIncludes(request.query, TASK_INCLUDES) as Set<TaskInclude>;

/** `GET /tasks`: due date ascending; `meta` has `total` only, no `total_pages` (api §4.4, §7). */
const listTasks: CrmHandler = (request, context) => {
  const filter = parseFilter(request.query, TASK_FILTERS, 'open');
  const includes = includesOf(request);
  const page = parsePage(request.query);
  const day = accountDay(context.clock.now(), context.store.account.timeZone);
  const rows = context.store.tasks.all().filter((row) => FILTERS[filter](row, day));
  const { items, total } = paginate(sortRows(rows, (row) => row.due_date, 'asc'), page);
  const sideLoads = new SideLoads();
  const serializing = serializeContext(context);
  const tasks = items.map((row) => serialize(sideLoads, serializing, row, includes));
  return ok(withSideLoads(sideLoads, { tasks, meta: { total } }));
};

// --- Writing ------------------------------------------------------------------------------

/** Completing stamps `completed_date` once; re-opening clears it (api §4.4). */
function completedDate(before: TaskRow | undefined, status: 0 | 1, now: number): number | null {
  if (status === 0) return null;
  return before?.status === 1 ? before.completed_date : now;
}

function parseTask(context: CrmContext, input: JsonObject, creating: boolean): { values: Partial<TaskRow>; target: Targetable | null | undefined } {
  refuseBlank(input, NOT_NULL);
  const values = parseFields(context.store, input, TASK_RULES, HANDLED) as Partial<TaskRow>;
  const target = parseTargetable(context.store, input, { required: true, creating });
  return { values, target };
}

function newTask(context: CrmContext, actor: UserRow, values: Partial<TaskRow>, target: Targetable): TaskRow {
  const now = context.clock.now();
  const row: TaskRow = {
    ...newBase(context.store.tasks, actor, now),
    title: '',
    description: null,
    due_date: now,
    status: 0,
    completed_date: null,
    owner_id: actor.id,
    task_type_id: null,
    outcome_id: null,
    user_ids: [],
    ...values,
    targetable_type: target.type,
    targetable_id: target.id,
  };
  row.completed_date = completedDate(undefined, row.status, now);
  return row;
}

/** `POST /tasks` → 201; the owner defaults to the caller. */
const createTask: CrmHandler = (request, context) => {
  const includes = includesOf(request);
  const input = unwrap(request.body, 'task');
  requirePresent(input, ['title', 'due_date']);
  const { values, target } = parseTask(context, input, true);
  const row = context.store.tasks.put(newTask(context, request.actor, values, target as Targetable));
  publish(context, { entity: 'task', after: row }, request.actor);
  return created(taskAnswer(context, row, includes));
};

const findTask = (request: CrmRequest, context: CrmContext) => findOr404(context.store.tasks, parseId(request.params.id), 'Task');

const getTask: CrmHandler = (request, context) => {
  const row = findTask(request, context);
  return ok(taskAnswer(context, row, includesOf(request)));
};

/** `PUT /tasks/:id`: a partial update; `{"status": 1}` marks it done, `{"status": 0}` re-opens it. */
const updateTask: CrmHandler = (request, context) => {
  const row = findTask(request, context);
  const includes = includesOf(request);
  const { values, target } = parseTask(context, unwrap(request.body, 'task'), false);
  const now = context.clock.now();
  const before = snapshotOf(row);
  const next: TaskRow = { ...row, ...values, ...(targetFields(target) as Partial<TaskRow>) };
  next.completed_date = completedDate(before, next.status, now);
  if (differs(before, next)) {
    touch(Object.assign(row, next), request.actor, now);
    publish(context, { entity: 'task', before, after: row }, request.actor);
  }
  return ok(taskAnswer(context, row, includes));
};

/** Soft delete; no product event (Suite has no delete events). */
const deleteTask: CrmHandler = (request, context) => {
  findTask(request, context).is_deleted = true;
  return ok(DELETED_BODY);
};

export const registerTasks: RegisterRoutes = (router) => {
  router.add('GET', '/tasks', listTasks);
  router.add('POST', '/tasks', createTask);
  router.add('GET', '/tasks/:id', getTask);
  router.add('PUT', '/tasks/:id', updateTask);
  router.add('DELETE', '/tasks/:id', deleteTask);
};
