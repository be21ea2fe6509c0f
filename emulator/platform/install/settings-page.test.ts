import { join } from 'node:path';
import { loadApp } from '../app-loader';
import type { InstallOutcome } from '../context';
import { startRouteHarness } from '../testing/route-harness';
import type { LoadedApp } from '../types';
import { fakeContext } from './fake-context';
import { AFTER_INSTALL_PATH } from './paths';
import { registerSettingsPages } from './settings-page';

const ROOT = join(__dirname, '..', '..', '..');
const SECRET = 'sk-SECRET-9f8e7d';

let formApp: LoadedApp;
let projectApp: LoadedApp;

beforeAll(async () => {
  formApp = await loadApp(join(ROOT, 'test/fixtures/apps/settings-form'));
  // The project's own settings page, on an otherwise minimal app (the repository root is not a built app).
  const minimal = await loadApp(join(ROOT, 'test/fixtures/apps/minimal'));
  projectApp = { ...minimal, dir: ROOT, name: 'main', iparamFields: undefined, customSettingsPage: true };
});

interface Harness {
  url: string;
  install: jest.Mock<Promise<InstallOutcome>, [Record<string, unknown>]>;
  uninstall: jest.Mock<Promise<InstallOutcome>, []>;
  close(): Promise<void>;
}

const open: Harness[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((harness) => harness.close()));
});

async function serve(app: LoadedApp, saved?: Record<string, unknown>, outcome: InstallOutcome = { ok: true }): Promise<Harness> {
  const install = jest.fn<Promise<InstallOutcome>, [Record<string, unknown>]>(() => Promise.resolve(outcome));
  const uninstall = jest.fn(() => Promise.resolve(outcome));
  const server = await startRouteHarness([registerSettingsPages], fakeContext(app, { saved, install, uninstall }));
  const harness = { url: server.url, install, uninstall, close: () => server.close() };
  open.push(harness);
  return harness;
}

async function getPage(harness: Harness, path = '/__fdk/settings'): Promise<string> {
  const response = await fetch(harness.url + path);
  expect(response.status).toBe(200);
  return response.text();
}

/** The markup of one field, from its wrapper to the wrapper's end (fields hold no nested divs). */
function fieldOf(page: string, key: string): string {
  const start = page.indexOf(`data-key="${key}"`);
  expect(start).toBeGreaterThan(-1);
  return page.slice(start, page.indexOf('</div>', start));
}

/** A complete, valid submission of the settings-form fixture. */
const VALID: Record<string, string | string[]> = {
  company_name: 'Acme Ltd',
  notes: 'Line one',
  sync_mode: 'manual',
  owner_email: 'owner@acme.example',
  batch_size: '40',
  support_phone: '+44 20 7946 0000',
  start_date: '2026-12-01',
  webhook_url: 'https://hooks.acme.example/in',
  region: 'us',
  enable_sync: 'true',
  modules: ['contacts', 'accounts'],
  crm_domain: 'acme.myfreshworks.com',
  crm_api_key: SECRET,
  internal_flag: 'hidden-default',
  tag_prefix: 'ac-',
};

function encode(values: Record<string, string | string[]>): string {
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) (Array.isArray(value) ? value : [value]).forEach((item) => form.append(key, item));
  return form.toString();
}

function post(harness: Harness, values: Record<string, string | string[]>, path = '/__fdk/settings'): Promise<Response> {
  return fetch(harness.url + path, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: encode(values), redirect: 'manual' });
}

