import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FixtureApp } from '../../test/support/fixture-app';
import { ManualClock } from '../clock';
import type { CrmServer } from '../crm/crm-server';
import { startStandIn } from '../crm/stand-in';
import { startEmulator, type Emulator } from './emulator';
import type { Installation } from './installation';
import { readPlatformState } from './persistence';
import { toRejection } from './storage/errors';

/**
 * A restart of the platform emulator in the middle of work, with a copy of the probe app
 * (test/fixtures/apps/platform-probe) given entity storage and a function that writes after a
 * slow request. The stand-in runs in this process and outlives the platform, as it would.
 */
const MINUTE = 60_000;

/** The partner's webhook receiver: answers at once, or holds requests until released. */
async function startPartner() {
  const held: ServerResponse[] = [];
  let arrived: () => void = () => undefined;
  const state = { hold: false, arrival: Promise.resolve() };
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      if (!state.hold) return void response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}');
      held.push(response);
      arrived();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    /** From now on requests wait; the promise resolves when the first one is waiting. */
    hold: () => {
      state.hold = true;
      return new Promise<void>((resolve) => (arrived = resolve));
    },
    release: () => held.splice(0).forEach((response) => response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}')),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let app: FixtureApp;
let dir: string;
let dataFile: string;
let clock: ManualClock;
let crm: CrmServer;
let partner: Awaited<ReturnType<typeof startPartner>>;
const running: Emulator[] = [];

beforeAll(() => {
  app = new FixtureApp('platform-probe');
  app.write('config/entities.json', JSON.stringify({ orders: { fields: [{ name: 'ref', type: 'text', required: true, filterable: true }, { name: 'total', type: 'integer' }] } }));
  app.json('manifest.json', (manifest) => (manifest.modules.common.functions.slowNote = {}));
  app.replace(
    'server/server.js',
    'rememberNote: async function',
    `slowNote: async function () {
    await $request.invokeTemplate('notifyPartner', { body: '{}' });
    await $db.set('late', { written: true });
    renderData(null, { saved: true });
  },
  rememberNote: async function`,
  );
});

afterAll(() => app.dispose());

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'platform-restart-'));
  dataFile = join(dir, 'crm.platform.json');
  clock = new ManualClock('2026-11-02T09:00:00Z');
  crm = await startStandIn({ seed: 1, clock });
  partner = await startPartner();
});

afterEach(async () => {
  partner.release();
  await Promise.allSettled(running.splice(0).map((emulator) => emulator.close()));
  await Promise.allSettled([crm.close(), partner.close()]);
  rmSync(dir, { recursive: true, force: true });
});

async function start(port = 0): Promise<Emulator> {
  const emulator = await startEmulator({
    appDir: app.dir,
    port,
    clock,
    crm: { kind: 'stand-in', server: crm },
    hostOverrides: { 'hooks.partner.example': partner.url },
    invocationTimeoutMs: 5_000,
    dataFile,
  });
  running.push(emulator);
  return emulator;
}

const settings = () => ({ domain: crm.store.account.domain, api_key: crm.apiKey, partner_secret: 's3cret', veto: 'no' });

function installed(emulator: Emulator): Installation {
  const installation = emulator.platform.installation();
  if (installation === undefined) throw new Error('the app is not installed');
  return installation;
}

async function status(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
  } catch (error) {
    return toRejection(error).status;
  }
  return 200;
}

/** Installs, then writes a key-value queue, a key with a TTL, entity records and a schedule. */
async function work(emulator: Emulator): Promise<Installation> {
  expect(await emulator.install(settings())).toEqual({ ok: true });
  const installation = installed(emulator);
  const { db, schedules } = installation.services;
  await db.set('queue', { items: [1, 2, 3] });
  await db.set('session', { user: 7 }, { ttl: 20 * 60 });
  const orders = db.entity({ version: 'v1' }).get('orders');
  for (const ref of ['A-1', 'A-2', 'A-3']) await orders.create({ ref, total: 10 });
  await orders.delete('3');
  await schedules.create({ name: 'drain', data: { queue: 'queue' }, schedule_at: new Date(clock.now() + 30 * MINUTE).toISOString() });
  return installation;
}

