/** Scheduled events (platform.md §4.3): `$schedule` in server code, typed once. */

export interface ScheduleRepeat {
  time_unit: 'minutes' | 'hours' | 'days';
  frequency: number;
}

export interface ScheduleSpec {
  /** Unique per installation; not delivered with the event, so `data` must say what to do. */
  name: string;
  /** JSON ≤ 4 KB, delivered as the scheduled event's `data`. */
  data: Record<string, unknown>;
  /** ISO-8601 in UTC, at least 5 minutes ahead. */
  schedule_at: string;
  /** Recurring when present; an installation may have one recurring schedule. */
  repeat?: ScheduleRepeat;
}

export interface ScheduleAnswer {
  status: number;
  message: string;
}

export interface ScheduleApi {
  create(spec: ScheduleSpec): Promise<ScheduleAnswer>;
  fetch(query: { name: string }): Promise<ScheduleSpec>;
  update(spec: ScheduleSpec): Promise<ScheduleAnswer>;
  delete(query: { name: string }): Promise<ScheduleAnswer>;
}

/** The platform refuses a `schedule_at` less than this far ahead. */
export const SCHEDULE_MIN_LEAD_MS = 5 * 60_000;
