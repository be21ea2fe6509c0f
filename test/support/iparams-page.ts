import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The app's settings page (config/iparams.html with config/assets/iparams.js) in the jsdom of
 * the calling test (`@jest-environment jsdom`), with a fake platform `client` whose
 * `request.invoke` the test controls. The globals are what the platform calls (platform.md §8.2).
 */

const CONFIG = join(__dirname, '..', '..', 'config');

export interface SettingsPageGlobals {
  getConfigs(configs: Record<string, unknown>): void;
  validate(): Promise<boolean>;
  postConfigs(): Record<string, unknown> & { __meta: { secure: string[] } };
}

export type Invoke = (name: string, payload: unknown) => Promise<{ response: unknown }>;

export function pageMarkup(): string {
  return readFileSync(join(CONFIG, 'iparams.html'), 'utf8');
}

/** Loads a fresh copy of the page into `document` and runs its script, as the platform would. */
export function openSettingsPage(invoke: Invoke): { page: SettingsPageGlobals; invoke: jest.Mock } {
  const body = /<body>([\s\S]*)<\/body>/.exec(pageMarkup())?.[1] ?? '';
  // Scripts set through innerHTML do not run: the one script runs below, once the client exists.
  document.body.innerHTML = body.replace(/<script[\s\S]*?<\/script>/g, '');
  const mock = jest.fn(invoke);
  const client = { request: { invoke: mock } };
  Object.assign(window, { app: { initialized: () => Promise.resolve(client) } });
  const script = readFileSync(join(CONFIG, 'assets', 'iparams.js'), 'utf8');
  // Indirect eval: the script runs in the page's global scope, as a <script> would.
  (0, eval)(script);
  return { page: window as unknown as SettingsPageGlobals, invoke: mock };
}
