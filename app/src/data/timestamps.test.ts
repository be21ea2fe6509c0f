import { addMinutes, isoWithOffset, momentProblem, nextHalfHour, parseLocalInput, timestampToLocalInput, toLocalInput } from './timestamps';

const OFFSET_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;

describe('isoWithOffset', () => {
  // Winter and summer of one year: in a zone with daylight saving the offsets differ, and each
  // timestamp must still name the very same instant.
  it.each([new Date(2026, 0, 15, 9, 5, 7), new Date(2026, 6, 15, 23, 59, 0), new Date(1900, 0, 1, 0, 0), new Date(2100, 11, 31, 23, 59)])(
    'writes %s as local time with that day\'s offset, read back as the same instant',
    (date) => {
      const iso = isoWithOffset(date);
      expect(iso).toMatch(OFFSET_ISO);
      expect(new Date(iso).getTime()).toBe(date.getTime());
      expect(iso.slice(0, 16)).toBe(toLocalInput(date));
    },
  );
});

describe('momentProblem and parseLocalInput', () => {
  it.each([
    ['', 'required'],
    ['  ', 'required'],
    ['2026-02-30T10:00', 'invalid'],
    ['2026-13-01T10:00', 'invalid'],
    ['tomorrow', 'invalid'],
    ['1899-12-31T23:59', 'range'],
    ['2101-01-01T00:00', 'range'],
  ])('%j → %s', (value, problem) => {
    expect(momentProblem(value)).toBe(problem);
    expect(parseLocalInput(value)).toBeUndefined();
  });

  it.each(['1900-01-01T00:00', '2100-12-31T23:59', '2027-01-17T09:30', '2027-01-17T09:30:15'])('accepts %j as that local moment', (value) => {
    expect(momentProblem(value)).toBeUndefined();
    expect(toLocalInput(parseLocalInput(value) as Date)).toBe(value.slice(0, 16));
  });
});

describe('helpers', () => {
  it('turns CRM timestamps into datetime-local values, and nothing into empty', () => {
    const iso = '2026-05-21T01:30:00+05:30';
    expect(timestampToLocalInput(iso)).toBe(toLocalInput(new Date(iso)));
    expect(timestampToLocalInput(null)).toBe('');
    expect(timestampToLocalInput('not a date')).toBe('');
  });

  it('starts new appointments at the next half or full hour', () => {
    expect(toLocalInput(nextHalfHour(new Date(2026, 4, 10, 9, 5, 30)))).toBe('2026-05-10T09:30');
    expect(toLocalInput(nextHalfHour(new Date(2026, 4, 10, 9, 30)))).toBe('2026-05-10T10:00');
    expect(toLocalInput(nextHalfHour(new Date(2026, 4, 10, 23, 45)))).toBe('2026-05-11T00:00');
    expect(toLocalInput(addMinutes(new Date(2026, 4, 10, 9, 45), 30))).toBe('2026-05-10T10:15');
  });
});
