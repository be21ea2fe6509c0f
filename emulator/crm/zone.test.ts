import { formatDate, formatTimestamp, parseDateString, parseTimestamp } from './format';
import {
  DEFAULT_TIME_ZONE, ianaTimeZone, offsetAt, offsetText, startOfZonedDate, startOfZonedDay, utcTimestamp, wallTimeToEpoch, zonedDateFrom,
} from './zone';

const at = (iso: string) => Date.parse(iso);

describe('timestamps in the account zone', () => {
  it('writes each instant with the offset in force then: +01:00 in winter, +02:00 in summer (Europe/Berlin)', () => {
    expect(formatTimestamp(at('2026-01-15T09:00:00Z'), 'Europe/Berlin')).toBe('2026-01-15T10:00:00+01:00');
    expect(formatTimestamp(at('2026-07-15T09:00:00Z'), 'Europe/Berlin')).toBe('2026-07-15T11:00:00+02:00');
  });

  it('changes offset exactly at the transitions of the last Sundays of March and October', () => {
    // Summer time starts 29 March 2026 at 01:00 UTC (02:00 → 03:00 local).
    expect(formatTimestamp(at('2026-03-29T00:59:59Z'), 'Europe/Berlin')).toBe('2026-03-29T01:59:59+01:00');
    expect(formatTimestamp(at('2026-03-29T01:00:00Z'), 'Europe/Berlin')).toBe('2026-03-29T03:00:00+02:00');
    // It ends 25 October 2026 at 01:00 UTC (03:00 → 02:00 local): 02:30 happens twice.
    expect(formatTimestamp(at('2026-10-25T00:30:00Z'), 'Europe/Berlin')).toBe('2026-10-25T02:30:00+02:00');
    expect(formatTimestamp(at('2026-10-25T01:30:00Z'), 'Europe/Berlin')).toBe('2026-10-25T02:30:00+01:00');
  });

  it('keeps the default zone at +05:30 all year, and reads fixed offsets from old snapshots', () => {
    expect(DEFAULT_TIME_ZONE).toBe('Asia/Kolkata');
    for (const iso of ['2026-01-15T09:00:00Z', '2026-07-15T09:00:00Z']) {
      expect(formatTimestamp(at(iso), DEFAULT_TIME_ZONE)).toMatch(/\+05:30$/);
      expect(formatTimestamp(at(iso), '+05:30')).toBe(formatTimestamp(at(iso), DEFAULT_TIME_ZONE));
    }
    expect(formatTimestamp(at('2026-11-02T03:00:00Z'), '-04:00')).toBe('2026-11-01T23:00:00-04:00');
    expect(offsetAt(at('2026-07-01T00:00:00Z'), '-09:30')).toBe(-570);
  });

  it('writes offsets with sign, hours and minutes, and drops milliseconds', () => {
    expect([offsetText(330), offsetText(-210), offsetText(-30), offsetText(0)]).toEqual(['+05:30', '-03:30', '-00:30', '+00:00']);
    expect(formatTimestamp(at('2026-11-02T09:00:00.987Z'), 'UTC')).toBe('2026-11-02T09:00:00+00:00');
    expect(formatTimestamp(at('1969-12-31T23:59:59.500Z'), 'Europe/Berlin')).toBe('1970-01-01T00:59:59+01:00');
    expect(utcTimestamp(at('2024-01-15T09:00:00.250Z'))).toBe('2024-01-15T09:00:00Z');
  });

  it('round-trips: what it writes parses back to the same second', () => {
    for (let instant = at('2026-03-28T20:00:00Z'); instant < at('2026-03-29T06:00:00Z'); instant += 17 * 60_000) {
      expect(parseTimestamp(formatTimestamp(instant, 'Europe/Berlin'))).toBe(instant - (instant % 1000));
    }
  });
});

describe('days in the account zone', () => {
  it('takes the date of the zone, not of UTC', () => {
    expect(formatDate(at('2026-06-30T22:30:00Z'), 'Europe/Berlin')).toBe('2026-07-01');
    expect(formatDate(at('2026-06-30T22:30:00Z'), 'America/New_York')).toBe('2026-06-30');
  });

  it('starts days at local midnight, 23 or 25 hours apart around the changes', () => {
    expect(startOfZonedDate('2026-03-29', 'Europe/Berlin')).toBe(at('2026-03-28T23:00:00Z'));
    expect(startOfZonedDate('2026-03-30', 'Europe/Berlin')).toBe(at('2026-03-29T22:00:00Z'));
    expect(startOfZonedDay(at('2026-10-25T22:59:00Z'), 'Europe/Berlin')).toBe(at('2026-10-24T22:00:00Z'));
    expect(zonedDateFrom(at('2026-10-25T22:59:00Z'), 1, 'Europe/Berlin')).toBe('2026-10-26');
  });

  it('maps a wall time skipped in spring to just after the gap, and a repeated one to its first instant', () => {
    const wall = (text: string) => Date.parse(`${text}Z`);
    expect(wallTimeToEpoch(wall('2026-03-29T02:30:00'), 'Europe/Berlin')).toBe(at('2026-03-29T01:30:00Z'));
    expect(wallTimeToEpoch(wall('2026-10-25T02:30:00'), 'Europe/Berlin')).toBe(at('2026-10-25T00:30:00Z'));
    expect(wallTimeToEpoch(wall('2026-10-25T03:30:00'), 'Europe/Berlin')).toBe(at('2026-10-25T02:30:00Z'));
  });
});

describe('zone names', () => {
  it('takes IANA names in any case and answers the canonical one', () => {
    expect(ianaTimeZone('europe/berlin')).toBe('Europe/Berlin');
    expect(ianaTimeZone('Etc/GMT-5')).toBe('Etc/GMT-5');
  });

  it('refuses what is not a zone, fixed offsets included, saying what to give', () => {
    for (const bad of ['Mars/Olympus', '+05:30', '', 'Berlin']) {
      expect(() => ianaTimeZone(bad)).toThrow(`Unknown time zone '${bad}': use an IANA name such as Europe/Berlin or Asia/Kolkata`);
    }
  });
});

describe('JavaScript Date.toString() dates', () => {
  it('reads what Date.prototype.toString() writes, in any zone', () => {
    const instant = new Date('2099-06-21T11:00:00Z');
    expect(parseDateString(instant.toString())).toBe(instant.getTime());
    expect(parseDateString('Tue Jun 21 2099 11:00:00 GMT+0000 (Coordinated Universal Time)')).toBe(at('2099-06-21T11:00:00Z'));
    expect(parseDateString('Tue Jun 21 2099 11:00:00 GMT+0000')).toBe(at('2099-06-21T11:00:00Z'));
    expect(parseDateString('Sun Mar 29 2026 03:30:00 GMT+0200 (Mitteleuropäische Sommerzeit)')).toBe(at('2026-03-29T01:30:00Z'));
    expect(parseDateString('Mon Nov 02 2026 22:15:00 GMT-0930')).toBe(at('2026-11-03T07:45:00Z'));
  });

  it('refuses near misses', () => {
    for (const text of [
      'Tue Jun 21 2099 11:00:00 GMT+0000 (unclosed',
      'Tue Jun 31 2099 11:00:00 GMT+0000',
      'Tue Jun 21 2099 11:60:00 GMT+0000',
      'Tue Jun 21 2099 11:00:00 GMT+0075',
      'Tue Jun 21 2099 11:00:00 UTC',
      'tue jun 21 2099 11:00:00 GMT+0000',
      '2099-06-21T11:00:00Z',
    ]) {
      expect(parseDateString(text)).toBeUndefined();
    }
  });
});
