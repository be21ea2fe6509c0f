import { defaultOf, isSecret, regexRules, type IparamField } from './fields';
import { customConfigsProblem, publicConfigs, storedValues, valuesFromForm } from './form-values';
import { normalizeValue, validateAll, validateField } from './rules';

const field = (type: string, extra: Record<string, unknown> = {}): IparamField => ({ display_name: 'Field', type, ...extra });

describe('validateField: type formats (platform.md §8.1)', () => {
  it.each([
    ['email', 'name@example.com', undefined],
    ['email', 'name@example', 'Enter a valid email address, like name@example.com.'],
    ['email', ' name@example.com', 'Enter a valid email address, like name@example.com.'],
    ['number', '42', undefined],
    ['number', '-3.5', undefined],
    ['number', 7, undefined],
    ['number', '4e2', 'Enter a number, like 42 or 3.5.'],
    ['number', 'abc', 'Enter a number, like 42 or 3.5.'],
    ['url', 'https://hooks.example.com/in?x=1', undefined],
    ['url', 'ftp://hooks.example.com', 'Enter a full URL starting with https:// or http://.'],
    ['url', 'hooks.example.com', 'Enter a full URL starting with https:// or http://.'],
    ['date', '2026-02-28', undefined],
    ['date', '2026-02-30', 'Enter a date as YYYY-MM-DD.'],
    ['date', '28/02/2026', 'Enter a date as YYYY-MM-DD.'],
    ['phone_number', '+1 (415) 555-0100', undefined],
    ['phone_number', '12345', 'Enter a phone number: digits, with an optional leading +, spaces, dashes or parentheses.'],
    ['phone_number', 'call me', 'Enter a phone number: digits, with an optional leading +, spaces, dashes or parentheses.'],
    ['domain', 'acme.myfreshworks.com', undefined],
    ['domain', 'https://acme.myfreshworks.com', 'Enter a host name only, like acme.myfreshworks.com (no https:// and no path).'],
    ['domain', 'acme', 'Enter a host name only, like acme.myfreshworks.com (no https:// and no path).'],
    ['checkbox', true, undefined],
    ['checkbox', 'yes', 'Must be true or false.'],
    ['text', 12, 'Enter text.'],
  ])('%s %p → %p', (type, value, expected) => {
    expect(validateField('f', field(type), value)).toBe(expected);
  });

  it('accepts only the options of dropdown, radio and multiselect fields', () => {
    const options = { options: ['manual', 'automatic'] };
    expect(validateField('f', field('dropdown', options), 'manual')).toBeUndefined();
    expect(validateField('f', field('dropdown', options), 'Manual')).toBe('Choose one of: manual, automatic.');
    expect(validateField('f', field('radio', options), 'other')).toBe('Choose one of: manual, automatic.');
    expect(validateField('f', field('multiselect', options), ['manual', 'automatic'])).toBeUndefined();
    expect(validateField('f', field('multiselect', options), ['manual', 'sometimes'])).toBe('Choose only among: manual, automatic.');
  });
});

describe('validateField: required and regex', () => {
  it('requires a non-blank value, a ticked required checkbox and a chosen option', () => {
    expect(validateField('name', field('text', { required: true, display_name: 'Company' }), '   ')).toBe('Company is required.');
    expect(validateField('ok', field('checkbox', { required: true, display_name: 'Terms' }), false)).toBe('Terms is required.');
    expect(validateField('m', field('multiselect', { required: true, options: ['a'], display_name: 'Modules' }), [])).toBe('Modules is required.');
    expect(validateField('n', field('number', { required: true }), 0)).toBeUndefined();
    expect(validateField('optional', field('email'), '')).toBeUndefined();
  });

  it('lets a saved secret stay blank, and skips required on hidden fields unless shown', () => {
    const secret = field('text', { required: true, secure: true, display_name: 'API key' });
    expect(validateField('key', secret, '', { secretSaved: true })).toBeUndefined();
    expect(validateField('key', secret, '')).toBe('API key is required.');
    const hidden = field('text', { required: true, visible: false, display_name: 'Hidden' });
    expect(validateField('h', hidden, '')).toBeUndefined();
    expect(validateField('h', hidden, '', { visible: true })).toBe('Hidden is required.');
    expect(validateField('h', field('text', { display_name: 'Opt' }), '', { required: true })).toBe('Opt is required.');
  });

  it('applies the top-level regex form with its "<name>-error" message', () => {
    const domain = field('text', { regex: { bare_host: '^[a-z0-9.-]+$', 'bare_host-error': 'Enter the host without https://' } });
    expect(validateField('d', domain, 'acme.myfreshworks.com')).toBeUndefined();
    expect(validateField('d', domain, 'https://acme.myfreshworks.com')).toBe('Enter the host without https://');
  });

  it('applies type_attributes.regex with its message, and every rule of both forms', () => {
    const size = field('number', {
      regex: { even: '[02468]$', 'even-error': 'Must be even.' },
      type_attributes: { regex: { pattern: '^[1-9][0-9]?$', message: 'Between 1 and 99.' } },
    });
    expect(regexRules(size)).toEqual([{ pattern: '[02468]$', message: 'Must be even.' }, { pattern: '^[1-9][0-9]?$', message: 'Between 1 and 99.' }]);
    expect(validateField('s', size, '42')).toBeUndefined();
    expect(validateField('s', size, 43)).toBe('Must be even.');
    expect(validateField('s', size, '150')).toBe('Between 1 and 99.');
  });

  it('falls back to a message naming the field when the regex has none', () => {
    expect(validateField('code', field('text', { display_name: 'Code', regex: { upper: '^[A-Z]+$' } }), 'abc')).toBe('Code is not in the expected format.');
  });

  it('checks the format before the regex, and reports every field at once', () => {
    const fields = [
      { key: 'email', field: field('email', { required: true, regex: { corp: '@corp\\.com$', 'corp-error': 'Use your corp address.' } }) },
      { key: 'name', field: field('text', { required: true, display_name: 'Name' }) },
    ];
    expect(validateAll(fields, { email: 'nope', name: '' })).toEqual({ email: 'Enter a valid email address, like name@example.com.', name: 'Name is required.' });
    expect(validateAll(fields, { email: 'me@else.com', name: 'x' })).toEqual({ email: 'Use your corp address.' });
  });
});

