import { appSetupPayloadSchema, currentHostSchema } from './payloads';
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
