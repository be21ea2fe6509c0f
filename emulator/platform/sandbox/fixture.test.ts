import { resolve } from 'node:path';
import { loadApp } from '../app-loader';
import type { InvocationRequest, LoadedApp } from '../types';
import { ServerSandbox, TIMEOUT_MESSAGE } from './sandbox';
import { fakeServices } from './test-helpers';

/**
 * The sandbox-rules fixture passes validation (loadApp) and breaks platform rules only at run
 * time, where the platform would fail it (platform.md §11 items 2 and 4).
 */
const ROOT = resolve(__dirname, '../../..');
let app: LoadedApp;

beforeAll(async () => {
  app = await loadApp(resolve(ROOT, 'test/fixtures/apps/sandbox-rules'));
});

function run(request: Omit<InvocationRequest, 'payload'> & { payload?: Record<string, unknown> }, services = fakeServices()) {
  const sandbox = new ServerSandbox(app, { nodeModules: [resolve(ROOT, 'node_modules')] });
  return sandbox.invoke({ payload: {}, ...request }, services);
}

const envelope = (event: string, extra: Record<string, unknown> = {}) => ({
  account_id: '1967183444532229946',
  domain: 'acme.myfreshworks.com',
  event,
  region: 'US',
  timestamp: 1593015490.2012472,
  iparams: { api_key: 'good' },
  ...extra,
});

describe('sandbox-rules fixture app', () => {
  it('answers an SMI through a server/lib module that uses a declared package and the invocation console', async () => {
    const result = await run({ kind: 'smi', handler: 'describeContact', payload: { contact: { id: 7, first_name: 'Ada' }, iparams: {} } });
    expect(result).toMatchObject({ outcome: 'rendered', rendered: { error: null, data: { label: 'Ada #7' } } });
    expect(result.logs.map((line) => [line.level, line.message])).toEqual([['log', 'labelling contact 7']]);
    const invalid = await run({ kind: 'smi', handler: 'describeContact', payload: { contact: { id: '7' } } });
    expect(invalid.rendered?.error).toMatchObject({ status: 400, message: expect.stringContaining('expected number') });
  });

  it('fails the SMI that uses setTimeout, as the platform does', async () => {
    expect(await run({ kind: 'smi', handler: 'answerLater' })).toMatchObject({ outcome: 'error', error: 'ReferenceError: setTimeout is not defined' });
  });

  it('lets onAppInstall complete or veto, and fails a veto message over 60 characters', async () => {
    const install = (apiKey: string) => run({ kind: 'setup', handler: 'onAppInstallHandler', payload: envelope('onAppInstall', { iparams: { api_key: apiKey } }) });
    expect(await install('good')).toMatchObject({ outcome: 'rendered', rendered: { error: null } });
    expect(await install('bad')).toMatchObject({ outcome: 'rendered', rendered: { error: { message: 'Invalid API key' } } });
    expect(await install('verbose')).toMatchObject({
      outcome: 'error',
      error: expect.stringMatching(/^renderData error message for onAppInstall is 70 characters; the platform shows at most 60/),
    });
  });

  it('reports the onAppUninstall that never calls renderData as a timeout', async () => {
    const result = await run({ kind: 'setup', handler: 'onAppUninstallHandler', payload: envelope('onAppUninstall'), timeoutMs: 200 });
    expect(result).toMatchObject({ outcome: 'timeout', error: TIMEOUT_MESSAGE, logs: [expect.objectContaining({ level: 'info', message: 'cleaning up, but never calling renderData' })] });
  });

  it('runs scheduled and product events to completion against the services', async () => {
    const services = fakeServices();
    services.db.get.mockResolvedValue({ label: 'Ada #7' });
    const scheduled = await run({ kind: 'scheduled', handler: 'onScheduledEventHandler', payload: envelope('onScheduledEvent', { data: { contact: { id: 7, first_name: 'Ada' } } }) }, services);
    expect(scheduled.outcome).toBe('completed');
    expect(services.db.set).toHaveBeenCalledWith('label:7', { label: 'Ada #7' });
    const product = await run({ kind: 'product', handler: 'onContactCreateHandler', payload: envelope('onContactCreate', { data: { contact: { id: 7 } } }) }, services);
    expect(product).toMatchObject({ outcome: 'completed', logs: [expect.objectContaining({ level: 'info', message: 'known as Ada #7' })] });
    expect(services.db.get).toHaveBeenCalledWith('label:7');
  });
});
