import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

/**
 * A phone number in E.164 (`+4930123456`) when it is a valid number: one that starts with `+`
 * and a country code, or a national one whose country is known. Anything else is left as
 * typed: a wrong country guess would turn a good number into a wrong one.
 */
export function toE164(raw: string | null | undefined, country: CountryCode | undefined): string | undefined {
  const text = (raw ?? '').trim();
  if (text === '') return undefined;
  if (!text.startsWith('+') && country === undefined) return undefined;
  const parsed = parsePhoneNumberFromString(text, country);
  return parsed !== undefined && parsed.isValid() ? parsed.number : undefined;
}
