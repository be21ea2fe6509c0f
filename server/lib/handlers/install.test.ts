import { ManualClock } from '../../../emulator/clock';
import { Scheduler } from '../../../emulator/platform/scheduler/scheduler';
import type { CrmFailureKind } from '../../../common/crm/failure';
import type { InvokeTemplate, TemplateSuccess } from '../../../common/platform/request';
import type { ScheduleApi } from '../../../common/platform/schedule';
import { RENDER_MESSAGE_MAX, type RenderData } from '../../../common/platform/serverless';
import { platformSchedule } from '../../testing/host';
import { DRAIN_EVERY_MINUTES, DRAIN_SCHEDULE } from '../work/schedules';
import { checkInstallPayload, INSTALL_MESSAGES, onAppInstall, SETTING_MESSAGES, vetoMessage, type InstallHost } from './install';

const API_KEY = 'Zx9-very-secret-api-key-Q7';
const DOMAIN = 'acme.myfreshworks.com';

/** The onAppInstall payload of platform.md §4.1. */
function payload(iparams: Record<string, unknown> = { domain: DOMAIN, api_key: API_KEY }) {
  return {
    account_id: '402000189098',
    domain: DOMAIN,
    event: 'onAppInstall',
    region: 'US',
    timestamp: 1_717_171_717_171,
    currentHost: {
      subscribed_modules: ['contact', 'deal', 'sales_account'],
      endpoint_urls: { freshworks_crm: `https://${DOMAIN}` },
    },
    iparams,
  };
}

function withoutIparams(): Record<string, unknown> {
  const rest: Record<string, unknown> = payload();
  delete rest.iparams;
  return rest;
}

const OWNERS_OK: TemplateSuccess = {
  status: 200,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  response: JSON.stringify({ users: [{ id: 31016358306, display_name: 'Ann Lee', email: 'ann@example.com' }] }),
};

function fakePlatform(invoke: InvokeTemplate, schedule?: ScheduleApi) {
  const invokeTemplate = jest.fn<ReturnType<InvokeTemplate>, Parameters<InvokeTemplate>>(invoke);
  const renderData = jest.fn<void, Parameters<RenderData>>();
  const logLine = () => jest.fn<void, unknown[]>();
  const log = { info: logLine(), warn: logLine(), error: logLine() };
  const clock = new ManualClock('2026-12-02T09:00:00Z');
  const scheduler = new Scheduler(clock);
  const platform: InstallHost = { request: { invokeTemplate }, renderData, log, schedule: schedule ?? platformSchedule(scheduler), now: () => clock.now() };
  /** Everything logged at any level, one call per line. */
  const logged = (): string =>
    [...log.info.mock.calls, ...log.warn.mock.calls, ...log.error.mock.calls].map((call) => call.map(String).join(' ')).join('\n');
  return { platform, invokeTemplate, renderData, log, logged, scheduler, clock };
}

 
const rejectWith = (rejection: unknown) => (): Promise<TemplateSuccess> => Promise.reject(rejection);

describe('INSTALL_MESSAGES', () => {
  it.each(Object.entries(INSTALL_MESSAGES))('%s fits the 60 characters the platform shows', (_key, message) => {
    expect(message.length).toBeGreaterThan(0);
    expect(message.length).toBeLessThanOrEqual(RENDER_MESSAGE_MAX);
  });
});

describe('vetoMessage', () => {
  it.each([
    ['unauthorized', INSTALL_MESSAGES.unauthorized],
    ['forbidden', INSTALL_MESSAGES.forbidden],
    ['not_found', INSTALL_MESSAGES.notFound],
    ['rate_limited', INSTALL_MESSAGES.rateLimited],
    ['unreachable', INSTALL_MESSAGES.unreachable],
    ['timeout', INSTALL_MESSAGES.unreachable],
    ['server_error', INSTALL_MESSAGES.failed],
    ['platform', INSTALL_MESSAGES.failed],
    ['invalid', INSTALL_MESSAGES.failed],
    ['bad_response', INSTALL_MESSAGES.unexpected],
  ] as Array<[CrmFailureKind, string]>)('%s → %s', (kind, message) => {
    expect(vetoMessage({ kind, messages: [], detail: 'x' })).toBe(message);
  });
});

