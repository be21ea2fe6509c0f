import { join } from 'node:path';
import { ManualClock } from '../../emulator/clock';
import { AppRejectedError, loadApp } from '../../emulator/platform/app-loader';
import { startEmulator, type Emulator } from '../../emulator/platform/emulator';
import { FIXTURE_APPS, FixtureApp } from '../support/fixture-app';
import { startReceiver } from '../support/local-receiver';

/**
 * Apps that break a platform rule fail where the platform fails them, with its error
 * (issue #4): test/fixtures/apps/platform-rule-breakers has one server method per rule.
 */
let emulator: Emulator;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  receiver = await startReceiver();
  emulator = await startEmulator({
    appDir: join(FIXTURE_APPS, 'platform-rule-breakers'),
    port: 0,
    clock: new ManualClock('2026-11-02T09:00:00Z'),
    crm: { kind: 'url', url: 'http://127.0.0.1:9' },
    hostOverrides: { 'hooks.partner.example': receiver.url },
    invocationTimeoutMs: 3_000,
  });
  await emulator.install({ api_key: 'secret-key-1' });
});

afterAll(async () => {
  await emulator.close();
  await receiver.close();
});

const call = (name: string) => emulator.platform.invokeFunction(name, {});

describe('a broken app fails where the platform fails it', () => {
  it('an undeclared template: the invocation rejects with the platform’s message', async () => {
    const { response } = (await call('callUndeclaredTemplate')) as { response: { caught: { status: number; message: string; errorSource: string } } };
    expect(response.caught).toMatchObject({ status: 400, errorSource: 'PLATFORM' });
    expect(response.caught.message).toContain("Request template 'notDeclared'");
  });

  it('setTimeout in server code: the handler fails with the ReferenceError of a runtime without timers', async () => {
    await expect(call('useTimer')).rejects.toMatchObject({ shape: { status: 500, message: expect.stringContaining('setTimeout is not defined') } });
  });

  it('a second recurring schedule: $schedule.create rejects it', async () => {
    const { response } = (await call('scheduleTwoRecurring')) as { response: { caught: { status: number; message: string } } };
    expect(response.caught.status).toBe(400);
    expect(response.caught.message).toMatch(/recurring/i);
    expect(emulator.platform.installation()?.scheduler.list().map((schedule) => schedule.name)).toEqual(['first']);
  });

  it('a 41 KB value: $db.set rejects it and stores nothing', async () => {
    const { response } = (await call('storeBigValue')) as { response: { caught: { status: number; message: string } } };
    expect(response.caught.status).toBe(400);
    expect(response.caught.message).toMatch(/40 ?KB/i);
    await expect(emulator.platform.installation()?.kv.get('big')).rejects.toMatchObject({ shape: { status: 404 } });
  });

  it('the 51st request in a minute: the platform answers 429 itself, without calling the third party', async () => {
    const before = receiver.received.length;
    const { response } = (await call('burstRequests')) as { response: { statuses: Array<number | { status: number; errorSource: string }> } };
    expect(response.statuses.slice(0, 50)).toEqual(Array.from({ length: 50 }, () => 200));
    expect(response.statuses[50]).toMatchObject({ status: 429, errorSource: 'PLATFORM' });
    expect(receiver.received.length - before).toBe(50);
  });

  it('a secure iparam in a path: the app is refused when it is loaded, with the validator’s message', async () => {
    const app = new FixtureApp('platform-rule-breakers');
    try {
      app.json('config/requests.json', (requests) => {
        requests.ping.schema.path = '/ping/<%= iparam.api_key %>';
      });
      await expect(loadApp(app.dir)).rejects.toThrow(AppRejectedError);
      await expect(loadApp(app.dir)).rejects.toThrow("Request template 'ping' uses secure iparam 'api_key' in path: secure iparams may be used only in header values");
    } finally {
      app.dispose();
    }
  });
});
