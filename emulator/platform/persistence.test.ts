import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../clock';
import { Inspector } from './inspector/inspector';
import { Installation, type InstallationDeps } from './installation';
import { MinuteWindow } from './minute-window';
import {
  NO_JOURNAL, PlatformJournal, PlatformStateError, platformStateFile, readPlatformState, writePlatformState, type PlatformState, type StoreJournal,
} from './persistence';
import { createHostRouting } from './requests/routing';
import { EntityStorage } from './storage/entities';
import { toRejection } from './storage/errors';
import type { InstallationIdentity, LoadedApp } from './types';

const SCHEMA: NonNullable<LoadedApp['entities']> = {
  orders: { fields: [{ name: 'ref', type: 'text', required: true, filterable: true }, { name: 'total', type: 'integer' }] },
};

const APP = { dir: '/app', name: 'app', manifest: { modules: {} }, templates: {}, customSettingsPage: false, entities: SCHEMA, locations: [], events: [], functions: {}, dependencies: {} } as unknown as LoadedApp;

const IDENTITY: InstallationIdentity = { id: 'installation', accountId: '1', domain: 'demo.myfreshworks.com', region: 'US', currentHost: { subscribed_modules: [], endpoint_urls: {} } };

const MINUTE = 60_000;

let dir: string;
let file: string;
let clock: ManualClock;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'platform-state-'));
  file = join(dir, 'state.json');
  clock = new ManualClock('2026-11-02T09:00:00Z');
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

const deps = (journal: StoreJournal): InstallationDeps => ({
  app: APP,
  clock,
  inspector: new Inspector(clock),
  routing: createHostRouting(),
  identity: IDENTITY,
  baseUrl: () => 'http://localhost:10001',
  journal,
});

/** An installation that saves `file` on every change, as the platform's does; `writes` counts the saves. */
function saving(): { installation: Installation; journal: PlatformJournal; writes: () => number } {
  let count = 0;
  // Called on the first change, after `installation` exists.
  const journal = new PlatformJournal(file, (): PlatformState => {
    count += 1;
    return { version: 1, nextInstallationId: 2, installation: installation.state() };
  });
  const installation: Installation = new Installation('1', { domain: 'demo.myfreshworks.com', api_key: 'k' }, deps(journal));
  return { installation, journal, writes: () => count };
}

/** The installation as a restarted platform finds it in `file`. */
function reopen(): Installation {
  const saved = readPlatformState(file)?.installation;
  if (saved === undefined) throw new Error(`no installation in ${file}`);
  return Installation.fromState(saved, deps(NO_JOURNAL));
}

async function status(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
  } catch (error) {
    return toRejection(error).status;
  }
  return 200;
}