describe('checkInstallPayload', () => {
  it('passes a complete payload', () => {
    expect(checkInstallPayload(payload())).toBeUndefined();
  });

  it.each([null, undefined, 'onAppInstall', 42, [], {}])('refuses the non-payload %p', (args) => {
    expect(checkInstallPayload(args)).toBe(INSTALL_MESSAGES.badPayload);
  });

  it('refuses a payload without iparams', () => {
    expect(checkInstallPayload(withoutIparams())).toBe(INSTALL_MESSAGES.badPayload);
  });

  it.each(['https://acme.myfreshworks.com', 'acme.freshsales.io', ''])('refuses the domain %j', (domain) => {
    expect(checkInstallPayload(payload({ domain, api_key: API_KEY }))).toBe(INSTALL_MESSAGES.badDomain);
  });

  it('asks for the domain first when both are wrong', () => {
    expect(checkInstallPayload(payload({ domain: 'https://x', api_key: '' }))).toBe(INSTALL_MESSAGES.badDomain);
  });

  it.each([{ domain: DOMAIN, api_key: '' }, { domain: DOMAIN, api_key: '   ' }, { domain: DOMAIN }, { domain: DOMAIN, api_key: 7 }])(
    'asks for the key for %j',
    (iparams) => {
      expect(checkInstallPayload(payload(iparams))).toBe(INSTALL_MESSAGES.missingKey);
    },
  );
});

