import { HOST_SOURCE } from '../protocol';
import type { HostEnv } from './env';
import { invalid, objectArg } from './errors';
import { contextOf, isModal, type Instance } from './instances';

/** `client.instance` (platform.md §7.5). */

const CLOSE_DELAY_MS = 50;

/** An iframe is never taller than this (also in modals and dialogs). */
export const MAX_HEIGHT_PX = 700;

/** `{height: "500px"}`: the platform's examples always give pixels as a string; other forms are refused. */
function heightOf(value: unknown): number {
  const match = typeof value === 'string' ? /^\s*(\d+(?:\.\d+)?)px\s*$/.exec(value) : null;
  if (match === null) throw invalid('instance.resize: "height" must be a pixel size such as "500px"');
  return Number(match[1]);
}

export function resize(_env: HostEnv, instance: Instance, args: unknown[]): { height: string } {
  const height = `${Math.min(heightOf(objectArg('instance.resize', args[0]).height), MAX_HEIGHT_PX)}px`;
  instance.frame.style.height = height;
  return { height };
}

export const context = (_env: HostEnv, instance: Instance): unknown => contextOf(instance);

export const list = (env: HostEnv): unknown => env.instances.list().map((instance) => ({ instanceId: instance.id, location: instance.location }));

function receiverOf(env: HostEnv, sender: Instance, value: unknown): Instance {
  const id = value ?? sender.parentId;
  if (id === undefined) throw invalid('instance.send: "receiver" is required outside a modal or dialog (a modal without a receiver sends to the instance that opened it)');
  if (typeof id !== 'string') throw invalid('instance.send: "receiver" must be an instance id (a string, as instance.get() lists them)');
  const receiver = env.instances.get(id);
  if (receiver === undefined) throw invalid(`instance.send: no live instance "${id}"`);
  return receiver;
}

export function send(env: HostEnv, sender: Instance, args: unknown[]): void {
  const options = objectArg('instance.send', args[0]);
  if (options.message === undefined) throw invalid('instance.send: "message" is required');
  const receiver = receiverOf(env, sender, options.receiver);
  env.instances.post(receiver, { source: HOST_SOURCE, kind: 'instance-message', data: { senderId: sender.id, message: options.message } });
}

/**
 * Closes the calling modal or dialog. A placement cannot close itself: refused (the stricter
 * reading; §7.5 documents close() for modals and dialogs only).
 */
export function close(env: HostEnv, instance: Instance): void {
  if (!isModal(instance)) throw invalid(`instance.close: only a modal or dialog can close itself; this instance is the ${instance.location} placement`);
  // The answer is a message the iframe must still be there to receive: close just after it.
  window.setTimeout(() => env.ui.closeFrame(instance.id), CLOSE_DELAY_MS);
}
