import type { ScheduleApi } from '../../../common/platform/schedule';
import { SCHEDULE_MIN_LEAD_MS } from '../../../common/platform/schedule';
import { describeRejection, rejectionOf } from '../platform/rejection';
import type { StateStore } from '../state/state-store';

/**
 * The schedules that drain the outbox (platform.md §4.3: one recurring schedule, up to 1,000
 * one-time ones, each at least 5 minutes ahead, no timers in server code). The recurring one
 * runs every 5 minutes. While a backlog remains, a drain adds one-time "catch-up" drains one
 * minute apart, so the backlog is worked off every minute instead of every five.
 */
export const DRAIN_SCHEDULE = 'companion-drain';
export const DRAIN_EVERY_MINUTES = 5;
export const CATCH_UP_NAMES = [1, 2, 3, 4, 5].map((index) => `companion-drain-${index}`);
export const DRAIN_TASK = 'drain';

/** One minute more than the platform's minimum, so a slow call never lands under it. */
const MARGIN_MS = 60_000;
const MINUTE_MS = 60_000;

const at = (ms: number): string => new Date(ms).toISOString();
const drainData = { task: DRAIN_TASK, v: 1 };

/** Creates the recurring drain, or updates it when it already exists (a reinstall). */
export async function ensureDrainSchedule(schedule: ScheduleApi, now: number): Promise<string | undefined> {
  const spec = { name: DRAIN_SCHEDULE, data: drainData, schedule_at: at(now + SCHEDULE_MIN_LEAD_MS + MARGIN_MS), repeat: { time_unit: 'minutes' as const, frequency: DRAIN_EVERY_MINUTES } };
  try {
    await schedule.create(spec);
    return undefined;
  } catch (error) {
    if (rejectionOf(error).status !== 409) return describeRejection(error);
  }
  try {
    await schedule.update(spec);
    return undefined;
  } catch (error) {
    return describeRejection(error);
  }
}

/**
 * One-time drains 6 to 10 minutes ahead. A name still pending (409) means a series is already
 * scheduled: the rest is left as it is. Any other refusal leaves the recurring drain to do it.
 */
export async function scheduleCatchUp(schedule: ScheduleApi, now: number): Promise<number> {
  let created = 0;
  for (const [index, name] of CATCH_UP_NAMES.entries()) {
    try {
      await schedule.create({ name, data: drainData, schedule_at: at(now + SCHEDULE_MIN_LEAD_MS + MARGIN_MS + index * MINUTE_MS) });
      created += 1;
    } catch (error) {
      if (rejectionOf(error).status === 409) break;
    }
  }
  return created;
}

/** Every schedule the app may have made; ones that do not exist (404) are fine. */
export async function removeSchedules(schedule: ScheduleApi): Promise<string[]> {
  const problems: string[] = [];
  for (const name of [DRAIN_SCHEDULE, ...CATCH_UP_NAMES]) {
    try {
      await schedule.delete({ name });
    } catch (error) {
      if (rejectionOf(error).status !== 404) problems.push(`${name}: ${describeRejection(error)}`);
    }
  }
  return problems;
}

/**
 * Catch-up drains for a backlog, asked for once per series: handlers that leave work waiting
 * and drains that could not finish call this; the state key remembers until when drains are
 * already scheduled, so a burst of events does not ask the scheduler again and again.
 */
export async function ensureCatchUp(schedule: ScheduleApi, state: StateStore, now: number): Promise<number> {
  const current = await state.read();
  if (current !== undefined && current.catch_up_until > now) return 0;
  const created = await scheduleCatchUp(schedule, now);
  // Unreadable state (the store's own limit): nothing to remember it in; a 409 stops repeats.
  if (current !== undefined) await state.set({ catch_up_until: now + SCHEDULE_MIN_LEAD_MS + MARGIN_MS + (CATCH_UP_NAMES.length - 1) * MINUTE_MS });
  return created;
}
