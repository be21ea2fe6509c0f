import { getCountries, type CountryCode } from 'libphonenumber-js/max';

/**
 * The country of a contact as people type it into Freshsales' free-text `country` field
 * ("Germany", "DE", "USA", "United Kingdom") → an ISO 3166-1 code the phone library knows.
 * English region names come from Intl.DisplayNames where the runtime has it; a few common
 * spellings that differ from those names are added.
 */
const ALIASES: Record<string, string> = {
  usa: 'US', 'u.s.a.': 'US', 'u.s.': 'US', america: 'US', 'united states of america': 'US',
  uk: 'GB', 'u.k.': 'GB', 'great britain': 'GB', britain: 'GB', england: 'GB', scotland: 'GB', wales: 'GB',
  uae: 'AE', 'south korea': 'KR', korea: 'KR', russia: 'RU', 'czech republic': 'CZ', holland: 'NL',
  deutschland: 'DE', españa: 'ES', espana: 'ES', italia: 'IT', brasil: 'BR', 'méxico': 'MX', schweiz: 'CH', 'österreich': 'AT',
  // Names the runtime spells otherwise ("Türkiye", "Hong Kong SAR China").
  turkey: 'TR', 'hong kong': 'HK', macau: 'MO', macao: 'MO', 'ivory coast': 'CI', 'viet nam': 'VN', burma: 'MM', swaziland: 'SZ',
};

let byName: Map<string, CountryCode> | undefined;

function displayNames(): Map<string, CountryCode> {
  const names = new Map<string, CountryCode>();
  const codes = getCountries();
  const Names = (Intl as unknown as { DisplayNames?: new (locales: string[], options: { type: 'region' }) => { of(code: string): string | undefined } }).DisplayNames;
  if (Names === undefined) return names;
  const english = new Names(['en'], { type: 'region' });
  codes.forEach((code) => {
    const name = english.of(code);
    if (name !== undefined) names.set(name.toLowerCase(), code);
  });
  return names;
}

function lookup(): Map<string, CountryCode> {
  byName ??= displayNames();
  return byName;
}

const KNOWN = new Set<string>(getCountries());

/** The ISO code for a typed country, or undefined when it is not recognised. */
export function countryCode(country: string | null | undefined): CountryCode | undefined {
  const text = (country ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
  if (text === '') return undefined;
  const upper = text.toUpperCase();
  if (text.length === 2 && KNOWN.has(upper)) return upper as CountryCode;
  const alias = ALIASES[text];
  return alias !== undefined && KNOWN.has(alias) ? (alias as CountryCode) : lookup().get(text);
}
