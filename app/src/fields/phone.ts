import type * as PhoneLibrary from 'libphonenumber-js/min';

/**
 * Whether a typed phone number is one, by libphonenumber (the `min` metadata: lengths per
 * country, the smallest build). The whole text must be the number (digits, spaces,
 * `+ - ( ) .`, an extension): HTML, words or stray characters are refused. A number with `+`
 * and a country code must have a length that country allows. A national number (no `+`)
 * belongs to a country the app cannot know (the record's country is free text), so the
 * library's check is that it is phone-shaped; it must have at least 5 digits to be more than
 * an internal extension, and at most 17 (libphonenumber's longest national number).
 *
 * The library and its metadata (~30 kB gzip) would not fit the sidebar's budget at open, so
 * they load with the field editors (`loadPhoneNumbers`, called by LazyFieldEditor): nothing
 * is validated before an editor has been shown. Until then a strict character check stands in.
 */
const MIN_NATIONAL_DIGITS = 5;
const MAX_NATIONAL_DIGITS = 17;

let library: typeof PhoneLibrary | undefined;
let loading: Promise<void> | undefined;

/** Loads the phone library once; later calls share the first load. */
export function loadPhoneNumbers(): Promise<void> {
  loading ??= import('libphonenumber-js/min').then((loaded) => {
    library = loaded;
  });
  return loading;
}

function hasNationalLength(text: string): boolean {
  const digits = text.replace(/\D/g, '').length;
  return digits >= MIN_NATIONAL_DIGITS && digits <= MAX_NATIONAL_DIGITS;
}

/** Before the library has loaded: phone characters only, and a national number's length. */
const looksLikePhone = (text: string): boolean => /^\+?[\d\s\-().]+$/.test(text) && hasNationalLength(text);

function checkWith(lib: typeof PhoneLibrary, text: string): boolean {
  try {
    return lib.parsePhoneNumberWithError(text, { extract: false }).isPossible();
  } catch (error) {
    // INVALID_COUNTRY after a successful parse: phone-shaped, but without a country to measure it by.
    const national = error instanceof lib.ParseError && error.message === 'INVALID_COUNTRY' && !text.startsWith('+');
    return national && hasNationalLength(text);
  }
}

export function isPhoneNumber(raw: string): boolean {
  const text = raw.trim();
  return library === undefined ? looksLikePhone(text) : checkWith(library, text);
}
