import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { loadApp } from '../app-loader';
import type { InstallOutcome } from '../context';
import { startRouteHarness } from '../testing/route-harness';
import { fakeContext } from './fake-context';
import { registerSettingsPages } from './settings-page';

/** The settings pages in a real Chromium: the generated form's own checks and the custom page's globals. */

jest.setTimeout(30_000);

const ROOT = join(__dirname, '..', '..', '..');
const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let browser: Browser;
let page: Page;
const closers: Array<() => Promise<void>> = [];

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: LAUNCH_ARGS });
});

afterAll(() => browser.close());

beforeEach(async () => {
  page = await browser.newPage();
});

afterEach(async () => {
  await page.close();
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function serve(appDir: string, saved?: Record<string, unknown>) {
  const install = jest.fn<Promise<InstallOutcome>, [Record<string, unknown>]>(() => Promise.resolve({ ok: true }));
  const server = await startRouteHarness([registerSettingsPages], fakeContext(await loadApp(join(ROOT, appDir)), { saved, install }));
  closers.push(() => server.close());
  return { url: server.url, install };
}

const errorOf = (key: string) => page.locator(`.field[data-key="${key}"] .error`);

it('checks the generated form in the browser, runs change handlers, then installs', async () => {
  const { url, install } = await serve('test/fixtures/apps/settings-form');
  await page.goto(`${url}/__fdk/settings`);
  await page.getByLabel('Company name').fill('Acme 2');
  await page.getByLabel('Owner email').fill('owner-at-acme');
  await page.getByLabel('Batch size').fill('150');
  await page.getByRole('button', { name: 'Install' }).click();
  await expect(errorOf('company_name').textContent()).resolves.toBe('The company name must not contain digits.');
  await expect(errorOf('owner_email').textContent()).resolves.toBe('Enter a valid email address, like name@example.com.');
  await expect(errorOf('batch_size').textContent()).resolves.toBe('The batch size must be between 1 and 99.');
  await expect(errorOf('crm_domain').textContent()).resolves.toBe('Freshsales domain is required.');
  await expect(errorOf('crm_api_key').textContent()).resolves.toBe('Freshsales API key is required.');
  expect(install).not.toHaveBeenCalled();

  // checkCompanyName in config/assets/iparams.js vetoes one name and sets the notes hint through utils.set.
  await page.getByLabel('Company name').fill('Taken Ltd');
  await page.getByLabel('Company name').blur();
  await expect(errorOf('company_name').textContent()).resolves.toBe('That company already has an installation.');
  await page.getByLabel('Company name').fill('Acme Ltd');
  await page.getByLabel('Company name').blur();
  await expect(page.locator('.field[data-key="notes"] .hint').textContent()).resolves.toBe('Notes for Acme Ltd');

  await page.getByLabel('Owner email').fill('owner@acme.example');
  await page.getByLabel('Batch size').fill('40');
  await page.getByLabel('Freshsales domain').fill('acme.myfreshworks.com');
  await page.getByLabel('Freshsales API key').fill('key-123');
  await page.locator('select[name="modules"]').selectOption(['deals', 'accounts']);
  await page.getByLabel('in', { exact: true }).check();
  await Promise.all([page.waitForURL('**/crm/sales/contacts?fdk_notice=installed'), page.getByRole('button', { name: 'Install' }).click()]);
  expect(install).toHaveBeenCalledWith(
    expect.objectContaining({ company_name: 'Acme Ltd', batch_size: 40, crm_api_key: 'key-123', modules: ['deals', 'accounts'], region: 'in', enable_sync: true, sync_mode: 'automatic' }),
  );
});

it("calls the custom page's getConfigs, validate and postConfigs", async () => {
  const saved = { domain: 'old.myfreshworks.com', api_key: 'old-secret', options: { channel: 'sales' }, __meta: { secure: ['api_key'] } };
  const { url, install } = await serve('test/fixtures/apps/settings-custom', saved);
  await page.goto(`${url}/__fdk/settings`);
  const frame = page.frameLocator('#fdk-settings-frame');
  await expect(frame.locator('#domain').inputValue()).resolves.toBe('old.myfreshworks.com');
  await expect(frame.locator('#channel').inputValue()).resolves.toBe('sales');
  const received = await page.frame({ url: /\/__fdk\/settings\/page$/ })?.evaluate(() => (window as unknown as { receivedConfigs: unknown }).receivedConfigs);
  expect(received).toEqual({ domain: 'old.myfreshworks.com', options: { channel: 'sales' } });

  await frame.locator('#domain').fill('not a domain');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('#fdk-settings-error').textContent()).resolves.toBe('The settings page reported invalid values (validate() returned false).');
  await expect(frame.locator('#status').textContent()).resolves.toBe('Enter a myfreshworks.com domain');
  expect(install).not.toHaveBeenCalled();

  await frame.locator('#domain').fill('acme.myfreshworks.com');
  await frame.locator('#api_key').fill('new-secret');
  await Promise.all([page.waitForURL('**/crm/sales/contacts?fdk_notice=installed'), page.getByRole('button', { name: 'Save' }).click()]);
  expect(install).toHaveBeenCalledWith({ domain: 'acme.myfreshworks.com', api_key: 'new-secret', options: { channel: 'sales' }, __meta: { secure: ['api_key'] } });
});
