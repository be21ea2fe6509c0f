import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { DIST } from '../support/build-dist';
import { INSTALL_MESSAGES } from '../../server/lib/handlers/install';

const ENTRY = join(DIST, 'server', 'server.js');

interface Sandbox {
  exports: Record<string, (args: unknown) => unknown>;
  renderData: jest.Mock;
  $request: { invokeTemplate: jest.Mock };
  $schedule: { create: jest.Mock; update: jest.Mock; fetch: jest.Mock; delete: jest.Mock };
  console: { info: jest.Mock; warn: jest.Mock; error: jest.Mock; log: jest.Mock };
}

/**
 * Loads dist/server/server.js the way FDK 10's own unit tests do (platform.md §2.1):
 * `vm.runInNewContext(code, { exports: {}, renderData, $request, $db, $schedule, generateTargetUrl, console })`.
 */
function loadServer(invokeTemplate: jest.Mock): Sandbox {
  const sandbox: Sandbox & { require: NodeJS.Require; $db: unknown; generateTargetUrl: jest.Mock } = {
    exports: {},
    renderData: jest.fn(),
    $request: { invokeTemplate },
    $db: { set: jest.fn(), get: jest.fn(), update: jest.fn(), delete: jest.fn(), entity: jest.fn() },
    $schedule: { create: jest.fn().mockResolvedValue({ status: 200, message: 'created' }), update: jest.fn(), fetch: jest.fn(), delete: jest.fn() },
    generateTargetUrl: jest.fn(),
    console: { info: jest.fn(), warn: jest.fn(), error: jest.fn(), log: jest.fn() },
    require: createRequire(ENTRY),
  };
  runInNewContext(readFileSync(ENTRY, 'utf8'), sandbox, { filename: ENTRY });
  return sandbox;
}

const payload = {
  account_id: '1967183444532229946',
  domain: 'acme.myfreshworks.com',
  event: 'onAppInstall',
  region: 'US',
  timestamp: 1593015490.2012472,
  currentHost: { subscribed_modules: ['contact'], endpoint_urls: { freshworks_crm: 'https://acme.myfreshworks.com' } },
  iparams: { domain: 'acme.myfreshworks.com', api_key: 'sk-secret-key-123' },
};

describe('the built server in an FDK-like sandbox', () => {
  it('exports exactly the handlers the manifest names', () => {
    const sandbox = loadServer(jest.fn());
    const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8')) as { modules: Record<string, { events?: Record<string, { handler: string }>; functions?: Record<string, unknown> }> };
    const named = Object.values(manifest.modules).flatMap((module) => [...Object.values(module.events ?? {}).map((event) => event.handler), ...Object.keys(module.functions ?? {})]);
    expect(Object.keys(sandbox.exports).sort()).toEqual(named.sort());
    expect(named).toEqual(expect.arrayContaining(['onAppInstallHandler', 'onDealUpdateHandler', 'onScheduledEventHandler', 'replayDelivery']));
  });

  it('onAppInstall checks the credentials with listOwners and completes with renderData()', async () => {
    const invoke = jest.fn().mockResolvedValue({ status: 200, headers: {}, response: '{"users":[{"id":1,"display_name":"Asha"}]}' });
    const sandbox = loadServer(invoke);
    await sandbox.exports.onAppInstallHandler?.(payload);
    expect(invoke).toHaveBeenCalledWith('listOwners', { context: {} });
    expect(sandbox.$schedule.create).toHaveBeenCalledWith(expect.objectContaining({ name: 'companion-drain', repeat: { time_unit: 'minutes', frequency: 5 } }));
    expect(sandbox.renderData).toHaveBeenCalledTimes(1);
    expect(sandbox.renderData).toHaveBeenCalledWith();
  });

  it('onAppInstall vetoes a rejected key with a message the installer can act on, and never logs the key', async () => {
    const invoke = jest.fn().mockRejectedValue({ status: 401, headers: {}, response: '{"login":"failed"}', errorSource: 'APP' });
    const sandbox = loadServer(invoke);
    await sandbox.exports.onAppInstallHandler?.(payload);
    expect(sandbox.renderData).toHaveBeenCalledTimes(1);
    expect(sandbox.renderData).toHaveBeenCalledWith({ message: INSTALL_MESSAGES.unauthorized });
    const logged = JSON.stringify(sandbox.console.error.mock.calls);
    expect(logged).toContain('HTTP 401');
    expect(logged).not.toContain('sk-secret-key-123');
  });
});
