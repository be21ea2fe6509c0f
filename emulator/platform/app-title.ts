import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LoadedApp } from './types';

/**
 * The name the emulator's pages give the app, as the product names it by its listing, not by
 * the folder it was built into ("dist"): the first heading of the README.md the app ships
 * (`fdk pack` packs it), else the folder's name.
 */

const titles = new Map<string, string>();

export function appTitle(app: Pick<LoadedApp, 'dir' | 'name'>): string {
  const cached = titles.get(app.dir);
  if (cached !== undefined) return cached;
  const readme = join(app.dir, 'README.md');
  const heading = existsSync(readme) ? /^#\s+(.+)$/m.exec(readFileSync(readme, 'utf8'))?.[1]?.trim() : undefined;
  const title = heading === undefined || heading === '' ? app.name : heading;
  titles.set(app.dir, title);
  return title;
}
