import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ROOT } from './build-dist';

/**
 * Commands that finish on their own (`npm run event`, …), run to their exit with the output
 * captured. A test that fails before they exit leaves them to `killUnfinished` in afterEach.
 */

const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

const unfinished = new Set<ChildProcess>();

export function killUnfinished(): void {
  unfinished.forEach((child) => child.kill('SIGKILL'));
  unfinished.clear();
}

/** `command args…` from the repository root; killed after `timeoutMs`. */
export function runToExit(command: string, args: string[], timeoutMs = 60_000): Promise<Finished> {
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
  unfinished.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      unfinished.delete(child);
      resolve({ code, stdout, stderr });
    });
  });
}

/** One of our TypeScript commands, as `tsx <script> args…`. */
export function runScriptToExit(script: string, args: string[], timeoutMs?: number): Promise<Finished> {
  return runToExit(process.execPath, [TSX, script, ...args], timeoutMs);
}

/** A port that nothing listens on (it was free a moment ago). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
