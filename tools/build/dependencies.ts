import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageName } from './compile-server';

const EXACT_VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;

function installedVersion(root: string, name: string): string | undefined {
  const manifest = join(root, 'node_modules', name, 'package.json');
  if (!existsSync(manifest)) return undefined;
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version;
}

function checkOne(root: string, name: string, declared: string | undefined): string | undefined {
  if (declared === undefined) return `server code requires '${name}' but manifest.json does not declare it in "dependencies"`;
  if (!EXACT_VERSION.test(declared)) return `manifest.json declares ${name} "${declared}": use an exact version`;
  const installed = installedVersion(root, name);
  if (installed !== declared) {
    return `manifest.json declares ${name} ${declared} but ${installed ?? 'nothing'} is installed: the platform would run other code than the tests`;
  }
  return undefined;
}

/**
 * The platform installs the manifest's `dependencies` for the server (platform.md §2.3), so
 * each package the server requires must be declared there, at the exact version we test.
 */
export function checkServerDependencies(
  root: string,
  specifiers: string[],
  declared: Record<string, string>,
): string[] {
  const names = [...new Set(specifiers.map(packageName))].sort();
  return names.map((name) => checkOne(root, name, declared[name])).filter((p): p is string => p !== undefined);
}
