import { ManualClock } from '../../clock';
import type { EmulatorContext, InstallOutcome } from '../context';
import { Inspector } from '../inspector/inspector';
import type { InstallationServices, LoadedApp } from '../types';

/**
 * For tests of the settings and inspector routes: an EmulatorContext with just what those
 * routes use. `install` / `uninstall` are whatever the test passes (jest fns); `saved` stands
 * for an existing installation's iparams.
 */
export interface FakeContextOptions {
  install?: (values: Record<string, unknown>) => Promise<InstallOutcome>;
  uninstall?: () => Promise<InstallOutcome>;
  saved?: Record<string, unknown>;
}

const unused = (): never => {
  throw new Error('not used by the settings and inspector routes');
};

export function fakeContext(app: LoadedApp, options: FakeContextOptions = {}): EmulatorContext {
  const clock = new ManualClock();
  const saved = options.saved;
  return {
    app,
    clock,
    inspector: new Inspector(clock),
    baseUrl: () => 'http://127.0.0.1:10001',
    identity: () => ({ id: '1', accountId: '1000', domain: 'demo.myfreshworks.com', region: 'US', currentHost: { subscribed_modules: ['contact'], endpoint_urls: {} } }),
    loggedInUser: () => ({}),
    installation: () => (saved === undefined ? undefined : { id: '7', iparams: saved, services: {} as InstallationServices }),
    install: options.install ?? (() => Promise.resolve({ ok: true })),
    uninstall: options.uninstall ?? (() => Promise.resolve({ ok: true })),
    invokeTemplate: unused,
    invokeFunction: unused,
  };
}
