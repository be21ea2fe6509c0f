import type { CrmContext } from '../../context';
import type { ChangedRecord } from '../../feed/change-feed';
import { notFound } from '../../http/errors';
import type { Id, RecordBase, UserRow } from '../../model/types';
import type { Table } from '../../store';

/** The fields every new record starts with: its id, who made it and when. */
export function newBase(table: { allocateId(): Id }, actor: UserRow, now: number): RecordBase {
  return { id: table.allocateId(), created_at: now, updated_at: now, creater_id: actor.id, updater_id: actor.id, is_deleted: false };
}

/** The row as the API may show it, or the 404 the real service answers (api §8). */
export function findOr404<R extends { id: Id; is_deleted: boolean }>(table: Table<R>, id: Id, what: string): R {
  const row = table.get(id);
  if (row === undefined) throw notFound(what);
  return row;
}

/** A deep copy, so the `before` of a change cannot move when the row is edited. */
export const snapshotOf = <R>(row: R): R => structuredClone(row);

/** Marks a change on an existing row: who changed it and when. */
export function touch<R extends RecordBase>(row: R, actor: UserRow, now: number): R {
  row.updated_at = now;
  row.updater_id = actor.id;
  return row;
}

/**
 * Tells the change feed about a write, as the real product sends a product event for every
 * change, the app's own included (platform.md §3.8). Deletes send nothing: Suite has no delete
 * events (§1.2).
 */
export function publish(context: CrmContext, change: ChangedRecord, actor: UserRow): void {
  // Copies, so the event cannot change when the row is edited after this write.
  const copy = { ...change, after: snapshotOf(change.after) } as ChangedRecord;
  context.feed.publish(context.store, { ...copy, actor, at: context.clock.now() });
}
