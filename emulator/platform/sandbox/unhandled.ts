import type { Realm } from './realm';

/**
 * A promise rejected in server code with nobody handling it. Node reports that process-wide
 * ('unhandledRejection'), and by default crashes: one app's forgotten `await` would take the
 * whole emulator down. The platform runs each invocation in its own Node runtime, where such a
 * rejection fails that invocation [U: undocumented; stricter reading]. So rejections are
 * routed to the invocation whose realm made the promise; any other rejection keeps Node's
 * default behaviour unless the host installed its own handler.
 */
type Sink = (reason: unknown) => void;

// Keyed by the realm's Promise.prototype: a realm's entry goes away with its context.
const sinks = new WeakMap<object, Sink>();
let listening = false;

function onUnhandledRejection(reason: unknown, promise: Promise<unknown>): void {
  const sink = sinks.get(Object.getPrototypeOf(promise) as object);
  if (sink !== undefined) {
    sink(reason);
    return;
  }
  if (process.listenerCount('unhandledRejection') === 1) throw reason instanceof Error ? reason : new Error(`Unhandled promise rejection: ${String(reason)}`);
}

export function routeUnhandledRejections(realm: Realm, sink: Sink): void {
  if (!listening) {
    process.on('unhandledRejection', onUnhandledRejection);
    listening = true;
  }
  sinks.set(realm.promisePrototype, sink);
}