describe('onAppInstall', () => {
  it('completes the installation when the owners call succeeds', async () => {
    const fake = fakePlatform(() => Promise.resolve(OWNERS_OK));
    await onAppInstall(payload(), fake.platform);
    expect(fake.invokeTemplate).toHaveBeenCalledTimes(1);
    expect(fake.invokeTemplate).toHaveBeenCalledWith('listOwners', { context: {} });
    expect(fake.renderData).toHaveBeenCalledTimes(1);
    expect(fake.renderData.mock.calls[0]).toEqual([]);
    expect(fake.log.error).not.toHaveBeenCalled();
  });

  it.each([
    ['401 from Freshsales', rejectWith({ status: 401, errorSource: 'APP', response: '{"login":"failed"}' }), INSTALL_MESSAGES.unauthorized],
    ['403 from Freshsales', rejectWith({ status: 403, errorSource: 'APP', response: '{"errors":{"code":403,"message":["Denied"]}}' }), INSTALL_MESSAGES.forbidden],
    ['404 with an empty body', rejectWith({ status: 404, errorSource: 'APP', response: '' }), INSTALL_MESSAGES.notFound],
    ['429 from Freshsales', rejectWith({ status: 429, errorSource: 'APP', headers: { 'Retry-After': '60' } }), INSTALL_MESSAGES.rateLimited],
    ['429 from the platform', rejectWith({ status: 429, errorSource: 'PLATFORM' }), INSTALL_MESSAGES.rateLimited],
    ['502 from the platform', rejectWith({ status: 502, errorSource: 'PLATFORM', message: 'ENOTFOUND' }), INSTALL_MESSAGES.unreachable],
    ['504 from the platform', rejectWith({ status: 504, errorSource: 'PLATFORM' }), INSTALL_MESSAGES.unreachable],
    ['500 from Freshsales', rejectWith({ status: 500, errorSource: 'APP', response: '<html>oops</html>' }), INSTALL_MESSAGES.failed],
    ['400 from the platform', rejectWith({ status: 400, errorSource: 'PLATFORM', message: 'template error' }), INSTALL_MESSAGES.failed],
    ['400 from Freshsales', rejectWith({ status: 400, response: '{"errors":{"code":400,"message":["bad"]}}' }), INSTALL_MESSAGES.failed],
    ['415 from the platform', rejectWith({ status: 415, errorSource: 'PLATFORM' }), INSTALL_MESSAGES.unexpected],
    ['a 200 login page', () => Promise.resolve({ ...OWNERS_OK, response: '<!DOCTYPE html><title>Login</title>' }), INSTALL_MESSAGES.unexpected],
    ['a 200 of the wrong shape', () => Promise.resolve({ ...OWNERS_OK, response: '{"owners":[]}' }), INSTALL_MESSAGES.unexpected],
    ['a rejection without a status', rejectWith(new Error('socket hang up')), INSTALL_MESSAGES.unreachable],
  ] as Array<[string, InvokeTemplate, string]>)('vetoes on %s', async (_case, invoke, message) => {
    const fake = fakePlatform(invoke);
    await onAppInstall(payload(), fake.platform);
    expect(fake.invokeTemplate).toHaveBeenCalledTimes(1);
    expect(fake.renderData).toHaveBeenCalledTimes(1);
    expect(fake.renderData).toHaveBeenCalledWith({ message });
    expect(fake.log.error).toHaveBeenCalledTimes(1);
    expect(fake.log.error.mock.calls[0]?.[0]).toMatch(/^onAppInstall: credentials check failed: /);
    expect(fake.logged()).not.toContain(API_KEY);
  });

  it('logs what went wrong for developers', async () => {
    const fake = fakePlatform(rejectWith({ status: 502, errorSource: 'PLATFORM', message: 'getaddrinfo ENOTFOUND' }));
    await onAppInstall(payload(), fake.platform);
    expect(fake.log.error).toHaveBeenCalledWith(
      'onAppInstall: credentials check failed: HTTP 502 from the platform: getaddrinfo ENOTFOUND',
    );
  });

  it.each([
    ['not an object', 'install me', INSTALL_MESSAGES.badPayload],
    ['null', null, INSTALL_MESSAGES.badPayload],
    ['missing iparams', withoutIparams(), INSTALL_MESSAGES.badPayload],
    ['a domain with https://', payload({ domain: `https://${DOMAIN}`, api_key: API_KEY }), INSTALL_MESSAGES.badDomain],
    ['a domain with a port', payload({ domain: `${DOMAIN}:443`, api_key: API_KEY }), INSTALL_MESSAGES.badDomain],
    ['an empty key', payload({ domain: DOMAIN, api_key: '' }), INSTALL_MESSAGES.missingKey],
    ['a whitespace key', payload({ domain: DOMAIN, api_key: '  ' }), INSTALL_MESSAGES.missingKey],
  ])('vetoes %s without calling any template', async (_case, args, message) => {
    const fake = fakePlatform(() => Promise.resolve(OWNERS_OK));
    await onAppInstall(args, fake.platform);
    expect(fake.invokeTemplate).not.toHaveBeenCalled();
    expect(fake.renderData).toHaveBeenCalledTimes(1);
    expect(fake.renderData).toHaveBeenCalledWith({ message });
    expect(fake.logged()).not.toContain(API_KEY);
  });

  it('an invoker that throws synchronously is absorbed by callTemplate: one veto, no secret logged', async () => {
    const fake = fakePlatform(() => {
      throw new TypeError("Cannot read properties of undefined (reading 'invokeTemplate')");
    });
    await expect(onAppInstall(payload(), fake.platform)).resolves.toBeUndefined();
    expect(fake.renderData).toHaveBeenCalledTimes(1);
    expect(fake.renderData).toHaveBeenCalledWith({ message: INSTALL_MESSAGES.failed });
    expect(fake.log.error).toHaveBeenCalledTimes(1);
    expect(fake.logged()).not.toContain(API_KEY);
  });

  it('an unexpected throw outside the call (no $request) → the generic failed message, once', async () => {
    const fake = fakePlatform(() => Promise.resolve(OWNERS_OK));
    const broken = { ...fake.platform, request: undefined } as unknown as InstallHost;
    await expect(onAppInstall(payload(), broken)).resolves.toBeUndefined();
    expect(fake.renderData).toHaveBeenCalledTimes(1);
    expect(fake.renderData).toHaveBeenCalledWith({ message: INSTALL_MESSAGES.failed });
    expect(fake.log.error).toHaveBeenCalledTimes(1);
    expect(fake.log.error.mock.calls[0]?.[0]).toMatch(/^onAppInstall: .*invokeTemplate/);
    expect(fake.logged()).not.toContain(API_KEY);
  });

  it('an unexpected non-Error throw is logged as text and still answered once', async () => {
    const fake = fakePlatform(() => Promise.resolve(OWNERS_OK));
    const request = {
      get invokeTemplate(): InvokeTemplate {
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- the case under test
        throw 'sandbox exploded';
      },
    };
    await onAppInstall(payload(), { ...fake.platform, request });
    expect(fake.renderData).toHaveBeenCalledTimes(1);
    expect(fake.renderData).toHaveBeenCalledWith({ message: INSTALL_MESSAGES.failed });
    expect(fake.log.error).toHaveBeenCalledWith('onAppInstall: credentials check failed: sandbox exploded');
  });

  it('a throw outside callTemplate (here: the logger itself) still ends in exactly one renderData', async () => {
    const fake = fakePlatform(() => Promise.reject({ status: 401, errorSource: 'APP' }));
    fake.log.error.mockImplementationOnce(() => {
      throw new Error('log sink closed');
    });
    await onAppInstall(payload(), fake.platform);
    expect(fake.renderData).toHaveBeenCalledTimes(1);
    expect(fake.renderData).toHaveBeenCalledWith({ message: INSTALL_MESSAGES.failed });
    expect(fake.log.error).toHaveBeenLastCalledWith('onAppInstall: log sink closed');
  });
});

