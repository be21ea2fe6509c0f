import { existsSync, readFileSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { CLIENT_SCRIPT_PATH } from '../frontend/protocol';
import { html, jsonForScript } from '../frontend/pages/html';
import { sendJson, sendText } from '../http/dispatch';
import { statusCard, uninstallCard, type InstallStatus } from './form-page';
import type { Values } from './form-values';
import { banner, page, type BannerKind } from './layout';
import { SETTINGS_PATHS } from './paths';

/**
 * An app's own settings page, config/iparams.html with config/assets/* (platform.md §8.2).
 * The page is served in a same-origin frame at SETTINGS_PATHS.customPage, so its
 * `./assets/…` resolve to SETTINGS_PATHS.assets; the emulator's page around it holds the
 * Install button and calls the page's globals (custom-client.ts).
 */

const APP_CLIENT = /\{\{\{appclient\}\}\}/g;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

function customHtml(text: string): string {
  return text.replace(APP_CLIENT, CLIENT_SCRIPT_PATH);
}

/** config/iparams.html with `{{{appclient}}}` replaced, as the platform serves it. */
export function customPageHtml(appDir: string): string {
  return customHtml(readFileSync(join(appDir, 'config', 'iparams.html'), 'utf8'));
}

/** A file under config/assets/ that cannot climb out of it. */
function assetFile(appDir: string, relative: string): string | undefined {
  const root = join(appDir, 'config', 'assets');
  const path = normalize(join(root, relative));
  if (!path.startsWith(root + sep) || !existsSync(path) || !statSync(path).isFile()) return undefined;
  return path;
}

export function serveAsset(response: ServerResponse, appDir: string, relative: string): void {
  const path = assetFile(appDir, relative);
  if (path === undefined) return sendJson(response, 404, { message: `Not found: config/assets/${relative}` });
  const type = TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
  if (extname(path) === '.html') return sendText(response, 200, customHtml(readFileSync(path, 'utf8')), type, { 'Cache-Control': 'no-store' });
  const body = readFileSync(path);
  response.writeHead(200, { 'Content-Type': type, 'Content-Length': String(body.length), 'Cache-Control': 'no-store' }).end(body);
}

export interface CustomPageModel {
  appName: string;
  status: InstallStatus;
  /** Saved settings without secrets, for getConfigs; null before the first install. */
  saved: Values | null;
  notice?: { kind: BannerKind; text: string };
}

export function renderCustomWrapper(model: CustomPageModel): string {
  const data = { saved: model.saved, action: SETTINGS_PATHS.settings };
  const body = html`${statusCard(model.appName, model.status)}
${banner(model.notice?.kind ?? 'ok', model.notice?.text)}
<div class="card">
<iframe class="settings-frame" id="fdk-settings-frame" title="Settings of ${model.appName}" src="${SETTINGS_PATHS.customPage}"></iframe>
<p class="banner error" id="fdk-settings-error" role="alert" hidden></p>
<div class="actions"><button type="button" id="fdk-install">${model.status.installed ? 'Save' : 'Install'}</button></div>
</div>
${uninstallCard(model.status)}
<script type="application/json" id="fdk-settings-data">${jsonForScript(data)}</script>
<script src="${SETTINGS_PATHS.customScript}"></script>`;
  return page({ title: `Settings of ${model.appName}` }, body);
}
