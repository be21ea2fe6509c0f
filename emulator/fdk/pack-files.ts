import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What goes into the package, and what never does (platform.md §9.5). */
const TOP_LEVEL = ['app', 'server', 'config', 'manifest.json', 'README.md'];
const NEVER_DIRS = new Set(['node_modules', '.fdk', 'log', 'coverage', 'dist', '.git', 'test_data']);
const NEVER_FILES = new Set(['iparam_test_data.json', '.DS_Store']);

function keepFile(name: string): boolean {
  return !NEVER_FILES.has(name) && !name.endsWith('.map') && !name.endsWith('.zip');
}

function walk(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .filter((name) => !NEVER_DIRS.has(name))
    .flatMap((name) => {
      const child = join(path, name);
      return statSync(child).isDirectory() ? walk(child) : keepFile(name) ? [child] : [];
    });
}

/** Absolute paths of the files `fdk pack` would put in the zip, sorted. */
export function listAppFiles(appDir: string): string[] {
  return TOP_LEVEL.map((name) => join(appDir, name))
    .filter((path) => existsSync(path))
    .flatMap(walk)
    .sort();
}
