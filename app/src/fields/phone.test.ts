import type * as Phone from './phone';

/** A fresh copy of the module, so each test decides whether the library has loaded. */
function freshPhone(): typeof Phone {
  let module: typeof Phone | undefined;
  jest.isolateModules(() => {
    module = jest.requireActual<typeof Phone>('./phone');
  });
  if (module === undefined) throw new Error('phone module not loaded');
  return module;
}

describe('isPhoneNumber', () => {
  it('decides with libphonenumber once loaded: lengths per country code, no stray characters (B10)', async () => {
    const phone = freshPhone();
    await phone.loadPhoneNumbers();
    expect(phone.isPhoneNumber('+1 415 555 0100')).toBe(true);
    expect(phone.isPhoneNumber('+44 20 7946 0958')).toBe(true);
    expect(phone.isPhoneNumber(' (415) 555-0100 ')).toBe(true);
    expect(phone.isPhoneNumber('+1 555')).toBe(false);
    expect(phone.isPhoneNumber('+999 123 4567')).toBe(false);
    expect(phone.isPhoneNumber('<b>555</b>')).toBe(false);
    expect(phone.isPhoneNumber('1234')).toBe(false);
  });

  it('loads the library once, however often it is asked', async () => {
    const phone = freshPhone();
    const first = phone.loadPhoneNumbers();
    expect(phone.loadPhoneNumbers()).toBe(first);
    await first;
  });

  it('refuses HTML and words even before the library has loaded', () => {
    const phone = freshPhone();
    expect(phone.isPhoneNumber('<b>555</b>')).toBe(false);
    expect(phone.isPhoneNumber('call me')).toBe(false);
    expect(phone.isPhoneNumber('+1 (415) 555-0100')).toBe(true);
    expect(phone.isPhoneNumber('1234')).toBe(false);
  });
});