describe('onAppInstall and the automation settings', () => {
  const withSettings = (extra: Record<string, unknown>) => payload({ domain: DOMAIN, api_key: API_KEY, ...extra });

  it.each([
    ['webhook_secret', { webhook_host: 'hooks.example.com', webhook_secret: 'not-a-secret' }],
    ['webhook_host', { webhook_host: 'https://hooks.example.com/x', webhook_secret: `whsec_${'A'.repeat(43)}=` }],
    ['deal_won_tasks', { deal_won_tasks: 'Call them' }],
    ['phone_default_country', { phone_default_country: 'Germany' }],
    ['webhook_events', { webhook_host: 'hooks.example.com', webhook_secret: `whsec_${'A'.repeat(43)}=`, webhook_events: ['deal.won', 'deal.exploded'] }],
  ])('vetoes a wrong %s before calling Freshsales, with a short message and the detail in the log', async (name, extra) => {
    const fake = fakePlatform(() => Promise.resolve(OWNERS_OK));
    await onAppInstall(withSettings(extra), fake.platform);
    expect(fake.invokeTemplate).not.toHaveBeenCalled();
    expect(fake.renderData).toHaveBeenCalledWith({ message: SETTING_MESSAGES[name] });
    expect(fake.log.error.mock.calls[0]?.[0]).toContain(name);
    expect(fake.scheduler.list()).toEqual([]);
  });

  it.each(Object.entries(SETTING_MESSAGES))('the message for %s fits the 60 characters the platform shows', (_name, message) => {
    expect(message.length).toBeLessThanOrEqual(RENDER_MESSAGE_MAX);
  });

  it('creates the recurring drain six minutes ahead, every five minutes', async () => {
    const fake = fakePlatform(() => Promise.resolve(OWNERS_OK));
    await onAppInstall(payload(), fake.platform);
    expect(fake.renderData).toHaveBeenCalledWith();
    const [schedule] = fake.scheduler.list();
    expect(schedule).toMatchObject({ name: DRAIN_SCHEDULE, data: { task: 'drain' }, repeat: { time_unit: 'minutes', frequency: DRAIN_EVERY_MINUTES } });
    expect(Date.parse(schedule?.schedule_at ?? '') - fake.clock.now()).toBe(6 * 60_000);
  });

  it('a reinstall that finds the schedule updates it instead of failing', async () => {
    const fake = fakePlatform(() => Promise.resolve(OWNERS_OK));
    await onAppInstall(payload(), fake.platform);
    fake.clock.advance(3 * 60_000);
    await onAppInstall(payload(), fake.platform);
    expect(fake.renderData.mock.calls).toEqual([[], []]);
    expect(fake.scheduler.list()).toHaveLength(1);
  });

  it('vetoes when the platform refuses the schedule, and says why in the log', async () => {
    const refusing: ScheduleApi = {
      create: () => Promise.reject({ status: 400, message: 'An installation may have only 1 recurring schedule(s)' }),
      update: () => Promise.reject({ status: 404, message: 'none' }),
      fetch: () => Promise.reject({ status: 404, message: 'none' }),
      delete: () => Promise.reject({ status: 404, message: 'none' }),
    };
    const fake = fakePlatform(() => Promise.resolve(OWNERS_OK), refusing);
    await onAppInstall(payload(), fake.platform);
    expect(fake.renderData).toHaveBeenCalledWith({ message: INSTALL_MESSAGES.schedule });
    expect(fake.log.error.mock.calls[0]?.[0]).toContain('only 1 recurring');
  });
});

