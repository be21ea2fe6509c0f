import type { Client, ClientEventHandler, InstanceMessage, KeyValueStore } from '../../../../common/platform/client';
import type { TemplateSuccess } from '../../../../common/platform/request';
import type { ApiRequestBodies } from '../protocol';
import type { Bridge } from './bridge';
import { dbKeyError, entityArgumentError, invokeArgumentError, iparamKeyError, templateArgumentError } from './checks';
import { badArguments } from './errors';
import type { ServerCall } from './remote';

/**
 * The `client` of platform.md §7. What the product page owns (data, events, interface,
 * instance) goes to the host page over postMessage; what the platform owns (request, db,
 * iparams) goes to the emulator server.
 */

type EntityMethod = ApiRequestBodies['entity']['method'];
type EntityHandle = Record<EntityMethod, (...args: unknown[]) => Promise<unknown>>;
export type EmulatedClient = Client & { db: KeyValueStore & { entity(options: { version: string }): { get(name: string): EntityHandle } } };

const ENTITY_METHODS: EntityMethod[] = ['schema', 'create', 'get', 'update', 'delete', 'getAll'];

/** JSON has no `undefined`: `set(key, value, undefined)` must not arrive as `set(key, value, null)`. */
function trimmed(args: unknown[]): unknown[] {
  const copy = [...args];
  while (copy.length > 0 && copy[copy.length - 1] === undefined) copy.pop();
  return copy;
}

function requireFunction(where: string, handler: unknown): void {
  if (typeof handler !== 'function') throw new TypeError(`${where}: the handler must be a function`);
}

function report(where: string, error: unknown): void {
  console.error(`[fdk client] ${where} failed:`, error);
}

function events(bridge: Bridge): Client['events'] {
  const handlers = new Map<string, Set<ClientEventHandler>>();
  bridge.onEvent(({ name, data }) => {
    for (const handler of handlers.get(name) ?? []) {
      try {
        handler({ type: name, helper: { getData: () => data } });
      } catch (error) {
        report(`the ${name} handler`, error);
      }
    }
  });
  // The host hears of the first handler for a name and of the last one leaving.
  const tell = (method: 'events.on' | 'events.off', name: string): void => void bridge.call(method, [name]).catch((error) => report(method, error));
  return {
    on(name, handler) {
      requireFunction('events.on', handler);
      const set = handlers.get(name) ?? new Set();
      handlers.set(name, set.add(handler));
      if (set.size === 1) tell('events.on', name);
    },
    off(name, handler) {
      const set = handlers.get(name);
      if (set === undefined || !set.delete(handler) || set.size > 0) return;
      handlers.delete(name);
      tell('events.off', name);
    },
  };
}

function instance(bridge: Bridge): Client['instance'] {
  const receivers: Array<(event: { helper: { getData(): InstanceMessage } }) => void> = [];
  bridge.onInstanceMessage(({ data }) => receivers.forEach((receiver) => receiver({ helper: { getData: () => data } })));
  return {
    resize: (size) => bridge.call('instance.resize', [size]),
    context: () => bridge.call('instance.context', []) as ReturnType<Client['instance']['context']>,
    get: () => bridge.call('instance.get', []) as ReturnType<Client['instance']['get']>,
    send: (message) => bridge.call('instance.send', [message]),
    receive(handler) {
      requireFunction('instance.receive', handler);
      receivers.push(handler);
    },
    close: () => bridge.call('instance.close', []),
  };
}

function request(server: ServerCall): Client['request'] {
  return {
    invokeTemplate(name, options) {
      const error = templateArgumentError(name, options);
      return error === undefined ? (server('template', { name, options }) as Promise<TemplateSuccess>) : badArguments(error);
    },
    invoke(name, payload) {
      const error = invokeArgumentError(name, payload);
      return error === undefined ? (server('invoke', { name, payload }) as Promise<{ response: unknown }>) : badArguments(error);
    },
  };
}

function entityHandle(server: ServerCall, version: unknown, entity: string): EntityHandle {
  const method = (name: EntityMethod) => (...args: unknown[]): Promise<unknown> => {
    const error = entityArgumentError(version, entity);
    return error === undefined ? server('entity', { entity, method: name, args: trimmed(args) }) : badArguments(error);
  };
  return Object.fromEntries(ENTITY_METHODS.map((name) => [name, method(name)])) as EntityHandle;
}

function db(server: ServerCall): EmulatedClient['db'] {
  const kv = (method: ApiRequestBodies['db']['method'], key: unknown, rest: unknown[]): Promise<never> => {
    const error = dbKeyError(method, key);
    return (error === undefined ? server('db', { method, args: trimmed([key, ...rest]) }) : badArguments(error)) as Promise<never>;
  };
  return {
    set: (key, value, options) => kv('set', key, [value, options]),
    get: (key) => kv('get', key, []),
    update: (key, action, attributes) => kv('update', key, [action, attributes]),
    delete: (key) => kv('delete', key, []),
    entity: (options) => ({ get: (name) => entityHandle(server, (options as { version?: unknown } | undefined)?.version, name) }),
  };
}

export function createClient(bridge: Bridge, server: ServerCall, onSettingsPage = false): EmulatedClient {
  return {
    // The settings page has no product page around it: the platform answers its data calls.
    data: { get: (name) => (onSettingsPage ? server('data', { name }) : bridge.call('data.get', [name])) as never },
    events: events(bridge),
    interface: { trigger: (action, options) => bridge.call('interface.trigger', [action, options]) },
    instance: instance(bridge),
    iparams: {
      get(key) {
        const error = iparamKeyError(key);
        return error === undefined ? (server('iparams', key === undefined ? {} : { key }) as Promise<Record<string, unknown>>) : badArguments(error);
      },
    },
    request: request(server),
    db: db(server),
  };
}
