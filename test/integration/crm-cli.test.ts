import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../support/build-dist';

interface Running {
  child: ChildProcess;
  apiBase: string;
  apiKey: string;
  output: () => string;
}

/** `npm run crm -- …` as a user runs it, reading the base URL and key it prints. */
function startCli(args: string[]): Promise<Running> {
  const child = spawn(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'emulator/crm/cli.ts', ...args], { cwd: ROOT });
  started.add(child);
  let output = '';
  return new Promise((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const apiBase = /base URL\s+(\S+)/.exec(output)?.[1];
      const apiKey = /API key\s+(\S+)/.exec(output)?.[1];
      // The faults line is the banner's last: only then has all of it arrived.
      if (apiBase !== undefined && apiKey !== undefined && /faults\s+\S+.*\n/.test(output)) {
        resolve({ child, apiBase, apiKey, output: () => output });
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.on('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)));
  });
}

const started = new Set<ChildProcess>();

function stop(running: Running): Promise<void> {
  started.delete(running.child);
  if (running.child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    running.child.once('exit', () => resolve());
    running.child.kill('SIGTERM');
  });
}

// A failed assertion must not leave a stand-in running: Jest would wait on it forever.
afterEach(() => {
  started.forEach((child) => child.kill('SIGKILL'));
  started.clear();
});

const call = async (running: Running, method: string, path: string, body?: unknown) => {
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

  it('refuses bad options with a clear message', async () => {
    await expect(startCli(['--plan', 'platinum'])).rejects.toThrow('--plan must be one of free, growth, pro, enterprise');
    await expect(startCli(['--fault', 'GET /x error=5'])).rejects.toThrow('fault: errorRate must be between 0 and 1');
  });
});
