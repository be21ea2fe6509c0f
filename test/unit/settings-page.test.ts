/**
 * @jest-environment jsdom
 */
import { getByLabelText, getByRole } from '@testing-library/dom';
import { SECURE_IPARAMS } from '../../common/iparams';
import { DEFAULT_WEBHOOK_TYPES, WEBHOOK_TYPES } from '../../common/webhooks/types';
import { defaultSections, DEFAULT_CUSTOM_FIELDS, SECTIONS_IPARAM, CUSTOM_FIELDS_IPARAM } from '../../common/sidebar-settings';
import { AUTOMATION_DEFAULTS } from '../../server/lib/settings/iparams';
import { SETTING_NAMES } from '../../server/lib/settings/check';
import { openSettingsPage, pageMarkup, type Invoke } from '../support/iparams-page';

/** The app's settings page, config/iparams.html (platform.md §8.2), as the platform drives it. */

const KEY = 'Zx9-very-secret-api-key-Q7';
const SECRET = `whsec_${Buffer.from('a signing key of thirty-two bytes').toString('base64')}`;

const answering = (response: unknown): Invoke => () => Promise.resolve({ response });
const PASSES = answering({ ok: true, values: {}, errors: {} });

const input = (label: string | RegExp): HTMLInputElement => getByLabelText<HTMLInputElement>(document.body, label);
const type = (label: string | RegExp, value: string) => {
  const field = input(label);
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
};
const errorOf = (name: string) => document.querySelector(`.field[data-name="${name}"] .error`)?.textContent;
const status = () => document.getElementById('settings-status') as HTMLElement;
const ENTITIES = ['contact', 'deal', 'sales_account'] as const;

