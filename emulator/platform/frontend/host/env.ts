import { APP_PREFIX, type HostBootData } from '../protocol';
import type { Drawer } from './drawer';
import type { Instances } from './instances';
import type { Overlays } from './overlays';

/** What the host script's parts share: the server's boot data, the live instances and the UI. */
export interface HostEnv {
  boot: HostBootData;
  instances: Instances;
  drawer: Drawer;
  ui: Overlays;
  /** Leaves the page (after the current answer is posted). */
  navigate(path: string): void;
}

/** `/__fdk/app/<installationId>/<path under app/>?<params>` for an app iframe (protocol.ts). */
export function appUrl(boot: HostBootData, path: string, params: Record<string, string>): string {
  const url = new URL(`${APP_PREFIX}/${encodeURIComponent(boot.installationId ?? '')}/${path.replace(/^\.\//, '')}`, window.location.origin);
  Object.entries(params).forEach(([name, value]) => url.searchParams.set(name, value));
  return `${url.pathname}${url.search}${url.hash}`;
}

export function appFrame(src: string, title: string): HTMLIFrameElement {
  const frame = document.createElement('iframe');
  frame.src = src;
  frame.title = title;
  frame.className = 'fs-app-frame';
  frame.dataset.testid = 'fdk-app-frame';
  return frame;
}
