import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { LoadedApp, SandboxServices } from '../types';

/**
 * For the sandbox tests only: tiny FDK apps written to a temp folder, and services made of
 * jest fakes so a test can see what server code asked the platform for.
 */

const created: string[] = [];

/** Writes `files` (paths relative to the app root) and returns the app as loadApp would. */
export function writeApp(files: Record<string, string>, dependencies: Record<string, string> = {}): LoadedApp {
  const root = mkdtempSync(join(tmpdir(), 'fdk-sandbox-'));
  created.push(root);
  const dir = join(root, 'app');
  for (const [path, text] of Object.entries({ 'server/server.js': 'exports = {};', ...files })) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return {
    dir,
    name: 'sandbox-test',
    manifest: { 'platform-version': '3.0', modules: { common: {} }, engines: { node: '24.11.0', fdk: '10.1.2' }, dependencies },
    templates: {},
    customSettingsPage: false,
    locations: [],
    events: [],
    functions: {},
    dependencies,
  };
}

export function removeApps(): void {
  for (const root of created.splice(0)) rmSync(root, { recursive: true, force: true });
}

export function fakeServices() {
  const entity = {
    schema: jest.fn(() => Promise.resolve({ fields: [] })),
    create: jest.fn((data: Record<string, unknown>) => Promise.resolve({ record: { display_id: '1', created_time: 1, updated_time: 1, data } })),
    get: jest.fn(() => Promise.resolve({ record: { display_id: '1', created_time: 1, updated_time: 1, data: {} } })),
    update: jest.fn(() => Promise.resolve({ record: { display_id: '1', created_time: 1, updated_time: 2, data: {} } })),
    delete: jest.fn(() => Promise.resolve({})),
    getAll: jest.fn(() => Promise.resolve({ records: [], links: {} })),
  };
  const entityStore = { get: jest.fn(() => entity) };
  const services = {
    invokeTemplate: jest.fn(() => Promise.resolve({ status: 200, headers: { 'content-type': 'application/json' }, response: '{"id":7}' })),
    db: {
      set: jest.fn<Promise<{ Created: true }>, [key: string, value: unknown, options?: object]>(() => Promise.resolve({ Created: true })),
      get: jest.fn(() => Promise.resolve({ count: 1 } as unknown)),
      update: jest.fn(() => Promise.resolve({ Updated: true as const })),
      delete: jest.fn(() => Promise.resolve({ Deleted: true as const })),
      entity: jest.fn(() => entityStore),
    },
    schedules: {
      create: jest.fn(() => Promise.resolve({ status: 200, message: 'Schedule created' })),
      fetch: jest.fn(() => Promise.resolve({ name: 'nightly', data: { a: 1 }, schedule_at: '2026-11-02T10:00:00.000Z' })),
      update: jest.fn(() => Promise.resolve({ status: 200, message: 'Schedule updated' })),
      delete: jest.fn(() => Promise.resolve({ status: 200, message: 'Schedule deleted' })),
    },
    generateTargetUrl: jest.fn(() => Promise.resolve('http://localhost:10001/__fdk/webhook/inst-1')),
  };
  return Object.assign(services, { entity, entityStore }) satisfies SandboxServices;
}
