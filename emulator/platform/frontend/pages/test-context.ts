import { readFileSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { systemClock } from '../../../clock';
import type { CrmServer } from '../../../crm/crm-server';
import { startStandIn } from '../../../crm/stand-in';
import { loadApp } from '../../app-loader';
import type { EmulatorContext, EmulatorRoute, RegisterEmulatorRoutes } from '../../context';
import { sendText } from '../../http/dispatch';
import { Inspector } from '../../inspector/inspector';
import type { InstallationServices, LoadedApp } from '../../types';
import { APP_PREFIX } from '../protocol';

/**
 * Test support for the product pages (pages.test.ts, host.test.ts): a context with a real
 * seeded stand-in and the host-drawer fixture app, and a stand-in for the app-file route that
 * puts a test client in place of `{{{appclient}}}`.
 */
export const FIXTURE_APP = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'apps', 'host-drawer');
export const INSTALLATION_ID = 'inst-host-test';
export const TEST_CLIENT_PATH = '/__test/client.js';

export interface HostTestContext {
  context: EmulatorContext;
  crm: CrmServer | undefined;
  close(): Promise<void>;
}

function notInThisTest(): never {
  throw new Error('not used by the product pages');
}

export async function hostTestContext(options: { standIn?: boolean; installed?: boolean } = {}): Promise<HostTestContext> {
  const app: LoadedApp = await loadApp(FIXTURE_APP);
  const crm = options.standIn === false ? undefined : await startStandIn({ seed: 1 });
  const user = { id: 402000000011, display_name: 'Asha Rao', email: 'asha.rao@demo-crm.test', is_active: true };
  const currentHost = { subscribed_modules: ['contact', 'deal', 'sales_account'], endpoint_urls: { freshworks_crm: 'https://demo.myfreshworks.com' } };
  const installation = options.installed === false ? undefined : { id: INSTALLATION_ID, iparams: { greeting: 'Hello' }, services: {} as InstallationServices };
  const context: EmulatorContext = {
    app,
    clock: systemClock,
    inspector: new Inspector(systemClock),
    crm,
    baseUrl: () => 'http://127.0.0.1',
    identity: () => ({ id: INSTALLATION_ID, accountId: '1234567', domain: 'demo.myfreshworks.com', region: 'US', currentHost }),
    loggedInUser: () => user,
    installation: () => installation,
    install: notInThisTest,
    uninstall: notInThisTest,
    invokeTemplate: notInThisTest,
    invokeFunction: notInThisTest,
  };
  return { context, crm, close: async () => crm?.close() };
}

const TYPES: Record<string, string> = { html: 'text/html; charset=utf-8', js: 'text/javascript; charset=utf-8', svg: 'image/svg+xml', css: 'text/css' };

/** `/__fdk/app/<id>/<path>` from the app dir, with `{{{appclient}}}` → the test client. */
const appFile: EmulatorRoute = (request, response, _params, context) => {
  const path = new URL(request.url ?? '/', 'http://test.local').pathname;
  const relative = path.split('/').slice(4).join('/');
  const root = join(context.app.dir, 'app');
  const file = normalize(join(root, relative));
  const type = TYPES[file.split('.').pop() ?? ''] ?? 'application/octet-stream';
  try {
    if (!file.startsWith(root + sep)) throw new Error('outside app/');
    sendText(response, 200, readFileSync(file, 'utf8').replace(/\{\{\{appclient\}\}\}/g, TEST_CLIENT_PATH), type);
  } catch {
    sendText(response, 404, 'not found', 'text/plain');
  }
};

export function registerTestAppFiles(clientScript: string): RegisterEmulatorRoutes {
  return (router) => {
    router.add('GET', `${APP_PREFIX}/:id/:a`, appFile);
    router.add('GET', `${APP_PREFIX}/:id/:a/:b`, appFile);
    router.add('GET', `${APP_PREFIX}/:id/:a/:b/:c`, appFile);
    router.add('GET', TEST_CLIENT_PATH, (_request, response) => sendText(response, 200, clientScript, 'text/javascript; charset=utf-8'));
  };
}

/**
 * A minimal app client speaking protocol.ts (the real one is client/index.ts): `app`, the
 * client methods the host answers, and `window.fdkCall(method, args)` for tests.
 */
export const FAKE_CLIENT = `(function () {
  var instanceId = new URLSearchParams(location.search).get('fdk_instance');
  var nextId = 1, pending = {}, handlers = {}, receivers = [];
  window.hostMessages = [];
  function call(method, args) {
    return new Promise(function (resolve, reject) {
      var id = nextId++;
      pending[id] = { resolve: resolve, reject: reject };
      parent.postMessage({ source: 'fdk-client', kind: 'call', id: id, instanceId: instanceId, method: method, args: args }, '*');
    });
  }
  function wrap(data) { return { getData: function () { return data; } }; }
  window.addEventListener('message', function (event) {
    var m = event.data;
    if (!m || m.source !== 'fdk-host' || event.source !== parent) return;
    window.hostMessages.push(m);
    if (m.kind === 'result' && pending[m.id]) {
      var p = pending[m.id]; delete pending[m.id];
      if (m.ok) p.resolve(m.value); else p.reject(m.error);
    } else if (m.kind === 'event') {
      (handlers[m.name] || []).forEach(function (h) { h({ type: m.name, helper: wrap(m.data) }); });
    } else if (m.kind === 'instance-message') {
      receivers.forEach(function (h) { h({ helper: wrap(m.data) }); });
    }
  });
  var client = {
    data: { get: function (name) { return call('data.get', [name]); } },
    events: {
      on: function (name, h) { (handlers[name] = handlers[name] || []).push(h); return call('events.on', [name]).catch(function () {}); },
      off: function (name) { delete handlers[name]; return call('events.off', [name]); }
    },
    interface: { trigger: function (action, options) { return call('interface.trigger', [action, options]); } },
    instance: {
      resize: function (size) { return call('instance.resize', [size]); },
      context: function () { return call('instance.context', []); },
      get: function () { return call('instance.get', []); },
      send: function (message) { return call('instance.send', [message]); },
      receive: function (h) { receivers.push(h); },
      close: function () { return call('instance.close', []); }
    }
  };
  window.fdkCall = function (method, args) {
    return call(method, args).then(function (value) { return { ok: true, value: value }; }, function (error) { return { ok: false, error: error }; });
  };
  window.app = {
    initialized: function () {
      parent.postMessage({ source: 'fdk-client', kind: 'hello', instanceId: instanceId }, '*');
      return Promise.resolve(client);
    }
  };
})();`;