describe('onAppInstall and the sidebar settings', () => {
  const withSettings = (extra: Record<string, unknown>) => payload({ domain: DOMAIN, api_key: API_KEY, ...extra });
  const FIELDS_OK: TemplateSuccess = {
    ...OWNERS_OK,
    response: JSON.stringify({ fields: [{ name: 'first_name', label: 'First name', type: 'text' }, { name: 'cf_tier', label: 'Tier', type: 'dropdown' }] }),
  };
  /** Owners for listOwners, the field settings above for getFieldSettings. */
  const crm = (fields: () => Promise<TemplateSuccess> = () => Promise.resolve(FIELDS_OK)): InvokeTemplate => (name) => (name === 'getFieldSettings' ? fields() : Promise.resolve(OWNERS_OK));

  it.each([
    ['an empty section list', { deal_sections: '' }, 'Deal sidebar sections: at least one known section.'],
    ['an unknown section', { account_sections: 'summary, notes' }, 'Account sidebar sections: at least one known section.'],
    ['a custom field list that is no list of names', { contact_custom_fields: 'tier' }, 'Contact custom fields: all, none or cf_ names.'],
  ])('vetoes %s before calling Freshsales', async (_case, extra, message) => {
    const fake = fakePlatform(crm());
    await onAppInstall(withSettings(extra), fake.platform);
    expect(fake.invokeTemplate).not.toHaveBeenCalled();
    expect(fake.renderData).toHaveBeenCalledWith({ message });
    expect(fake.log.error.mock.calls[0]?.[0]).toContain(Object.keys(extra)[0]);
  });

  it('installs with ALL and None in any case, calling Freshsales once', async () => {
    const fake = fakePlatform(crm());
    await onAppInstall(withSettings({ contact_custom_fields: 'ALL', deal_custom_fields: 'None' }), fake.platform);
    expect(fake.renderData).toHaveBeenCalledWith();
    expect(fake.invokeTemplate).toHaveBeenCalledTimes(1);
  });

  it('looks listed custom fields up with the saved credentials, and installs when the account has them', async () => {
    const fake = fakePlatform(crm());
    await onAppInstall(withSettings({ contact_custom_fields: 'cf_tier' }), fake.platform);
    expect(fake.renderData).toHaveBeenCalledWith();
    expect(fake.invokeTemplate.mock.calls).toEqual([
      ['listOwners', { context: {} }],
      ['getFieldSettings', { context: { entity: 'contacts' } }],
    ]);
  });

  it('vetoes a custom field the account does not have, naming it', async () => {
    const fake = fakePlatform(crm());
    await onAppInstall(withSettings({ contact_custom_fields: 'cf_tier, cf_nope' }), fake.platform);
    expect(fake.renderData).toHaveBeenCalledWith({ message: 'Unknown custom field: cf_nope' });
    expect(fake.log.error).toHaveBeenCalledWith('onAppInstall: contact_custom_fields: This account has no contact custom field "cf_nope".');
    expect(fake.scheduler.list()).toEqual([]);
  });

  it('keeps the veto within the 60 characters the platform shows', async () => {
    const fake = fakePlatform(crm());
    await onAppInstall(withSettings({ deal_custom_fields: `cf_${'x'.repeat(40)}, cf_${'y'.repeat(40)}` }), fake.platform);
    const answer = fake.renderData.mock.calls[0]?.[0] as { message: string };
    expect(answer.message.length).toBeLessThanOrEqual(RENDER_MESSAGE_MAX);
    expect(answer.message).toMatch(/^Unknown custom field: cf_x+/);
  });

  it('vetoes when the field settings cannot be read', async () => {
    const fake = fakePlatform(crm(rejectWith({ status: 503, errorSource: 'APP', response: '' })));
    await onAppInstall(withSettings({ deal_custom_fields: 'cf_tier' }), fake.platform);
    expect(fake.renderData).toHaveBeenCalledWith({ message: INSTALL_MESSAGES.fieldsUnread });
    expect(fake.log.error.mock.calls[0]?.[0]).toMatch(/^onAppInstall: deal_custom_fields: /);
  });
});
