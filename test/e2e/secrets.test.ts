// Issue #5, "Safe": the API key never reaches the browser. Opens the three sidebars on the
// stand-in and scans everything their iframes send and receive (requests with headers and
// bodies, including the platform calls to /__fdk/api/…, response bodies, messages from the host
// page, the DOM and web storage, client.iparams.get()) and every file of the built app.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Browser, BrowserContext, Frame, Page, Request, Response } from 'playwright-core';
import { startStandIn } from '../../emulator/crm/stand-in';
import type { CrmServer } from '../../emulator/crm/crm-server';
import { DEMO_API_KEY } from '../../emulator/crm/seed/account';
import { SEED_LANDMARKS } from '../../emulator/crm/seed/index';
import { startEmulator, type Emulator } from '../../emulator/platform/emulator';
import { DIST } from '../support/build-dist';
import { launchChromium, offlineContext } from '../support/browser';
import { FINAL_STATES, installDemo, openSidebar, PLACEHOLDERS, RECORD_KINDS, SIDEBAR_ENTITIES, waitForSidebarState, type SidebarEntity } from '../support/sidebar-page';

/** A key-like value planted on purpose, to prove the scans find what they look for. */
const CONTROL = 'control-api-key-9876543210';
/** The webhook signing secret (issue #9), also secure: it signs on the server and goes nowhere else. */
const WEBHOOK_SECRET = `whsec_${Buffer.from('signing-secret-of-the-e2e-test-123').toString('base64')}`;

const RECORDS: Record<SidebarEntity, number> = {
  contact: SEED_LANDMARKS.contacts.unicode.zoe,
  deal: SEED_LANDMARKS.deals.longName,
  account: SEED_LANDMARKS.accounts.busy,
};

/** One thing the browser saw: where it came from and its text. */
interface Seen {
  what: string;
  text: string;
}

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** The forms a key travels in: as is, URL-encoded, and Basic-auth style base64. */
function secretForms(secret: string): string[] {
  return [...new Set([secret, encodeURIComponent(secret), base64(secret), base64(`${secret}:X`)])];
}

function findSecret(secret: string, seen: readonly Seen[]): string[] {
  const forms = secretForms(secret);
  return seen.filter((item) => forms.some((form) => item.text.includes(form))).map((item) => item.what);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Every file under `dir`, read as text (binary files too: a byte-for-byte key still shows). */
function filesAsSeen(dir: string): Seen[] {
  return filesUnder(dir).map((path) => ({ what: `file ${relative(dir, path)}`, text: readFileSync(path).toString('latin1') }));
}

const isSidebarFrame = (page: Page, frame: Frame) => frame !== page.mainFrame();

async function describeRequest(request: Request): Promise<Seen> {
  const headers = await request.allHeaders();
  return { what: `request ${request.method()} ${request.url()}`, text: [request.url(), JSON.stringify(headers), request.postData() ?? ''].join('\n') };
}

async function describeResponse(response: Response): Promise<Seen> {
  const headers = JSON.stringify(await response.allHeaders());
  const body = await response.body().then(
    (buffer) => buffer.toString('utf8'),
    () => '',
  );
  return { what: `response ${response.status()} ${response.url()}`, text: `${headers}\n${body}` };
}

/**
 * Records every request of the page's iframes and every response they receive. Requests the
 * frame is gone for (a navigation) throw on `frame()`; those are the host page's own.
 */
function recordFrameTraffic(page: Page): { seen: Seen[]; settled: () => Promise<void> } {
  const seen: Seen[] = [];
  const pending: Array<Promise<void>> = [];
  const fromSidebar = (source: Request) => {
    try {
      return isSidebarFrame(page, source.frame());
    } catch {
      return false;
    }
  };
  page.on('request', (request) => {
    if (fromSidebar(request)) pending.push(describeRequest(request).then((item) => void seen.push(item)));
  });
  page.on('response', (response) => {
    if (fromSidebar(response.request())) pending.push(describeResponse(response).then((item) => void seen.push(item)));
  });
  // Events may still arrive after the last await: wait until no new one has come for a moment.
  const settled = async () => {
    let count = -1;
    while (count !== pending.length) {
      count = pending.length;
      await Promise.all(pending);
      await page.waitForTimeout(200);
    }
  };
  return { seen, settled };
}

/** Collects what the host page posts to each iframe (data.get answers, events). */
const captureMessages = () => {
  if (window === window.top) return;
  const received: string[] = [];
  (window as unknown as { __sidebarMessages: string[] }).__sidebarMessages = received;
  window.addEventListener('message', (event) => received.push(JSON.stringify(event.data)));
};

/** The iframe's own state at the end: DOM, web storage, received messages. */
async function frameState(frame: Frame, entity: SidebarEntity): Promise<Seen> {
  const text = await frame.evaluate(() =>
    JSON.stringify({
      html: document.documentElement.outerHTML,
      local: { ...localStorage },
      session: { ...sessionStorage },
      messages: (window as unknown as { __sidebarMessages?: string[] }).__sidebarMessages ?? [],
    }),
  );
  return { what: `${entity} iframe DOM, storage and messages`, text };
}

interface AppWindow {
  app: { initialized(): Promise<{ iparams: { get(key?: string): Promise<unknown> } }> };
}

/** What `client.iparams.get()` and `get('api_key')` give the iframe (a rejection counts as its text). */
async function iparamsSeen(frame: Frame, entity: SidebarEntity): Promise<Seen> {
  const text = await frame.evaluate(async () => {
    const client = await (window as unknown as AppWindow).app.initialized();
    const settle = (promise: Promise<unknown>) => promise.then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );
    return JSON.stringify({ all: await settle(client.iparams.get()), apiKey: await settle(client.iparams.get('api_key')) });
  });
  return { what: `${entity} client.iparams.get()`, text };
}

