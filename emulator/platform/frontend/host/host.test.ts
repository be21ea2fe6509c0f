import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { SEED_LANDMARKS } from '../../../crm/seed/index';
import { startRouteHarness } from '../../testing/route-harness';
import { registerHostPages } from '../pages';
import { FAKE_CLIENT, hostTestContext, registerTestAppFiles, type HostTestContext } from '../pages/test-context';

/**
 * The host page in Chromium (platform.md §7): the drawer, the answers to an app's client
 * calls and the product UI they open. The app side is the fixture app with a minimal client
 * that speaks protocol.ts (FAKE_CLIENT), so these tests exercise the host alone.
 */
jest.setTimeout(60_000);

interface Answer {
  ok: boolean;
  value?: unknown;
  error?: { status: number; message: string };
}

interface TestWindow {
  fdkCall(method: string, args: unknown[]): Promise<Answer>;
  received: Array<{ type: string; data: unknown }>;
  hostMessages: Array<{ kind: string; data?: unknown }>;
}

const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let browser: Browser;
let host: HostTestContext;
let server: { url: string; close(): Promise<void> };

beforeAll(async () => {
  host = await hostTestContext();
  server = await startRouteHarness([registerHostPages, registerTestAppFiles(FAKE_CLIENT)], host.context);
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: LAUNCH_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await host?.close();
});

async function openPage(path: string, options: { fakeClock?: boolean } = {}): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  if (options.fakeClock === true) await page.clock.install();
  await page.goto(`${server.url}${path}`);
  expect(errors).toEqual([]);
  return page;
}

/** The iframe whose URL contains `file`, once its client is loaded. */
async function frameOf(page: Page, file: string): Promise<Frame> {
  await page.waitForSelector(`iframe[src*="${file}"]`);
  const handle = await page.$(`iframe[src*="${file}"]`);
  const frame = await handle?.contentFrame();
  if (frame === null || frame === undefined) throw new Error(`no frame for ${file}`);
  await frame.waitForFunction(() => typeof (window as unknown as TestWindow).fdkCall === 'function');
  return frame;
}

const call = (frame: Frame, method: string, ...args: unknown[]): Promise<Answer> =>
  frame.evaluate(([name, values]) => (window as unknown as TestWindow).fdkCall(name, values), [method, args] as const);

const received = (frame: Frame): Promise<string[]> => frame.evaluate(() => (window as unknown as TestWindow).received.map((event) => event.type));

const waitForEvent = (frame: Frame, type: string, count = 1) =>
  frame.waitForFunction(([name, times]) => (window as unknown as TestWindow).received.filter((event) => event.type === name).length >= times, [type, count] as const);

async function openDrawer(page: Page, file: string): Promise<Frame> {
  await page.click('[data-testid="fdk-app-icon"]');
  const frame = await frameOf(page, file);
  await waitForEvent(frame, 'app.activated');
  return frame;
}

const frameHeight = (page: Page, selector: string) => page.$eval(selector, (element) => element.getBoundingClientRect().height);

it('opens the app in the drawer, activates it on each opening and answers data.get', async () => {
  const id = SEED_LANDMARKS.contacts.busy;
  const page = await openPage(`/crm/sales/contacts/${id}`);
  expect(await page.isHidden('[data-testid="fdk-drawer"]')).toBe(true);
  const frame = await openDrawer(page, 'contact.html');
  expect(await page.isVisible('[data-testid="fdk-drawer"]')).toBe(true);
  expect(await page.getAttribute('[data-testid="fdk-app-icon"]', 'aria-pressed')).toBe('true');
  expect(frame.url()).toContain('fdk_instance=1&fdk_location=contact_entity_menu');
  // The fixture app reads currentEntityInfo on app.activated and shows it.
  await frame.waitForFunction((expected) => document.getElementById('record')?.textContent === expected, `contact ${id}`);

  expect(await call(frame, 'data.get', 'currentEntityInfo')).toEqual({ ok: true, value: { currentEntityInfo: { currentEntityId: id, currentEntityType: 'contact' } } });
  expect(await call(frame, 'data.get', 'loggedInUser')).toEqual({ ok: true, value: { loggedInUser: host.context.loggedInUser() } });
  expect(await call(frame, 'data.get', 'currentHost')).toEqual({ ok: true, value: { currentHost: host.context.identity().currentHost } });
  expect(await call(frame, 'data.get', 'domainName')).toMatchObject({ ok: false, error: { status: 400, message: expect.stringContaining('"domainName" is not available') as unknown } });
  expect(await call(frame, 'instance.context')).toEqual({ ok: true, value: { instanceId: '1', location: 'contact_entity_menu' } });
  expect(await call(frame, 'events.on', 'sales_account.update')).toMatchObject({ ok: false, error: { status: 400, message: expect.stringContaining('account.update') as unknown } });
  expect(await call(frame, 'nonsense.method')).toMatchObject({ ok: false, error: { status: 400 } });

  // Clicking the icon again closes the drawer; opening again reuses the iframe and re-activates.
  await page.click('[data-testid="fdk-app-icon"]');
  await waitForEvent(frame, 'app.deactivated');
  expect(await page.isHidden('[data-testid="fdk-drawer"]')).toBe(true);
  await page.click('[data-testid="fdk-app-icon"]');
  await waitForEvent(frame, 'app.activated', 2);
  expect(await received(frame)).toEqual(['app.activated', 'app.deactivated', 'app.activated']);
  expect(await page.locator('iframe[data-testid="fdk-app-frame"]').count()).toBe(1);
  await page.context().close();
});