function postJson(harness: Harness, body: unknown): Promise<Response> {
  return fetch(`${harness.url}/__fdk/settings`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

describe('GET /__fdk/settings from config/iparams.json (platform.md §8.1)', () => {
  it('renders one control per type, with labels, help text, required marks and defaults', async () => {
    const page = await getPage(await serve(formApp));
    expect(fieldOf(page, 'company_name')).toMatch(/<label for="fdk-field-0">Company name<span class="req"[^>]*>\*<\/span><\/label>/);
    expect(fieldOf(page, 'company_name')).toContain('<input type="text" id="fdk-field-0" name="company_name" value="" required');
    expect(fieldOf(page, 'company_name')).toContain('As it appears on invoices.');
    expect(fieldOf(page, 'notes')).toMatch(/<textarea id="fdk-field-1" name="notes"[^>]*>First line<\/textarea>/);
    expect(fieldOf(page, 'sync_mode')).toMatch(/<select id="fdk-field-2" name="sync_mode"/);
    expect(fieldOf(page, 'sync_mode')).toContain('<option value="automatic" selected>automatic</option>');
    expect(fieldOf(page, 'sync_mode')).toContain('<option value="manual">manual</option>');
    expect(fieldOf(page, 'owner_email')).toContain('<input type="email"');
    expect(fieldOf(page, 'batch_size')).toContain('<input type="number" id="fdk-field-4" name="batch_size" value="25" step="any"');
    expect(fieldOf(page, 'support_phone')).toContain('<input type="tel"');
    expect(fieldOf(page, 'start_date')).toContain('<input type="date"');
    expect(fieldOf(page, 'webhook_url')).toContain('<input type="url"');
    expect(fieldOf(page, 'region')).toContain('<input type="radio" name="region" value="eu" checked> eu');
    expect(fieldOf(page, 'region')).toContain('<input type="radio" name="region" value="us"> us');
    expect(fieldOf(page, 'enable_sync')).toMatch(/<input type="checkbox"[^>]*name="enable_sync" value="true" checked/);
    expect(fieldOf(page, 'modules')).toContain('<select multiple');
    expect(fieldOf(page, 'modules')).toContain('<option value="contacts" selected>');
    expect(fieldOf(page, 'modules')).toContain('<option value="deals" selected>');
    expect(fieldOf(page, 'modules')).toContain('<option value="accounts">');
    expect(fieldOf(page, 'crm_domain')).toContain('<input type="text" id="fdk-field-11" name="crm_domain"');
    expect(fieldOf(page, 'crm_api_key')).toContain('<input type="password" id="fdk-field-12" name="crm_api_key" value=""');
    expect(fieldOf(page, 'internal_flag')).toMatch(/^data-key="internal_flag" data-type="text" hidden>/);
    expect(fieldOf(page, 'notes')).not.toContain('<span class="req"');
  });

  it('escapes labels, help text and values, and loads the scripts of the page', async () => {
    const page = await getPage(await serve(formApp));
    const tag = fieldOf(page, 'tag_prefix');
    expect(tag).toContain('Tag &lt;b&gt;prefix&lt;/b&gt;');
    expect(tag).toContain('Shown as &lt;script&gt;alert(1)&lt;/script&gt; &amp; more');
    expect(tag).toContain('value="&quot;quoted&quot; &lt;tag&gt;"');
    expect(page).not.toContain('<script>alert(1)');
    expect(page).not.toContain('<b>prefix');
    // config/assets/iparams.js holds change handlers, so the page loads the client and it (§8.1).
    expect(page).toContain('<script src="/__fdk/client.js"></script><script src="/__fdk/settings/assets/iparams.js"></script>');
    expect(page).toContain('<script src="/__fdk/settings/form.js"></script>');
    expect(page).toContain('<span class="pill off">Not installed</span>');
    expect(page).toContain('<button type="submit" id="fdk-install">Install</button>');
    expect(page).not.toContain('/__fdk/uninstall');
  });

  it('pre-fills the saved installation and never echoes a secure value', async () => {
    const saved = { company_name: 'Saved Co', sync_mode: 'off', modules: ['accounts'], enable_sync: false, batch_size: 9, crm_api_key: SECRET, crm_domain: 'saved.myfreshworks.com' };
    const page = await getPage(await serve(formApp, saved));
    expect(fieldOf(page, 'company_name')).toContain('value="Saved Co"');
    expect(fieldOf(page, 'sync_mode')).toContain('<option value="off" selected>');
    expect(fieldOf(page, 'sync_mode')).toContain('<option value="automatic">');
    expect(fieldOf(page, 'modules')).toContain('<option value="accounts" selected>');
    expect(fieldOf(page, 'modules')).toContain('<option value="contacts">');
    expect(fieldOf(page, 'enable_sync')).not.toContain('checked');
    expect(fieldOf(page, 'batch_size')).toContain('value="9"');
    expect(fieldOf(page, 'crm_api_key')).toContain('value=""');
    expect(fieldOf(page, 'crm_api_key')).toContain('A value is saved (hidden). Leave blank to keep it.');
    expect(page).not.toContain(SECRET);
    expect(page).toContain('<span class="pill on">Installed</span> <span class="muted">installation 7</span>');
    expect(page).toContain('<form method="post" action="/__fdk/uninstall">');
    expect(page).toContain('>Save</button>');
  });

  it('serves the page script bundled from TypeScript', async () => {
    const harness = await serve(formApp);
    const response = await fetch(`${harness.url}/__fdk/settings/form.js`);
    expect(response.headers.get('content-type')).toContain('text/javascript');
    const script = await response.text();
    expect(script).toContain('fdk-settings-form');
    expect(script).not.toMatch(/^import /m);
  });
});

describe('POST /__fdk/settings (platform.md §4.1, §8.1)', () => {
  it('installs with typed values and redirects to the contacts page', async () => {
    const harness = await serve(formApp);
    const response = await post(harness, VALID);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(AFTER_INSTALL_PATH);
    expect(harness.install).toHaveBeenCalledTimes(1);
    expect(harness.install.mock.calls[0]?.[0]).toEqual({
      ...VALID,
      batch_size: 40,
      enable_sync: true,
      modules: ['contacts', 'accounts'],
    });
  });

  it('saves an unticked checkbox as false, an empty multiselect as [] and leaves out a blank number', async () => {
    const harness = await serve(formApp);
    const rest = Object.fromEntries(Object.entries(VALID).filter(([key]) => key !== 'enable_sync' && key !== 'modules'));
    await post(harness, { ...rest, batch_size: '' });
    const values = harness.install.mock.calls[0]?.[0];
    expect(values).toMatchObject({ enable_sync: false, modules: [] });
    expect(values).not.toHaveProperty('batch_size');
  });

  it.each([
    ['company_name', '', 'Company name is required.'],
    ['company_name', 'Acme 2', 'The company name must not contain digits.'],
    ['batch_size', '150', 'The batch size must be between 1 and 99.'],
    ['batch_size', 'lots', 'Enter a number, like 42 or 3.5.'],
    ['owner_email', 'owner-at-acme', 'Enter a valid email address, like name@example.com.'],
    ['webhook_url', 'hooks.acme.example/in', 'Enter a full URL starting with https:// or http://.'],
    ['start_date', '2026-02-30', 'Enter a date as YYYY-MM-DD.'],
    ['support_phone', 'none', 'Enter a phone number: digits, with an optional leading +, spaces, dashes or parentheses.'],
    ['crm_domain', 'https://acme.myfreshworks.com/', 'Enter a host name only, like acme.myfreshworks.com (no https:// and no path).'],
    ['crm_api_key', '', 'Freshsales API key is required.'],
    ['sync_mode', 'sometimes', 'Choose one of: manual, automatic, off.'],
  ])('refuses %s = %p with 400 and "%s", without installing', async (key, value, message) => {
    const harness = await serve(formApp);
    const response = await post(harness, { ...VALID, [key]: value });
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(fieldOf(page, key)).toContain(`aria-live="polite">${message}</p>`);
    expect(fieldOf(page, key)).toMatch(/^data-key="[a-z_]+" data-type="[a-z_]+"( hidden)?>/);
    expect(page).toContain('The settings were not saved: correct the fields marked below.');
    expect(harness.install).not.toHaveBeenCalled();
  });

  it('re-renders what was typed, but never the secret just posted', async () => {
    const harness = await serve(formApp);
    const response = await post(harness, { ...VALID, owner_email: 'bad<email>', company_name: '' });
    const page = await response.text();
    expect(fieldOf(page, 'owner_email')).toContain('value="bad&lt;email&gt;"');
    expect(fieldOf(page, 'company_name')).toContain('Company name is required.');
    expect(fieldOf(page, 'sync_mode')).toContain('<option value="manual" selected>');
    expect(page).not.toContain(SECRET);
  });

  it('shows the onAppInstall veto message with 400 and keeps the typed values', async () => {
    const harness = await serve(formApp, undefined, { ok: false, message: 'Company <Veto> may not install this app' });
    const response = await post(harness, { ...VALID, company_name: 'Veto Inc' });
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).toContain('<div class="banner error" role="alert">Company &lt;Veto&gt; may not install this app</div>');
    expect(fieldOf(page, 'company_name')).toContain('value="Veto Inc"');
    expect(page).not.toContain(SECRET);
    expect(harness.install).toHaveBeenCalledTimes(1);
  });

  it('keeps the saved secret when its field is left blank', async () => {
    const harness = await serve(formApp, { ...VALID, crm_api_key: SECRET });
    const response = await post(harness, { ...VALID, crm_api_key: '' });
    expect(response.status).toBe(303);
    expect(harness.install.mock.calls[0]?.[0]).toMatchObject({ crm_api_key: SECRET });
  });

  it('accepts JSON and answers in JSON', async () => {
    const harness = await serve(formApp);
    const good = await postJson(harness, { ...VALID, batch_size: 40, enable_sync: true });
    expect(good.status).toBe(200);
    expect(await good.json()).toEqual({ ok: true, redirect: AFTER_INSTALL_PATH });
    expect(harness.install.mock.calls[0]?.[0]).toMatchObject({ batch_size: 40, enable_sync: true });

    const bad = await postJson(harness, { ...VALID, enable_sync: true, owner_email: 'x', surprise: 1 });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({
      ok: false,
      message: 'Not fields of config/iparams.json: surprise',
      errors: { owner_email: 'Enter a valid email address, like name@example.com.' },
    });
    const notObject = await postJson(harness, ['x']);
    expect(notObject.status).toBe(400);
    expect(await notObject.json()).toMatchObject({ message: 'The settings must be a JSON object' });
    expect(harness.install).toHaveBeenCalledTimes(1);
  });

  it('refuses a submission over 100 KB without installing', async () => {
    const harness = await serve(formApp);
    const response = await post(harness, { ...VALID, notes: 'x'.repeat(101 * 1024) });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('The settings are larger than 100 KB');
    expect(harness.install).not.toHaveBeenCalled();
  });

  it('installs an app without settings ({} in iparams.json) with no values', async () => {
    const harness = await serve({ ...formApp, iparamFields: {} });
    expect(await getPage(harness)).toContain('This app has no settings.');
    const response = await post(harness, {});
    expect(response.status).toBe(303);
    expect(harness.install).toHaveBeenCalledWith({});
  });

  it('answers a veto in JSON for JSON callers', async () => {
    const harness = await serve(formApp, undefined, { ok: false, message: 'Credentials rejected' });
    const response = await postJson(harness, { ...VALID, enable_sync: true });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ ok: false, message: 'Credentials rejected', errors: {} });
  });
});

