import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasLocations, hasServerCode, modulesOf, type AppFiles, type Manifest } from '../app-files';
import { platformError, type Finding } from '../findings';

const APP_CLIENT = /<script[^>]+src=["']\{\{\{appclient\}\}\}["']/;

function missingFolders(app: AppFiles & { manifest: Manifest }): string[] {
  const needs: Array<[string, boolean]> = [
    ['app', hasLocations(app.manifest)],
    ['server', hasServerCode(app.manifest)],
  ];
  return needs.filter(([name, needed]) => needed && !existsSync(join(app.dir, name))).map(([name]) => name);
}

/** "Mandatory folder(s) missing: app" and its kin (platform.md §0.2, §9.2). */
export function checkAppDirectory(app: AppFiles): Finding[] {
  if (!existsSync(join(app.dir, 'manifest.json'))) return [platformError('app-dir', 'manifest.json is missing', 'manifest.json')];
  if (app.manifest === undefined) return [];
  const missing = missingFolders({ ...app, manifest: app.manifest });
  return missing.length > 0 ? [platformError('app-dir', `Mandatory folder(s) missing: ${missing.join(', ')}`)] : [];
}

function locationEntries(app: AppFiles): Array<{ placeholder: string; url: string; icon: string }> {
  if (app.manifest === undefined) return [];
  return modulesOf(app.manifest).flatMap(([, module]) =>
    Object.entries(module.location ?? {}).map(([placeholder, { url, icon }]) => ({ placeholder, url, icon })),
  );
}

function isInside(path: string): boolean {
  return !path.startsWith('/') && !path.split('/').includes('..');
}

/** Each placeholder's page and icon exist under app/, and the page loads the app client. */
export function checkLocations(app: AppFiles): Finding[] {
  return locationEntries(app).flatMap(({ placeholder, url, icon }) => {
    const findings: Finding[] = [];
    const iconPath = join(app.dir, 'app', icon);
    if (!isInside(icon) || !existsSync(iconPath)) {
      findings.push(platformError('icon', `Icon '${icon}' of placeholder '${placeholder}' is missing in app/`, `app/${icon}`));
    }
    const pagePath = join(app.dir, 'app', url.split(/[?#]/)[0] ?? url);
    if (!isInside(url) || !existsSync(pagePath)) {
      findings.push(platformError('app-dir', `Page '${url}' of placeholder '${placeholder}' is missing in app/`, `app/${url}`));
    } else if (!APP_CLIENT.test(readFileSync(pagePath, 'utf8'))) {
      findings.push(platformError('app-dir', `app/${url} does not load the app client: add <script src="{{{appclient}}}"></script>`, `app/${url}`));
    }
    return findings;
  });
}
