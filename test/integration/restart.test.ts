import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAutomationEnv, type AutomationEnv } from '../support/automation-env';

/**
 * The outbox survives the platform: the emulator is killed while its drain is in the middle
 * of a delivery (the receiver holds the request), a new one starts on the same data file, and
 * every delivery still arrives; the one that was in flight arrives again under the same id.
 */
const MINUTE = 60_000;
let dir: string;
let env: AutomationEnv;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'companion-restart-'));
  env = await startAutomationEnv({ dataFile: join(dir, 'platform.json') });
  expect(await env.emulator.install(env.settings)).toEqual({ ok: true });
});

afterEach(async () => {
  await env.close();
  rmSync(dir, { recursive: true, force: true });
});

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('a restart in the middle of a drain', () => {
  it('loses nothing', async () => {
    env.receiver.mode = 'fail';
    const names = ['Ann', 'Ben', 'Cai', 'Dee', 'Eve'];
    for (const name of names) await env.crmCall('POST', '/contacts', { contact: { first_name: name, last_name: 'Restart', emails: `${name.toLowerCase()}.restart@gmail.com` } });
    await env.emulator.idle();
    expect(env.receiver.events()).toHaveLength(names.length);
    const failed = env.receiver.deliveries.length;

    // The drain picks the retries up and the receiver holds the first one: mid-drain.
    env.receiver.mode = 'hold';
    env.clock.advance(6 * MINUTE);
    const drain = env.emulator.platform.runDueSchedules();
    await until(() => env.receiver.deliveries.length > failed, 'the drain to send');
    const inFlight = env.receiver.deliveries.at(-1)?.id;
    await env.emulator.kill();
    env.receiver.release();
    await drain.catch(() => undefined);

    const restarted = await env.restart();
    expect(restarted.restored).toBe(true);
    for (let minute = 0; minute < 20; minute += 1) await restarted.advance(MINUTE);

    const delivered = env.receiver.events().filter((event) => event.type === 'contact.created');
    expect(delivered.map((event) => event.data.contact.first_name).sort()).toEqual(names);
    expect(env.receiver.deliveries.filter((delivery) => delivery.id === inFlight).length).toBeGreaterThanOrEqual(3);
    const pending = await restarted.platform.invokeFunction('listDeliveries', { status: 'pending' });
    expect((pending.response as { items: unknown[] }).items).toEqual([]);
    const dead = await restarted.platform.invokeFunction('listDeliveries', { status: 'dead' });
    expect((dead.response as { items: unknown[] }).items).toEqual([]);
  });
});
