import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startEmulator, type Emulator } from '../../emulator/platform/emulator';
import { launchChromium, offlineContext, screenshotPath } from '../support/browser';
import { FixtureApp } from '../support/fixture-app';

/** The serverless test page (/web/test) in Chromium, on the webtest fixture app. */

let browser: Browser;
let fixture: FixtureApp;
let emulator: Emulator;
let context: BrowserContext | undefined;

beforeAll(async () => {
  browser = await launchChromium();
  fixture = new FixtureApp('webtest');
  emulator = await startEmulator({ appDir: fixture.dir, port: 0, crm: { kind: 'url', url: 'http://127.0.0.1:9' } });
  expect(await emulator.install({ greeting: 'Hej' })).toEqual({ ok: true });
});

afterEach(async () => {
  await context?.close();
  context = undefined;
});

afterAll(async () => {
  await browser?.close();
  await emulator?.close();
  fixture?.dispose();
});

async function openPage(path: string): Promise<Page> {
  context = await offlineContext(browser);
  const page = await context.newPage();
  await page.goto(`${emulator.url}${path}`);
  return page;
}

const button = (page: Page) => page.locator('#fdk-simulate');
const field = (page: Page, name: string) => page.locator(`#fdk-result [data-field="${name}"]`);

async function simulated(page: Page, state: 'success' | 'failed'): Promise<void> {
  await button(page).click();
  await page.locator(`#fdk-simulate[data-state="${state}"]`).waitFor();
}

describe('the serverless test page', () => {
  it('simulates an event with its test data, then refuses a pasted payload that is not JSON', async () => {
    const page = await openPage('/web/test');
    await page.locator('#fdk-event').selectOption('contact/onContactCreate');
    expect(await page.locator('#fdk-payload').inputValue()).toContain('"first_name": "Zoë <b>Ångström</b>"');
    expect(await page.locator('#fdk-event-info').textContent()).toBe('Handler onContactCreateHandler · test data server/test_data/contact/onContactCreate.json');

    await simulated(page, 'success');
    expect(await button(page).textContent()).toBe('Success');
    expect(await field(page, 'outcome').textContent()).toBe('completed');
    expect(await field(page, 'logs').textContent()).toBe('[info] Hej, Zoë <b>Ångström</b> on https://demo.myfreshworks.com');
    expect(await field(page, 'payload').textContent()).toBe('server/test_data/contact/onContactCreate.json');
    expect(await page.locator('#fdk-result b').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('emulator-web-test.png'), fullPage: true });

    await page.locator('#fdk-payload').fill('{ "data": ');
    expect(await button(page).textContent()).toBe('Simulate');
    await simulated(page, 'failed');
    expect(await button(page).textContent()).toBe('Failed');
    expect(await field(page, 'error').textContent()).toMatch(/^The payload is not valid JSON: /);
  });

  it('shows a handler that throws as Failed, with its error and the log lines before it', async () => {
    const page = await openPage('/web/test?module=deal&event=onDealUpdate');
    expect(JSON.parse(await page.locator('#fdk-payload').inputValue())).toEqual({ deal: { id: 7, amount: '1200.50' } });
    await page.locator('#fdk-payload').fill('{"data": {}}');
    await simulated(page, 'failed');
    expect(await field(page, 'error').textContent()).toBe('the payload has no deal');
    expect(await field(page, 'logs').textContent()).toBe('[warn] deal update for account 1967183444532229946');
    expect(await field(page, 'payload').textContent()).toBe('edited in the page');
  });

  it('is linked from the inspector’s header and starts an event without test data from {}', async () => {
    const page = await openPage('/__fdk/inspector');
    await page.getByRole('link', { name: 'Test events' }).click();
    await page.waitForURL(`${emulator.url}/web/test`);
    await page.locator('#fdk-event').selectOption('common/onScheduledEvent');
    expect(await page.locator('#fdk-event-info').textContent()).toContain('no test data file (server/test_data/common/onScheduledEvent.json)');
    expect((await page.locator('#fdk-payload').inputValue()).trim()).toBe('{}');
    await simulated(page, 'success');
    expect(await field(page, 'logs').textContent()).toBe('[info] scheduled {}');
  });
});
