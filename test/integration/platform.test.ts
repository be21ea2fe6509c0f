import { join } from 'node:path';
import { ManualClock } from '../../emulator/clock';
import { startStandIn } from '../../emulator/crm/stand-in';
import type { CrmServer } from '../../emulator/crm/crm-server';
import { SEED_LANDMARKS } from '../../emulator/crm/seed/index';
import { startEmulator, type Emulator } from '../../emulator/platform/emulator';
import { FIXTURE_APPS } from '../support/fixture-app';
import { startReceiver } from '../support/local-receiver';

/**
 * The platform emulator end to end, with the probe fixture app (test/fixtures/apps/
 * platform-probe), the seeded stand-in and a ManualClock: platform.md §11 items 3–10.
 */
const PROBE = join(FIXTURE_APPS, 'platform-probe');
const CONTACT = SEED_LANDMARKS.contacts.unicode.zoe;

let clock: ManualClock;
let crm: CrmServer;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let emulator: Emulator;

const settings = (extra: Record<string, unknown> = {}) => ({ domain: crm.store.account.domain, api_key: crm.apiKey, partner_secret: 's3cret', veto: 'no', ...extra });
const kv = (key: string) => emulator.platform.installation()?.kv.get(key);

beforeEach(async () => {
  clock = new ManualClock('2026-11-02T09:00:00Z');
  crm = await startStandIn({ seed: 1, clock });
  receiver = await startReceiver();
  emulator = await startEmulator({
    appDir: PROBE,
    port: 0,
    clock,
    crm: { kind: 'stand-in', server: crm },
    hostOverrides: { 'hooks.partner.example': receiver.url },
    invocationTimeoutMs: 5_000,
  });
});

afterEach(async () => {
  await emulator.close();
  await crm.close();
  await receiver.close();
});

