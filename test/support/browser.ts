import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** Debian's Chromium, headless, with the flags this machine needs (toolchain.md, Browser tests). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
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
    (url) => !['localhost', '127.0.0.1'].includes(url.hostname),
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
