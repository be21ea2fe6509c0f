import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startStandIn } from '../../emulator/crm/stand-in';
import type { CrmServer } from '../../emulator/crm/crm-server';
import { SEED_LANDMARKS } from '../../emulator/crm/seed/index';
import { startEmulator, type Emulator } from '../../emulator/platform/emulator';
import { DIST } from '../support/build-dist';
import { launchChromium, offlineContext, screenshotPath } from '../support/browser';
import { FIXTURE_APPS } from '../support/fixture-app';

const CONTACT = SEED_LANDMARKS.contacts.unicode.zoe;

let browser: Browser;
let crm: CrmServer;

beforeAll(async () => {
  browser = await launchChromium();
  crm = await startStandIn({ seed: 1 });
});

afterAll(async () => {
  await browser.close();
  await crm.close();
});

async function emulatorFor(appDir: string): Promise<Emulator> {
  const emulator = await startEmulator({ appDir, port: 0, crm: { kind: 'stand-in', server: crm } });
  const outcome = await emulator.install({ domain: crm.store.account.domain, api_key: crm.apiKey, veto: 'no' });
  expect(outcome).toEqual({ ok: true });
  return emulator;
}

async function openApp(emulator: Emulator): Promise<Page> {
  const page = await (await offlineContext(browser)).newPage();
  await page.goto(emulator.recordUrl('contacts', CONTACT));
  await page.getByTestId('fdk-app-icon').first().click();
  return page;
}

describe('the emulator in Chromium', () => {
  it('shows a contact page whose drawer runs a fixture app: currentEntityInfo, a template call, a notification', async () => {
    const emulator = await emulatorFor(join(FIXTURE_APPS, 'platform-probe'));
    try {
      const page = await openApp(emulator);
      const frame = page.frameLocator('[data-testid="fdk-app-frame"]');
      const contact = crm.store.contacts.get(CONTACT);
      const name = `${contact?.first_name ?? ''} ${contact?.last_name ?? ''}`;
      await frame.locator('#status').filter({ hasText: 'done' }).waitFor();
      expect(await frame.locator('#entity').textContent()).toBe(`contact ${CONTACT}`);
      expect(await frame.locator('#contact').textContent()).toBe(name);
      const toast = page.getByTestId('fdk-toast').filter({ hasText: `Loaded ${name}` });
      await toast.waitFor();
      expect(await toast.getAttribute('data-type')).toBe('success');
      const call = emulator.inspector.entries('template').find((entry) => entry.kind === 'template' && entry.name === 'getContact');
      expect(call).toMatchObject({ caller: 'frontend', status: 200 });
      await page.screenshot({ path: screenshotPath('emulator-contact-probe.png') });
    } finally {
      await emulator.close();
    }
  });

  it('runs the built Companion app in the drawer against the stand-in', async () => {
    const emulator = await emulatorFor(DIST);
    try {
      const page = await openApp(emulator);
      const frame = page.frameLocator('[data-testid="fdk-app-frame"]');
      await frame.locator('[data-testid="sidebar"][data-state="ready"]').waitFor();
      const contact = crm.store.contacts.get(CONTACT);
      expect(await frame.locator('.sidebar-title').textContent()).toBe(`${contact?.first_name ?? ''} ${contact?.last_name ?? ''}`);
    } finally {
      await emulator.close();
    }
  });
});
