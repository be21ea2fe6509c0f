import { HOST_DATA_ID } from '../pages/kinds';
import type { HostBootData } from '../protocol';
import { listen } from './bridge';
import { Drawer } from './drawer';
import { later } from './dom';
import { bindEditForm } from './edit';
import type { HostEnv } from './env';
import { Instances } from './instances';
import { Overlays } from './overlays';

/**
 * The emulated product page's script (served bundled as /__fdk/host.js): the apps drawer, the
 * answers to app clients, and the product UI their interface calls open.
 */
function bootData(): HostBootData | undefined {
  const text = document.getElementById(HOST_DATA_ID)?.textContent;
  return text === undefined || text === null || text === '' ? undefined : (JSON.parse(text) as HostBootData);
}

function start(): void {
  const boot = bootData();
  if (boot === undefined) return;
  const instances = new Instances();
  const drawer = new Drawer(boot, instances, document);
  const env: HostEnv = { boot, instances, drawer, ui: new Overlays(document), navigate: (path) => later(() => window.location.assign(path)) };
  listen(env);
  drawer.bind();
  bindEditForm(env, document);
  // Leaving the page hides the app (§7.1: app.deactivated when navigating to another record).
  window.addEventListener('pagehide', () => drawer.close());
}

start();