async function crmCall(method: string, path: string, body: unknown) {
  const response = await fetch(`${crm.apiBase}${path}`, {
    method,
    headers: { Authorization: `Token token=${crm.apiKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return response.status;
}

describe('install flow (§11.10)', () => {
  it('runs onAppInstall, which may veto with its message, leaving nothing behind', async () => {
    const refused = await emulator.install(settings({ veto: 'yes' }));
    expect(refused).toEqual({ ok: false, message: 'Vetoed by the probe app' });
    expect(emulator.platform.installation()).toBeUndefined();
  });

  it('installs: generateTargetUrl, $db and $schedule work inside onAppInstall', async () => {
    expect(await emulator.install(settings())).toEqual({ ok: true });
    const installation = emulator.platform.installation();
    await expect(kv('install')).resolves.toEqual({ url: installation?.services.targetUrl(), domain: crm.store.account.domain });
    expect(installation?.scheduler.list().map((schedule) => schedule.name)).toEqual(['heartbeat']);
  });

  it('uninstalls: onAppUninstall runs, then the installation’s data and schedules are gone', async () => {
    await emulator.install(settings());
    const installation = emulator.platform.installation();
    expect(await emulator.uninstall()).toEqual({ ok: true });
    expect(emulator.platform.installation()).toBeUndefined();
    await expect(installation?.kv.get('install')).rejects.toMatchObject({ shape: { status: 404 } });
    expect(installation?.scheduler.list()).toEqual([]);
  });
});

describe('product events (§11.3)', () => {
  it('turns a CRM write into the module’s handler call with the full envelope', async () => {
    await emulator.install(settings());
    expect(await crmCall('PUT', `/contacts/${CONTACT}`, { contact: { job_title: 'Explorer' } })).toBe(200);
    await emulator.idle();
    await expect(kv('contactEvent')).resolves.toEqual({ id: CONTACT, changed: expect.arrayContaining(['job_title', 'updated_at']) });
    const event = emulator.inspector.entries('event').find((entry) => entry.kind === 'event' && entry.event === 'onContactUpdate');
    expect(event).toMatchObject({ handler: 'onContactUpdateHandler', outcome: 'completed' });
  });

  it('ignores events nobody declared, and every event before installation', async () => {
    await crmCall('PUT', `/contacts/${CONTACT}`, { contact: { job_title: 'Before install' } });
    await emulator.install(settings());
    await crmCall('POST', '/sales_accounts', { sales_account: { name: 'No handler for accounts' } });
    await emulator.idle();
    expect(emulator.inspector.entries('event').map((entry) => (entry.kind === 'event' ? entry.event : ''))).toEqual(['onAppInstall']);
  });
});

describe('external events (§11.8)', () => {
  beforeEach(() => emulator.install(settings()));

  it('acknowledges a JSON webhook with an empty 200, then runs onExternalEvent with its headers and data', async () => {
    const answer = await emulator.postExternalEvent(JSON.stringify({ order: 7 }), 'application/json', { 'X-Signature': 'abc' });
    expect(answer).toEqual({ status: 200, text: '' });
    await emulator.idle();
    const stored = (await kv('external')) as { headers: Record<string, string>; data: unknown };
    expect(stored.data).toEqual({ order: 7 });
    expect(stored.headers['X-Signature']).toBe('abc');
    expect(receiver.received[0]?.headers.authorization).toBe(`Basic ${Buffer.from('s3cret').toString('base64')}`);
  });

  it.each([
    ['application/xml', '<order><id>7</id></order>', { order: { id: '7' } }],
    ['text/xml', '<order id="7"/>', { order: { '@_id': '7' } }],
    ['application/x-www-form-urlencoded', 'id=7&tag=a&tag=b', { id: '7', tag: ['a', 'b'] }],
  ])('parses %s bodies', async (type, body, data) => {
    expect((await emulator.postExternalEvent(body, type)).status).toBe(200);
    await emulator.idle();
    expect(((await kv('external')) as { data: unknown }).data).toEqual(data);
  });

  it('refuses other content types, bodies over 100 KB and the 251st event in a minute', async () => {
    expect((await emulator.postExternalEvent('a,b', 'text/csv')).status).toBe(415);
    expect((await emulator.postExternalEvent(JSON.stringify({ blob: 'x'.repeat(103_000) }))).status).toBe(413);
    const url = emulator.platform.installation()?.services.targetUrl() ?? '';
    const statuses = await Promise.all(Array.from({ length: 250 }, () => fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }).then((r) => r.status)));
    // Two of the 250 slots went to the refused posts above.
    expect(statuses.filter((status) => status === 429)).toHaveLength(2);
    const wrongToken = await fetch(url.replace(/[0-9a-f]{24}$/, '0'.repeat(24)), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(wrongToken.status).toBe(404);
  });
});

describe('scheduled events (§11.7)', () => {
  it('fires the recurring schedule on the clock through onScheduledEvent', async () => {
    await emulator.install(settings());
    await emulator.advance(9 * 60_000);
    await expect(kv('heartbeats')).rejects.toMatchObject({ shape: { status: 404 } });
    await emulator.advance(60_000);
    await expect(kv('heartbeats')).resolves.toEqual({ count: 1 });
    await emulator.advance(10 * 60_000);
    await expect(kv('heartbeats')).resolves.toEqual({ count: 2 });
  });
});

describe('server method invocation (§7.8)', () => {
  beforeEach(() => emulator.install(settings()));

  it('answers through renderData, with the CRM reached through a request template', async () => {
    const expected = crm.store.contacts.get(CONTACT);
    await expect(emulator.platform.invokeFunction('lookupContact', { id: CONTACT })).resolves.toEqual({
      response: { name: `${expected?.first_name ?? ''} ${expected?.last_name ?? ''}` },
    });
  });

  it('passes the handler’s error, and refuses functions the manifest does not declare', async () => {
    await expect(emulator.platform.invokeFunction('lookupContact', { id: 1 })).rejects.toMatchObject({ shape: { status: 404, message: 'lookup failed' } });
    await expect(emulator.platform.invokeFunction('dropTables', {})).rejects.toMatchObject({ shape: { status: 404, message: 'Requested function not found or registered' } });
  });
});

describe('a custom settings page before installation (§8.2)', () => {
  const api = async (op: string, body: Record<string, unknown>) => {
    const response = await fetch(`${emulator.url}/__fdk/api/settings/${op}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ instanceId: '1', ...body }),
    });
    return (await response.json()) as { ok: boolean; value?: any; error?: any };
  };

  it('calls templates with context, as the installation page may', async () => {
    const answer = await api('template', { name: 'checkCredentials', options: { context: { domain: crm.store.account.domain, api_key: crm.apiKey } } });
    expect(answer.ok).toBe(true);
    expect(JSON.parse(answer.value.response).users.length).toBeGreaterThan(0);
    const call = emulator.inspector.entries('template').at(-1);
    expect(call).toMatchObject({ kind: 'template', caller: 'install-page', name: 'checkCredentials', status: 200 });
    expect(JSON.stringify(emulator.inspector.snapshot())).not.toContain(crm.apiKey);
  });

  it('reads currentHost, runs server methods without $db, and has no store or iparams yet', async () => {
    expect(await api('data', { name: 'currentHost' })).toEqual({ ok: true, value: { currentHost: emulator.platform.identity().currentHost } });
    const smi = await api('invoke', { name: 'rememberNote', payload: { text: 'x' } });
    expect(smi.ok).toBe(false);
    expect(smi.error.message).toContain('$db and $schedule are available only after the app is installed');
    expect(await api('db', { method: 'get', args: ['note'] })).toEqual({ ok: false, error: { status: 403, message: 'db is not available on the settings page before installation' } });
  });
});

describe('app files (served as a CDN serves them)', () => {
  beforeEach(() => emulator.install(settings()));

  const appUrl = (path: string) => `${emulator.url}/__fdk/app/${emulator.platform.installation()?.id ?? ''}/${path}`;

  it('tags assets so the browser keeps them and asks again with If-None-Match', async () => {
    const first = await fetch(appUrl('icon.svg'));
    const tag = first.headers.get('etag') ?? '';
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    expect(tag).toMatch(/^"[0-9a-z]+-[0-9a-z]+"$/);
    const again = await fetch(appUrl('icon.svg'), { headers: { 'If-None-Match': tag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const stale = await fetch(appUrl('icon.svg'), { headers: { 'If-None-Match': '"other"' } });
    expect(stale.status).toBe(200);
    expect((await stale.text()).length).toBeGreaterThan(0);
  });

  it('tags the platform client script by its content, as its CDN would', async () => {
    const first = await fetch(`${emulator.url}/__fdk/client.js`);
    const body = await first.text();
    const tag = first.headers.get('etag') ?? '';
    expect(first.headers.get('cache-control')).toBe('no-cache');
    expect(body).toContain('initialized');
    const again = await fetch(`${emulator.url}/__fdk/client.js`, { headers: { 'If-None-Match': tag } });
    expect([again.status, await again.text()]).toEqual([304, '']);
    const stale = await fetch(`${emulator.url}/__fdk/client.js`, { headers: { 'If-None-Match': '"other"' } });
    expect(await stale.text()).toBe(body);
  });

  it('never lets a page be kept: the platform rewrites it on every load', async () => {
    const page = await fetch(appUrl('probe.html'));
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('etag')).toBeNull();
  });
});
