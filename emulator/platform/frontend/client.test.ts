import { join } from 'node:path';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import type { RegisterEmulatorRoutes } from '../context';
import { sendText } from '../http/dispatch';
import { startRouteHarness } from '../testing/route-harness';
import { PlatformError } from '../types';
import { registerFrontendApi } from './api';
import { bundleBrowserScript } from './bundle';
import { CLIENT_SCRIPT_PATH } from './protocol';
import { INSTALLATION_ID, SECRETS, fakePlatform, type FakePlatform } from './testing/fake-context';

/**
 * The client script in real Chromium: a test page plays the host (an iframe and a minimal
 * postMessage responder), the app page inside it loads the bundled client, and the API goes
 * to the real front-end API route over a fake platform.
 */

const CLIENT_ENTRY = join(__dirname, 'client', 'index.ts');
const APP_URL = `/__fdk/app/${INSTALLATION_ID}/index.html?fdk_instance=1&fdk_location=contact_entity_menu`;

const HOST_PAGE = `<!doctype html><html><body>
<script>
  // The host side of protocol.ts, as small as it gets: records what the client sends and answers calls.
  window.seen = [];
  const frame = () => document.getElementById('app').contentWindow;
  const answers = {
    'data.get': (name) => name === 'currentEntityInfo'
      ? { ok: true, value: { currentEntityInfo: { currentEntityId: 42, currentEntityType: 'contact' } } }
      : { ok: false, error: { status: 404, message: name + ' is not available here' } },
    'instance.context': () => ({ ok: true, value: { instanceId: '1', location: 'contact_entity_menu' } }),
  };
  addEventListener('message', (event) => {
    const message = event.data;
    if (event.source !== frame() || !message || message.source !== 'fdk-client') return;
    window.seen.push(message);
    if (message.kind !== 'call') return;
    const answer = (answers[message.method] || (() => ({ ok: true, value: null })))(...message.args);
    event.source.postMessage({ source: 'fdk-host', kind: 'result', id: message.id, ...answer }, '*');
  });
  window.push = (message) => frame().postMessage({ source: 'fdk-host', ...message }, '*');
</script>
<iframe id="app" src="${APP_URL}"></iframe>
</body></html>`;

const APP_PAGE = `<!doctype html><html><head><script src="${CLIENT_SCRIPT_PATH}"></script></head><body>app</body></html>`;

const registerTestPages: RegisterEmulatorRoutes = (router) => {
  router.add('GET', '/host.html', (_request, response) => sendText(response, 200, HOST_PAGE));
  router.add('GET', '/__fdk/app/:installationId/index.html', (_request, response) => sendText(response, 200, APP_PAGE));
  router.add('GET', CLIENT_SCRIPT_PATH, async (_request, response) => sendText(response, 200, await bundleBrowserScript(CLIENT_ENTRY), 'text/javascript; charset=utf-8'));
};

let platform: FakePlatform;
let harness: { url: string; close(): Promise<void> };
let browser: Browser;
let page: Page;
let app: Frame;
const pageErrors: string[] = [];

