import { parsePhoneNumberWithError, ParseError } from 'libphonenumber-js/min';

/**
 * Whether a typed phone number is one, by libphonenumber (the `min` metadata: lengths per
 * country, the smallest build, since the sidebar's JavaScript budget is tight). The whole text
 * must be the number (digits, spaces, `+ - ( ) .`, an extension): HTML, words or stray
 * characters are refused. A number with `+` and a country code must have a length that
 * country allows. A national number (no `+`) belongs to a country the app cannot know (the
 * record's country is free text), so the library's check is that it is phone-shaped; it
 * must have at least 5 digits to be more than an internal extension, and at most 17
 * (libphonenumber's longest national number).
 */
const MIN_NATIONAL_DIGITS = 5;
const MAX_NATIONAL_DIGITS = 17;

function nationalLooksRight(text: string): boolean {
  const digits = text.replace(/\D/g, '').length;
  return digits >= MIN_NATIONAL_DIGITS && digits <= MAX_NATIONAL_DIGITS;
}

export function isPhoneNumber(raw: string): boolean {
  const text = raw.trim();
  try {
    return parsePhoneNumberWithError(text, { extract: false }).isPossible();
  } catch (error) {
    // INVALID_COUNTRY after a successful parse: phone-shaped, but without a country to measure it by.
    const national = error instanceof ParseError && error.message === 'INVALID_COUNTRY' && !text.startsWith('+');
    return national && nationalLooksRight(text);
  }
}
