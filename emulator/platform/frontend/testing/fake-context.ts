import { join } from 'node:path';
import { systemClock } from '../../../clock';
import { loadApp } from '../../app-loader';
import type { EmulatorContext, InstallationRuntime } from '../../context';
import { Inspector } from '../../inspector/inspector';
import type { LoadedApp } from '../../types';

/**
 * A fake platform behind the front-end API for tests: the real fixture app (loadApp on
 * test/fixtures/apps/minimal, whose `api_key` and `partner_secret` are secure), one
 * installation with jest-fn services, and jest-fn templates and SMI.
 */

export const MINIMAL_APP = join(__dirname, '../../../../test/fixtures/apps/minimal');
export const INSTALLATION_ID = 'inst-1';
export const SECRETS = { api_key: 'SECRET-API-KEY-1234', partner_secret: 'SECRET-PARTNER-5678' };

export function fakeEntityApi() {
  return { schema: jest.fn(), create: jest.fn(), get: jest.fn(), update: jest.fn(), delete: jest.fn(), getAll: jest.fn() };
}

export function fakeDb() {
  const records = fakeEntityApi();
  const get = jest.fn(() => records);
  return { set: jest.fn(), get: jest.fn(), update: jest.fn(), delete: jest.fn(), entity: jest.fn(() => ({ get })), records, entityGet: get };
}

export interface FakePlatform {
  context: EmulatorContext;
  runtime: InstallationRuntime & { iparams: Record<string, unknown> };
  db: ReturnType<typeof fakeDb>;
  invokeTemplate: jest.Mock;
  invokeFunction: jest.Mock;
  /** Swap the installation (undefined = not installed). */
  setInstallation(runtime: InstallationRuntime | undefined): void;
  setApp(app: LoadedApp): void;
}

export async function fakePlatform(): Promise<FakePlatform> {
  const app = await loadApp(MINIMAL_APP);
  const db = fakeDb();
  const runtime = {
    id: INSTALLATION_ID,
    iparams: { domain: 'acme.myfreshworks.com', mode: 'manual', ...SECRETS } as Record<string, unknown>,
    services: { db } as unknown as InstallationRuntime['services'],
  };
  let installation: InstallationRuntime | undefined = runtime;
  const invokeTemplate = jest.fn();
  const invokeFunction = jest.fn();
  const context = {
    app,
    clock: systemClock,
    inspector: new Inspector(systemClock),
    baseUrl: () => 'http://127.0.0.1',
    installation: () => installation,
    invokeTemplate,
    invokeFunction,
  } as unknown as EmulatorContext;
  return {
    context,
    runtime,
    db,
    invokeTemplate,
    invokeFunction,
    setInstallation: (next) => {
      installation = next;
    },
    setApp: (next) => {
      context.app = next;
    },
  };
}