it('shows notifications, validates interface calls, resizes up to 700px and navigates with show', async () => {
  const page = await openPage(`/crm/sales/deals/${SEED_LANDMARKS.deals.longName}`);
  const frame = await openDrawer(page, 'deal.html');

  expect(await call(frame, 'interface.trigger', 'showNotify', { type: 'success', title: 'Synced', message: 'Deal <b>synced</b>' })).toEqual({ ok: true, value: { message: 'success' } });
  const toast = page.locator('[data-testid="fdk-toast"][data-source="app"]');
  await toast.waitFor();
  expect(await toast.getAttribute('data-type')).toBe('success');
  expect(await toast.textContent()).toContain('SyncedDeal <b>synced</b>');
  expect(await toast.locator('b').count()).toBe(0);

  const refusals: Array<[unknown, string]> = [
    [{ type: 'error', message: 'x' }, 'showNotify: "type" "error" is not a valid type; use one of info, success, warning, danger, alert'],
    [{ message: 'x' }, 'showNotify: "type" is required; use one of info, success, warning, danger, alert'],
    [{ type: 'info', message: 'x'.repeat(101) }, 'showNotify: "message" must be at most 100 characters (got 101)'],
    [{ type: 'info', message: '' }, 'showNotify: "message" is required (a string of at most 100 characters)'],
    [{ type: 'info', title: 't'.repeat(31), message: 'x' }, 'showNotify: "title" must be at most 30 characters (got 31)'],
  ];
  for (const [options, message] of refusals) {
    expect(await call(frame, 'interface.trigger', 'showNotify', options)).toEqual({ ok: false, error: { status: 400, message } });
  }
  expect(await call(frame, 'interface.trigger', 'showAlert', {})).toMatchObject({ ok: false, error: { status: 400, message: expect.stringContaining('"showAlert" is not an action') as unknown } });
  expect(await page.locator('[data-testid="fdk-toast"]').count()).toBe(1);

  expect(await call(frame, 'instance.resize', { height: '900px' })).toEqual({ ok: true, value: { height: '700px' } });
  expect(await frameHeight(page, 'iframe[data-testid="fdk-app-frame"]')).toBe(700);
  expect(await call(frame, 'instance.resize', { height: '320px' })).toMatchObject({ ok: true });
  expect(await frameHeight(page, 'iframe[data-testid="fdk-app-frame"]')).toBe(320);
  expect(await call(frame, 'instance.resize', { height: 500 })).toMatchObject({ ok: false, error: { status: 400 } });
  expect(await call(frame, 'instance.close')).toMatchObject({ ok: false, error: { status: 400, message: expect.stringContaining('deal_entity_menu placement') as unknown } });

  // showConfirm resolves with the clicked label.
  const confirmed = call(frame, 'interface.trigger', 'showConfirm', { title: 'Archive?', message: 'Archive this deal?', saveLabel: 'Archive', cancelLabel: 'Keep' });
  await page.click('[data-testid="fdk-confirm-cancel"]');
  expect(await confirmed).toEqual({ ok: true, value: { message: 'Keep' } });
  expect(await call(frame, 'interface.trigger', 'showConfirm', { message: 'x', saveLabel: 'Twelve chars' })).toMatchObject({ ok: false, error: { status: 400 } });

  // open: the add form placeholder; lead is not a Suite record.
  expect(await call(frame, 'interface.trigger', 'open', { id: 'lead' })).toMatchObject({ ok: false, error: { status: 400, message: expect.stringContaining('Freshsales Classic') as unknown } });
  expect(await call(frame, 'interface.trigger', 'open', { id: 'contact' })).toMatchObject({ ok: true });
  expect(await page.textContent('[data-testid="fdk-add-panel"] h2')).toBe('Add contact');

  // show: navigates to the record, which deactivates the app.
  expect(await call(frame, 'interface.trigger', 'show', { id: 'account', value: 'abc' })).toMatchObject({ ok: false, error: { status: 400 } });
  const account = SEED_LANDMARKS.accounts.emoji;
  expect(await call(frame, 'interface.trigger', 'show', { id: 'account', value: account })).toMatchObject({ ok: true });
  await page.waitForURL(`**/crm/sales/accounts/${account}`);
  await page.context().close();
});

