import type { Browser, Frame, Page } from 'playwright-core';
import type { CrmServer } from '../../emulator/crm/crm-server';
import { SEED_LANDMARKS } from '../../emulator/crm/seed/index';
import { startStandIn } from '../../emulator/crm/stand-in';
import type { Profile } from '../../emulator/crm/store';
import { startEmulator, type Emulator } from '../../emulator/platform/emulator';
import { launchChromium, offlineContext, screenshotPath } from '../support/browser';
import { DIST } from '../support/build-dist';
import { installDemo, openSidebar, PLACEHOLDERS, waitForSidebarState } from '../support/sidebar-page';

/**
 * The three sidebars of the built app in Chromium, on the emulator and the seeded stand-in:
 * related records, a stage change, a task created and completed, a note, and the failure,
 * 429 and rollback paths. Every write is checked in the stand-in's store, not in the UI alone.
 * All of it twice: on the stand-in's default profile and on the one that answers as live
 * accounts do (hidden fields, numeric choice ids, a zone with daylight saving).
 */

const CONTACT = SEED_LANDMARKS.contacts.busy;
const ACCOUNT = SEED_LANDMARKS.accounts.busy;

let browser: Browser;
let crm: CrmServer;
let emulator: Emulator;
/** Screenshots of the default profile feed the README; the real profile's get a prefix. */
let shot: (name: string) => string;

/** The stand-in answers as the reference does, or as live accounts do (issue 10 A10). */
const PROFILES = ['default', 'real'] as const satisfies readonly Profile[];

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

async function newPage(): Promise<Page> {
  return (await offlineContext(browser, { width: 1300, height: 1000 })).newPage();
}

async function openContact(page: Page, id = CONTACT): Promise<Frame> {
  const frame = await openSidebar(page, emulator.recordUrl('contacts', id), PLACEHOLDERS.contact);
  await waitForSidebarState(frame, 'ready');
  return frame;
}

