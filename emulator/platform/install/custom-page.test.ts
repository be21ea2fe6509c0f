import { join } from 'node:path';
import { loadApp } from '../app-loader';
import type { InstallOutcome } from '../context';
import { startRouteHarness } from '../testing/route-harness';
import type { LoadedApp } from '../types';
import { fakeContext } from './fake-context';
import { AFTER_INSTALL_PATH } from './paths';
import { registerSettingsPages } from './settings-page';

const ROOT = join(__dirname, '..', '..', '..');
const SECRET = 'custom-secret-4242';

let customApp: LoadedApp;
let formApp: LoadedApp;

beforeAll(async () => {
  customApp = await loadApp(join(ROOT, 'test/fixtures/apps/settings-custom'));
  formApp = await loadApp(join(ROOT, 'test/fixtures/apps/settings-form'));
});

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function serve(app: LoadedApp, saved?: Record<string, unknown>, outcome: InstallOutcome = { ok: true }) {
  const install = jest.fn<Promise<InstallOutcome>, [Record<string, unknown>]>(() => Promise.resolve(outcome));
  const server = await startRouteHarness([registerSettingsPages], fakeContext(app, { saved, install }));
  closers.push(() => server.close());
  return { url: server.url, install };
}

function bootData(page: string): unknown {
  const match = /<script type="application\/json" id="fdk-settings-data">(.*?)<\/script>/.exec(page);
  return JSON.parse(match?.[1] ?? 'null') as unknown;
}

describe('a custom config/iparams.html (platform.md §8.2)', () => {
  it('wraps the page in a frame with the Install button and the wrapper script', async () => {
    const { url } = await serve(customApp);
    const page = await (await fetch(`${url}/__fdk/settings`)).text();
    expect(page).toContain('<iframe class="settings-frame" id="fdk-settings-frame" title="Settings of settings-custom fixture" src="/__fdk/settings/page"></iframe>');
    expect(page).toContain('<button type="button" id="fdk-install">Install</button>');
    expect(page).toContain('<script src="/__fdk/settings/custom.js"></script>');
    expect(bootData(page)).toEqual({ saved: null, action: '/__fdk/settings' });
  });

  it('serves iparams.html with {{{appclient}}} replaced by the client script', async () => {
    const { url } = await serve(customApp);
    const response = await fetch(`${url}/__fdk/settings/page`);
    expect(response.headers.get('content-type')).toContain('text/html');
    const page = await response.text();
    expect(page).toContain('<script src="/__fdk/client.js"></script>');
    expect(page).not.toContain('{{{appclient}}}');
    // Relative to /__fdk/settings/page, ./assets/ is /__fdk/settings/assets/.
    expect(page).toContain('<script src="./assets/iparams.js"></script>');
  });

  it('serves config/assets/ with content types, nested folders included, and nothing outside it', async () => {
    const { url } = await serve(customApp);
    const script = await fetch(`${url}/__fdk/settings/assets/iparams.js`);
    expect(script.headers.get('content-type')).toContain('text/javascript');
    expect(await script.text()).toContain('function postConfigs()');
    const style = await fetch(`${url}/__fdk/settings/assets/style.css`);
    expect(style.headers.get('content-type')).toContain('text/css');
    const image = await fetch(`${url}/__fdk/settings/assets/img/dot.svg`);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/svg+xml');
    expect((await fetch(`${url}/__fdk/settings/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${url}/__fdk/settings/assets/%2e%2e/iparams.html`)).status).toBe(404);
    const climbing = await fetch(`${url}/__fdk/settings/assets/img/%2e%2e%2f%2e%2e%2f%2e%2e%2fmanifest.json`);
    expect(climbing.status).toBe(404);
    expect(await climbing.json()).toEqual({ message: 'Not found: config/assets/img/../../../manifest.json' });
  });

  it('hands getConfigs the saved settings without secure values', async () => {
    const saved = { domain: 'acme.myfreshworks.com', api_key: SECRET, options: { channel: 'sales' }, __meta: { secure: ['api_key'] } };
    const { url } = await serve(customApp, saved);
    const page = await (await fetch(`${url}/__fdk/settings`)).text();
    expect(bootData(page)).toEqual({ saved: { domain: 'acme.myfreshworks.com', options: { channel: 'sales' } }, action: '/__fdk/settings' });
    expect(page).not.toContain(SECRET);
    expect(page).toContain('<span class="pill on">Installed</span>');
    expect(page).toContain('action="/__fdk/uninstall"');
  });

  it('installs what postConfigs returned, __meta included, and answers in JSON', async () => {
    const { url, install } = await serve(customApp);
    const configs = { domain: 'acme.myfreshworks.com', api_key: SECRET, options: { channel: 'sales' }, __meta: { secure: ['api_key'] } };
    const response = await fetch(`${url}/__fdk/settings`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(configs) });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, redirect: AFTER_INSTALL_PATH });
    expect(install).toHaveBeenCalledWith(configs);
  });

  it('refuses a __meta.secure list that names a missing key, and form posts', async () => {
    const { url, install } = await serve(customApp);
    const badMeta = await fetch(`${url}/__fdk/settings`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ domain: 'a.myfreshworks.com', __meta: { secure: ['api_key'] } }),
    });
    expect(badMeta.status).toBe(400);
    expect(await badMeta.json()).toEqual({ ok: false, message: "__meta.secure names 'api_key', which postConfigs() did not return", errors: {} });
    const form = await fetch(`${url}/__fdk/settings`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' }, body: 'domain=x' });
    expect(form.status).toBe(400);
    expect(await form.json()).toMatchObject({ message: 'The custom settings page posts its configs as JSON' });
    expect(install).not.toHaveBeenCalled();
  });

  it('answers the onAppInstall veto with 400 and its message', async () => {
    const { url } = await serve(customApp, undefined, { ok: false, message: 'This account may not install this app' });
    const response = await fetch(`${url}/__fdk/settings`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ domain: 'veto.myfreshworks.com' }) });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ ok: false, message: 'This account may not install this app', errors: {} });
  });

  it('has no custom page for an app with config/iparams.json', async () => {
    const { url } = await serve(formApp);
    expect((await fetch(`${url}/__fdk/settings/page`)).status).toBe(404);
  });

  it('serves the wrapper script bundled from TypeScript', async () => {
    const { url } = await serve(customApp);
    const script = await (await fetch(`${url}/__fdk/settings/custom.js`)).text();
    expect(script).toContain('postConfigs');
    expect(script).toContain('fdk-settings-frame');
  });
});