describe('the page', () => {
  it('loads the platform client first, then its own script and style from ./assets', () => {
    const markup = pageMarkup();
    expect(markup.indexOf('<script src="{{{appclient}}}"></script>')).toBeGreaterThan(-1);
    expect(markup.indexOf('{{{appclient}}}')).toBeLessThan(markup.indexOf('./assets/iparams.js'));
    expect(markup).toContain('<link rel="stylesheet" href="./assets/iparams.css">');
    expect(markup).not.toMatch(/https?:\/\//);
  });

  it('has one labelled field for every setting the server reads, and no other', () => {
    openSettingsPage(PASSES);
    const names = [...new Set(Array.from(document.querySelectorAll<HTMLInputElement>('#settings-form [name]')).map((node) => node.name))];
    expect(names.sort()).toEqual([...SETTING_NAMES].sort());
    expect(input('Freshsales Suite domain*').type).toBe('text');
    expect(input('Freshsales API key*').type).toBe('password');
    expect(input('Webhooks: signing secret').type).toBe('password');
  });

  it('offers exactly the webhook events the server knows', () => {
    openSettingsPage(PASSES);
    const group = getByRole(document.body, 'group', { name: 'Webhooks: events' });
    expect(Array.from(group.querySelectorAll<HTMLInputElement>('input')).map((box) => box.value)).toEqual([...WEBHOOK_TYPES]);
  });

  it('starts from the defaults the server and the sidebars assume for an absent setting', () => {
    const { page } = openSettingsPage(PASSES);
    const configs = page.postConfigs();
    expect(configs).toMatchObject(AUTOMATION_DEFAULTS);
    expect(configs.webhook_events).toEqual(DEFAULT_WEBHOOK_TYPES);
    for (const entity of ENTITIES) {
      expect(configs[SECTIONS_IPARAM[entity]]).toBe(defaultSections(entity));
      expect(configs[CUSTOM_FIELDS_IPARAM[entity]]).toBe(DEFAULT_CUSTOM_FIELDS);
    }
    expect(configs.domain).toBe('');
  });
});

describe('validate()', () => {
  it('sends every setting as typed, secrets included, to the checkSettings server method', async () => {
    const { page, invoke } = openSettingsPage(PASSES);
    type('Freshsales Suite domain*', ' https://Acme.myfreshworks.com/ ');
    type('Freshsales API key*', KEY);
    type('Contact custom fields', 'ALL');
    await expect(page.validate()).resolves.toBe(true);
    expect(invoke).toHaveBeenCalledTimes(1);
    const [name, payload] = invoke.mock.calls[0] as [string, { settings: Record<string, unknown> }];
    expect(name).toBe('checkSettings');
    expect(payload.settings).toMatchObject({ domain: ' https://Acme.myfreshworks.com/ ', api_key: KEY, contact_custom_fields: 'ALL', deal_won_enabled: true, webhook_max_attempts: 8 });
    expect(Object.keys(payload.settings).sort()).toEqual([...SETTING_NAMES].sort());
  });

  it('shows each problem next to its setting, marks it invalid, focuses the first and blocks the save', async () => {
    const errors = { domain: 'acme.freshsales.io is not a Freshsales Suite domain.', deal_custom_fields: 'This account has no deal custom field "cf_nope".' };
    const { page } = openSettingsPage(answering({ ok: false, values: {}, errors }));
    await expect(page.validate()).resolves.toBe(false);
    expect(errorOf('domain')).toBe(errors.domain);
    expect(errorOf('deal_custom_fields')).toBe(errors.deal_custom_fields);
    expect(input('Deal custom fields').getAttribute('aria-invalid')).toBe('true');
    expect(input('Deal custom fields').getAttribute('aria-describedby')).toContain('setting-deal_custom_fields-error');
    expect(document.activeElement).toBe(input('Freshsales Suite domain*'));
    expect(status().textContent).toMatch(/need attention/);
  });

  it('shows a problem that belongs to no setting under the form', async () => {
    const { page } = openSettingsPage(answering({ ok: false, values: {}, errors: { _settings: 'Freshsales is busy (rate limit). Try again in a minute.' } }));
    await expect(page.validate()).resolves.toBe(false);
    expect(status().textContent).toBe('Freshsales is busy (rate limit). Try again in a minute.');
    expect(status().getAttribute('role')).toBe('alert');
  });

  it('blocks the save when the check cannot run, saying why', async () => {
    const { page } = openSettingsPage(() => Promise.reject({ status: 429, message: 'Rate limit exceeded for server method invocations' }));
    await expect(page.validate()).resolves.toBe(false);
    expect(status().textContent).toBe('The settings could not be checked (Rate limit exceeded for server method invocations). Try again.');
  });

  it('clears a message as soon as its field is typed in, and every message on the next check', async () => {
    const { page } = openSettingsPage(answering({ ok: false, values: {}, errors: { domain: 'Wrong.', api_key: 'Refused.' } }));
    await page.validate();
    type('Freshsales Suite domain*', 'acme.myfreshworks.com');
    expect(errorOf('domain')).toBe('');
    expect(errorOf('api_key')).toBe('Refused.');
  });
});

describe('postConfigs()', () => {
  it('saves the checked values, shows them normalised, adds the typed secrets and lists them as secure', async () => {
    const checked = { domain: 'acme.myfreshworks.com', contact_custom_fields: 'all', webhook_host: 'hooks.example.com', webhook_max_attempts: 5 };
    const { page } = openSettingsPage(answering({ ok: true, values: checked, errors: {} }));
    type('Freshsales Suite domain*', ' HTTPS://ACME.myfreshworks.com ');
    type('Freshsales API key*', ` ${KEY} `);
    type('Webhooks: signing secret', SECRET);
    await page.validate();
    expect(input('Freshsales Suite domain*').value).toBe('acme.myfreshworks.com');
    expect(page.postConfigs()).toEqual({ ...checked, api_key: KEY, webhook_secret: SECRET, __meta: { secure: [...SECURE_IPARAMS] } });
  });
});

describe('getConfigs() (editing the settings)', () => {
  const saved = { domain: 'acme.myfreshworks.com', contact_sections: 'notes, summary', deal_won_enabled: false, webhook_events: ['deal.lost'], webhook_max_attempts: 3 };

  it('shows the saved settings', () => {
    const { page } = openSettingsPage(PASSES);
    page.getConfigs(saved);
    expect(input('Freshsales Suite domain*').value).toBe('acme.myfreshworks.com');
    expect(input('Contact sidebar sections').value).toBe('notes, summary');
    expect(input('Deal won: follow up').checked).toBe(false);
    expect(input('deal.lost').checked).toBe(true);
    expect(input('deal.won').checked).toBe(false);
    expect(page.postConfigs()).toMatchObject(saved);
  });

  it('never writes a secret into the page, and asks for the key again', () => {
    const { page } = openSettingsPage(PASSES);
    page.getConfigs({ ...saved, api_key: KEY, webhook_secret: SECRET });
    expect(input('Freshsales API key*').value).toBe('');
    expect(input('Webhooks: signing secret').value).toBe('');
    expect(document.body.innerHTML).not.toContain(KEY);
    expect(document.body.innerHTML).not.toContain(SECRET);
    expect(document.getElementById('setting-api_key-again')?.hidden).toBe(false);
    // No webhooks were on, so no signing secret was saved to ask for.
    expect(document.getElementById('setting-webhook_secret-again')?.hidden).toBe(true);
  });

  it('asks for the signing secret again when webhooks are on', () => {
    const { page } = openSettingsPage(PASSES);
    page.getConfigs({ ...saved, webhook_host: 'hooks.example.com' });
    expect(document.getElementById('setting-webhook_secret-again')?.hidden).toBe(false);
  });

  it('sends a blank key to the check, which refuses it: a save always carries the key', async () => {
    const { page, invoke } = openSettingsPage(answering({ ok: false, values: {}, errors: { api_key: 'Enter your Freshsales API key.' } }));
    page.getConfigs(saved);
    await expect(page.validate()).resolves.toBe(false);
    expect((invoke.mock.calls[0] as [string, { settings: Record<string, unknown> }])[1].settings.api_key).toBe('');
    expect(errorOf('api_key')).toBe('Enter your Freshsales API key.');
  });
});
