import type { ClientEventName } from '../../../../common/platform/client';
import { KINDS } from '../pages/kinds';
import type { HostEnv } from './env';
import { invalid, notHere } from './errors';
import { isModal, type Instance, type Instances } from './instances';

/**
 * Front-end events (platform.md §7.1, §7.3): `app.activated` each time the drawer shows the
 * app, `app.deactivated` when it hides it or the page goes away, and the record's update event
 * after the page edits the record. Not available inside modals and dialogs (§7.4).
 */
const EVENTS: readonly ClientEventName[] = ['app.activated', 'app.deactivated', 'contact.update', 'deal.update', 'account.update'];

const HINTS: Record<string, string> = {
  'sales_account.update': ' (the sales account page fires account.update)',
  'lead.update': ' (leads exist only on Freshsales Classic)',
  calling: ' (calling reaches left_nav_cti apps only)',
};

function eventName(method: string, value: unknown): ClientEventName {
  if (typeof value !== 'string' || value === '') throw invalid(`${method}: the event name must be a non-empty string`);
  const known = EVENTS.find((name) => name === value);
  if (known === undefined) throw invalid(`${method}: "${value}" is not an event of Freshsales Suite record pages${HINTS[value] ?? ''}; use ${EVENTS.join(', ')}`);
  return known;
}

function outsideModal(method: string, instance: Instance): void {
  if (isModal(instance)) throw notHere(`${method}: events are not available inside a modal or dialog`);
}

export function on(env: HostEnv, instance: Instance, args: unknown[]): void {
  outsideModal('events.on', instance);
  const name = eventName('events.on', args[0]);
  instance.subscriptions.add(name);
  // The drawer opened before the app listened (it subscribes after app.initialized()).
  if (name === 'app.activated' && instance.activationDue) {
    instance.activationDue = false;
    env.instances.fire(instance, 'app.activated');
  }
}

/** The client sends `events.off` once no handler is left for the name. */
export function off(_env: HostEnv, instance: Instance, args: unknown[]): void {
  outsideModal('events.off', instance);
  instance.subscriptions.delete(eventName('events.off', args[0]));
}

export function activate(instances: Instances, instance: Instance): void {
  instance.active = true;
  if (instance.subscriptions.has('app.activated')) instances.fire(instance, 'app.activated');
  else instance.activationDue = true;
}

export function deactivate(instances: Instances, instance: Instance): void {
  instance.active = false;
  instance.activationDue = false;
  instances.fire(instance, 'app.deactivated');
}

/**
 * After an edit on the page: the record's update event to every placement that listens, with
 * the record as the API answers it as `event.helper.getData()` (the shape is [U]).
 */
export function recordUpdated(env: HostEnv, record: unknown): void {
  const entity = env.boot.entity;
  if (entity === null) return;
  const name = KINDS[entity.type].updateEvent;
  env.instances.placements().forEach((instance) => env.instances.fire(instance, name, record));
}
