import type { InvokeTemplate, TemplateSuccess } from '../../../common/platform/request';
import type { RenderData } from '../../../common/platform/serverless';
import { checkSettingsFunction, type CheckSettingsHost } from './check-settings';

const KEY = 'Zx9-very-secret-api-key-Q7';
const SECRET = `whsec_${Buffer.from('a signing key of thirty-two bytes').toString('base64')}`;

const json = (body: unknown): TemplateSuccess => ({ status: 200, headers: { 'content-type': 'application/json' }, response: JSON.stringify(body) });
const OWNERS = json({ users: [{ id: 1, display_name: 'Ann Lee' }] });
const FIELDS = json({ fields: [{ name: 'cf_tier', label: 'Tier', type: 'text' }] });

function fakeHost(invoke: InvokeTemplate = (name) => Promise.resolve(name === 'checkOwners' ? OWNERS : FIELDS)) {
  const invokeTemplate = jest.fn<ReturnType<InvokeTemplate>, Parameters<InvokeTemplate>>(invoke);
  const renderData = jest.fn<void, Parameters<RenderData>>();
  const host: CheckSettingsHost = { request: { invokeTemplate }, renderData };
  /** The one answer, as the settings page receives it. */
  const answer = () => {
    expect(renderData).toHaveBeenCalledTimes(1);
    return renderData.mock.calls[0];
  };
  return { host, invokeTemplate, answer };
}

/** What the page sends: its values under `settings`; the platform adds the saved iparams. */
const args = (settings: Record<string, unknown>, iparams: Record<string, unknown> = {}) => ({ settings, iparams });

describe('checkSettings (server method of the settings page)', () => {
  it('checks the typed domain and key through the context templates and answers the normalised values without secrets', async () => {
    const fake = fakeHost();
    await checkSettingsFunction(
      args({ domain: ' HTTPS://Acme.MyFreshworks.com/ ', api_key: ` ${KEY} `, contact_custom_fields: 'CF_TIER', deal_custom_fields: 'ALL', webhook_host: 'hooks.example.com', webhook_secret: SECRET }),
      fake.host,
    );
    expect(fake.invokeTemplate.mock.calls).toEqual([
      ['checkOwners', { context: { domain: 'acme.myfreshworks.com', api_key: KEY } }],
      ['checkFieldSettings', { context: { domain: 'acme.myfreshworks.com', api_key: KEY, entity: 'contacts' } }],
    ]);
    const [error, data] = fake.answer() as [null, { ok: boolean; values: Record<string, unknown>; errors: Record<string, string> }];
    expect(error).toBeNull();
    expect(data).toMatchObject({ ok: true, errors: {}, values: { domain: 'acme.myfreshworks.com', contact_custom_fields: 'cf_tier', deal_custom_fields: 'all', webhook_host: 'hooks.example.com' } });
    expect(data.values).not.toHaveProperty('api_key');
    expect(data.values).not.toHaveProperty('webhook_secret');
    expect(JSON.stringify(data)).not.toContain(KEY);
    expect(JSON.stringify(data)).not.toContain(SECRET.slice(6));
  });

  it('checks what is typed, not what is saved: on an edit the saved key plays no part', async () => {
    const fake = fakeHost((name) => Promise.reject(name === 'checkOwners' ? { status: 401, errorSource: 'APP', response: '{"login":"failed"}' } : new Error('not called')));
    await checkSettingsFunction(args({ domain: 'acme.myfreshworks.com', api_key: 'a-wrong-key' }, { domain: 'acme.myfreshworks.com', api_key: KEY }), fake.host);
    expect(fake.invokeTemplate).toHaveBeenCalledWith('checkOwners', { context: { domain: 'acme.myfreshworks.com', api_key: 'a-wrong-key' } });
    expect(fake.answer()).toEqual([null, { ok: false, values: expect.any(Object), errors: { api_key: expect.stringMatching(/^Freshsales refused this API key/) } }]);
  });

  it('asks for the key again when it is left blank, without calling Freshsales', async () => {
    const fake = fakeHost();
    await checkSettingsFunction(args({ domain: 'acme.myfreshworks.com', api_key: '' }, { api_key: KEY }), fake.host);
    expect(fake.invokeTemplate).not.toHaveBeenCalled();
    expect(fake.answer()).toEqual([null, expect.objectContaining({ ok: false, errors: { api_key: expect.stringMatching(/^Enter your Freshsales API key/) } })]);
  });

  it('says which custom field list could not be checked when the field settings cannot be read', async () => {
    const fake = fakeHost((name) => (name === 'checkOwners' ? Promise.resolve(OWNERS) : Promise.reject({ status: 503, errorSource: 'APP', response: '' })));
    await checkSettingsFunction(args({ domain: 'acme.myfreshworks.com', api_key: KEY, deal_custom_fields: 'cf_tier' }), fake.host);
    expect(fake.invokeTemplate).toHaveBeenLastCalledWith('checkFieldSettings', { context: { domain: 'acme.myfreshworks.com', api_key: KEY, entity: 'deals' } });
    expect(fake.answer()).toEqual([null, expect.objectContaining({ ok: false, errors: { deal_custom_fields: 'Could not read the deal fields to check these names. Try again.' } })]);
  });

  it.each([undefined, {}, { settings: 'domain=acme' }, { settings: ['acme'] }])('refuses the arguments %j with a 400', async (given) => {
    const fake = fakeHost();
    await checkSettingsFunction(given, fake.host);
    expect(fake.answer()).toEqual([{ status: 400, message: expect.stringMatching(/^Invalid arguments: (settings|value): expected/) }]);
  });

  it('answers a 500 once when the check itself throws', async () => {
    const fake = fakeHost();
    const broken = {
      ...fake.host,
      get request(): CheckSettingsHost['request'] {
        throw new Error('no $request');
      },
    };
    await checkSettingsFunction(args({ domain: 'acme.myfreshworks.com', api_key: KEY }), broken);
    expect(fake.answer()).toEqual([{ status: 500, message: 'The settings could not be checked: no $request' }]);
  });
});
