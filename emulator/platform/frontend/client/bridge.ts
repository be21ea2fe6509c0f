import type { PlatformErrorShape } from '../../types';
import {
  CLIENT_SOURCE,
  HOST_SOURCE,
  type ClientToHost,
  type HostEvent,
  type HostInstanceMessage,
  type HostMethod,
  type HostResult,
  type HostToClient,
} from '../protocol';
import { isObject } from './checks';
import { describe, rejectWith } from './errors';

/**
 * The iframe's side of the postMessage protocol (protocol.ts): calls to the host page matched
 * to their results by id, and the events and instance messages the host pushes.
 */
export interface Bridge {
  hello(): void;
  call(method: HostMethod, args: unknown[]): Promise<unknown>;
  onEvent(listener: (message: HostEvent) => void): void;
  onInstanceMessage(listener: (message: HostInstanceMessage) => void): void;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: PlatformErrorShape): void;
}

/** Only the embedding product page speaks for the platform; anything else posting here is ignored. */
function fromHost(win: Window, event: MessageEvent): boolean {
  const data: unknown = event.data;
  return win.parent !== win && event.source === win.parent && isObject(data) && data.source === HOST_SOURCE;
}

function settle(pending: Map<number, Pending>, result: HostResult): void {
  const waiting = pending.get(result.id);
  if (waiting === undefined) return;
  pending.delete(result.id);
  if (result.ok) waiting.resolve(result.value);
  else waiting.reject(result.error ?? { status: 500, message: 'The page rejected the call' });
}

export function createBridge(win: Window, instanceId: string): Bridge {
  const pending = new Map<number, Pending>();
  const listeners: { event: Array<(message: HostEvent) => void>; instance: Array<(message: HostInstanceMessage) => void> } = { event: [], instance: [] };
  const handlers = new Map<string, (message: HostToClient) => void>([
    ['result', (message) => settle(pending, message as HostResult)],
    ['event', (message) => listeners.event.forEach((listener) => listener(message as HostEvent))],
    ['instance-message', (message) => listeners.instance.forEach((listener) => listener(message as HostInstanceMessage))],
  ]);
  let nextId = 1;
  const post = (message: ClientToHost): void => win.parent.postMessage(message, '*');

  win.addEventListener('message', (event: MessageEvent) => {
    if (!fromHost(win, event)) return;
    const message = event.data as HostToClient;
    handlers.get(message.kind)?.(message);
  });

  return {
    hello: () => post({ source: CLIENT_SOURCE, kind: 'hello', instanceId }),
    call(method, args) {
      const id = nextId++;
      try {
        const answer = new Promise<unknown>((resolve, reject) => pending.set(id, { resolve, reject }));
        post({ source: CLIENT_SOURCE, kind: 'call', id, instanceId, method, args });
        return answer;
      } catch (error) {
        // e.g. a function in the options: it cannot cross to the product page.
        pending.delete(id);
        return rejectWith({ status: 400, message: `${method}: the arguments cannot be sent to the page (${describe(error)})` });
      }
    },
    onEvent: (listener) => listeners.event.push(listener),
    onInstanceMessage: (listener) => listeners.instance.push(listener),
  };
}
