import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { isRecord } from '../../../common/guards';
import type { AppEventBinding, LoadedApp } from '../types';
import { COMMON_GROUP, type WebTestEvent } from './protocol';

/**
 * The app's test data (platform.md §9.4): `server/test_data/common/<Event>.json` for app-setup,
 * external and scheduled events, `server/test_data/<module>/<Event>.json` for product events,
 * and the flat 2.3 layout `server/test_data/<Event>.json` as a fallback.
 */

const COMMON_EVENTS = new Set(['onAppInstall', 'onAppUninstall', 'onExternalEvent', 'onScheduledEvent', 'afterAppUpdate']);

/** Module and event names as manifests spell them; anything else (dots, slashes) never reaches a path. */
const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/** A test payload is a hand-written file; this only keeps a stray huge file out of the page. */
const MAX_FILE_BYTES = 1024 * 1024;

export function isSafeName(name: string): boolean {
  return NAME.test(name);
}

/** The test_data folder of an event: "common" for the Common events, its module otherwise. */
function folderOf(binding: AppEventBinding): string {
  return COMMON_EVENTS.has(binding.event) ? 'common' : binding.module;
}

export function groupOf(binding: AppEventBinding): string {
  return COMMON_EVENTS.has(binding.event) ? COMMON_GROUP : binding.module;
}

/** The candidate files, 3.0 layout first; none when a name could escape the folder. */
function candidates(binding: AppEventBinding): string[] {
  const folder = folderOf(binding);
  if (!isSafeName(folder) || !isSafeName(binding.event)) return [];
  return [join('server', 'test_data', folder, `${binding.event}.json`), join('server', 'test_data', `${binding.event}.json`)];
}

/** Inside server/test_data even after symlinks are followed. */
function inside(appDir: string, file: string): boolean {
  const root = resolve(appDir, 'server', 'test_data');
  return existsSync(root) && realpathSync(file).startsWith(realpathSync(root) + sep);
}

function findFile(appDir: string, binding: AppEventBinding): string | undefined {
  return candidates(binding).find((file) => {
    const path = resolve(appDir, file);
    return existsSync(path) && statSync(path).isFile() && inside(appDir, path);
  });
}

type Parsed = Pick<WebTestEvent, 'testData' | 'testDataError'>;

function parse(file: string, text: string): Parsed {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    return { testDataError: `${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  return isRecord(value) ? { testData: value } : { testDataError: `${file} must hold a JSON object (the event payload)` };
}

function readTestData(appDir: string, file: string): Pick<WebTestEvent, 'testDataText' | 'testData' | 'testDataError'> {
  const path = resolve(appDir, file);
  if (statSync(path).size > MAX_FILE_BYTES) return { testDataError: `${file} is larger than ${MAX_FILE_BYTES / 1024} KB` };
  const text = readFileSync(path, 'utf8');
  return { testDataText: text, ...parse(file, text) };
}

/** Paths in answers use `/`, whatever the OS. */
const posix = (file: string): string => file.split(sep).join('/');

/** One declared event with its test data, read afresh on every call so edits show at once. */
export function describeEvent(app: LoadedApp, binding: AppEventBinding): WebTestEvent {
  const found = findFile(app.dir, binding);
  const base = { group: groupOf(binding), module: binding.module, event: binding.event, handler: binding.handler };
  if (found === undefined) return { ...base, testDataFile: posix(candidates(binding)[0] ?? join('server', 'test_data')) };
  return { ...base, testDataFile: posix(found), ...readTestData(app.dir, found) };
}

/** Every event the manifest declares: Common first, then product modules in manifest order. */
export function listEvents(app: LoadedApp): WebTestEvent[] {
  const events = app.events.map((binding) => describeEvent(app, binding));
  return [...events.filter((event) => event.group === COMMON_GROUP), ...events.filter((event) => event.group !== COMMON_GROUP)];
}
