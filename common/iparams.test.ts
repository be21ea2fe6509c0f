import { BARE_HOST_PATTERN, IPARAM_API_KEY, IPARAM_DOMAIN, installationParamsSchema } from './iparams';
import { parseWith } from './validation';

const KEY = 'sEcReT-api-key-123';
const check = (params: unknown) => parseWith(installationParamsSchema, params, 'iparams');

describe('installation parameters', () => {
  it('uses the names config/iparams.json declares', () => {
    expect(IPARAM_DOMAIN).toBe('domain');
    expect(IPARAM_API_KEY).toBe('api_key');
  });

  it.each(['acme.myfreshworks.com', 'ACME.myfreshworks.com', 'a-b.freshworks.com', 'a.myfreshworks.com', 'acme2.freshworks.com'])(
    'accepts the bare host %s',
    (domain) => {
      const result = check({ domain, api_key: KEY });
      expect(result).toEqual({ ok: true, value: { domain, api_key: KEY } });
      expect(new RegExp(BARE_HOST_PATTERN).test(domain)).toBe(true);
    },
  );

  it.each([
    'https://acme.myfreshworks.com',
    'acme.myfreshworks.com/',
    'acme.myfreshworks.com:443',
    'acme.myfreshworks.com/crm/sales',
    'acme.freshsales.io',
    '-acme.myfreshworks.com',
    'acme-.myfreshworks.com',
    'myfreshworks.com',
    'a.b.myfreshworks.com',
    ' acme.myfreshworks.com',
    'acme.myfreshworks.com\n',
    `${'a'.repeat(64)}.myfreshworks.com`,
    '',
  ])('rejects the domain %j with a message about the domain', (domain) => {
    const result = check({ domain, api_key: KEY });
    expect(result).toEqual({
      ok: false,
      failure: 'iparams is invalid: domain: must be a bare host like acme.myfreshworks.com',
    });
  });

  it('accepts a 63-character label, the DNS maximum', () => {
    expect(check({ domain: `${'a'.repeat(63)}.myfreshworks.com`, api_key: KEY }).ok).toBe(true);
  });

  it.each(['', '   ', '\t\n'])('rejects the empty or whitespace-only api key %j', (apiKey) => {
    const result = check({ domain: 'acme.myfreshworks.com', api_key: apiKey });
    expect(result).toEqual({ ok: false, failure: 'iparams is invalid: api_key: must not be empty' });
  });

  it('trims the api key', () => {
    expect(check({ domain: 'acme.myfreshworks.com', api_key: `  ${KEY} ` })).toEqual({
      ok: true,
      value: { domain: 'acme.myfreshworks.com', api_key: KEY },
    });
  });

  it('rejects missing keys and says which', () => {
    expect(check({})).toEqual({
      ok: false,
      failure: 'iparams is invalid: domain: expected string, got undefined; api_key: expected string, got undefined',
    });
    expect(check({ domain: 'acme.myfreshworks.com' })).toEqual({
      ok: false,
      failure: 'iparams is invalid: api_key: expected string, got undefined',
    });
    expect(check({ api_key: KEY })).toEqual({
      ok: false,
      failure: 'iparams is invalid: domain: expected string, got undefined',
    });
  });

  it('says what type it got for an api key that is not a string', () => {
    expect(check({ domain: 'acme.myfreshworks.com', api_key: 42 })).toEqual({
      ok: false,
      failure: 'iparams is invalid: api_key: expected string, got number',
    });
  });

  it('never echoes the api key in a failure', () => {
    const result = check({ domain: 'https://acme.myfreshworks.com', api_key: KEY });
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain(KEY);
  });

  it('keeps other installation parameters', () => {
    const result = check({ domain: 'acme.myfreshworks.com', api_key: KEY, sync_mode: 'manual' });
    expect(result).toEqual({ ok: true, value: { domain: 'acme.myfreshworks.com', api_key: KEY, sync_mode: 'manual' } });
  });
});