describe('restarting the platform emulator from its data file', () => {
  it('finds the installation, its store, entities and schedules as they were, at the same URL', async () => {
    const first = await start();
    const before = await work(first);
    const snapshot = { id: before.id, token: before.token, url: before.services.targetUrl(), iparams: before.iparams, schedules: before.scheduler.list() };
    await first.kill();
    clock.advance(MINUTE);

    const second = await start(Number(new URL(first.url).port));
    expect(second.restored).toBe(true);
    const after = installed(second);
    expect({ id: after.id, token: after.token, url: after.services.targetUrl(), iparams: after.iparams, schedules: after.scheduler.list() }).toEqual(snapshot);
    await expect(after.db.get('install')).resolves.toEqual({ url: snapshot.url, domain: crm.store.account.domain });
    await expect(after.db.get('queue')).resolves.toEqual({ items: [1, 2, 3] });
    const orders = after.db.entity({ version: 'v1' }).get('orders');
    await expect(orders.getAll()).resolves.toMatchObject({ records: [{ display_id: '1', data: { ref: 'A-1' } }, { display_id: '2', data: { ref: 'A-2' } }] });
    await expect(orders.create({ ref: 'A-4' })).resolves.toMatchObject({ record: { display_id: '4' } });

    await second.advance(9 * MINUTE);
    await expect(after.db.get('heartbeats')).resolves.toEqual({ count: 1 });
    await second.advance(10 * MINUTE);
    expect(await status(after.db.get('session'))).toBe(404);
    expect((await second.postExternalEvent(JSON.stringify({ order: 'A-1' }))).status).toBe(200);
    await second.idle();
    await expect(after.db.get('external')).resolves.toMatchObject({ data: { order: 'A-1' } });
  });

  it('leaves nothing to a killed instance: its running handler finds every store closed', async () => {
    const first = await start();
    await work(first);
    const waiting = partner.hold();
    const call = first.platform.invokeFunction('slowNote', {}).then(
      () => 'saved',
      () => 'failed',
    );
    await waiting;
    const saved = readFileSync(dataFile, 'utf8');
    await first.kill();
    await expect(fetch(`${first.url}/__fdk/inspector.json`)).rejects.toThrow();
    partner.release();
    expect(await call).toBe('failed');
    expect(first.inspector.entries('store').at(-1)).toMatchObject({ operation: 'set', key: 'late', ok: false, error: expect.stringMatching(/^503 The platform instance has stopped/) });
    expect(readFileSync(dataFile, 'utf8')).toBe(saved);

    const second = await start();
    expect(await status(installed(second).db.get('late'))).toBe(404);
    await expect(installed(second).db.get('queue')).resolves.toEqual({ items: [1, 2, 3] });
  });

  it('keeps only the id counter after an uninstall, so the next installation is a new one', async () => {
    const first = await start();
    const before = await work(first);
    expect(await first.uninstall()).toEqual({ ok: true });
    expect(readPlatformState(dataFile)).toEqual({ version: 1, nextInstallationId: 2 });
    await first.kill();

    const second = await start();
    expect(second.restored).toBe(false);
    expect(await second.install(settings())).toEqual({ ok: true });
    expect(installed(second).id).toBe('2');
    expect(installed(second).token).not.toBe(before.token);
    expect(await status(installed(second).db.get('queue'))).toBe(404);
  });

  it('refuses to start on a state file of an unknown version', async () => {
    writeFileSync(dataFile, JSON.stringify({ version: 9 }));
    await expect(start()).rejects.toThrow(`The platform state in ${dataFile} has version 9; this emulator reads version 1 only`);
  });
});
