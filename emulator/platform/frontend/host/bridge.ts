import { isRecord } from '../../../../common/guards';
import { CLIENT_SOURCE, HOST_SOURCE, type ClientCall, type ClientToHost, type HostMethod, type HostResult } from '../protocol';
import { dataGet } from './data';
import type { HostEnv } from './env';
import { invalid, shapeOf } from './errors';
import { off, on } from './events';
import type { Instance } from './instances';
import { close, context, list, resize, send } from './instance-api';
import { trigger } from './interface';

/**
 * The host side of the client protocol (protocol.ts): answers each ClientCall of an app
 * iframe with a HostResult. Arguments are the client API's own, in order:
 * data.get [name] · events.on/off [name] · interface.trigger [action, options] ·
 * instance.resize [{height}] · instance.send [{message, receiver?}] · context/get/close [].
 */
type Handler = (env: HostEnv, instance: Instance, args: unknown[]) => unknown;

const HANDLERS: Record<HostMethod, Handler> = {
  'data.get': dataGet,
  'events.on': on,
  'events.off': off,
  'interface.trigger': trigger,
  'instance.resize': resize,
  'instance.context': context,
  'instance.get': list,
  'instance.send': send,
  'instance.close': close,
};

const isObject = isRecord;

function isCall(message: Record<string, unknown>): boolean {
  return message.kind === 'call' && typeof message.id === 'number' && typeof message.method === 'string' && Array.isArray(message.args);
}

/** A message from an app client, or undefined for anything else on the window. */
export function clientMessage(data: unknown): ClientToHost | undefined {
  if (!isObject(data) || data.source !== CLIENT_SOURCE || typeof data.instanceId !== 'string') return undefined;
  return data.kind === 'hello' || isCall(data) ? (data as unknown as ClientToHost) : undefined;
}

function run(env: HostEnv, instance: Instance, call: ClientCall): unknown {
  const handler = Object.hasOwn(HANDLERS, call.method) ? HANDLERS[call.method] : undefined;
  if (handler === undefined) throw invalid(`Unknown client method "${String(call.method)}"`);
  return handler(env, instance, call.args);
}

async function answer(env: HostEnv, instance: Instance, call: ClientCall): Promise<void> {
  let result: HostResult;
  try {
    result = { source: HOST_SOURCE, kind: 'result', id: call.id, ok: true, value: await run(env, instance, call) };
  } catch (error) {
    result = { source: HOST_SOURCE, kind: 'result', id: call.id, ok: false, error: shapeOf(error) };
  }
  env.instances.post(instance, result);
}

/** Listens for app clients; a message counts only from the iframe of the instance it names. */
export function listen(env: HostEnv): void {
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    const message = clientMessage(event.data);
    const instance = message === undefined ? undefined : env.instances.get(message.instanceId);
    if (message === undefined || instance === undefined || instance.frame.contentWindow !== event.source) return;
    env.instances.markReady(instance);
    if (message.kind === 'call') void answer(env, instance, message);
  });
}