it('opens a modal with its context, refuses events and interface calls in it, and wires send and close', async () => {
  const page = await openPage(`/crm/sales/accounts/${SEED_LANDMARKS.accounts.busy}`);
  const frame = await openDrawer(page, 'account.html');
  expect(await call(frame, 'interface.trigger', 'showModal', { template: '../config/iparams.json' })).toMatchObject({ ok: false, error: { status: 400 } });
  expect(await call(frame, 'interface.trigger', 'showModal', { template: 'views/missing.html' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('was not found') as unknown } });
  expect(await call(frame, 'interface.trigger', 'showModal', { title: 'Related deals', template: 'views/modal.html', data: { accountId: 7 } })).toMatchObject({ ok: true });
  const modal = await frameOf(page, 'views/modal.html');
  expect(modal.url()).toContain('fdk_location=modal&fdk_parent=1');
  expect(await page.textContent('[data-testid="fdk-modal"] h2')).toBe('Related deals');

  expect(await call(modal, 'instance.context')).toEqual({ ok: true, value: { instanceId: '2', location: 'modal', parentId: '1', modalData: { accountId: 7 } } });
  expect(await call(modal, 'events.on', 'app.activated')).toMatchObject({ ok: false, error: { status: 403 } });
  expect(await call(modal, 'interface.trigger', 'showNotify', { type: 'info', message: 'x' })).toMatchObject({ ok: false, error: { status: 403 } });
  expect(await call(modal, 'data.get', 'currentEntityInfo')).toMatchObject({ ok: true });
  expect(await call(modal, 'instance.resize', { height: '1000px' })).toEqual({ ok: true, value: { height: '700px' } });
  expect(await call(frame, 'instance.get')).toEqual({ ok: true, value: [{ instanceId: '1', location: 'sales_account_entity_menu' }, { instanceId: '2', location: 'modal' }] });

  // Without a receiver a modal sends to its opener; the placement must name one.
  expect(await call(modal, 'instance.send', { message: { picked: 3 } })).toMatchObject({ ok: true });
  await frame.waitForFunction(() => (window as unknown as TestWindow).hostMessages.some((message) => message.kind === 'instance-message'));
  const delivered = await frame.evaluate(() => (window as unknown as TestWindow).hostMessages.filter((message) => message.kind === 'instance-message'));
  expect(delivered).toEqual([{ source: 'fdk-host', kind: 'instance-message', data: { senderId: '2', message: { picked: 3 } } }]);
  expect(await call(frame, 'instance.send', { message: 'hi' })).toMatchObject({ ok: false, error: { status: 400 } });
  expect(await call(frame, 'instance.send', { message: 'hi', receiver: '9' })).toMatchObject({ ok: false, error: { message: 'instance.send: no live instance "9"' } });
  expect(await call(frame, 'interface.trigger', 'showDialog', { template: 'views/modal.html' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('already open') as unknown } });

  expect(await call(modal, 'instance.close')).toMatchObject({ ok: true });
  await page.waitForSelector('[data-testid="fdk-modal"]', { state: 'detached' });
  expect(await call(frame, 'instance.get')).toEqual({ ok: true, value: [{ instanceId: '1', location: 'sales_account_entity_menu' }] });
  await page.context().close();
});

it('saves the quick edit through the emulator and fires contact.update to the app', async () => {
  const id = SEED_LANDMARKS.contacts.unicode.jose;
  const page = await openPage(`/crm/sales/contacts/${id}`);
  const frame = await openDrawer(page, 'contact.html');
  await page.fill('[data-testid="fdk-edit-form"] input[name="job_title"]', 'Head of <Testing>');
  await page.click('[data-testid="fdk-edit-form"] button[type="submit"]');
  await waitForEvent(frame, 'contact.update');
  const update = await frame.evaluate(() => (window as unknown as TestWindow).received.find((event) => event.type === 'contact.update'));
  expect(update?.data).toMatchObject({ id, job_title: 'Head of <Testing>' });
  expect(await page.textContent('dd[data-field="job_title"]')).toBe('Head of <Testing>');
  expect(await page.textContent('[data-testid="fdk-toast"][data-source="host"]')).toContain('Contact updated');
  expect(host.crm?.feed.recent().at(-1)?.name).toBe('onContactUpdate');
  await page.context().close();
});

it('fades notifications after 5 s and rejects an unanswered confirm after 10 s', async () => {
  const page = await openPage(`/crm/sales/contacts/${SEED_LANDMARKS.contacts.busy}`, { fakeClock: true });
  const frame = await openDrawer(page, 'contact.html');
  expect(await call(frame, 'interface.trigger', 'showNotify', { type: 'warning', message: 'Soon gone' })).toMatchObject({ ok: true });
  expect(await page.locator('[data-testid="fdk-toast"]').count()).toBe(1);
  await page.clock.runFor(5_100);
  expect(await page.locator('[data-testid="fdk-toast"]').count()).toBe(0);

  const unanswered = call(frame, 'interface.trigger', 'showConfirm', { message: 'Still there?' });
  await page.waitForSelector('[data-testid="fdk-confirm"]');
  expect(await call(frame, 'interface.trigger', 'showConfirm', { message: 'Second box' })).toMatchObject({ ok: false, error: { status: 409 } });
  await page.clock.runFor(10_100);
  expect(await unanswered).toEqual({ ok: false, error: { status: 408, message: 'showConfirm: nobody answered within 10 seconds' } });
  expect(await page.locator('[data-testid="fdk-confirm"]').count()).toBe(0);
  await page.context().close();
});
