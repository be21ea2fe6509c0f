/**
 * The account's time zone (freshsales-api.md §11: timestamps follow the account's zone with
 * daylight saving, so one record can hold +01:00 and +02:00). A zone is an IANA name
 * (`Europe/Berlin`), or a fixed offset (`+05:30`) for snapshots written before zones existed.
 * Offsets come from Intl.DateTimeFormat, so the zone rules are the runtime's tz database.
 */

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
const FIXED_OFFSET = /^([+-])(\d{2}):(\d{2})$/;

/** The zone of new accounts: no daylight saving, so every timestamp is +05:30 as before zones. */
export const DEFAULT_TIME_ZONE = 'Asia/Kolkata';

function fixedOffsetMinutes(zone: string): number | undefined {
  const match = FIXED_OFFSET.exec(zone);
  if (match === null) return undefined;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

const WALL_PARTS = ['year', 'month', 'day', 'hour', 'minute', 'second'] as const;

/** The zone's wall clock at `epochMs`, read as if it were UTC, minus the instant: the offset. */
function measuredOffset(epochMs: number, zone: string): number {
  const parts = new Map(formatterOf(zone).formatToParts(epochMs).map((part) => [part.type, Number(part.value)]));
  const [year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0] = WALL_PARTS.map((name) => parts.get(name));
  const wholeSecond = epochMs - (((epochMs % 1000) + 1000) % 1000);
  return Math.round((Date.UTC(year, month - 1, day, hour, minute, second) - wholeSecond) / MINUTE_MS);
}

// Serializers format thousands of timestamps per second: offsets are kept per zone and hour.
const hourly = new Map<string, number>();

/**
 * Minutes east of UTC in force in `zone` at `epochMs`. An hour whose start and end share an
 * offset is cached as a whole; an hour with a transition inside is measured at the instant.
 */
export function offsetAt(epochMs: number, zone: string): number {
  const fixed = fixedOffsetMinutes(zone);
  if (fixed !== undefined) return fixed;
  const hour = Math.floor(epochMs / HOUR_MS);
  const key = `${zone}@${hour}`;
  const known = hourly.get(key);
  if (known !== undefined) return known;
  const start = measuredOffset(hour * HOUR_MS, zone);
  if (start !== measuredOffset(hour * HOUR_MS + HOUR_MS - 1000, zone)) return measuredOffset(epochMs, zone);
  if (hourly.size > 200_000) hourly.clear();
  hourly.set(key, start);
  return start;
}

/**
 * The canonical IANA name of `zone` (`europe/berlin` → `Europe/Berlin`); a RangeError that
 * says what to give for anything else (fixed offsets included: they are only read back).
 */
export function ianaTimeZone(zone: string): string {
  try {
    if (fixedOffsetMinutes(zone) === undefined) return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    // Not a zone the runtime knows: refused below.
  }
  throw new RangeError(`Unknown time zone '${zone}': use an IANA name such as Europe/Berlin or Asia/Kolkata`);
}

const pad = (value: number, width = 2) => String(Math.abs(value)).padStart(width, '0');

/** 330 → "+05:30". */
export function offsetText(minutes: number): string {
  return `${minutes < 0 ? '-' : '+'}${pad(Math.trunc(minutes / 60))}:${pad(minutes % 60)}`;
}

/** Epoch ms → "2024-05-02T09:14:03+02:00" in the offset in force then (seconds, like the API). */
export function zonedTimestamp(epochMs: number, zone: string): string {
  const offset = offsetAt(epochMs, zone);
  const wall = new Date(epochMs + offset * MINUTE_MS).toISOString();
  return `${wall.slice(0, 19)}${offsetText(offset)}`;
}

/** Epoch ms → "2024-05-02T03:44:03Z", as selectors write `updated_at` (§11). */
export function utcTimestamp(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 19)}Z`;
}

/** "YYYY-MM-DD" of the zone's calendar day that holds `epochMs`. */
export function zonedDate(epochMs: number, zone: string): string {
  return new Date(epochMs + offsetAt(epochMs, zone) * MINUTE_MS).toISOString().slice(0, 10);
}

/**
 * The instant the zone's wall clock shows `wallMs` (a wall time written as if it were UTC),
 * trying the offsets in force a day before and a day after (zones change at most once in
 * between). A wall time repeated in the autumn takes the earlier instant; one skipped by the
 * spring-forward gap lands just after the gap, as JavaScript's Date does.
 */
export function wallTimeToEpoch(wallMs: number, zone: string): number {
  const before = offsetAt(wallMs - DAY_MS, zone);
  const candidates = [before, offsetAt(wallMs + DAY_MS, zone)].map((offset) => wallMs - offset * MINUTE_MS);
  const shown = candidates.filter((epochMs) => epochMs + offsetAt(epochMs, zone) * MINUTE_MS === wallMs);
  return shown.length > 0 ? Math.min(...shown) : wallMs - before * MINUTE_MS;
}

/** Epoch ms of the zone's midnight that starts "YYYY-MM-DD". */
export function startOfZonedDate(date: string, zone: string): number {
  return wallTimeToEpoch(Date.parse(`${date}T00:00:00Z`), zone);
}

/** Epoch ms of the zone's midnight that starts the day holding `epochMs`. */
export function startOfZonedDay(epochMs: number, zone: string): number {
  return startOfZonedDate(zonedDate(epochMs, zone), zone);
}

/** "YYYY-MM-DD" `days` calendar days after the zone's day holding `epochMs` (DST days included). */
export function zonedDateFrom(epochMs: number, days: number, zone: string): string {
  return new Date(Date.parse(`${zonedDate(epochMs, zone)}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Epoch ms of the zone's midnight `days` calendar days after the day holding `epochMs`. */
export function startOfZonedDayFrom(epochMs: number, days: number, zone: string): number {
  return startOfZonedDate(zonedDateFrom(epochMs, days, zone), zone);
}
