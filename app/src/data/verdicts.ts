import type { Deal, Task } from '../../../common/crm/records';
import type { EntityType } from '../../../common/platform/client';
import type { FieldDef } from '../model/fields';
import type { DataFor } from './types';
import type { Verdict } from './unknown-outcome';
import { fieldValueOf, findDeal } from './writes';

/**
 * After a write without an answer, whether the freshly read record holds the change (true),
 * still holds what was there before (false), or cannot tell (undefined: someone else changed
 * it, or the list does not show it).
 */

const DECIMAL = /^-?\d+\.\d*$/;

/** Stored values as comparable text: "5600.0" and 5600 are the same amount, null and "" the same blank (so is anything that is not a plain value). */
function canonical(value: unknown): string {
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return '';
  const text = String(value).trim();
  return DECIMAL.test(text) ? text.replace(/\.?0+$/, '') : text;
}

export const sameStoredValue = (a: unknown, b: unknown): boolean => canonical(a) === canonical(b);

function decide(now: unknown, wanted: unknown, before: unknown): boolean | undefined {
  if (sameStoredValue(now, wanted)) return true;
  return sameStoredValue(now, before) ? false : undefined;
}

export function fieldVerdict<E extends EntityType>(field: FieldDef, sent: unknown, before: unknown): Verdict<E> {
  return (data) => decide(fieldValueOf(data.record, field), sent, before);
}

export function stageVerdict<E extends EntityType>(deal: Deal, stageId: number): Verdict<E> {
  return (data) => {
    const fresh = findDeal(data, deal.id);
    return fresh === undefined ? undefined : decide(fresh.deal_stage_id, stageId, deal.deal_stage_id);
  };
}

export function taskDoneVerdict<E extends EntityType>(task: Task): Verdict<E> {
  return (data) => {
    const fresh = data.tasks?.find((row) => row.id === task.id);
    return fresh === undefined ? undefined : decide(fresh.status, 1, task.status);
  };
}

/** A created record shows up as a row that was not there before; its absence proves nothing. */
export function appearsVerdict<E extends EntityType, T extends { id: number }>(
  rows: (data: DataFor<E>) => readonly T[] | null | undefined,
  before: readonly T[] | null | undefined,
  matches: (row: T) => boolean,
): Verdict<E> {
  const known = new Set((before ?? []).map((row) => row.id));
  return (data) => ((rows(data) ?? []).some((row) => !known.has(row.id) && matches(row)) ? true : undefined);
}

/** A contact linked to (or unlinked from) the open deal. */
export function linkVerdict<E extends EntityType>(contactId: number, linked: boolean): Verdict<E> {
  return (data) => {
    const contacts = (data as DataFor<'deal'>).contacts;
    return contacts.some((row) => row.id === contactId) === linked;
  };
}