/** Polls the stand-in's store until `check` holds (writes land after the UI has moved on). */
async function eventually(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const count = async (frame: Frame, section: string) => frame.getByTestId(`section-${section}`).getByTestId('section-count').first().textContent();

/** A contact with few open tasks, so a new one shows without "show more". */
const QUIET_CONTACT = SEED_LANDMARKS.contacts.unicode.zoe;

const openDealsOf = (contactId: number) => crm.store.deals.all().filter((deal) => deal.contact_ids.includes(contactId) && !deal.is_deleted);

describe.each(PROFILES)('on the %s stand-in profile', (profile) => {
  beforeAll(async () => {
    crm = await startStandIn({ seed: 1, profile });
    emulator = await startEmulator({ appDir: DIST, port: 0, crm: { kind: 'stand-in', server: crm } });
    await installDemo(emulator);
    shot = (name) => (profile === 'default' ? screenshotPath(name) : screenshotPath(`${profile}-${name}`, false));
  });

  afterAll(async () => {
    await emulator?.close();
    await crm?.close();
  });

  // The platform allows 50 requests a minute per installation; this file opens more sidebars a
  // minute than any rep would, so each test starts with the budget a rep would have.
  beforeEach(() => emulator.platform.installation()?.windows.requests.reset());

  afterEach(() => crm.faults.clear());

  describe('contact sidebar', () => {
    it('shows the contact with its accounts, deals, tasks, appointments and notes, counted', async () => {
      const page = await newPage();
      const frame = await openContact(page);
      const contact = crm.store.contacts.get(CONTACT);
      expect(await frame.locator('.sidebar-title').textContent()).toBe(`${contact?.first_name ?? ''} ${contact?.last_name ?? ''}`);
      expect(await count(frame, 'deals')).toBe(String(openDealsOf(CONTACT).length));
      expect(await frame.getByTestId('account-item').count()).toBe(contact?.sales_accounts.length);
      for (const section of ['summary', 'accounts', 'deals', 'tasks', 'appointments', 'notes']) {
        expect(await frame.getByTestId(`section-${section}`).count()).toBe(1);
      }
      await page.screenshot({ path: shot('sidebar-contact.png') });
      await page.context().close();
    });

    it('changes a deal stage in place, and the stand-in has the new stage', async () => {
      const page = await newPage();
      const frame = await openContact(page);
      const select = frame.getByTestId('deal-stage').first();
      const before = new Map(openDealsOf(CONTACT).map((deal) => [deal.id, String(deal.deal_stage_id)]));
      const current = await select.inputValue();
      const options = await select.locator('option').evaluateAll((nodes) => nodes.map((node) => (node as HTMLOptionElement).value));
      const target = options.find((value) => value !== current && value !== '') ?? '';
      await select.selectOption(target);
      const moved = () => openDealsOf(CONTACT).filter((deal) => String(deal.deal_stage_id) === target && before.get(deal.id) === current);
      await eventually(() => moved().length === 1, 'the stage change in the stand-in');
      await page.context().close();
    });

    it('creates a task, then completes it in one click', async () => {
      const page = await newPage();
      const frame = await openContact(page, QUIET_CONTACT);
      const title = `Call back about pricing ${Date.now()}`;
      await frame.getByTestId('task-create').click();
      await frame.getByTestId('task-title').fill(title);
      await frame.getByTestId('task-save').locator('button').click();
      const created = () => crm.store.tasks.all().find((task) => task.title === title);
      await eventually(() => created() !== undefined, 'the new task');
      expect(created()).toMatchObject({ targetable_type: 'Contact', targetable_id: QUIET_CONTACT, status: 0 });
      const item = frame.getByTestId('task-item').filter({ hasText: title });
      await item.getByTestId('task-complete').click();
      await eventually(() => created()?.status === 1, 'the task to be completed');
      await item.waitFor({ state: 'detached' });
      await page.context().close();
    });

    it('adds a note', async () => {
      const page = await newPage();
      const frame = await openContact(page);
      const text = `Asked for the <b>v2</b> pricing ${Date.now()}`;
      await frame.getByTestId('note-input').fill(text);
      await frame.getByTestId('note-save').locator('button').click();
      await eventually(() => crm.store.notes.all().some((note) => note.description === text && note.targetable_id === CONTACT), 'the note');
      // Text that looks like HTML stays text.
      const item = frame.getByTestId('note-item').filter({ hasText: text }).first();
      await item.waitFor();
      // The write's answer has no users side-load on live accounts: the author comes from the owners.
      expect(await item.textContent()).not.toContain('Unknown user');
      await page.context().close();
    });
  });

  describe('deal and account sidebars', () => {
    it('shows a deal with its contacts and account', async () => {
      const deal = openDealsOf(CONTACT)[0];
      if (deal === undefined) throw new Error('the seed gives the busy contact deals');
      const page = await newPage();
      const frame = await openSidebar(page, emulator.recordUrl('deals', deal.id), PLACEHOLDERS.deal);
      await waitForSidebarState(frame, 'ready');
      expect(await frame.locator('.sidebar-title').textContent()).toBe(deal.name);
      const linked = deal.contact_ids.filter((id) => crm.store.contacts.get(id) !== undefined);
      expect(await count(frame, 'contacts')).toBe(String(linked.length));
      const account = crm.store.sales_accounts.get(deal.sales_account_id ?? 0);
      expect(await frame.getByTestId('section-account').textContent()).toContain(account?.name);
      await page.screenshot({ path: shot('sidebar-deal.png') });
      await page.context().close();
    });

    it('shows an account with its pipeline summary, contacts and deals', async () => {
      const page = await newPage();
      const frame = await openSidebar(page, emulator.recordUrl('accounts', ACCOUNT), PLACEHOLDERS.account);
      await waitForSidebarState(frame, 'ready');
      expect(await frame.locator('.sidebar-title').textContent()).toBe(crm.store.sales_accounts.get(ACCOUNT)?.name);
      expect(await frame.getByTestId('pipeline-stage-row').count()).toBeGreaterThan(0);
      const contacts = crm.store.contacts.all().filter((row) => row.sales_accounts.some((link) => link.id === ACCOUNT));
      expect(await count(frame, 'contacts')).toBe(String(contacts.length));
      const industry = crm.store.metadata.industry_types.find((choice) => choice.id === crm.store.sales_accounts.get(ACCOUNT)?.industry_type_id);
      // The account view asks for its industry id, and hidden fields keep their choices: a label, not an id.
      expect(await frame.getByTestId('field-industry_type_id').textContent()).toContain(industry?.name ?? 'the seeded industry');
      await page.screenshot({ path: shot('sidebar-account.png') });
      await page.context().close();
    });
  });

  describe('failures', () => {
    it('shows an error with a retry when Freshsales fails, and recovers on retry', async () => {
      crm.faults.add({ route: 'GET /contacts/:id', errorRate: 1, errorStatus: 500, times: 1 });
      const page = await newPage();
      const frame = await openSidebar(page, emulator.recordUrl('contacts', CONTACT), PLACEHOLDERS.contact);
      await waitForSidebarState(frame, 'error');
      await page.screenshot({ path: shot('sidebar-error.png') });
      await frame.getByRole('button', { name: 'Try again' }).click();
      await waitForSidebarState(frame, 'ready');
      await page.context().close();
    });

    it('says Freshsales is busy on a 429 and retries by itself with backoff', async () => {
      crm.faults.add({ route: 'GET /contacts/:id', rateLimitRate: 1, times: 1 });
      const page = await newPage();
      const frame = await openSidebar(page, emulator.recordUrl('contacts', CONTACT), PLACEHOLDERS.contact);
      await waitForSidebarState(frame, 'busy');
      await frame.getByTestId('sidebar-busy').waitFor();
      await waitForSidebarState(frame, 'ready', 20_000);
      await page.context().close();
    });

    it('rolls a refused stage change back and tells the user with a danger notification', async () => {
      const page = await newPage();
      const frame = await openContact(page);
      const select = frame.getByTestId('deal-stage').first();
      const before = await select.inputValue();
      const options = await select.locator('option').evaluateAll((nodes) => nodes.map((node) => (node as HTMLOptionElement).value));
      const target = options.find((value) => value !== before && value !== '') ?? '';
      crm.faults.add({ route: 'PUT /deals/:id', errorRate: 1, errorStatus: 500, times: 1 });
      await select.selectOption(target);
      const toast = page.getByTestId('fdk-toast').filter({ hasText: 'failed' });
      await toast.waitFor();
      expect(await toast.getAttribute('data-type')).toBe('danger');
      await frame.waitForFunction((value) => document.querySelector<HTMLSelectElement>('[data-testid="deal-stage"]')?.value === value, before);
      await page.context().close();
    });
  });

  describe('offline icons, keyboard and dates (issue 10: B1, B6, B11)', () => {
    const PLATFORM_HOSTS = ['localhost', '127.0.0.1'];

    /** Every request the page (and its frames) makes to a host other than the platform's. */
    function outsideRequests(page: Page): string[] {
      const outside: string[] = [];
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (url.protocol !== 'data:' && !PLATFORM_HOSTS.includes(url.hostname)) outside.push(request.url());
      });
      return outside;
    }

    it('opens every sidebar, a date picker and an error banner without one request outside the platform, focus in the app', async () => {
      const deal = openDealsOf(CONTACT)[0];
      if (deal === undefined) throw new Error('the seed gives the busy contact deals');
      const page = await newPage();
      const outside = outsideRequests(page);
      const icons: string[] = [];
      page.on('request', (request) => (request.url().includes('/assets/icons/') ? icons.push(new URL(request.url()).pathname) : undefined));
      for (const [kind, id, placeholder] of [
        ['contacts', CONTACT, PLACEHOLDERS.contact],
        ['accounts', ACCOUNT, PLACEHOLDERS.account],
        ['deals', deal.id, PLACEHOLDERS.deal],
      ] as const) {
        const frame = await openSidebar(page, emulator.recordUrl(kind, id), placeholder);
        await waitForSidebarState(frame, 'ready');
        expect(await frame.evaluate(() => document.hasFocus() && document.activeElement?.classList.contains('sidebar-title'))).toBe(true);
      }
      const frame = await openSidebar(page, emulator.recordUrl('deals', deal.id), PLACEHOLDERS.deal);
      await waitForSidebarState(frame, 'ready');
      await frame.getByTestId('field-edit-expected_close').click();
      await frame.locator('fw-datepicker fw-icon').first().waitFor();
      crm.faults.add({ route: 'GET /contacts/:id', errorRate: 1, errorStatus: 500, times: 1 });
      const failed = await openSidebar(page, emulator.recordUrl('contacts', CONTACT), PLACEHOLDERS.contact);
      await waitForSidebarState(failed, 'error');
      await failed.locator('fw-inline-message fw-icon').first().waitFor();
      await eventually(() => icons.some((path) => path.endsWith('/calendar.svg')) && icons.some((path) => path.endsWith('/alert.svg')), 'the icons, from the app');
      expect(outside).toEqual([]);
      await page.context().close();
    });

    it('sets a close date next year by typing (Enter) and by picking in the calendar, and the stand-in has each', async () => {
      const deal = openDealsOf(CONTACT)[1] ?? openDealsOf(CONTACT)[0];
      if (deal === undefined) throw new Error('the seed gives the busy contact deals');
      const nextYear = new Date().getFullYear() + 1;
      const page = await newPage();
      const frame = await openSidebar(page, emulator.recordUrl('deals', deal.id), PLACEHOLDERS.deal);
      await waitForSidebarState(frame, 'ready');
      const textBox = frame.locator('fw-datepicker fw-input input:not([type=hidden])');

      await frame.getByTestId('field-edit-expected_close').click();
      await textBox.fill(`${nextYear}-01-15`);
      await textBox.press('Enter');
      await eventually(() => crm.store.deals.get(deal.id)?.expected_close === `${nextYear}-01-15`, 'the typed close date');

      await frame.getByTestId('field-edit-expected_close').click();
      await textBox.click();
      // The calendar opens on January next year; every day of it can be picked.
      await frame.locator('fw-datepicker .c-day-container:not(.disabled) span', { hasText: /^20$/ }).first().click();
      await page.screenshot({ path: shot('sidebar-date-next-year.png') });
      await frame.locator('fw-datepicker fw-button.update-date-value button').click();
      await frame.getByTestId('field-save').locator('button').click();
      await eventually(() => crm.store.deals.get(deal.id)?.expected_close === `${nextYear}-01-20`, 'the picked close date');
      // The store has it before the answer reaches the page: wait for the field to show it.
      await frame.getByTestId('field-expected_close').filter({ hasText: `Jan 20, ${nextYear}` }).waitFor();
      await page.context().close();
    });
  });
});
