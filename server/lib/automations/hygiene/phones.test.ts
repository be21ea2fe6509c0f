import { toE164 } from './phones';

describe('toE164', () => {
  it.each([
    ['+49 30 12345678', '+493012345678'],
    ['+44 20 7946 0958', '+442079460958'],
    ['+1 (415) 555-2671', '+14155552671'],
    ['+91 98765 43210', '+919876543210'],
    ['+14155552671', '+14155552671'],
    ['  +49 30 12345678  ', '+493012345678'],
    ['+1 415 555 2671 ext. 5', '+14155552671'],
  ])('formats the international number %j without a country', (raw, e164) => {
    expect(toE164(raw, undefined)).toBe(e164);
  });

  it('ignores the country for a number that starts with +', () => {
    expect(toE164('+1 415 555 2671', 'DE')).toBe('+14155552671');
  });

  it.each([
    ['030 12345678', 'DE', '+493012345678'],
    ['0049 30 12345678', 'DE', '+493012345678'],
    ['(415) 555-2671', 'US', '+14155552671'],
    ['020 7946 0958', 'GB', '+442079460958'],
    ['98765 43210', 'IN', '+919876543210'],
  ] as const)('formats the national number %j of %s', (raw, country, e164) => {
    expect(toE164(raw, country)).toBe(e164);
  });

  it('leaves a national number alone when the country is not known', () => {
    expect(toE164('030 12345678', undefined)).toBeUndefined();
  });

  it('leaves a national number alone when it is not valid in the given country', () => {
    expect(toE164('030 12345678', 'FR')).toBeUndefined();
  });

  it.each([
    ['12345', 'DE'],
    ['+49 123', undefined],
    ['+4930123456789012345', undefined],
    ['call me', 'US'],
    ['1-800-FLOWERS', 'US'],
  ] as const)('leaves the invalid number %j alone', (raw, country) => {
    expect(toE164(raw, country)).toBeUndefined();
  });

  it('leaves a number alone for a country code the phone library does not know', () => {
    expect(toE164('030 12345678', 'XX' as never)).toBeUndefined();
  });

  it.each(['', '   ', null, undefined])('has nothing to format for %p', (raw) => {
    expect(toE164(raw, 'DE')).toBeUndefined();
  });
});
