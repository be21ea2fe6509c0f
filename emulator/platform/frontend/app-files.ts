import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import type { EmulatorContext } from '../context';
import { sendJson, sendText } from '../http/dispatch';
import { bundleBrowserScript } from './bundle';
import { APP_PREFIX, CLIENT_SCRIPT_PATH } from './protocol';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

const APP_CLIENT = /\{\{\{appclient\}\}\}/g;
const CLIENT_ENTRY = join(__dirname, 'client', 'index.ts');

/** A path under app/ that cannot climb out of it. */
function appFile(appDir: string, relative: string): string | undefined {
  const root = join(appDir, 'app');
  const path = normalize(join(root, decodeURIComponent(relative)));
  if (!path.startsWith(root + sep) || !existsSync(path) || !statSync(path).isFile()) return undefined;
  return path;
}

/** Size and modification time: a rebuilt file gets a new tag, an unchanged one keeps it. */
function entityTag(path: string): string {
  const stats = statSync(path);
  return `"${stats.size.toString(36)}-${Math.trunc(stats.mtimeMs).toString(36)}"`;
}

/**
 * Assets are served as a CDN serves them: with a validator, so a browser keeps them (and V8 its
 * compiled code) and asks again with If-None-Match. `no-cache` makes it ask every time, so a
 * rebuilt app is picked up at once.
 */
function serveCached(request: IncomingMessage, response: ServerResponse, tag: string, type: string, body: () => Buffer): void {
  const headers = { 'Cache-Control': 'no-cache', ETag: tag };
  if (request.headers['if-none-match'] === tag) {
    response.writeHead(304, headers).end();
    return;
  }
  const bytes = body();
  response.writeHead(200, { ...headers, 'Content-Type': type, 'Content-Length': String(bytes.length) }).end(bytes);
}

function serveAsset(request: IncomingMessage, response: ServerResponse, path: string, type: string): void {
  serveCached(request, response, entityTag(path), type, () => readFileSync(path));
}

/** The platform's client script comes from its CDN, cached like the app's assets. */
async function serveClientScript(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const body = Buffer.from(await bundleBrowserScript(CLIENT_ENTRY));
  const tag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 16)}"`;
  serveCached(request, response, tag, 'text/javascript; charset=utf-8', () => body);
}

function serveFile(request: IncomingMessage, response: ServerResponse, path: string): void {
  const type = TYPES[extname(path)] ?? 'application/octet-stream';
  if (extname(path) === '.html') {
    // The platform rewrites the placeholder when it serves the page (platform.md §7.1).
    return sendText(response, 200, readFileSync(path, 'utf8').replace(APP_CLIENT, CLIENT_SCRIPT_PATH), type, { 'Cache-Control': 'no-store' });
  }
  serveAsset(request, response, path, type);
}

/**
 * `/__fdk/app/<installationId>/<path>`: the installed app's pages and assets, and
 * `/__fdk/client.js`: the client that replaces `{{{appclient}}}`. True when it answered.
 */
export async function serveAppFiles(context: EmulatorContext, request: IncomingMessage, response: ServerResponse): Promise<boolean> {
  const path = new URL(request.url ?? '/', 'http://emulator.local').pathname;
  if (path === CLIENT_SCRIPT_PATH) {
    await serveClientScript(request, response);
    return true;
  }
  if (!path.startsWith(`${APP_PREFIX}/`)) return false;
  const file = installedAppFile(context, path.slice(APP_PREFIX.length + 1));
  if (file === undefined) sendJson(response, 404, { message: `Not found: ${path}` });
  else serveFile(request, response, file);
  return true;
}

/** `<installationId>/<path>` of the live installation only. */
function installedAppFile(context: EmulatorContext, rest: string): string | undefined {
  const [installationId = '', ...parts] = rest.split('/');
  return context.installation()?.id === installationId ? appFile(context.app.dir, parts.join('/')) : undefined;
}
