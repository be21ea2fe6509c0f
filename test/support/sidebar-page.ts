import type { Frame, Locator, Page } from 'playwright-core';
import type { Emulator } from '../../emulator/platform/emulator';
import { secureMeta } from '../../common/iparams';

/**
 * Opening a Companion sidebar in the emulator's record pages, for e2e tests and bench/sidebar.
 * The contract with the UI: inside the drawer's iframe the root is `[data-testid="sidebar"]`,
 * and its `data-state` is `loading`, `ready`, `busy` or `error`; content is visible at `ready`.
 */
export type SidebarState = 'loading' | 'ready' | 'busy' | 'error';

/** States a sidebar settles in: content, or an error with retry. `busy` (429) still retries. */
export const FINAL_STATES: readonly SidebarState[] = ['ready', 'error'];

export const SIDEBAR_SELECTOR = '[data-testid="sidebar"]';

export type SidebarEntity = 'contact' | 'deal' | 'account';

/** The placement of each entity's sidebar (manifest.json). */
export const PLACEHOLDERS: Record<SidebarEntity, string> = {
  contact: 'contact_entity_menu',
  deal: 'deal_entity_menu',
  account: 'sales_account_entity_menu',
};

/** The record page kind of each entity, as `emulator.recordUrl` names it. */
export const RECORD_KINDS: Record<SidebarEntity, 'contacts' | 'deals' | 'accounts'> = {
  contact: 'contacts',
  deal: 'deals',
  account: 'accounts',
};

export const SIDEBAR_ENTITIES: readonly SidebarEntity[] = ['contact', 'deal', 'account'];

/** The host page's rail icon of a placement. */
export function appIcon(page: Page, placeholder: string): Locator {
  return page.locator(`[data-testid="fdk-app-icon"][data-placeholder="${placeholder}"]`);
}

/** The drawer's iframe of a placement (the emulator titles each iframe with its placeholder). */
export function appFrameElement(page: Page, placeholder: string): Locator {
  return page.locator(`iframe[data-testid="fdk-app-frame"][title="${placeholder}"]`);
}

/** The iframe of a placement as a Playwright Frame, once the drawer has created it. */
export async function sidebarFrame(page: Page, placeholder: string, timeout = 15_000): Promise<Frame> {
  const element = appFrameElement(page, placeholder);
  await element.waitFor({ state: 'attached', timeout });
  const frame = await (await element.elementHandle({ timeout }))?.contentFrame();
  if (frame === null || frame === undefined) throw new Error(`no frame for ${placeholder}`);
  return frame;
}

/** Clicks a placement's app icon on the current page and returns its iframe. */
export async function clickAppIcon(page: Page, placeholder: string): Promise<Frame> {
  await appIcon(page, placeholder).click();
  return sidebarFrame(page, placeholder);
}

/** Goes to a record page (e.g. `emulator.recordUrl('deals', id)`), opens the placement's drawer, returns its iframe. */
export async function openSidebar(page: Page, url: string, placeholder: string): Promise<Frame> {
  await page.goto(url);
  return clickAppIcon(page, placeholder);
}

/** The sidebar's root element inside its iframe. */
export function sidebarRoot(frame: Frame): Locator {
  return frame.locator(SIDEBAR_SELECTOR);
}

const stateSelector = (states: readonly SidebarState[]) => states.map((state) => `${SIDEBAR_SELECTOR}[data-state="${state}"]`).join(', ');

/**
 * Waits until the sidebar is in `state` (or in any of several) and returns the state it is in,
 * e.g. `waitForSidebarState(frame, FINAL_STATES)` for "ready or error".
 */
export async function waitForSidebarState(frame: Frame, state: SidebarState | readonly SidebarState[], timeout = 15_000): Promise<SidebarState> {
  const states = typeof state === 'string' ? [state] : state;
  const element = await frame.waitForSelector(stateSelector(states), { state: 'attached', timeout });
  return (await element.getAttribute('data-state')) as SidebarState;
}

/**
 * The settings `npm start` installs with (tools/start.ts, demoSettings): the stand-in's domain
 * and API key, every other setting at its default, and the secure ones listed as the app's
 * settings page (config/iparams.html) lists them.
 */
export function demoSettings(emulator: Emulator): Record<string, unknown> {
  const known: Record<string, unknown> = { domain: emulator.platform.identity().domain, api_key: emulator.crm?.apiKey };
  const defaults = Object.fromEntries(Object.entries(emulator.app.iparamFields ?? {}).map(([name, field]) => [name, field.default_value]));
  return { ...defaults, ...known, __meta: secureMeta() };
}

/** Installs the app with the demo settings; throws when the installation is refused. */
export async function installDemo(emulator: Emulator, extra: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const settings = { ...demoSettings(emulator), ...extra };
  const outcome = await emulator.install(settings);
  if (!outcome.ok) throw new Error(`installation refused: ${outcome.message ?? ''}`);
  return settings;
}
