import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { killStarted, runCommand, type Running } from '../support/processes';

const BANNER_DONE = /faults\s+\S+.*\n/;

interface Cli extends Running {
  apiBase: string;
  apiKey: string;
}

/** `npm run crm -- …` as a user runs it; the faults line is the banner's last. */
async function startCli(args: string[]): Promise<Cli> {
  const running = await runCommand('emulator/crm/cli.ts', args, BANNER_DONE);
  return { ...running, apiBase: running.read(/base URL\s+(\S+)/) ?? '', apiKey: running.read(/API key\s+(\S+)/) ?? '' };
}

const stop = (cli: Cli) => cli.stop();

afterEach(killStarted);

const call = async (running: Cli, method: string, path: string, body?: unknown) => {
  const response = await fetch(`${running.apiBase}${path}`, {
    method,
    headers: { Authorization: `Token token=${running.apiKey}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) };
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'crm-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run crm', () => {
  it('prints its base URL and API key, serves seeded data, and keeps writes in --data across a restart', async () => {
    const data = join(dir, 'crm.json');
    const first = await startCli(['--port', '0', '--seed', '3', '--data', data, '--plan', 'growth']);
    expect(first.output()).toMatch(/base URL\s+http:\/\/127\.0\.0\.1:\d+\/crm\/sales\/api/);
    expect(first.output()).toContain('plan growth');
    const created = await call(first, 'POST', '/sales_accounts', { sales_account: { name: 'Persisted Widgets Ltd' } });
    expect(created.status).toBe(201);
    await stop(first);
    expect(existsSync(data)).toBe(true);

    const second = await startCli(['--port', '0', '--data', data]);
    try {
      const again = await call(second, 'GET', `/sales_accounts/${created.body.sales_account.id}`);
      expect(again.status).toBe(200);
      expect(again.body.sales_account.name).toBe('Persisted Widgets Ltd');
    } finally {
      await stop(second);
    }
  });

  it('switches faults on from the command line', async () => {
    const running = await startCli(['--port', '0', '--fault', 'GET /selector/owners error=1:503']);
    try {
      const response = await fetch(`${running.apiBase}/selector/owners`, { headers: { Authorization: `Token token=${running.apiKey}` } });
      expect(response.status).toBe(503);
      expect(running.output()).toContain('(1 active)');
    } finally {
      await stop(running);
    }
  });

  it('starts the real-account profile in a zone with daylight saving, and says so in its banner', async () => {
    const running = await startCli(['--port', '0', '--profile', 'real']);
    try {
      expect(running.output()).toMatch(/profile\s+real, time zone Europe\/Berlin/);
      const owners = await call(running, 'GET', '/selector/owners');
      expect(owners.body.users[0].is_active).toBe(false);
      const fields = await call(running, 'GET', '/settings/sales_accounts/fields');
      expect(fields.body.fields.find((field: { name: string }) => field.name === 'industry_type_id').visible).toBe(false);
    } finally {
      await stop(running);
    }
  });

  it('writes timestamps in the zone of --tz, and keeps +05:30 by default', async () => {
    const tokyo = await startCli(['--port', '0', '--tz', 'Asia/Tokyo']);
    try {
      expect(tokyo.output()).toMatch(/profile\s+default, time zone Asia\/Tokyo/);
      const created = await call(tokyo, 'POST', '/sales_accounts', { sales_account: { name: 'Zoned Widgets' } });
      expect(created.body.sales_account.created_at).toMatch(/\+09:00$/);
    } finally {
      await stop(tokyo);
    }
    const standard = await startCli(['--port', '0']);
    try {
      expect(standard.output()).toMatch(/profile\s+default, time zone Asia\/Kolkata/);
    } finally {
      await stop(standard);
    }
  });

  it('refuses bad options with a clear message', async () => {
    await expect(startCli(['--plan', 'platinum'])).rejects.toThrow('--plan must be one of free, growth, pro, enterprise');
    await expect(startCli(['--fault', 'GET /x error=5'])).rejects.toThrow('fault: errorRate must be between 0 and 1');
    await expect(startCli(['--profile', 'live'])).rejects.toThrow('--profile must be one of default, real');
    await expect(startCli(['--tz', 'Mars/Olympus'])).rejects.toThrow("Unknown time zone 'Mars/Olympus': use an IANA name such as Europe/Berlin or Asia/Kolkata");
  });
});
