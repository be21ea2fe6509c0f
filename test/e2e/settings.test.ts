import type { Browser, FrameLocator, Page } from 'playwright-core';
import { startStandIn } from '../../emulator/crm/stand-in';
import type { CrmServer } from '../../emulator/crm/crm-server';
import { startEmulator, type Emulator } from '../../emulator/platform/emulator';
import { DIST } from '../support/build-dist';
import { launchChromium, offlineContext, screenshotPath } from '../support/browser';

/**
 * Issue #10, B5: the app's settings page (config/iparams.html) in Chromium, in the emulator's
 * settings wrapper: install with a domain as admins paste it, then edits that are checked on
 * every save (a wrong key, an unknown custom field), and an uninstall that asks first.
 */

let browser: Browser;
let crm: CrmServer;
let emulator: Emulator;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  crm = await startStandIn({ seed: 1 });
  emulator = await startEmulator({ appDir: DIST, port: 0, crm: { kind: 'stand-in', server: crm } });
  page = await (await offlineContext(browser)).newPage();
});

afterAll(async () => {
  await emulator.close();
  await crm.close();
  await browser.close();
});

const settings = (): FrameLocator => page.frameLocator('#fdk-settings-frame');
const field = (label: string) => settings().getByLabel(label, { exact: true });
const errorOf = (name: string) => settings().locator(`.field[data-name="${name}"] .error`);
const saved = () => emulator.platform.installation()?.iparams ?? {};
/** The page checks on Save through a server call: wait for the message to appear. */
const shown = (name: string, text: string | RegExp) => errorOf(name).filter({ hasText: text }).waitFor();

async function openSettings(): Promise<void> {
  await page.goto(`${emulator.url}/__fdk/settings`);
  await field('Freshsales Suite domain*').waitFor();
}

describe('the settings page', () => {
  it('is titled with the app and installs with a pasted URL as domain, ALL in any case, and the key secure', async () => {
    await openSettings();
    expect(await page.title()).toBe('Settings of Companion for Freshsales');
    await field('Freshsales Suite domain*').fill(`  HTTPS://${crm.store.account.domain.toUpperCase()}/ `);
    await field('Freshsales API key*').fill(crm.apiKey);
    await field('Contact custom fields').fill('ALL');
    await page.getByRole('button', { name: 'Install' }).click();
    await page.waitForURL(/\/crm\/sales\/contacts/);
    expect(saved()).toMatchObject({ domain: crm.store.account.domain, api_key: crm.apiKey, contact_custom_fields: 'all', __meta: { secure: ['api_key', 'webhook_secret'] } });
  });

  it('on an edit, shows the saved settings but never the key, and asks for it again', async () => {
    await openSettings();
    await expect(field('Freshsales Suite domain*').inputValue()).resolves.toBe(crm.store.account.domain);
    await expect(field('Freshsales API key*').inputValue()).resolves.toBe('');
    await expect(settings().locator('#setting-api_key-again').isVisible()).resolves.toBe(true);
    expect(await page.content()).not.toContain(crm.apiKey);
    await page.getByRole('button', { name: 'Save' }).click();
    await shown('api_key', /^Enter your Freshsales API key/);
  });

  it('refuses a wrong key on a later save and keeps the saved one', async () => {
    await openSettings();
    await field('Freshsales API key*').fill('a-revoked-key');
    await page.getByRole('button', { name: 'Save' }).click();
    await shown('api_key', /^Freshsales refused this API key/);
    await expect(field('Freshsales API key*').getAttribute('aria-invalid')).resolves.toBe('true');
    expect(saved().api_key).toBe(crm.apiKey);
  });

  it('names an unknown custom field and an empty section list, then saves once they are fixed', async () => {
    await openSettings();
    await field('Freshsales API key*').fill(crm.apiKey);
    await field('Deal custom fields').fill('cf_sales_region, cf_nope');
    await field('Account sidebar sections').fill('');
    await page.getByRole('button', { name: 'Save' }).click();
    await shown('deal_custom_fields', 'This account has no deal custom field "cf_nope".');
    await shown('account_sections', /^The account sidebar needs at least one section/);
    await page.screenshot({ path: screenshotPath('settings-refused.png'), fullPage: true });
    expect(saved().deal_custom_fields).toBe('all');

    await field('Deal custom fields').fill('CF_Sales_Region');
    await field('Account sidebar sections').fill('Summary, Deals');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/crm\/sales\/contacts/);
    expect(saved()).toMatchObject({ deal_custom_fields: 'cf_sales_region', account_sections: 'summary, deals', api_key: crm.apiKey });
  });

  it('asks before uninstalling: Cancel keeps the app, Uninstall removes it', async () => {
    await openSettings();
    await page.getByRole('button', { name: 'Uninstall…' }).click();
    await page.getByRole('heading', { name: 'Uninstall Companion for Freshsales?' }).waitFor();
    await page.getByRole('link', { name: 'Cancel' }).click();
    await field('Freshsales Suite domain*').waitFor();
    expect(emulator.platform.installation()).toBeDefined();

    await page.getByRole('button', { name: 'Uninstall…' }).click();
    await page.getByRole('button', { name: 'Uninstall', exact: true }).click();
    await page.getByText('The app was uninstalled.').waitFor();
    expect(emulator.platform.installation()).toBeUndefined();
  });
});
