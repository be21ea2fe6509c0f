import { appSetupPayloadSchema, currentHostSchema, eventTimeMs, externalEventPayloadSchema, productEventPayloadSchema, scheduledEventPayloadSchema } from './payloads';
import { RENDER_MESSAGE_MAX } from './serverless';

const envelope = {
  account_id: '402000189098',
  domain: 'acme.myfreshworks.com',
  event: 'onAppInstall',
  region: 'US',
  timestamp: 1_717_171_717_171,
  currentHost: {
    subscribed_modules: ['contact', 'deal', 'sales_account'],
    endpoint_urls: { freshworks_crm: 'https://acme.myfreshworks.com' },
  },
  iparams: { domain: 'acme.myfreshworks.com', api_key: 'k' },
};

describe('appSetupPayloadSchema', () => {
  it('accepts the documented envelope, keeping extra fields', () => {
    const payload = { ...envelope, app_settings: {} };
    const parsed = appSetupPayloadSchema.safeParse(payload);
    expect(parsed.success).toBe(true);
    expect(parsed.data).toEqual(payload);
  });

  it('accepts a timestamp in seconds as a string and no optional fields', () => {
    const minimal = { account_id: '1', domain: 'a.myfreshworks.com', event: 'onAppInstall', iparams: {}, timestamp: '1717171717' };
    expect(appSetupPayloadSchema.safeParse(minimal).success).toBe(true);
  });

  it('refuses a numeric account_id (it always comes as a string) and a missing iparams', () => {
    expect(appSetupPayloadSchema.safeParse({ ...envelope, account_id: 402000189098 }).success).toBe(false);
    const withoutIparams: Record<string, unknown> = { ...envelope };
    delete withoutIparams.iparams;
    expect(appSetupPayloadSchema.safeParse(withoutIparams).success).toBe(false);
  });

  it('refuses a currentHost without endpoint_urls', () => {
    expect(currentHostSchema.safeParse({ subscribed_modules: [] }).success).toBe(false);
  });
});

describe('RENDER_MESSAGE_MAX', () => {
  it('is the 60 characters onAppInstall shows (platform.md §2.5)', () => {
    expect(RENDER_MESSAGE_MAX).toBe(60);
  });
});

describe('eventTimeMs', () => {
  it.each([
    ['seconds with a fraction (CRM samples)', 1593015490.2012472, 1593015490201],
    ['whole seconds', 1593015490, 1593015490000],
    ['milliseconds', 1496400354326, 1496400354326],
    ['the largest count read as seconds', 99_999_999_999, 99_999_999_999_000],
    ['the smallest count read as milliseconds', 100_000_000_000, 100_000_000_000],
    ['milliseconds with a fraction', 1496400354326.7, 1496400354327],
  ])('reads %s', (_case, timestamp, ms) => {
    expect(eventTimeMs(timestamp)).toBe(ms);
  });

  it.each([
    ['seconds', '1717171717', 1717171717000],
    ['seconds with a fraction', '1593015490.2012472', 1593015490201],
    ['milliseconds', '1717171717171', 1717171717171],
    ['seconds with blanks around', ' 1717171717 ', 1717171717000],
    ['an ISO time', '2026-03-04T10:20:30Z', Date.parse('2026-03-04T10:20:30Z')],
    ['an ISO time with an offset', '2026-03-04T11:20:30+01:00', Date.parse('2026-03-04T10:20:30Z')],
    ['an HTTP date', 'Wed, 04 Mar 2026 10:20:30 GMT', Date.parse('2026-03-04T10:20:30Z')],
  ])('reads a string of %s', (_case, timestamp, ms) => {
    expect(eventTimeMs(timestamp)).toBe(ms);
  });

  it.each([undefined, 0, -1593015490, Number.NaN, Number.POSITIVE_INFINITY, '', '   ', '0', 'yesterday', '1.5e9', '-5', 'May 5'])('cannot read %p', (timestamp) => {
    expect(eventTimeMs(timestamp)).toBeUndefined();
  });
});

describe('runtime payload schemas', () => {
  const runtime = { ...envelope, event: 'onScheduledEvent', app_settings: {} };

  it('accepts a product event with its data and a version, and refuses data that is not an object', () => {
    expect(productEventPayloadSchema.safeParse({ ...runtime, event: 'onDealUpdate', version: '2.0', data: { deal: { id: 1 } } }).success).toBe(true);
    expect(productEventPayloadSchema.safeParse({ ...runtime, event: 'onDealUpdate', data: [] }).success).toBe(false);
  });

  it('accepts an external event with any data, and refuses headers that are not text', () => {
    const external = { ...runtime, event: 'onExternalEvent', headers: { 'content-type': 'application/json', 'webhook-id': 'msg_1' }, data: 'raw text' };
    expect(externalEventPayloadSchema.safeParse(external).success).toBe(true);
    expect(externalEventPayloadSchema.safeParse({ ...external, headers: { 'x-count': 2 } }).success).toBe(false);
    expect(externalEventPayloadSchema.safeParse({ ...external, headers: undefined }).success).toBe(false);
  });

  it('accepts a scheduled event with the data given at scheduling, and refuses one without', () => {
    expect(scheduledEventPayloadSchema.safeParse({ ...runtime, data: { job: 'drain' } }).success).toBe(true);
    expect(scheduledEventPayloadSchema.safeParse(runtime).success).toBe(false);
  });
});
