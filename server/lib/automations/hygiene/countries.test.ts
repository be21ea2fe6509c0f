import { countryCode } from './countries';

describe('countryCode', () => {
  it.each([
    ['DE', 'DE'],
    ['de', 'DE'],
    [' us ', 'US'],
    ['GB', 'GB'],
    ['JP', 'JP'],
  ])('reads the ISO code %j as %s', (typed, code) => {
    expect(countryCode(typed)).toBe(code);
  });

  it.each([
    ['Germany', 'DE'],
    ['germany', 'DE'],
    ['united kingdom', 'GB'],
    ['United  Kingdom', 'GB'],
    ['United States', 'US'],
    ['France', 'FR'],
    ['  Japan\t', 'JP'],
    ['Netherlands', 'NL'],
  ])('reads the English name %j as %s', (typed, code) => {
    expect(countryCode(typed)).toBe(code);
  });

  it.each([
    ['USA', 'US'],
    ['U.S.A.', 'US'],
    ['United States of America', 'US'],
    ['UK', 'GB'],
    ['uk', 'GB'],
    ['England', 'GB'],
    ['Great Britain', 'GB'],
    ['UAE', 'AE'],
    ['Czech Republic', 'CZ'],
    ['Holland', 'NL'],
    ['Deutschland', 'DE'],
    ['España', 'ES'],
    ['Österreich', 'AT'],
    ['México', 'MX'],
  ])('reads the common spelling %j as %s', (typed, code) => {
    expect(countryCode(typed)).toBe(code);
  });

  it.each([['Turkey', 'TR'], ['Hong Kong', 'HK'], ['Ivory Coast', 'CI']])('reads %s, which the runtime spells otherwise, as %s', (typed, code) => {
    expect(countryCode(typed)).toBe(code);
  });

  it.each(['', '   ', null, undefined, 'Narnia', 'XX', 'ZZ', 'Germ', 'DEU', 'U S A', '49'])('does not recognise %p', (typed) => {
    expect(countryCode(typed)).toBeUndefined();
  });

  it('reads ISO codes and the common spellings without Intl.DisplayNames, but no other names', async () => {
    const intl = Intl as unknown as Record<string, unknown>;
    const displayNames = intl.DisplayNames;
    delete intl.DisplayNames;
    try {
      await jest.isolateModulesAsync(async () => {
        const fresh = await import('./countries');
        expect(fresh.countryCode('de')).toBe('DE');
        expect(fresh.countryCode('USA')).toBe('US');
        expect(fresh.countryCode('Germany')).toBeUndefined();
      });
    } finally {
      intl.DisplayNames = displayNames;
    }
    expect(countryCode('Germany')).toBe('DE');
  });

  it("reads only the names the runtime's Intl.DisplayNames gives", async () => {
    const intl = Intl as unknown as Record<string, unknown>;
    const displayNames = intl.DisplayNames;
    // A runtime whose region data knows two names only.
    intl.DisplayNames = class {
      of(code: string): string | undefined {
        return ({ DE: 'Germany', FR: 'France' } as Record<string, string>)[code];
      }
    };
    try {
      await jest.isolateModulesAsync(async () => {
        const fresh = await import('./countries');
        expect(fresh.countryCode('GERMANY')).toBe('DE');
        expect(fresh.countryCode('france')).toBe('FR');
        expect(fresh.countryCode('Japan')).toBeUndefined();
        expect(fresh.countryCode('JP')).toBe('JP');
      });
    } finally {
      intl.DisplayNames = displayNames;
    }
  });
});
