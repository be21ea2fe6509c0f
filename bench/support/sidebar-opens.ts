import { gzipSync } from 'node:zlib';
import type { Page, Response } from 'playwright-core';
import type { CrmServer } from '../../emulator/crm/crm-server';
import type { Emulator } from '../../emulator/platform/emulator';
import { appIcon, PLACEHOLDERS, RECORD_KINDS, type SidebarEntity } from '../../test/support/sidebar-page';
import { timeOpen } from './sidebar-probe';

/** One open of a sidebar: time to content and the CRM calls it made. */
export interface OpenResult {
  ms: number;
  final: 'ready' | 'error';
  calls: number;
  /** Template names, once per call sent (answers from the platform's cache are not calls). */
  templates: string[];
  /** The most calls that were in flight at one moment. */
  parallel: number;
}

/** Landmark records (SEED_LANDMARKS) come first in each table; the bench uses ordinary ones. */
const LANDMARK_ROWS = 12;

/** `count` distinct live record ids of an entity, spread over its table. */
export function recordIds(crm: CrmServer, entity: SidebarEntity, count: number): number[] {
  const tables = { contact: crm.store.contacts, deal: crm.store.deals, account: crm.store.sales_accounts };
  const ids = tables[entity]
    .all()
    .map((row) => row.id)
    .sort((a, b) => a - b)
    .slice(LANDMARK_ROWS);
  if (ids.length < count) throw new Error(`only ${ids.length} ${entity} records for ${count} opens`);
  const step = ids.length / count;
  return Array.from({ length: count }, (_, index) => ids[Math.floor(index * step)] as number);
}

interface Call {
  name: string;
  attempts: number;
  startMs: number;
  endMs: number;
}

/** Template calls the emulator sent to the CRM since `since` (cache hits are not calls). */
function callsSince(emulator: Emulator, since: number): Call[] {
  return emulator.inspector
    .entries('template')
    .flatMap((entry) => (entry.kind === 'template' && entry.at >= since && entry.attempts > 0 ? [entry] : []))
    .map((entry) => ({ name: entry.name, attempts: entry.attempts, startMs: entry.at - entry.durationMs, endMs: entry.at }));
}

/** The most intervals open at one instant: each start is checked against every call. */
export function maxInFlight(calls: ReadonlyArray<{ startMs: number; endMs: number }>): number {
  return Math.max(0, ...calls.map((call) => calls.filter((other) => other.startMs <= call.startMs && call.startMs < other.endMs).length));
}

export interface OpenTimingOptions {
  /**
   * Between the record page's load event and the click. A person clicks the app icon after
   * looking at the page, not in the same instant; clicking at once would time the tail of the
   * page's own load (in a fresh context, about 40 ms of it) as the sidebar's.
   */
  pauseMs: number;
  /** After content, so calls made late still count. */
  settleMs: number;
}

/**
 * Goes to a record page, waits `pauseMs`, clicks the app icon and times the sidebar to content;
 * then waits `settleMs` so calls made after content count too. The platform's 50/min request budget is
 * reset first: it limits the whole installation, not one open, and the bench opens far more
 * sidebars a minute than anyone would.
 */
export async function measureOpen(page: Page, emulator: Emulator, entity: SidebarEntity, id: number, options: OpenTimingOptions): Promise<OpenResult> {
  const placeholder = PLACEHOLDERS[entity];
  await page.goto(emulator.recordUrl(RECORD_KINDS[entity], id));
  await appIcon(page, placeholder).waitFor();
  await page.waitForTimeout(options.pauseMs);
  emulator.platform.installation()?.windows.requests.reset();
  const since = emulator.clock.now();
  const timing = await timeOpen(page, placeholder);
  await page.waitForTimeout(options.settleMs);
  const calls = callsSince(emulator, since);
  // Retries count as calls: each attempt was sent.
  const templates = calls.flatMap((call) => Array<string>(call.attempts).fill(call.name));
  return { ms: timing.ms, final: timing.final, calls: templates.length, templates, parallel: maxInFlight(calls) };
}

export interface ScriptLoad {
  url: string;
  gzipBytes: number;
}

const isFrameScript = (page: Page, response: Response) => response.request().resourceType() === 'script' && response.frame() !== page.mainFrame();

/** Collects every script the page's iframes load, gzip-compressed as bench/bundle counts them. */
export function recordFrameScripts(page: Page): () => Promise<ScriptLoad[]> {
  const loads: Array<Promise<ScriptLoad | undefined>> = [];
  const onResponse = (response: Response) => {
    if (!isFrameScript(page, response)) return;
    loads.push(response.body().then(
      (body) => ({ url: response.url(), gzipBytes: gzipSync(body).length }),
      () => undefined,
    ));
  };
  page.on('response', onResponse);
  return async () => {
    page.off('response', onResponse);
    const settled = await Promise.all(loads);
    return settled.filter((load): load is ScriptLoad => load !== undefined);
  };
}
