import type { CrmRequest } from '../../context';
import { at } from '../../serialize/context';
import type { ForecastType, Id, UserRow, ViewRow } from '../../model/types';
import type { CrmStore } from '../../store';
import { notFound } from '../../http/errors';
import { parseId } from './ids';
import { paginate, parsePage, parseSort, sortRows } from './paging';

type ViewEntity = keyof CrmStore['views'];

/** `GET /<entity>/filters` (api §4.1): the account's views; their ids work in `/view/:id`. */
export function filtersJson(store: CrmStore, entity: ViewEntity): { filters: unknown[] } {
  return {
    filters: store.views[entity].map((view) => ({
      id: view.id,
      name: view.name,
      model_class_name: view.model_class_name,
      user_id: view.user_id,
      is_default: view.is_default,
      updated_at: at({ store, now: 0 }, view.updated_at),
      user_name: null,
      current_user_permissions: [],
    })),
  };
}

export function findView(store: CrmStore, entity: ViewEntity, idText: string | undefined): ViewRow {
  const id = parseId(idText);
  const view = store.views[entity].find((candidate) => candidate.id === id);
  if (view === undefined) throw notFound('View');
  return view;
}

interface Viewable {
  id: Id;
  owner_id: Id | null;
  created_at: number;
  updated_at: number;
}

const DAY_MS = 86_400_000;

function matchesRule<R extends Viewable>(view: ViewRow, row: R, actor: UserRow, now: number, forecast: (row: R) => ForecastType): boolean {
  switch (view.rule.kind) {
    case 'all':
      return true;
    case 'mine':
      return row.owner_id === actor.id;
    case 'forecast':
      return forecast(row) === view.rule.forecast;
    case 'recent':
      return now - row.created_at <= view.rule.days * DAY_MS;
  }
}

export interface ViewPage<R> {
  items: R[];
  meta: { total_pages: number; total: number };
}

/**
 * One page of a view, sorted with `sort`/`sort_type` (api §4.1, §7). View lists carry
 * `meta.total_pages` (unlike tasks and filtered search).
 */
export function viewPage<R extends Viewable>(
  request: CrmRequest,
  view: ViewRow,
  rows: R[],
  options: { now: number; sortable: Record<string, (row: R) => string | number | null>; forecast?: (row: R) => ForecastType },
): ViewPage<R> {
  const forecast = options.forecast ?? ((): ForecastType => 'Open');
  const page = parsePage(request.query);
  const sort = parseSort(request.query.get('sort'), request.query.get('sort_type'), Object.keys(options.sortable), 'updated_at');
  const key = options.sortable[sort.field] ?? ((row: R) => row.updated_at);
  const matching = rows.filter((row) => matchesRule(view, row, request.actor, options.now, forecast));
  const { items, total, totalPages } = paginate(sortRows(matching, key, sort.direction), page);
  return { items, meta: { total_pages: totalPages, total } };
}
