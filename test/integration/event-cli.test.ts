import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type Emulator } from '../../emulator/platform/emulator';
import { FixtureApp } from '../support/fixture-app';
import { freePort, killUnfinished, runScriptToExit, runToExit } from '../support/run-to-exit';

/** `npm run event` against an in-process emulator running the webtest fixture app. */

let fixture: FixtureApp;
let emulator: Emulator;
let payloads: string;

beforeAll(async () => {
  payloads = mkdtempSync(join(tmpdir(), 'event-cli-'));
  fixture = new FixtureApp('webtest');
  emulator = await startEmulator({ appDir: fixture.dir, port: 0, crm: { kind: 'url', url: 'http://127.0.0.1:9' } });
  expect(await emulator.install({ greeting: 'Hej' })).toEqual({ ok: true });
});

afterEach(killUnfinished);

afterAll(async () => {
  await emulator?.close();
  fixture?.dispose();
  if (payloads !== undefined) rmSync(payloads, { force: true, recursive: true });
});

function payloadFile(name: string, text: string): string {
  const path = join(payloads, name);
  writeFileSync(path, text);
  return path;
}

const event = (...args: string[]) => runScriptToExit('tools/event.ts', [...args, '--url', emulator.url]);

describe('npm run event', () => {
  it('fires an event with its test data file and prints the outcome and log lines, exit 0', async () => {
    const run = await runToExit('npm', ['run', '-s', 'event', '--', 'onContactCreate', '--url', emulator.url]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^onContactCreate \(contact\) → onContactCreateHandler\nSuccess: completed in \d+ ms\nPayload: server\/test_data\/contact\/onContactCreate\.json\nLog:\n {2}\[info\] Hej, Zoë <b>Ångström<\/b> on https:\/\/demo\.myfreshworks\.com\n$/);
  });

  it('sends a payload file and exits 1 with the error when the handler fails', async () => {
    const file = payloadFile('no-deal.json', '{"data": {}}');
    const run = await event('onDealUpdate', file, '--module', 'deal');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Failed: error in ');
    expect(run.stdout).toContain(`Payload: ${file}`);
    expect(run.stdout).toContain('Error: the payload has no deal');
    expect(run.stdout).toContain('  [warn] deal update for account 1967183444532229946');
  });

  it('shows what a setup event passed to renderData', async () => {
    const run = await event('onAppInstall');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Success: rendered in ');
    expect(run.stdout).toContain('renderData: {"error":null}');
  });

  it.each([
    ['a payload file that is not JSON', () => ['onContactCreate', payloadFile('invalid.json', '{ "data": ')], /^Not simulated \(400\): The payload is not valid JSON: /],
    ['an unknown event', () => ['onTicketCreate'], /^Not simulated \(400\): Unknown event onTicketCreate: the app declares /],
    ['a missing payload file', () => ['onContactCreate', join(payloads, 'missing.json')], /^Cannot read the payload file .*missing\.json: ENOENT/],
  ])('exits 1 on %s, saying why', async (_what, args, message) => {
    const run = await event(...args());
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
  });

  it('says when no emulator answers at the URL, and to start one', async () => {
    const port = await freePort();
    const run = await runScriptToExit('tools/event.ts', ['onContactCreate', '--url', `http://127.0.0.1:${port}`]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^No emulator answers at http://127\\.0\\.0\\.1:${port} \\(.*\\): start it with npm start, or pass --url\\n$`));
  });

  it('prints its usage without an event', async () => {
    const run = await runScriptToExit('tools/event.ts', []);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Usage: npm run event -- <event> [payload.json] [--module <module>] [--url <emulator url>]');
  });
});
