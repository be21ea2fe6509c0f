// Every stylesheet loads with the page: the UI chunk is imported dynamically, and the bundler
// would not bring CSS imported from there.
import './app.css';
import type { CrmFailure } from '../../common/crm/failure';
import { IPARAM_DOMAIN } from '../../common/iparams';
import type { EntityType } from '../../common/platform/client';
import type { Result } from '../../common/validation';
import { loadSidebarData } from './data/load';
import { createMetadataCache, pageStorage } from './data/metadata-cache';
import type { CurrentUser } from './data/types';
import type * as Boot from './boot';
import type { SidebarBoot } from './boot';
import { connectToPlatform, createHost } from './platform/host';

type BootModule = typeof Boot;

/**
 * The placement's entry: it starts the open's CRM request as soon as the platform client is
 * ready and only then loads React and Crayons (a separate chunk), so their download and
 * start-up hide under the request's latency instead of coming before it. The chunk is asked for
 * just after the request, not before: its scripts would otherwise take the browser's few
 * connections to the app's host while the request waits for one.
 */
// A plain statement, not a default parameter, so the bundler wraps it with the loader that
// also brings the chunk's CSS.
function importBoot(): Promise<BootModule> {
  return import('./boot');
}

export async function startSidebar(entity: EntityType, loadUi: () => Promise<BootModule> = importBoot): Promise<void> {
  let ui: Promise<BootModule> | undefined;
  const loadUiOnce = (): Promise<BootModule> => (ui ??= loadUi());
  const requested = (): void => void loadUiOnce();
  let boot: SidebarBoot;
  try {
    boot = await prepare(entity, requested);
  } catch {
    (await loadUiOnce()).showBootFailure();
    return;
  }
  (await loadUiOnce()).mountSidebar(boot);
}

/**
 * A page's first date or number format loads the browser's locale data: 35-45 ms of main
 * thread on a slow machine, every time in a new browser process. Done while the record request
 * is out, it is off the path to content; afterwards each format costs well under a millisecond.
 */
export function warmLocaleData(): void {
  try {
    new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' }).format(0);
    new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(0);
  } catch {
    // A browser without Intl formats later, or not at all: nothing to prepare.
  }
}

/**
 * The record request goes out as soon as the platform says which record is open, then the UI
 * chunk is asked for (`requested`); the iparams (the admin's settings, and the domain that
 * scopes the field-settings cache) arrive beside them.
 */
async function prepare(entity: EntityType, requested: () => void): Promise<SidebarBoot> {
  const host = createHost(await connectToPlatform());
  const settings = host.settings();
  const info = await host.entity().catch(() => undefined);
  const scope = settings.then((values) => (typeof values[IPARAM_DOMAIN] === 'string' ? values[IPARAM_DOMAIN] : 'default'));
  const metadata = createMetadataCache(host, { scope, storage: pageStorage() });
  const preload =
    info === undefined ? undefined : { id: info.currentEntityId, result: loadSidebarData(entity, { host, metadata }, info.currentEntityId) as Promise<Result<unknown, CrmFailure>> };
  requested();
  warmLocaleData();
  const user = host.loggedInUser().then(
    (found): CurrentUser => ({ id: found.id, name: found.display_name }),
    () => undefined,
  );
  return { entity, host, metadata, settings: await settings, user, ...(preload === undefined ? {} : { preload }) };
}