let browser: Browser;
let crm: CrmServer;
let emulator: Emulator;
let context: BrowserContext;
let settings: Record<string, unknown>;

beforeAll(async () => {
  browser = await launchChromium();
  crm = await startStandIn({ seed: 1 });
  emulator = await startEmulator({ appDir: DIST, port: 0, crm: { kind: 'stand-in', server: crm } });
  settings = await installDemo(emulator, { webhook_host: 'hooks.example.test', webhook_secret: WEBHOOK_SECRET });
  context = await offlineContext(browser);
  await context.addInitScript(captureMessages);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await emulator?.close();
  await crm?.close();
});

describe('the API key never reaches the browser', () => {
  it('is installed: the stand-in key is the demo key, and the scan finds a planted key in any form', () => {
    expect(crm.apiKey).toBe(DEMO_API_KEY);
    expect(settings.api_key).toBe(DEMO_API_KEY);
    const planted = (form: string): Seen[] => [{ what: 'control', text: `{"headers":{"Authorization":"Basic ${form}"}}` }];
    expect(findSecret(CONTROL, [{ what: 'control', text: `Authorization: Token token=${CONTROL}` }])).toEqual(['control']);
    expect(findSecret(CONTROL, planted(base64(`${CONTROL}:X`)))).toEqual(['control']);
    expect(findSecret(CONTROL, [{ what: 'other', text: 'control-api-key' }])).toEqual([]);
  });

  it('is in no request, response, message, DOM or storage of the three sidebars, nor in client.iparams.get()', async () => {
    const page = await context.newPage();
    const traffic = recordFrameTraffic(page);
    const state: Seen[] = [];
    let frame: Frame | undefined;
    for (const entity of SIDEBAR_ENTITIES) {
      frame = await openSidebar(page, emulator.recordUrl(RECORD_KINDS[entity], RECORDS[entity]), PLACEHOLDERS[entity]);
      expect(await waitForSidebarState(frame, FINAL_STATES, 30_000)).toBe('ready');
      await page.waitForTimeout(500); // late calls (metadata, refreshes) count too
      state.push(await iparamsSeen(frame, entity), await frameState(frame, entity));
    }
    // Control: a key-like value the iframe sends, and receives back in a 404 page, is caught.
    await frame?.evaluate((control) => fetch(`/__fdk/control/${control}`, { method: 'POST', headers: { 'X-Probe': control }, body: control }), CONTROL);
    await traffic.settled();
    const seen = [...traffic.seen, ...state];
    expect(seen.filter((item) => /request POST .*\/__fdk\/api\/.*\/template$/.test(item.what)).length).toBeGreaterThanOrEqual(3);
    expect(seen.filter((item) => item.what.startsWith('response 200') && item.text.length > 200).length).toBeGreaterThanOrEqual(6);
    expect(findSecret(CONTROL, seen)).toEqual([expect.stringMatching(/^request POST .*\/__fdk\/control\//), expect.stringMatching(/^response 404 /)]);
    expect(state.find((item) => item.what === 'contact client.iparams.get()')?.text).toContain(crm.store.account.domain);
    expect(findSecret(DEMO_API_KEY, seen)).toEqual([]);
    expect(findSecret(WEBHOOK_SECRET, seen)).toEqual([]);
    expect(findSecret(WEBHOOK_SECRET.slice('whsec_'.length), seen)).toEqual([]);
    await page.close();
  });

  it('is in no file of the built app, and the file scan finds a planted key', () => {
    const files = filesAsSeen(DIST);
    expect(files.filter((file) => file.what.endsWith('.js')).length).toBeGreaterThanOrEqual(3);
    expect(findSecret(DEMO_API_KEY, files)).toEqual([]);
    const planted = mkdtempSync(join(tmpdir(), 'secrets-control-'));
    try {
      writeFileSync(join(planted, 'chunk.js'), `const headers={Authorization:"Token token=${CONTROL}"};`);
      expect(findSecret(CONTROL, filesAsSeen(planted))).toEqual(['file chunk.js']);
    } finally {
      rmSync(planted, { recursive: true, force: true });
    }
  });
});