beforeAll(async () => {
  platform = await fakePlatform();
  harness = await startRouteHarness([registerFrontendApi, registerTestPages], platform.context);
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${harness.url}/host.html`);
  const frame = await (await page.$('#app'))?.contentFrame();
  if (!frame) throw new Error('the app iframe did not load');
  app = frame;
}, 30_000);

afterAll(async () => {
  await browser?.close();
  await harness?.close();
});

const seen = (): Promise<any[]> => page.evaluate(() => (window as any).seen);

it('initializes once, talks to the host page for data, events and instance', async () => {
  const first = await app.evaluate(async () => {
    const w = window as any;
    const client = await w.app.initialized();
    w.received = [];
    w.onUpdate = (event: any) => w.received.push([event.type, event.helper.getData()]);
    client.events.on('contact.update', w.onUpdate);
    client.events.on('app.activated', (event: any) => w.received.push([event.type, event.helper.getData()]));
    client.instance.receive((event: any) => w.received.push(['message', event.helper.getData()]));
    return {
      samePromise: w.app.initialized() === w.app.initialized(),
      sameClient: client === (await w.app.initialized()),
      entity: await client.data.get('currentEntityInfo'),
      missing: await client.data.get('domainName').catch((error: unknown) => error),
      context: await client.instance.context(),
    };
  });
  expect(first).toEqual({
    samePromise: true,
    sameClient: true,
    entity: { currentEntityInfo: { currentEntityId: 42, currentEntityType: 'contact' } },
    missing: { status: 404, message: 'domainName is not available here' },
    context: { instanceId: '1', location: 'contact_entity_menu' },
  });

  await page.evaluate(() => (window as any).push({ kind: 'event', name: 'contact.update', data: { id: 42 } }));
  await app.waitForFunction(() => (window as any).received.length === 1);
  // Not from the parent: ignored, even with the host's source tag.
  await app.evaluate(() => window.postMessage({ source: 'fdk-host', kind: 'event', name: 'contact.update', data: { forged: true } }, '*'));
  await app.evaluate(async () => {
    const w = window as any;
    (await w.app.initialized()).events.off('contact.update', w.onUpdate);
  });
  await page.evaluate(() => {
    const push = (window as any).push;
    push({ kind: 'event', name: 'contact.update', data: { id: 43 } });
    push({ kind: 'event', name: 'app.activated', data: {} });
    push({ kind: 'instance-message', data: { senderId: '4', message: { saved: true } } });
  });
  await app.waitForFunction(() => (window as any).received.length >= 3);
  expect(await app.evaluate(() => (window as any).received)).toEqual([
    ['contact.update', { id: 42 }],
    ['app.activated', {}],
    ['message', { senderId: '4', message: { saved: true } }],
  ]);

  const messages = await seen();
  expect(messages[0]).toEqual({ source: 'fdk-client', kind: 'hello', instanceId: '1' });
  expect(messages.filter((message) => message.kind === 'hello')).toHaveLength(1);
  expect(messages.slice(1).map((message) => [message.method, message.args])).toEqual([
    ['events.on', ['contact.update']],
    ['events.on', ['app.activated']],
    ['data.get', ['currentEntityInfo']],
    ['data.get', ['domainName']],
    ['instance.context', []],
    ['events.off', ['contact.update']],
  ]);
  expect(pageErrors).toEqual([]);
  expect(messages.slice(1).every((message) => message.kind === 'call' && message.instanceId === '1' && typeof message.id === 'number')).toBe(true);
}, 20_000);

it('sends templates, db and iparams to the API and rejects with the platform shapes', async () => {
  platform.invokeTemplate.mockImplementation((_caller: string, name: string) =>
    name === 'getContact'
      ? Promise.resolve({ status: 200, headers: { 'content-type': 'application/json' }, response: '{"contact":{"id":42}}' })
      : Promise.reject({ status: 502, message: 'Connection refused', errorSource: 'PLATFORM', attempts: 1, headers: {}, response: '' }),
  );
  platform.db.set.mockResolvedValue({ Created: true });
  platform.db.get.mockRejectedValue(new PlatformError({ status: 404, message: 'Record not found' }));
  const results = await app.evaluate(async () => {
    const client = await (window as any).app.initialized();
    const settle = (promise: Promise<unknown>) => promise.then((value) => ({ value }), (error) => ({ error }));
    return {
      ok: await settle(client.request.invokeTemplate('getContact', { context: { id: 42 } })),
      failed: await settle(client.request.invokeTemplate('notifyPartner', { body: '{}' })),
      badBody: await settle(client.request.invokeTemplate('notifyPartner', { body: { a: 1 } })),
      set: await settle(client.db.set('seen:42', { at: 1 }, undefined)),
      get: await settle(client.db.get('missing')),
      badKey: await settle(client.db.get(42)),
      iparams: await settle(client.iparams.get()),
      secure: await settle(client.iparams.get('api_key')),
    };
  });
  expect(results).toEqual({
    ok: { value: { status: 200, headers: { 'content-type': 'application/json' }, response: '{"contact":{"id":42}}' } },
    failed: { error: { status: 502, message: 'Connection refused', errorSource: 'PLATFORM', attempts: 1, headers: {}, response: '' } },
    badBody: { error: { status: 400, message: 'invokeTemplate: options.body must be a string (JSON.stringify the body yourself)' } },
    set: { value: { Created: true } },
    get: { error: { status: 404, message: 'Record not found' } },
    badKey: { error: { status: 400, message: 'db.get: the key must be a string' } },
    iparams: { value: { domain: 'acme.myfreshworks.com', mode: 'manual' } },
    secure: { value: undefined },
  });
  expect(platform.invokeTemplate).toHaveBeenCalledTimes(2);
  expect(platform.invokeTemplate).toHaveBeenCalledWith('frontend', 'getContact', { context: { id: 42 } });
  // A trailing undefined option is not sent as null.
  expect(platform.db.set).toHaveBeenCalledWith('seen:42', { at: 1 });
  expect(platform.db.get).toHaveBeenCalledTimes(1);
  expect(JSON.stringify(results)).not.toContain(SECRETS.api_key);
  expect(pageErrors).toEqual([]);
}, 20_000);
