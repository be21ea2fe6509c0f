import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { DIST } from '../support/build-dist';
import { INSTALL_MESSAGES } from '../../server/lib/install';

const ENTRY = join(DIST, 'server', 'server.js');

interface Sandbox {
  exports: Record<string, (args: unknown) => unknown>;
  renderData: jest.Mock;
  $request: { invokeTemplate: jest.Mock };
  console: { info: jest.Mock; warn: jest.Mock; error: jest.Mock; log: jest.Mock };
}

/** Loads dist/server/server.js the way FDK 10's own unit tests do (platform.md §2.1). */
function loadServer(invokeTemplate: jest.Mock): Sandbox {
  const sandbox: Sandbox & { require: NodeJS.Require } = {
    exports: {},
    renderData: jest.fn(),
    $request: { invokeTemplate },
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
    expect(Object.keys(sandbox.exports)).toEqual(['onAppInstallHandler']);
  });

  it('onAppInstall checks the credentials with listOwners and completes with renderData()', async () => {
    const invoke = jest.fn().mockResolvedValue({ status: 200, headers: {}, response: '{"users":[{"id":1,"display_name":"Asha"}]}' });
    const sandbox = loadServer(invoke);
    await sandbox.exports.onAppInstallHandler?.(payload);
    expect(invoke).toHaveBeenCalledWith('listOwners', { context: {} });
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
