import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { declaredFunctions, modulesOf, type IparamField, type Manifest } from '../fdk/app-files';
import { formatReport } from '../fdk/report';
import { isValid, validateApp } from '../fdk/validate';
import type { AppEventBinding, AppLocation, EntityField, LoadedApp, RequestTemplate } from './types';

/** An app the platform refuses, with the validator's report as its message (platform.md §9.1). */
export class AppRejectedError extends Error {}

function readJson<T>(dir: string, file: string): T | undefined {
  const path = join(dir, file);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : undefined;
}

function locationsOf(manifest: Manifest): AppLocation[] {
  return modulesOf(manifest).flatMap(([module, definition]) =>
    Object.entries(definition.location ?? {}).map(([placeholder, { url, icon }]) => ({ module, placeholder, url, icon })),
  );
}

function eventsOf(manifest: Manifest): AppEventBinding[] {
  return modulesOf(manifest).flatMap(([module, definition]) =>
    Object.entries(definition.events ?? {}).map(([event, { handler }]) => ({ module, event, handler })),
  );
}

function functionsOf(manifest: Manifest): LoadedApp['functions'] {
  const declared = manifest.modules.common?.functions ?? {};
  return Object.fromEntries(declaredFunctions(manifest).map((name) => [name, declared[name] ?? {}]));
}

/**
 * Loads an FDK app directory the way `fdk run` does: validate first and refuse an invalid app
 * with the same messages, then read what the platform needs to run it.
 */
export async function loadApp(dir: string): Promise<LoadedApp> {
  const appDir = resolve(dir);
  const report = await validateApp(appDir);
  if (!isValid(report)) throw new AppRejectedError(`The app in ${appDir} is not valid:\n${formatReport(report)}`);
  const manifest = readJson<Manifest>(appDir, 'manifest.json') as Manifest;
  return {
    dir: appDir,
    name: basename(appDir),
    manifest,
    templates: readJson<Record<string, RequestTemplate>>(appDir, 'config/requests.json') ?? {},
    iparamFields: readJson<Record<string, IparamField>>(appDir, 'config/iparams.json'),
    customSettingsPage: existsSync(join(appDir, 'config/iparams.html')),
    entities: readJson<Record<string, { fields: EntityField[] }>>(appDir, 'config/entities.json'),
    locations: locationsOf(manifest),
    events: eventsOf(manifest),
    functions: functionsOf(manifest),
    dependencies: manifest.dependencies ?? {},
  };
}
