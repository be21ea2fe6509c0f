import type { InvokeTemplate } from './request';
import type { KeyValueStore } from './storage';

export type { KeyValueStore } from './storage';

/**
 * The front-end `client` of a Freshsales Suite page (platform.md §7), typed as maps from
 * names to shapes so that one wrapper in app/ and one implementation in emulator/ agree.
 */

export type EntityType = 'contact' | 'deal' | 'sales_account';

export interface CurrentEntityInfo {
  currentEntityId: number;
  currentEntityType: EntityType;
}

export interface LoggedInUser {
  id: number;
  display_name: string;
  email: string;
  time_zone?: string;
  language?: string;
  deal_pipeline_id?: number;
  [key: string]: unknown;
}

export interface CurrentHost {
  subscribed_modules: string[];
  endpoint_urls: Record<string, string>;
}

/** `client.data.get(name)` resolves to an object keyed by the requested name. */
export interface DataMap {
  currentEntityInfo: { currentEntityInfo: CurrentEntityInfo };
  loggedInUser: { loggedInUser: LoggedInUser };
  currentHost: { currentHost: CurrentHost };
}

/** `error` is not a notification type on the platform; it is rejected. */
export type NotifyType = 'info' | 'success' | 'warning' | 'danger' | 'alert';

export interface InterfaceActions {
  showNotify: { type: NotifyType; title?: string; message: string };
  showConfirm: { title?: string; message: string; saveLabel?: string; cancelLabel?: string };
  showModal: { title?: string; template: string; data?: unknown };
  showDialog: { title?: string; template: string; data?: unknown };
  show: { id: 'lead' | 'contact' | 'account' | 'deal'; value: number };
  open: { id: 'lead' | 'contact' | 'account' | 'deal' | 'calllog' };
}

export type ClientEventName =
  | 'app.activated'
  | 'app.deactivated'
  | 'contact.update'
  | 'deal.update'
  | 'account.update';

export interface ClientEvent {
  type: string;
  helper: { getData(): unknown };
}

export type ClientEventHandler = (event: ClientEvent) => void;

export interface InstanceContext {
  instanceId: string;
  location: string;
  parentId?: string;
  modalData?: unknown;
}

export interface InstanceMessage {
  senderId: string;
  message: unknown;
}

export interface Client {
  data: { get<N extends keyof DataMap>(name: N): Promise<DataMap[N]> };
  events: {
    on(name: ClientEventName, handler: ClientEventHandler): void;
    off(name: ClientEventName, handler: ClientEventHandler): void;
  };
  interface: {
    trigger<A extends keyof InterfaceActions>(action: A, options: InterfaceActions[A]): Promise<unknown>;
  };
  instance: {
    resize(size: { height: string }): unknown;
    context(): Promise<InstanceContext>;
    get(): Promise<Array<{ instanceId: string; location: string }>>;
    send(message: { message: unknown; receiver?: string }): unknown;
    receive(handler: (event: { helper: { getData(): InstanceMessage } }) => void): unknown;
    close(): unknown;
  };
  /** Non-secure installation parameters only; secure ones never reach the browser. */
  iparams: { get(key?: string): Promise<Record<string, unknown>> };
  request: {
    invokeTemplate: InvokeTemplate;
    invoke(name: string, payload: object): Promise<{ response: unknown }>;
  };
  db: KeyValueStore;
}

/** The global `app` defined by the `{{{appclient}}}` script. */
export interface AppGlobal {
  initialized(): Promise<Client>;
}