describe('saving the platform state', () => {
  it('writes after every change and never on a read or a refused call', async () => {
    const { installation, writes } = saving();
    const { db, schedules } = installation.services;
    const orders = db.entity({ version: 'v1' }).get('orders');
    await db.set('a', { n: 1 });
    expect(writes()).toBe(1);
    expect(readPlatformState(file)?.installation?.kv).toEqual([{ key: 'a', value: { n: 1 } }]);
    await db.get('a');
    await db.update('a', 'increment', { n: 1 });
    await expect(db.set('', { n: 1 })).rejects.toBeDefined();
    await db.delete('a');
    expect(writes()).toBe(3);
    await orders.create({ ref: 'R-1' });
    await orders.getAll();
    await orders.get('1');
    await expect(orders.create({})).rejects.toBeDefined();
    expect(writes()).toBe(4);
    await schedules.create({ name: 'once', data: {}, schedule_at: new Date(clock.now() + 10 * MINUTE).toISOString() });
    await schedules.fetch({ name: 'once' });
    expect(writes()).toBe(5);
    clock.advance(10 * MINUTE);
    expect(installation.scheduler.due()).toHaveLength(1);
    expect(installation.scheduler.due()).toHaveLength(0);
    expect(writes()).toBe(6);
    expect(existsSync(`${file}.tmp`)).toBe(false);
  });

  it('keeps the installation identity: id, token, so the external-event URL, and iparams', async () => {
    const { installation } = saving();
    installation.iparams = { domain: 'other.myfreshworks.com', api_key: 'k2' };
    await installation.services.db.set('x', { y: 1 });
    const restored = reopen();
    expect({ id: restored.id, token: restored.token, iparams: restored.iparams }).toEqual({ id: '1', token: installation.token, iparams: { domain: 'other.myfreshworks.com', api_key: 'k2' } });
    expect(restored.services.targetUrl()).toBe(installation.services.targetUrl());
  });

  it('keeps key-value entries with their absolute expiry, which runs on while stopped', async () => {
    const { db } = saving().installation.services;
    await db.set('session', { user: 7 }, { ttl: 60 });
    await db.set('forever', { user: 8 });
    await db.update('session', 'set', { seen: true });
    clock.advance(30_000);
    const restored = reopen();
    await expect(restored.db.get('session')).resolves.toEqual({ user: 7, seen: true });
    clock.advance(30_000);
    expect(await status(restored.db.get('session'))).toBe(404);
    await expect(restored.db.get('forever')).resolves.toEqual({ user: 8 });
  });

  it('keeps entity records, their display ids, the next id and getAll markers', async () => {
    const state: PlatformState = { version: 1, nextInstallationId: 2 };
    const storage = new EntityStorage(SCHEMA, clock, new MinuteWindow(clock, 'entities', 250), undefined, { pageSize: 2 }, new PlatformJournal(file, () => state));
    const orders = storage.entity({ version: 'v1' }).get('orders');
    for (const ref of ['R-1', 'R-2', 'R-3', 'R-4']) await orders.create({ ref, total: 1 });
    await orders.delete('4');
    const firstPage = await orders.getAll();
    writePlatformState(file, { ...state, installation: { id: '1', token: 't', iparams: {}, kv: [], entities: storage.state(), schedules: { created: 0, entries: [] } } });

    const restored = new EntityStorage(SCHEMA, clock, new MinuteWindow(clock, 'entities', 250), undefined, { pageSize: 2 });
    restored.restore(readPlatformState(file)?.installation?.entities ?? []);
    const again = restored.entity({ version: 'v1' }).get('orders');
    const marker = firstPage.links.next?.marker ?? '';
    await expect(again.getAll({ next: { marker } })).resolves.toMatchObject({ records: [{ display_id: '3', data: { ref: 'R-3' } }], links: {} });
    await expect(again.get('1')).resolves.toEqual({ record: firstPage.records[0] });
    await expect(again.create({ ref: 'R-5' })).resolves.toMatchObject({ record: { display_id: '5' } });
  });

  it('keeps schedules with their next run, a recurring one where its last firing left it', async () => {
    const { installation } = saving();
    const { schedules } = installation.services;
    await schedules.create({ name: 'heartbeat', data: { kind: 'beat' }, schedule_at: new Date(clock.now() + 10 * MINUTE).toISOString(), repeat: { time_unit: 'minutes', frequency: 10 } });
    await schedules.create({ name: 'once', data: { kind: 'once' }, schedule_at: new Date(clock.now() + 25 * MINUTE).toISOString() });
    clock.advance(10 * MINUTE);
    expect(installation.scheduler.due().map((due) => due.name)).toEqual(['heartbeat']);
    const restored = reopen();
    expect(restored.scheduler.list()).toEqual(installation.scheduler.list());
    expect(restored.scheduler.nextDueAt()).toBe(clock.now() + 10 * MINUTE);
    await expect(restored.scheduler.fetch({ name: 'once' })).resolves.toMatchObject({ data: { kind: 'once' } });
    clock.advance(15 * MINUTE);
    expect(restored.scheduler.due().map((due) => due.name)).toEqual(['heartbeat', 'once']);
  });

  it('refuses every store call once stopped, and writes nothing more', async () => {
    const { installation, journal } = saving();
    await installation.services.db.set('a', { n: 1 });
    const saved = readFileSync(file, 'utf8');
    journal.stop();
    expect(journal.alive).toBe(false);
    expect(await status(installation.services.db.set('b', { n: 2 }))).toBe(503);
    expect(await status(installation.services.db.get('a'))).toBe(503);
    expect(await status(installation.services.schedules.create({ name: 's', data: {}, schedule_at: new Date(clock.now() + 10 * MINUTE).toISOString() }))).toBe(503);
    expect(await status(installation.services.db.entity({ version: 'v1' }).get('orders').create({ ref: 'R' }))).toBe(503);
    expect(() => installation.scheduler.due()).toThrow(/stopped/);
    expect(readFileSync(file, 'utf8')).toBe(saved);
  });
});

describe('reading the platform state', () => {
  it('finds nothing where no file is', () => {
    expect(readPlatformState(join(dir, 'absent.json'))).toBeUndefined();
  });

  it('refuses an unknown version', () => {
    writeFileSync(file, JSON.stringify({ version: 2, nextInstallationId: 1 }));
    expect(() => readPlatformState(file)).toThrow(new PlatformStateError(`The platform state in ${file} has version 2; this emulator reads version 1 only`));
    writeFileSync(file, '[]');
    expect(() => readPlatformState(file)).toThrow(/has version none; this emulator reads version 1 only/);
  });

  it('reports a corrupt file clearly', () => {
    writeFileSync(file, '{"version":1,"nextInstall');
    expect(() => readPlatformState(file)).toThrow(/^The platform state in .*state\.json is not valid JSON \(.+\); fix or delete the file$/);
    writeFileSync(file, JSON.stringify({ version: 1, nextInstallationId: 2, installation: { id: '1', token: 't', iparams: {}, kv: [{ key: 7 }], entities: [], schedules: { created: 0, entries: [] } } }));
    expect(() => readPlatformState(file)).toThrow(/is damaged: installation\.kv\.0\.key: .*string/);
  });

  it('puts the state of `npm start -- --data <file>` beside the CRM snapshot', () => {
    expect(platformStateFile('.tmp/crm.json')).toBe('.tmp/crm.platform.json');
    expect(platformStateFile('/data/crm')).toBe('/data/crm.platform.json');
  });
});
