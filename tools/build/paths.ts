import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** A path relative to `base`, with forward slashes on every platform. */
export function posixRelative(base: string, path: string): string {
  return relative(base, path).split(sep).join('/');
}

/** Every file below `dir` (recursively) whose name passes `keep`, skipping `skipDirs`. */
export function listFiles(dir: string, keep: (name: string) => boolean, skipDirs: string[] = []): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (!skipDirs.includes(name)) found.push(...listFiles(path, keep, skipDirs));
    } else if (keep(name)) {
      found.push(path);
    }
  }
  return found.sort();
}
