import { badRequest } from '../../http/errors';

export const DEFAULT_PER_PAGE = 25;
/** Documented maximum (api §7); larger values are refused so clients do not rely on them. */
export const MAX_PER_PAGE = 100;

export interface Page {
  page: number;
  perPage: number;
}

function positiveInteger(value: string | null, name: string, fallback: number): number {
  if (value === null || value === '') return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw badRequest(`${name} must be a positive integer`);
  return Number(value);
}

export function parsePage(query: URLSearchParams): Page {
  const page = positiveInteger(query.get('page'), 'page', 1);
  const perPage = positiveInteger(query.get('per_page'), 'per_page', DEFAULT_PER_PAGE);
  if (perPage > MAX_PER_PAGE) throw badRequest(`per_page must be at most ${MAX_PER_PAGE}`);
  return { page, perPage };
}

/** A page of `rows`; a page past the end is an empty array, not an error (api §7). */
export function paginate<T>(rows: readonly T[], { page, perPage }: Page): { items: T[]; total: number; totalPages: number } {
  const start = (page - 1) * perPage;
  return {
    items: rows.slice(start, start + perPage),
    total: rows.length,
    totalPages: Math.max(1, Math.ceil(rows.length / perPage)),
  };
}

export type SortType = 'asc' | 'desc';

/** `sort` and `sort_type` of views and filtered search (api §7). */
const orDefault = (value: unknown, fallback: string): unknown =>
  value === null || value === undefined || value === '' ? fallback : value;

export function parseSort(
  sort: unknown,
  sortType: unknown,
  allowed: readonly string[],
  fallback: string,
): { field: string; direction: SortType } {
  const field = orDefault(sort, fallback);
  if (typeof field !== 'string' || !allowed.includes(field)) throw badRequest(`sort must be one of ${allowed.join(', ')}`);
  const direction = orDefault(sortType, 'desc');
  if (direction !== 'asc' && direction !== 'desc') throw badRequest('sort_type must be asc or desc');
  return { field, direction };
}

type Sortable = string | number | bigint | null | undefined;

const isNil = (value: Sortable): value is null | undefined => value === null || value === undefined;

function compare(x: Sortable, y: Sortable, sign: number): number {
  if (isNil(x) || isNil(y)) return isNil(x) === isNil(y) ? 0 : isNil(x) ? 1 : -1;
  if (x === y) return 0;
  return (x < y ? -1 : 1) * sign;
}

/** Stable sort by one field; nulls last either way, ties by id. */
export function sortRows<T extends { id: number }>(rows: T[], key: (row: T) => Sortable, direction: SortType): T[] {
  const sign = direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => compare(key(a), key(b), sign) || a.id - b.id);
}
