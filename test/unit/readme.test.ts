import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const ciRun = readFileSync(join(ROOT, '.ci', 'run'), 'utf8');
const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

function quickStartCommands(): string[] {
  const section = readme.split(/^## /m).find((part) => part.startsWith('Quick start'));
  const block = section?.match(/```sh\n([\s\S]*?)```/)?.[1] ?? '';
  return block.split('\n').map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('#'));
}

function lastCommand(script: string): string {
  const lines = script.split('\n').map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('#'));
  return lines[lines.length - 1] ?? '';
}

describe('README', () => {
  it('has a quick start of exactly two command lines: run the app, run every test', () => {
    const commands = quickStartCommands();
    expect(commands).toHaveLength(2);
    expect(commands[0]).toMatch(/^npm ci && npm start$/);
    expect(commands[1]).toBe('npm test');
  });

  it('CI runs exactly the README test command, after installing what it needs', () => {
    expect(lastCommand(ciRun)).toBe(quickStartCommands()[1]);
    expect(ciRun).toContain('npm ci');
    expect(ciRun).toMatch(/apt-get install -y[^\n]* chromium/);
  });

  it('names only npm scripts that exist', () => {
    const named = [...readme.matchAll(/npm run ([a-z:-]+)/g)].map((match) => match[1] as string);
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((name) => scripts[name] === undefined)).toEqual([]);
  });
});