describe('form values', () => {
  const fields = [
    { key: 'size', field: field('number') },
    { key: 'on', field: field('checkbox') },
    { key: 'mods', field: field('multiselect', { options: ['a', 'b'] }) },
    { key: 'key', field: field('api_key', { secure: true }) },
    { key: 'note', field: field('text') },
  ];

  it('reads form encoding by type and keeps a saved secret left blank', () => {
    const form = new URLSearchParams('size=12&mods=a&mods=b&key=&note=hi');
    expect(valuesFromForm(fields, form, { key: 'saved-secret' })).toEqual({ size: '12', on: false, mods: ['a', 'b'], key: 'saved-secret', note: 'hi' });
    expect(valuesFromForm(fields, new URLSearchParams('on=true&key=new'), { key: 'saved-secret' })).toMatchObject({ on: true, key: 'new', mods: [], note: '' });
  });

  it('stores numbers as numbers and leaves out a blank number', () => {
    expect(storedValues(fields, { size: '12', on: true, mods: [], key: 'k', note: '' })).toEqual({ size: 12, on: true, mods: [], key: 'k', note: '' });
    expect(storedValues(fields, { size: '', on: false, mods: ['a'], key: 'k', note: 'x' })).not.toHaveProperty('size');
    expect(normalizeValue(field('text'), '12')).toBe('12');
  });

  it('gives defaults by type and treats api_key fields as secrets', () => {
    expect(defaultOf(field('checkbox'))).toBe(false);
    expect(defaultOf(field('multiselect', { options: ['a'] }))).toEqual([]);
    expect(defaultOf(field('dropdown', { default_value: 'x' }))).toBe('x');
    expect(isSecret(field('api_key'))).toBe(true);
    expect(isSecret(field('text', { secure: true }))).toBe(true);
    expect(isSecret(field('text'))).toBe(false);
  });
});

describe('custom page configs (platform.md §8.2)', () => {
  it('hands getConfigs the saved settings without secure values or __meta', () => {
    const saved = { domain: 'acme.myfreshworks.com', api_key: 'k', auth: { token: 't', user: 'u' }, __meta: { secure: ['api_key', 'auth.token'] } };
    expect(publicConfigs(saved, undefined)).toEqual({ domain: 'acme.myfreshworks.com', auth: { user: 'u' } });
    expect(saved.auth.token).toBe('t');
    expect(publicConfigs({ a: 1, key: 'x' }, { key: field('text', { secure: true }) })).toEqual({ a: 1 });
  });

  it('refuses what postConfigs returns when it is not an object or __meta.secure is wrong', () => {
    expect(customConfigsProblem({ domain: 'x', __meta: { secure: ['domain'] } })).toBeUndefined();
    expect(customConfigsProblem({ auth: { token: 't' }, __meta: { secure: ['auth.token'] } })).toBeUndefined();
    expect(customConfigsProblem([1])).toBe('postConfigs() must return an object of settings');
    expect(customConfigsProblem({ __meta: 'x' })).toBe('__meta must be an object');
    expect(customConfigsProblem({ __meta: { secure: 'api_key' } })).toBe('__meta.secure must be an array of field names');
    expect(customConfigsProblem({ __meta: { secure: ['api_key'] } })).toBe("__meta.secure names 'api_key', which postConfigs() did not return");
  });
});
