import type { ClientEventName, InstanceContext } from '../../../../common/platform/client';
import { HOST_SOURCE, type HostToClient } from '../protocol';

/**
 * Every live app iframe of the page (platform.md §7.5): placements opened in the drawer and
 * the modals/dialogs they open. Ids are "1", "2", … in the order instances appear, as the
 * platform's examples show.
 */
export interface Instance {
  id: string;
  /** The placeholder (`contact_entity_menu`), or `modal` / `dialog`. */
  location: string;
  frame: HTMLIFrameElement;
  parentId?: string;
  modalData?: unknown;
  /** Event names the app listens to (`events.on`). */
  subscriptions: Set<ClientEventName>;
  /** True once the client said hello or called; messages wait in `queue` until then. */
  ready: boolean;
  queue: HostToClient[];
  /** A placement shown in the drawer. */
  active: boolean;
  /** Opened before the app listened to `app.activated`: fire it when it does. */
  activationDue: boolean;
}

export const isModal = (instance: Instance): boolean => instance.location === 'modal' || instance.location === 'dialog';

export class Instances {
  private readonly live = new Map<string, Instance>();
  private next = 1;

  /** Reserves the next id, so the iframe's URL can carry it before the instance is added. */
  nextId(): string {
    return String(this.next++);
  }

  add(id: string, location: string, frame: HTMLIFrameElement, extra: { parentId?: string; modalData?: unknown } = {}): Instance {
    const instance: Instance = { id, location, frame, ...extra, subscriptions: new Set(), ready: false, queue: [], active: false, activationDue: false };
    this.live.set(id, instance);
    return instance;
  }

  get(id: string): Instance | undefined {
    return this.live.get(id);
  }

  remove(id: string): void {
    this.live.delete(id);
  }

  list(): Instance[] {
    return [...this.live.values()];
  }

  placements(): Instance[] {
    return this.list().filter((instance) => !isModal(instance));
  }

  /** Posts to the iframe, or keeps the message until the client is ready for it. */
  post(instance: Instance, message: HostToClient): void {
    if (!instance.ready) instance.queue.push(message);
    else instance.frame.contentWindow?.postMessage(message, window.location.origin);
  }

  /** The client answered for the first time: deliver what waited. */
  markReady(instance: Instance): void {
    if (instance.ready) return;
    instance.ready = true;
    instance.queue.splice(0).forEach((message) => this.post(instance, message));
  }

  /** An event reaches only the instances that listen to it. */
  fire(instance: Instance, name: ClientEventName, data?: unknown): void {
    if (!instance.subscriptions.has(name)) return;
    this.post(instance, { source: HOST_SOURCE, kind: 'event', name, data });
  }
}

export function contextOf(instance: Instance): InstanceContext {
  const context: InstanceContext = { instanceId: instance.id, location: instance.location };
  if (instance.parentId !== undefined) context.parentId = instance.parentId;
  if (isModal(instance)) context.modalData = instance.modalData;
  return context;
}
