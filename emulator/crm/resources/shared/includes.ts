import { badRequest } from '../../http/errors';
import type { Id, UserRow } from '../../model/types';

/**
 * `include=` values, checked against what the resource documents (api §3). Unknown values are
 * refused: the real behaviour is unconfirmed, and a careful client sends only documented ones.
 */
export function parseIncludes(query: URLSearchParams, allowed: readonly string[]): Set<string> {
  const raw = query.get('include');
  if (raw === null || raw.trim() === '') return new Set();
  const values = raw.split(',').map((value) => value.trim()).filter((value) => value !== '');
  const unknown = values.filter((value) => !allowed.includes(value));
  if (unknown.length > 0) throw badRequest(`Invalid include: ${unknown.join(', ')}. Allowed: ${allowed.join(', ')}`);
  return new Set(values);
}

/**
 * Side-loaded arrays keyed by plural model name, de-duplicated by id across a whole response
 * (api §3 rule 5), in first-seen order.
 */
export class SideLoads {
  private readonly groups = new Map<string, Map<Id, unknown>>();

  add(key: string, id: Id, build: () => unknown): void {
    const group = this.groups.get(key) ?? new Map<Id, unknown>();
    if (!group.has(id)) group.set(id, build());
    this.groups.set(key, group);
  }

  /** Makes sure the key is present even when nothing was added (an empty array). */
  touch(key: string): void {
    if (!this.groups.has(key)) this.groups.set(key, new Map());
  }

  toObject(): Record<string, unknown[]> {
    return Object.fromEntries([...this.groups].map(([key, group]) => [key, [...group.values()]]));
  }
}

/** A user as side-loaded under `users` and listed by `/selector/owners` (api §3, §6). */
export function userJson(user: UserRow): Record<string, unknown> {
  return {
    id: user.id,
    display_name: user.display_name,
    email: user.email,
    is_active: user.is_active,
    work_number: user.work_number,
    mobile_number: user.mobile_number,
  };
}
