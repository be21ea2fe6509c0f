import { join } from 'node:path';
import { ManualClock } from '../../clock';
import { loadApp } from '../app-loader';
import type { EmulatorContext } from '../context';
import type { LoadedApp } from '../types';
import { fakeContext } from '../install/fake-context';
import { MinuteWindow } from '../minute-window';
import { startRouteHarness } from '../testing/route-harness';
import { Inspector } from './inspector';
import { registerInspector } from './page';

const APP_DIR = join(__dirname, '..', '..', '..', 'test/fixtures/apps/minimal');

let context: EmulatorContext;
let clock: ManualClock;
let url: string;
let close: () => Promise<void>;

let app: LoadedApp;

beforeAll(async () => {
  app = await loadApp(APP_DIR);
});

beforeEach(async () => {
  clock = new ManualClock('2026-11-02T09:00:00Z');
  context = { ...fakeContext(app), clock, inspector: new Inspector(clock) };
  const requests = new MinuteWindow(clock, 'request method (50/min)', 50);
  const kv = new MinuteWindow(clock, 'key-value store (50/min)', 50);
  context.inspector.budget(requests.name, () => requests.budget());
  context.inspector.budget(kv.name, () => kv.budget());
  for (let index = 0; index < 3; index += 1) requests.take();
  const server = await startRouteHarness([registerInspector], context);
  url = server.url;
  close = () => server.close();
});

afterEach(() => close());

function recordSome(): void {
  context.inspector.record({ kind: 'template', caller: 'frontend', name: 'getContact', status: 200, durationMs: 12, attempts: 1, url: 'https://demo.myfreshworks.com/crm/sales/api/contacts/1' });
  clock.advance(1000);
  context.inspector.record({
    kind: 'event',
    event: 'onContactCreate',
    handler: 'onContactCreateHandler',
    outcome: 'error',
    durationMs: 30,
    error: 'TypeError: <boom>',
    logs: [{ level: 'info', message: 'created <script>alert(1)</script>', at: clock.now() }],
  });
  clock.advance(1000);
  context.inspector.record({ kind: 'store', api: 'kv', operation: 'set', key: 'sync:<1>', ok: false, error: 'Rate limit exceeded' });
  context.inspector.record({ kind: 'schedule', operation: 'create', name: 'drain', ok: true });
  context.inspector.record({ kind: 'install', operation: 'install', ok: false, message: 'Bad & wrong key' });
  context.inspector.record({ kind: 'external', status: 200, contentType: 'application/json', bytes: 321 });
  context.inspector.record({ kind: 'template', caller: 'serverless', name: 'upd<b>ate', status: 429, durationMs: 1, attempts: 3 });
}

describe('GET /__fdk/inspector.json', () => {
  it('answers the snapshot: every entry and the live budgets', async () => {
    recordSome();
    const body = (await (await fetch(`${url}/__fdk/inspector.json`)).json()) as ReturnType<Inspector['snapshot']>;
    expect(body.entries.map((entry) => entry.kind)).toEqual(['template', 'event', 'store', 'schedule', 'install', 'external', 'template']);
    expect(body.entries[0]).toEqual({
      kind: 'template', caller: 'frontend', name: 'getContact', status: 200, durationMs: 12, attempts: 1,
      url: 'https://demo.myfreshworks.com/crm/sales/api/contacts/1', at: Date.parse('2026-11-02T09:00:00Z'),
    });
    expect(body.budgets).toEqual([
      { name: 'request method (50/min)', limit: 50, used: 3, resetsAt: Date.parse('2026-11-02T09:01:00Z') },
      { name: 'key-value store (50/min)', limit: 50, used: 0, resetsAt: clock.now() },
    ]);
  });

  it('filters by ?kind= and refuses an unknown kind', async () => {
    recordSome();
    const body = (await (await fetch(`${url}/__fdk/inspector.json?kind=template`)).json()) as ReturnType<Inspector['snapshot']>;
    expect(body.entries.map((entry) => (entry.kind === 'template' ? entry.name : entry.kind))).toEqual(['getContact', 'upd<b>ate']);
    const bad = await fetch(`${url}/__fdk/inspector.json?kind=secrets`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ message: 'Unknown kind; use one of template, event, store, schedule, install, external' });
  });
});

