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
 * start-up hide under the request's latency instead of coming before it.
 */
// A plain statement, not a default parameter, so the bundler wraps it with the loader that
// also brings the chunk's CSS.
function importBoot(): Promise<BootModule> {
  return import('./boot');
}

export async function startSidebar(entity: EntityType, loadUi: () => Promise<BootModule> = importBoot): Promise<void> {
  const ui = loadUi();
  let boot: SidebarBoot;
  try {
    boot = await prepare(entity);
  } catch {
    (await ui).showBootFailure();
    return;
  }
  (await ui).mountSidebar(boot);
}

/**
 * The record request goes out as soon as the platform says which record is open; the iparams
 * (the admin's settings, and the domain that scopes the field-settings cache) arrive beside it.
 */
async function prepare(entity: EntityType): Promise<SidebarBoot> {
  const host = createHost(await connectToPlatform());
  const settings = host.settings();
  const info = await host.entity().catch(() => undefined);
  const scope = settings.then((values) => (typeof values[IPARAM_DOMAIN] === 'string' ? values[IPARAM_DOMAIN] : 'default'));
  const metadata = createMetadataCache(host, { scope, storage: pageStorage() });
  const preload =
    info === undefined ? undefined : { id: info.currentEntityId, result: loadSidebarData(entity, { host, metadata }, info.currentEntityId) as Promise<Result<unknown, CrmFailure>> };
  const user = host.loggedInUser().then(
    (found): CurrentUser => ({ id: found.id, name: found.display_name }),
    () => undefined,
  );
  return { entity, host, metadata, settings: await settings, user, ...(preload === undefined ? {} : { preload }) };
}