describe('POST /__fdk/uninstall (platform.md §2.5, §4.1)', () => {
  it('asks for confirmation first, naming the app and what is lost, and uninstalls nothing yet', async () => {
    const harness = await serve(formApp, { ...VALID, crm_api_key: SECRET });
    const page = await getPage(harness);
    expect(page).toContain('<form method="post" action="/__fdk/uninstall"><button type="submit" class="danger" id="fdk-uninstall">Uninstall…</button></form>');
    const response = await post(harness, {}, '/__fdk/uninstall');
    expect(response.status).toBe(200);
    const confirmation = await response.text();
    expect(confirmation).toContain('<title>Uninstall settings-form fixture?</title>');
    expect(confirmation).toContain('<h1 id="fdk-confirm-title">Uninstall settings-form fixture?</h1>');
    expect(confirmation).toContain('stored data, entity records and schedules are deleted; installing again starts from nothing.');
    expect(confirmation).toContain('<input type="hidden" name="confirm" value="yes">');
    expect(confirmation).toContain('<a class="button" id="fdk-cancel-uninstall" href="/__fdk/settings" autofocus>Cancel</a>');
    expect(confirmation).not.toContain(SECRET);
    expect(harness.uninstall).not.toHaveBeenCalled();
  });

  it('uninstalls once confirmed and returns to the settings page with a banner', async () => {
    const harness = await serve(formApp, { ...VALID, crm_api_key: SECRET });
    const response = await post(harness, { confirm: 'yes' }, '/__fdk/uninstall');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/__fdk/settings?fdk_notice=uninstalled');
    expect(harness.uninstall).toHaveBeenCalledTimes(1);
    const page = await getPage(harness, '/__fdk/settings?fdk_notice=uninstalled');
    expect(page).toContain('<div class="banner ok" role="status">The app was uninstalled.</div>');
  });

  it('shows the onAppUninstall veto and stays installed', async () => {
    const harness = await serve(formApp, { ...VALID, crm_api_key: SECRET }, { ok: false, message: 'Delete the webhooks first' });
    const response = await post(harness, { confirm: 'yes' }, '/__fdk/uninstall');
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).toContain('<div class="banner error" role="alert">Delete the webhooks first</div>');
    expect(page).toContain('<span class="pill on">Installed</span>');
    expect(page).not.toContain(SECRET);
  });

  it('answers JSON callers in JSON', async () => {
    const harness = await serve(formApp, {}, { ok: false, message: 'The app is not installed' });
    const response = await fetch(`${harness.url}/__fdk/uninstall`, { method: 'POST', headers: { Accept: 'application/json' } });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ ok: false, message: 'The app is not installed' });
  });

  it('does not show an arbitrary notice from the query string', async () => {
    const page = await getPage(await serve(formApp), '/__fdk/settings?fdk_notice=%3Cscript%3E');
    expect(page).not.toContain('class="banner');
  });
});

