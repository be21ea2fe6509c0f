import type { ClientEventName, InstanceMessage } from '../../../common/platform/client';
import type { PlatformErrorShape } from '../types';

/**
 * How the pieces of the emulated product talk, so the iframe client (client.js), the host page
 * (host.js) and the emulator server agree on one contract.
 *
 * 1. iframe ⇄ host page: `window.postMessage`, as on the real product the app's iframe only
 *    talks to the product page. Used for what the page owns: data.get, events, interface,
 *    instance.
 * 2. iframe → emulator server: `fetch` to `/__fdk/api/<installationId>/<op>` for what the
 *    platform owns: request templates, SMI, the key-value store, entity storage, iparams.
 *    Secure iparams never leave the server: templates are rendered there.
 */

export const CLIENT_SOURCE = 'fdk-client';
export const HOST_SOURCE = 'fdk-host';

/** Methods the host page answers for an iframe. */
export type HostMethod =
  | 'data.get'
  | 'events.on'
  | 'events.off'
  | 'interface.trigger'
  | 'instance.resize'
  | 'instance.context'
  | 'instance.get'
  | 'instance.send'
  | 'instance.close';

export interface ClientCall {
  source: typeof CLIENT_SOURCE;
  kind: 'call';
  id: number;
  instanceId: string;
  method: HostMethod;
  args: unknown[];
}

/** Sent once by the client when `app.initialized()` is called. */
export interface ClientHello {
  source: typeof CLIENT_SOURCE;
  kind: 'hello';
  instanceId: string;
}

export type ClientToHost = ClientCall | ClientHello;

export interface HostResult {
  source: typeof HOST_SOURCE;
  kind: 'result';
  id: number;
  ok: boolean;
  value?: unknown;
  error?: PlatformErrorShape;
}

/** A product event for `client.events.on(name, …)`; `data` is what `event.helper.getData()` returns. */
export interface HostEvent {
  source: typeof HOST_SOURCE;
  kind: 'event';
  name: ClientEventName;
  data?: unknown;
}

/** `client.instance.receive` delivery. */
export interface HostInstanceMessage {
  source: typeof HOST_SOURCE;
  kind: 'instance-message';
  data: InstanceMessage;
}

export type HostToClient = HostResult | HostEvent | HostInstanceMessage;

/** The query parameters the host puts on an app iframe's URL. */
export const FRAME_PARAMS = { instance: 'fdk_instance', location: 'fdk_location', parent: 'fdk_parent' } as const;

/** Where an installation's app files are served: `<APP_PREFIX>/<installationId>/<path under app/>`. */
export const APP_PREFIX = '/__fdk/app';
export const CLIENT_SCRIPT_PATH = '/__fdk/client.js';
export const API_PREFIX = '/__fdk/api';

/**
 * A custom settings page (config/iparams.html) runs before installation, outside any host
 * page: its client talks to the server as this pseudo installation (platform.md §8.2).
 */
export const SETTINGS_INSTALLATION = 'settings';
export const SETTINGS_PAGE_PREFIX = '/__fdk/settings';

/** Operations of the server API (body JSON, answer `ApiAnswer`); `data` serves the settings page only. */
export type ApiOperation = 'template' | 'invoke' | 'db' | 'entity' | 'iparams' | 'data';

export interface ApiRequestBodies {
  template: { instanceId: string; name: string; options?: { context?: Record<string, string | number>; body?: string; cache?: boolean; ttl?: number } };
  invoke: { instanceId: string; name: string; payload: unknown };
  db: { instanceId: string; method: 'set' | 'get' | 'update' | 'delete'; args: unknown[] };
  entity: { instanceId: string; entity: string; method: 'schema' | 'create' | 'get' | 'update' | 'delete' | 'getAll'; args: unknown[] };
  iparams: { instanceId: string; key?: string };
  data: { instanceId: string; name: string };
}

/** Always HTTP 200; the client turns `ok: false` into the rejection the platform would give. */
export type ApiAnswer = { ok: true; value: unknown } | { ok: false; error: PlatformErrorShape };

/** What the server embeds in each host page for host.js. */
export interface HostBootData {
  installationId: string | null;
  /** The record the page shows, or null on list pages. */
  entity: { type: 'contact' | 'deal' | 'sales_account'; id: number } | null;
  loggedInUser: Record<string, unknown>;
  currentHost: { subscribed_modules: string[]; endpoint_urls: Record<string, string> };
  /** Placements of the installed app for this page's module. */
  placements: Array<{ placeholder: string; url: string; icon: string }>;
}