describe('GET /__fdk/inspector', () => {
  it('lists every kind of entry, newest first, with outcomes and log lines', async () => {
    recordSome();
    const page = await (await fetch(`${url}/__fdk/inspector`)).text();
    const rows = [...page.matchAll(/<tr data-kind="([a-z]+)">/g)].map((match) => match[1]);
    expect(rows).toEqual(['template', 'external', 'install', 'schedule', 'store', 'event', 'template']);
    expect(page).toContain('<code>getContact</code> <span class="muted">from frontend</span>');
    expect(page).toContain('<span class="pill on">200</span>');
    expect(page).toContain('12 ms · 1 attempt · <code>https://demo.myfreshworks.com/crm/sales/api/contacts/1</code>');
    expect(page).toContain('<span class="pill bad">429</span>');
    expect(page).toContain('1 ms · 3 attempts');
    expect(page).toContain('<code>onContactCreate</code> → <code>onContactCreateHandler</code>');
    expect(page).toContain('<span class="pill bad">error</span>');
    expect(page).toContain('<summary>1 log line</summary><pre>[info] created &lt;script&gt;alert(1)&lt;/script&gt;</pre>');
    expect(page).toContain('<span class="pill bad">refused</span></td><td>Bad &amp; wrong key</td>');
    expect(page).toContain('<code>application/json</code> · 321 bytes');
    expect(page).toContain('<td title="2026-11-02T09:00:01.000Z">09:00:01.000</td>');
  });

  it('shows an event that reached the app without a handler as such, not as a failure of app code', async () => {
    // The entry platform.ts records when no handler is registered for an event.
    context.inspector.record({
      kind: 'event',
      event: 'onDealUpdate',
      handler: '—',
      outcome: 'no handler registered',
      durationMs: 0,
      logs: [],
      error: 'No handler registered for onDealUpdate in module deal',
    });
    context.inspector.record({ kind: 'event', event: 'onContactCreate', handler: 'onContactCreateHandler', outcome: 'error', durationMs: 3, logs: [], error: 'boom' });
    const page = await (await fetch(`${url}/__fdk/inspector`)).text();
    const rows = [...page.matchAll(/<tr data-kind="event">(.*?)<\/tr>/g)].map((match) => match[1] ?? '');
    expect(rows).toHaveLength(2);
    const [failed, unhandled] = rows;
    expect(unhandled).toContain('<code>onDealUpdate</code> → <span class="muted">no handler</span>');
    expect(unhandled).toContain('<span class="pill off">no handler registered</span>');
    expect(unhandled).toContain('<span class="muted">No handler registered for onDealUpdate in module deal</span>');
    expect(unhandled).not.toMatch(/pill bad|fdk-error|<code>—<\/code>|0 ms/);
    expect(failed).toContain('<span class="pill bad">error</span>');
    expect(failed).toContain('<pre class="fdk-error">boom</pre>');
  });

  it('escapes every text it shows', async () => {
    recordSome();
    const page = await (await fetch(`${url}/__fdk/inspector`)).text();
    expect(page).toContain('<code>upd&lt;b&gt;ate</code>');
    expect(page).toContain('<code>sync:&lt;1&gt;</code>');
    expect(page).toContain('TypeError: &lt;boom&gt;');
    expect(page).not.toContain('<script>alert(1)');
    expect(page).not.toContain('upd<b>ate');
  });

  it('shows the budgets as meters', async () => {
    const page = await (await fetch(`${url}/__fdk/inspector`)).text();
    expect(page).toContain('<meter min="0" max="50" low="35" high="45" optimum="0" value="3">3/50</meter>');
    expect(page).toMatch(/<tr data-budget="request method \(50\/min\)">.*3 \/ 50 <span class="muted">· frees up from 09:01:00<\/span>/);
    expect(page).toMatch(/<tr data-budget="key-value store \(50\/min\)">.*value="0">0\/50<\/meter><\/td><td>0 \/ 50<\/td>/);
    expect(page).toContain('Nothing recorded yet.');
  });

  it('filters by ?kind= with counts in the filter links', async () => {
    recordSome();
    const page = await (await fetch(`${url}/__fdk/inspector?kind=event`)).text();
    expect([...page.matchAll(/<tr data-kind="([a-z]+)">/g)].map((match) => match[1])).toEqual(['event']);
    expect(page).toContain('<a href="/__fdk/inspector">All (7)</a>');
    expect(page).toContain('<strong>Events (1)</strong>');
    expect(page).toContain('<a href="/__fdk/inspector?kind=template">Request templates (2)</a>');
    expect((await fetch(`${url}/__fdk/inspector?kind=%3Cx%3E`)).status).toBe(400);
  });

  it('refreshes itself every 2 seconds', async () => {
    const page = await (await fetch(`${url}/__fdk/inspector`)).text();
    expect(page).toContain('}, 2000);');
    expect(page).toContain('<noscript><meta http-equiv="refresh" content="2"></noscript>');
    expect(page).toContain('id="fdk-live"');
  });
});
