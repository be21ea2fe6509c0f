import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, offlineContext, screenshotPath } from '../support/browser';
import { openSidebar, waitForSidebarState } from '../support/sidebar-page';
import { startAutomationEnv, type AutomationEnv } from '../support/automation-env';

/**
 * Every handler of the built app fired from /web/test in Chromium, with the payloads of
 * server/test_data (issue #9, "Done when"), on the seeded stand-in: each turns Success, and
 * the CRM and the webhook receiver show that it did its work.
 */
let browser: Browser;
let context: BrowserContext;
let env: AutomationEnv;

beforeAll(async () => {
  browser = await launchChromium();
  env = await startAutomationEnv();
  expect(await env.emulator.install(env.settings)).toEqual({ ok: true });
  context = await offlineContext(browser);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await env?.close();
});

/** The order matters once: uninstalling removes the drain schedule, installing puts it back. */
const EVENTS = [
  'contact/onContactCreate',
  'contact/onContactUpdate',
  'deal/onDealCreate',
  'deal/onDealUpdate',
  'sales_account/onSalesAccountCreate',
  'sales_account/onSalesAccountUpdate',
  'common/onScheduledEvent',
  'common/onAppUninstall',
  'common/onAppInstall',
];

async function simulate(page: Page, event: string): Promise<string> {
  await page.locator('#fdk-event').selectOption(event);
  expect(await page.locator('#fdk-event-info').textContent()).toContain(`test data server/test_data/${event}.json`);
  await page.locator('#fdk-simulate').click();
  await page.locator('#fdk-simulate[data-state="success"], #fdk-simulate[data-state="failed"]').waitFor();
  const state = (await page.locator('#fdk-simulate').getAttribute('data-state')) ?? '';
  if (state !== 'success') throw new Error(`${event}: ${(await page.locator('#fdk-result').textContent()) ?? ''}`);
  return (await page.locator('#fdk-result [data-field="logs"]').textContent()) ?? '';
}

describe('/web/test with the app’s own test data', () => {
  it('lists every handler and fires each one to Success, doing its work', async () => {
    // The seed dates its records from the current time, so the deal may hold tasks of its own.
    const wonDealTasks = () => env.crm.store.tasks.all().filter((task) => task.targetable_type === 'Deal' && task.targetable_id === 402000401022);
    const seededTasks = new Set(wonDealTasks().map((task) => task.id));
    const page = await context.newPage();
    await page.goto(`${env.emulator.url}/web/test`);
    const listed = await page.locator('#fdk-event option').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
    expect([...listed].sort()).toEqual([...EVENTS].sort());
    const logs: Record<string, string> = {};
    for (const event of EVENTS) {
      logs[event] = await simulate(page, event);
      if (event === 'deal/onDealUpdate') await page.screenshot({ path: screenshotPath('web-test-deal-won.png'), fullPage: true });
    }

    expect(logs['deal/onDealUpdate']).toMatch(/deal_won, deal\.stage_changed, deal\.won; 3 finished/);
    const added = wonDealTasks().filter((task) => !seededTasks.has(task.id));
    expect(added.map((task) => task.title).sort()).toEqual(['Book the kickoff call', 'Send a welcome pack']);
    expect(logs['contact/onContactUpdate']).toMatch(/contact\.updated, contact\.list_added/);
    expect(logs['common/onScheduledEvent']).toMatch(/^\[info\] drain: /);
    const types = env.receiver.events().map((event) => event.type);
    expect(types).toEqual(expect.arrayContaining(['contact.created', 'contact.updated', 'contact.list_added', 'deal.created', 'deal.won', 'deal.stage_changed', 'account.created', 'account.updated']));
    expect(env.receiver.deliveries.every((delivery) => delivery.verified)).toBe(true);
    expect(env.emulator.platform.installation()?.scheduler.list().map((schedule) => schedule.name)).toContain('companion-drain');
  });
});

describe('what the deal-won automation did, as a sales rep sees it', () => {
  it('a deal won in the CRM shows its follow-up tasks and the note in the deal sidebar', async () => {
    // Tasks and notes first in the deal sidebar (an admin setting), to see them without scrolling.
    expect(await env.emulator.install({ ...env.settings, deal_sections: 'notes, tasks, contacts, summary' })).toMatchObject({ ok: true });
    const deal = env.crm.store.deals.all().find((row) => row.deal_stage_id === 402001912039 && row.contact_ids.length >= 2 && row.owner_id !== null);
    // A minute of its own: the events fired above used this minute's request budget.
    env.clock.advance(60_000);
    expect((await env.crmCall('PUT', `/deals/${deal?.id}`, { deal: { deal_stage_id: 402001912042 } })).status).toBe(200);
    await env.emulator.idle();
    expect(env.crm.store.notes.all().filter((note) => note.targetable_type === 'Deal' && note.targetable_id === deal?.id)).toHaveLength(1);
    const page = await context.newPage();
    const frame = await openSidebar(page, env.emulator.recordUrl('deals', deal?.id), 'deal_entity_menu');
    expect(await waitForSidebarState(frame, 'ready', 30_000)).toBe('ready');
    await frame.getByText('Book the kickoff call').first().waitFor();
    await frame.getByText('Companion for Freshsales followed up', { exact: false }).first().waitFor();
    await page.screenshot({ path: screenshotPath('automation-deal-won.png') });
    await page.close();
  });
});
