import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../clock';
import type { CrmServer } from './crm-server';
import { startStandIn } from './stand-in';

let dir: string;
const started: CrmServer[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'stand-in-'));
});
afterEach(async () => {
  await Promise.all(started.splice(0).map((server) => server.close()));
  rmSync(dir, { recursive: true, force: true });
});

const clock = () => new ManualClock('2026-11-02T09:00:00Z');

async function start(options: Parameters<typeof startStandIn>[0]): Promise<CrmServer> {
  const server = await startStandIn({ clock: clock(), ...options });
  started.push(server);
  return server;
}

async function ownersOf(server: CrmServer): Promise<Array<{ display_name: string; is_active: boolean }>> {
  const response = await fetch(`${server.apiBase}/selector/owners`, { headers: { Authorization: `Token token=${server.apiKey}` } });
  return ((await response.json()) as { users: Array<{ display_name: string; is_active: boolean }> }).users;
}

describe('startStandIn profiles and zones', () => {
  it('starts the real-account profile in Europe/Berlin, or in the zone asked for', async () => {
    const real = await start({ profile: 'real' });
    expect(real.store.account).toMatchObject({ profile: 'real', timeZone: 'Europe/Berlin' });
    expect((await ownersOf(real))[0]).toMatchObject({ display_name: 'Former Rep', is_active: false });
    const tokyo = await start({ profile: 'real', timeZone: 'asia/tokyo' });
    expect(tokyo.store.account.timeZone).toBe('Asia/Tokyo');
  });

  it('keeps the default profile in Asia/Kolkata (+05:30), and refuses an unknown zone', async () => {
    const standard = await start({});
    expect(standard.store.account).toMatchObject({ profile: 'default', timeZone: 'Asia/Kolkata' });
    await expect(start({ timeZone: 'Mars/Olympus' })).rejects.toThrow("Unknown time zone 'Mars/Olympus'");
  });

  it('keeps the profile of a --data snapshot, applies a new zone to it, and refuses another profile', async () => {
    const dataFile = join(dir, 'crm.json');
    const first = await start({ profile: 'real', dataFile });
    await first.close();
    started.splice(0);
    const again = await start({ dataFile, timeZone: 'America/New_York' });
    expect(again.store.account).toMatchObject({ profile: 'real', timeZone: 'America/New_York' });
    await again.close();
    started.splice(0);
    await expect(start({ dataFile, profile: 'default' })).rejects.toThrow(`${dataFile} holds a stand-in of the real profile, not default`);
  });
});
