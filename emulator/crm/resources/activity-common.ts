import { badRequest } from '../http/errors';
import type { Id } from '../model/types';
import type { CrmStore } from '../store';
import type { JsonObject } from './shared/body';
import { humanize } from './shared/fields';
import type { SideLoads } from './shared/includes';

/** Helpers shared by tasks, appointments, sales activities and phone calls. */

export { serializeContext } from '../context';

/**
 * Owners, task users and user attendees must be active users of the account. [U] Whether the
 * service refuses a deactivated user is unconfirmed; refusing keeps clients from relying on it.
 */
export const isActiveUser = (store: CrmStore, id: Id): boolean => store.user(id)?.is_active === true;

export const isOutcome = (store: CrmStore, id: Id): boolean =>
  store.metadata.sales_activity_outcomes.some((outcome) => outcome.id === id);

/** Long text fields (descriptions, notes). */
export const LONG_TEXT = 10_000;

/**
 * [U] The body of DELETE on tasks, appointments and sales activities: 200 with a small JSON
 * object, the `{"success": "200"}` style reported for these resources (contracts README #2).
 * Clients should look at the status only.
 */
export const DELETED_BODY = { success: '200' } as const;

const isBlank = (value: unknown) => value === null || value === '';

/** Fields that may be left out of an update but not set to null or "". */
export function refuseBlank(input: JsonObject, names: readonly string[]): void {
  const blank = names.filter((name) => name in input && isBlank(input[name]));
  if (blank.length > 0) throw badRequest(...blank.map((name) => `${humanize(name)} can't be blank`));
}

/** `filter=` of a list: one of `allowed`, `fallback` when absent; anything else is a 400. */
export function parseFilter<F extends string>(query: URLSearchParams, allowed: readonly F[], fallback: F): F {
  const raw = query.get('filter');
  if (raw === null || raw === '') return fallback;
  if (!allowed.includes(raw as F)) throw badRequest(`Invalid filter: ${raw}. Allowed: ${allowed.join(', ')}`);
  return raw as F;
}

/** Side-loads first, then the record or list, the order of the captured answers (api §3, §4.4). */
export function withSideLoads(sideLoads: SideLoads, body: Record<string, unknown>): Record<string, unknown> {
  return { ...sideLoads.toObject(), ...body };
}

/** Latitude and longitude, when sent, must name a place on Earth. */
export function coordinateProblems(values: { latitude?: unknown; longitude?: unknown }): string[] {
  const problems: string[] = [];
  if (typeof values.latitude === 'number' && Math.abs(values.latitude) > 90) problems.push('Latitude must be between -90 and 90');
  if (typeof values.longitude === 'number' && Math.abs(values.longitude) > 180) problems.push('Longitude must be between -180 and 180');
  return problems;
}

export function throwIfAny(problems: string[]): void {
  if (problems.length > 0) throw badRequest(...problems);
}

/** An update that changes nothing neither touches the row nor sends a product event. */
export const differs = (before: object, after: object): boolean => JSON.stringify(before) !== JSON.stringify(after);
