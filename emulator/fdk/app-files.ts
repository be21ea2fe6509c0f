import { isRecord } from '../../common/guards';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { platformError, type Finding } from './findings';
import { readJsonFile, type JsonFile } from './json-file';

/** manifest.json after its schema check passed (platform.md §1.1). */
export interface ManifestModule {
  location?: Record<string, { url: string; icon: string }>;
  events?: Record<string, { handler: string }>;
  requests?: Record<string, object>;
  functions?: Record<string, { timeout?: number }>;
  jobs?: Record<string, object>;
}

export interface Manifest {
  'platform-version': string;
  modules: Record<string, ManifestModule>;
  engines: { node: string; fdk: string };
  dependencies?: Record<string, string>;
}

export type IparamField = Record<string, unknown> & { type?: unknown; secure?: unknown };

/** The parts of an app directory the checks read, parsed once. */
export interface AppFiles {
  dir: string;
  /** Raw parsed manifest; `manifest` below is set once it passed the schema. */
  manifestJson?: unknown;
  manifest?: Manifest;
  requests?: Record<string, unknown>;
  requestsFileExists: boolean;
  iparams?: Record<string, IparamField>;
  iparamsJsonExists: boolean;
  iparamsHtmlExists: boolean;
  entities?: unknown;
}

const isObject = isRecord;

/** A config file that parsed but is not a JSON object is reported once, here. */
function objectValue(json: JsonFile, findings: Finding[]): Record<string, unknown> | undefined {
  if (json.value === undefined) return undefined;
  if (isObject(json.value)) return json.value;
  findings.push(platformError('json', `${json.file} must hold a JSON object`, json.file));
  return undefined;
}

export function loadAppFiles(dir: string, findings: Finding[]): AppFiles {
  const manifest = readJsonFile(dir, 'manifest.json', findings);
  const requests = readJsonFile(dir, 'config/requests.json', findings);
  const iparams = readJsonFile(dir, 'config/iparams.json', findings);
  const entities = readJsonFile(dir, 'config/entities.json', findings);
  const requestsObject = objectValue(requests, findings);
  const iparamsObject = objectValue(iparams, findings);
  readJsonFile(dir, 'config/oauth_config.json', findings);
  readJsonFile(dir, 'config/app_settings.json', findings);
  return {
    dir,
    manifestJson: manifest.value,
    requests: requestsObject,
    requestsFileExists: requests.exists,
    iparams: iparamsObject as Record<string, IparamField> | undefined,
    iparamsJsonExists: iparams.exists,
    iparamsHtmlExists: existsSync(join(dir, 'config/iparams.html')),
    entities: entities.value,
  };
}

/** Every module of the manifest with its name, common included. */
export function modulesOf(manifest: Manifest): Array<[string, ManifestModule]> {
  return Object.entries(manifest.modules);
}

export function declaredRequests(manifest: Manifest): string[] {
  return Object.keys(manifest.modules.common?.requests ?? {});
}

export function declaredFunctions(manifest: Manifest): string[] {
  return Object.keys(manifest.modules.common?.functions ?? {});
}

export function hasLocations(manifest: Manifest): boolean {
  return modulesOf(manifest).some(([, module]) => Object.keys(module.location ?? {}).length > 0);
}

export function hasServerCode(manifest: Manifest): boolean {
  return modulesOf(manifest).some(([, module]) => Object.keys(module.events ?? {}).length > 0) ||
    declaredFunctions(manifest).length > 0;
}
