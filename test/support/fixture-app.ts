import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const FIXTURE_APPS = join(__dirname, '..', 'fixtures', 'apps');

/** A throw-away copy of a fixture app that a test may break at will. */
export class FixtureApp {
  readonly dir: string;

  constructor(name = 'minimal') {
    this.dir = mkdtempSync(join(tmpdir(), `fdk-${name}-`));
    cpSync(join(FIXTURE_APPS, name), this.dir, { recursive: true });
  }

  path(file: string): string {
    return join(this.dir, file);
  }

  read(file: string): string {
    return readFileSync(this.path(file), 'utf8');
  }

  write(file: string, text: string): void {
    writeFileSync(this.path(file), text);
  }

  /** Edit a JSON file in place. */
  json<T = Record<string, any>>(file: string, edit: (value: T) => void): void {
    const value = JSON.parse(this.read(file)) as T;
    edit(value);
    this.write(file, JSON.stringify(value, null, 2));
  }

  replace(file: string, from: string | RegExp, to: string): void {
    const text = this.read(file);
    const next = text.replace(from, to);
    if (next === text) throw new Error(`fixture: ${String(from)} not found in ${file}`);
    this.write(file, next);
  }

  remove(file: string): void {
    rmSync(this.path(file), { recursive: true, force: true });
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
