import { BARE_HOST_PATTERN, DOMAIN_MESSAGES, IPARAM_API_KEY, IPARAM_DOMAIN, installationParamsSchema, normalizeDomain, SECURE_IPARAMS, secureMeta } from './iparams';
import { parseWith } from './validation';

const KEY = 'sEcReT-api-key-123';
const check = (params: unknown) => parseWith(installationParamsSchema, params, 'iparams');

describe('installation parameters', () => {
  it('uses the names the settings page saves', () => {
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

describe('normalizeDomain', () => {
  it.each([
    ['acme.myfreshworks.com', 'acme.myfreshworks.com'],
    ['  acme.myfreshworks.com\n', 'acme.myfreshworks.com'],
    ['ACME.MyFreshworks.COM', 'acme.myfreshworks.com'],
    ['https://acme.myfreshworks.com', 'acme.myfreshworks.com'],
    ['HTTPS://Acme.myfreshworks.com/', 'acme.myfreshworks.com'],
    ['http://acme.myfreshworks.com//', 'acme.myfreshworks.com'],
    [' https://acme.myfreshworks.com/crm/sales/contacts/view/1?x=1#top ', 'acme.myfreshworks.com'],
    ['a-b.freshworks.com', 'a-b.freshworks.com'],
  ])('reads %j as %j', (typed, host) => {
    expect(normalizeDomain(typed)).toEqual({ ok: true, value: host });
    expect(new RegExp(BARE_HOST_PATTERN).test(host)).toBe(true);
  });

  it.each([undefined, null, 7, '', '   '])('asks for a domain when given %j', (typed) => {
    expect(normalizeDomain(typed)).toEqual({ ok: false, failure: DOMAIN_MESSAGES.empty });
  });

  it.each(['acme.myfreshworks.com:443', 'https://acme.myfreshworks.com:8443/'])('refuses the port in %j', (typed) => {
    expect(normalizeDomain(typed)).toEqual({ ok: false, failure: DOMAIN_MESSAGES.port });
  });

  it.each([
    ['acme.freshsales.io', 'acme.freshsales.io'],
    ['https://www.example.com/', 'www.example.com'],
    ['acme', 'acme'],
    ['myfreshworks.com', 'myfreshworks.com'],
  ])('refuses %j, which is not a Freshworks host, naming it', (typed, host) => {
    const result = normalizeDomain(typed);
    expect(result).toEqual({ ok: false, failure: DOMAIN_MESSAGES.notFreshworks(host) });
    expect(!result.ok && result.failure).toContain('.myfreshworks.com');
  });

  it.each(['https://', '-acme.myfreshworks.com', 'a.b.myfreshworks.com', 'ac me.myfreshworks.com', 'user@acme.myfreshworks.com', `${'a'.repeat(64)}.myfreshworks.com`])(
    'refuses %j as no Freshsales Suite host name',
    (typed) => {
      expect(normalizeDomain(typed)).toEqual({ ok: false, failure: DOMAIN_MESSAGES.notHost(typed) });
    },
  );
});

describe('the secure parameters', () => {
  it('are the API key and the webhook signing secret, listed as a custom settings page lists them', () => {
    expect(SECURE_IPARAMS).toEqual(['api_key', 'webhook_secret']);
    expect(secureMeta()).toEqual({ secure: ['api_key', 'webhook_secret'] });
  });

  it('gives each caller its own list', () => {
    secureMeta().secure.pop();
    expect(secureMeta().secure).toHaveLength(2);
  });
});
