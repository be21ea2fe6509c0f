import { cloneJson, isPlainObject, jsonBytes, type JsonObject } from '../storage/json';
import { PlatformError, type ScheduleSpec } from '../types';

/**
 * The rules of `$schedule.create/update` (platform.md §4.3). Rejections are `{status, message}`
 * (§4.3 [C] for the shape); the platform's wording is not documented, so the messages say
 * exactly which rule was broken.
 */
export interface ScheduleLimits {
  /** One-time schedules per installation (1,000). */
  maxOneTime: number;
  /** Recurring schedules per installation (1). */
  maxRecurring: number;
  /** How far after now `schedule_at` must be (5 minutes). */
  minLeadMs: number;
  /**
   * Slack on `minLeadMs` (30 s). App code computes `now + 5 min` just before the call, which
   * reaches the scheduler a few ms later; the platform's granularity is undocumented [U], so the
   * emulator refuses only `schedule_at < now + minLeadMs - leadGraceMs` rather than failing such
   * calls at random.
   */
  leadGraceMs: number;
  /** UTF-8 bytes of `data` as JSON (4 KB). */
  maxDataBytes: number;
}

export const SCHEDULE_LIMITS: ScheduleLimits = { maxOneTime: 1000, maxRecurring: 1, minLeadMs: 5 * 60_000, leadGraceMs: 30_000, maxDataBytes: 4 * 1024 };

const UNIT_MS = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 } as const;

type TimeUnit = keyof typeof UNIT_MS;

/** ISO-8601 with a time and an explicit zone: the platform schedules in UTC [C]. */
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

export const badRequest = (message: string): PlatformError => new PlatformError({ status: 400, message });

export interface ValidSchedule {
  spec: ScheduleSpec;
  at: number;
  /** Set for a recurring schedule. */
  periodMs?: number;
}

function readName(name: unknown): string {
  if (typeof name !== 'string' || name.trim() === '') throw badRequest('name is required: a non-empty string, unique in the installation');
  return name;
}

function readData(data: unknown, limits: ScheduleLimits): JsonObject {
  if (!isPlainObject(data)) throw badRequest('data is required and must be a JSON object');
  let copy: JsonObject;
  try {
    copy = cloneJson(data);
  } catch {
    throw badRequest('data must be JSON');
  }
  const bytes = jsonBytes(copy);
  if (bytes > limits.maxDataBytes) throw badRequest(`data must not exceed ${limits.maxDataBytes / 1024} KB as JSON (it is ${bytes} bytes)`);
  return copy;
}

function readAt(scheduleAt: unknown, now: number, limits: ScheduleLimits): number {
  const at = typeof scheduleAt === 'string' && ISO_DATETIME.test(scheduleAt) ? Date.parse(scheduleAt) : Number.NaN;
  if (Number.isNaN(at)) throw badRequest('schedule_at must be an ISO-8601 date-time with a time zone, e.g. 2026-07-01T02:00:00.000Z');
  const earliest = now + limits.minLeadMs - limits.leadGraceMs;
  if (at < earliest) {
    throw badRequest(
      `schedule_at must be at least ${limits.minLeadMs / 60_000} minutes after the current time (${new Date(now).toISOString()}; ` +
        `earliest accepted ${new Date(earliest).toISOString()}, allowing ${limits.leadGraceMs / 1000} s for the call to arrive); got ${String(scheduleAt)}`,
    );
  }
  return at;
}

function readFrequency(frequency: unknown): number {
  if (typeof frequency !== 'number' || !Number.isSafeInteger(frequency) || frequency < 1) throw badRequest('repeat.frequency must be an integer of at least 1');
  return frequency;
}

function readRepeat(repeat: unknown): { repeat: NonNullable<ScheduleSpec['repeat']>; periodMs: number } | undefined {
  if (repeat === undefined) return undefined;
  if (!isPlainObject(repeat)) throw badRequest('repeat must be an object { time_unit, frequency }');
  const unit = repeat.time_unit;
  if (typeof unit !== 'string' || !Object.hasOwn(UNIT_MS, unit)) throw badRequest('repeat.time_unit must be one of minutes, hours, days');
  const frequency = readFrequency(repeat.frequency);
  return { repeat: { time_unit: unit as TimeUnit, frequency }, periodMs: UNIT_MS[unit as TimeUnit] * frequency };
}

/** A schedule as given to create/update, checked; throws a 400 PlatformError. */
export function validSchedule(spec: unknown, now: number, limits: ScheduleLimits): ValidSchedule {
  if (!isPlainObject(spec)) throw badRequest('A schedule is an object { name, data, schedule_at, repeat? }');
  const name = readName(spec.name);
  const data = readData(spec.data, limits);
  const at = readAt(spec.schedule_at, now, limits);
  const recurring = readRepeat(spec.repeat);
  const schedule: ScheduleSpec = { name, data, schedule_at: spec.schedule_at as string, ...(recurring === undefined ? {} : { repeat: recurring.repeat }) };
  return { spec: schedule, at, periodMs: recurring?.periodMs };
}

/** `{name}` of fetch/delete. */
export function queryName(query: unknown): string {
  if (!isPlainObject(query)) throw badRequest('Pass { name } of the schedule');
  return readName(query.name);
}

/**
 * Below 5 minutes the platform's behaviour is not documented [U]: accepted, with a warning in
 * the inspector (platform.md §4.3).
 */
export function frequencyWarning(spec: ScheduleSpec): string | undefined {
  const repeat = spec.repeat;
  if (repeat?.time_unit !== 'minutes' || repeat.frequency >= 5) return undefined;
  return `repeat every ${repeat.frequency} minute(s): the platform documents no minimum, an interval under 5 minutes may be refused or throttled there`;
}
