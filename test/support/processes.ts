import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './build-dist';

const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

export interface Running {
  child: ChildProcess;
  output(): string;
  /** The first capture group of `pattern` in the output so far. */
  read(pattern: RegExp): string | undefined;
  stop(): Promise<void>;
}

const started = new Set<ChildProcess>();

/** Kills whatever a failed test left running: Jest would otherwise wait on its pipes forever. */
export function killStarted(): void {
  started.forEach((child) => child.kill('SIGKILL'));
  started.clear();
}

/**
 * Runs one of our TypeScript commands as a user would (`tsx <script> …args`) and resolves once
 * its output matches `ready`; rejects with the output if it exits first.
 */
export function runCommand(script: string, args: string[], ready: RegExp): Promise<Running> {
  const child = spawn(process.execPath, [TSX, script, ...args], { cwd: ROOT });
  started.add(child);
  let output = '';
  const running: Running = {
    child,
    output: () => output,
    read: (pattern) => pattern.exec(output)?.[1],
    stop: () => {
      started.delete(child);
      if (child.exitCode !== null) return Promise.resolve();
      return new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
    },
  };
  return new Promise((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) resolve(running);
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.on('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)));
  });
}
