import { PlatformError } from '../types';
import { createHostRouting } from './routing';

function refusal(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    if (error instanceof PlatformError) return error.shape;
    throw error;
  }
  throw new Error('expected a PlatformError');
}

describe('createHostRouting', () => {
  it('sends *.myfreshworks.com and *.freshworks.com to the CRM base URL', () => {
    const routing = createHostRouting({ crmBaseUrl: 'http://127.0.0.1:4010' });
    expect(routing.resolve('demo.myfreshworks.com')).toBe('http://127.0.0.1:4010');
    expect(routing.resolve('Other.MyFreshworks.com')).toBe('http://127.0.0.1:4010');
    expect(routing.resolve('acme.freshworks.com')).toBe('http://127.0.0.1:4010');
  });

  it('does not repeat /crm/sales/api when the base already ends with it, and keeps any prefix before it', () => {
    expect(createHostRouting({ crmBaseUrl: 'http://127.0.0.1:4010/crm/sales/api' }).resolve('demo.myfreshworks.com')).toBe('http://127.0.0.1:4010');
    expect(createHostRouting({ crmBaseUrl: 'http://127.0.0.1:4010/crm/sales/api/' }).resolve('demo.myfreshworks.com')).toBe('http://127.0.0.1:4010');
    expect(createHostRouting({ crmBaseUrl: 'https://proxy.test/recorded/crm/sales/api' }).resolve('demo.myfreshworks.com')).toBe(
      'https://proxy.test/recorded',
    );
    expect(createHostRouting({ crmBaseUrl: 'https://proxy.test/recorded/' }).resolve('demo.myfreshworks.com')).toBe('https://proxy.test/recorded');
  });

  it('matches CRM hosts by suffix only', () => {
    const routing = createHostRouting({ crmBaseUrl: 'http://127.0.0.1:4010' });
    for (const host of ['myfreshworks.com.evil.example', 'notmyfreshworks.com', 'freshworks.com.example']) {
      expect(refusal(() => routing.resolve(host))).toMatchObject({ status: 502, errorSource: 'PLATFORM' });
    }
  });

  it('sends CRM hosts to the real account in live mode', () => {
    const routing = createHostRouting({ crmBaseUrl: 'http://127.0.0.1:4010', live: true });
    expect(routing.resolve('acme.myfreshworks.com')).toBe('https://acme.myfreshworks.com');
  });

  it('maps exact host names to local servers, ahead of every other rule', () => {
    const routing = createHostRouting({
      crmBaseUrl: 'http://127.0.0.1:4010',
      live: true,
      overrides: { 'Hooks.Partner.Example': 'http://127.0.0.1:5000/', 'demo.myfreshworks.com': 'http://127.0.0.1:6000/base' },
    });
    expect(routing.resolve('hooks.partner.example')).toBe('http://127.0.0.1:5000');
    expect(routing.resolve('demo.myfreshworks.com')).toBe('http://127.0.0.1:6000/base');
    expect(refusal(() => routing.resolve('sub.hooks.partner.example'))).toMatchObject({ status: 502 });
  });

  it('refuses any other host with a 502 PLATFORM error, so nothing leaves the machine', () => {
    expect(refusal(() => createHostRouting({}).resolve('api.example.com'))).toEqual({
      status: 502,
      errorSource: 'PLATFORM',
      message:
        "Error in establishing connection: the emulator has no route for host 'api.example.com' and does not send requests to the internet " +
        '(map the host to a local server with a host override, or allow the internet)',
    });
  });

  it('refuses CRM hosts too when no CRM is configured and the mode is not live', () => {
    expect(refusal(() => createHostRouting({}).resolve('demo.myfreshworks.com'))).toMatchObject({ status: 502, errorSource: 'PLATFORM' });
  });

  it('lets unrouted hosts go to the internet only when allowed, with the template protocol', () => {
    const routing = createHostRouting({ allowInternet: true });
    expect(routing.resolve('api.example.com')).toBe('https://api.example.com');
    expect(routing.resolve('api.example.com', 'http')).toBe('http://api.example.com');
    expect(routing.resolve('demo.myfreshworks.com')).toBe('https://demo.myfreshworks.com');
  });

  it('refuses bad configuration when it is built, not on the first request', () => {
    expect(() => createHostRouting({ crmBaseUrl: 'not a url' })).toThrow('The CRM base URL is not a URL: not a url');
    expect(() => createHostRouting({ crmBaseUrl: 'ftp://x.test' })).toThrow('The CRM base URL must be an http(s) URL');
    expect(() => createHostRouting({ overrides: { 'a.test': 'file:///tmp' } })).toThrow('The override for a.test must be an http(s) URL');
  });
});