describe("the project's own settings page", () => {
  it('names the app by its README heading, not by its folder', async () => {
    const page = await getPage(await serve(projectApp));
    expect(page).toContain('<title>Settings of Companion for Freshsales</title>');
    expect(page).toContain('<h1>Settings of Companion for Freshsales</h1>');
    expect(page).toContain('title="Settings of Companion for Freshsales"');
    expect(page).not.toContain('Settings of main');
  });

  it('serves config/iparams.html with the client, and its script and style from config/assets', async () => {
    const harness = await serve(projectApp);
    const page = await getPage(harness, '/__fdk/settings/page');
    expect(page).toContain('<script src="/__fdk/client.js"></script>');
    for (const asset of ['iparams.js', 'iparams.css']) {
      const response = await fetch(`${harness.url}/__fdk/settings/assets/${asset}`);
      expect(response.status).toBe(200);
    }
  });

  it('asks an edit for the secure values again: getConfigs receives the saved settings without them', async () => {
    const page = await getPage(await serve(projectApp, { domain: 'acme.myfreshworks.com', api_key: SECRET, webhook_secret: 'whsec_x', __meta: { secure: ['api_key', 'webhook_secret'] } }));
    expect(page).toContain('<button type="button" id="fdk-install">Save</button>');
    expect(page).toContain('"saved":{"domain":"acme.myfreshworks.com"}');
    expect(page).not.toContain(SECRET);
  });
});
