import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** Hosts the browser may reach: the emulator and the stand-in, on this machine. */
export const LOCAL_HOSTS = ['localhost', '127.0.0.1'];

/**
 * Every other name resolves to nothing, so the browser stays offline without a Playwright
 * route (routes cost a trip to Node per request and turn the HTTP cache off).
 */
const OFFLINE_RESOLVER = `--host-resolver-rules=MAP * ~NOTFOUND, ${LOCAL_HOSTS.map((host) => `EXCLUDE ${host}`).join(', ')}`;

/** Debian's Chromium, headless, with the flags this machine needs (toolchain.md, Browser tests). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', OFFLINE_RESOLVER],
  });
}

const BLANK_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16"/>';

/**
 * A browser context that never leaves the machine: Crayons' fw-icon fetches icons from a CDN,
 * which gets a blank SVG, and anything else off localhost is refused.
 */
export async function offlineContext(browser: Browser, viewport = { width: 1440, height: 900 }): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport });
  await context.route(
    (url) => !LOCAL_HOSTS.includes(url.hostname),
    (route) => (/\.svg(\?|$)/.test(route.request().url()) ? route.fulfill({ contentType: 'image/svg+xml', body: BLANK_SVG }) : route.abort()),
  );
  return context;
}

/**
 * Screenshots go to test-results/, or to docs/ when UPDATE_DOCS_SCREENSHOTS=1 refreshes the
 * README's; `forDocs: false` keeps one in test-results/ always (a variant the README does not show).
 */
export function screenshotPath(name: string, forDocs = true): string {
  const docs = forDocs && process.env.UPDATE_DOCS_SCREENSHOTS === '1';
  const dir = docs ? join(__dirname, '..', '..', 'docs') : join(__dirname, '..', '..', 'test-results');
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}

/**
 * A context as a user's browser is: HTTP cache on, no request intercepted, for timings
 * (bench/sidebar). Offline all the same, by launchChromium's resolver rules; `offsite()` lists
 * the requests that tried to leave the machine.
 */
export async function cachingContext(browser: Browser, viewport = { width: 1440, height: 900 }): Promise<{ context: BrowserContext; offsite: () => string[] }> {
  const context = await browser.newContext({ viewport });
  const offsite: string[] = [];
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol !== 'data:' && !LOCAL_HOSTS.includes(url.hostname)) offsite.push(request.url());
  });
  return { context, offsite: () => [...offsite] };
}
