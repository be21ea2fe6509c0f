import type { ChoiceRow, Id } from '../../model/types';
import type { CrmStore } from '../../store';
import { userJson, type SideLoads } from './includes';

/** Adds a user under `users` (owners, creaters, updaters, task users: api §3 rule 2). */
export function sideLoadUser(sideLoads: SideLoads, store: CrmStore, id: Id | null | undefined): void {
  const user = store.user(id);
  sideLoads.touch('users');
  if (user !== undefined) sideLoads.add('users', user.id, () => userJson(user));
}

export function findChoice<R extends ChoiceRow | { id: Id }>(rows: readonly R[], id: Id | null | undefined): R | undefined {
  return id === null || id === undefined ? undefined : rows.find((row) => row.id === id);
}
