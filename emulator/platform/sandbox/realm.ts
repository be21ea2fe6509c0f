import { createContext, Script, type Context } from 'node:vm';

/**
 * Helpers that create values inside one invocation's vm context, so what server code sees
 * belongs to its own realm: `{}` made by the platform passes `instanceof Object`, a refused
 * `require` throws an `Error` of the sandbox, and no host function is reachable through a
 * global's `.constructor` (which would hand out the host's `Function`, hence `process`).
 */
export interface Realm {
  readonly context: Context;
  /** A sandbox function forwarding its arguments to a host function. */
  wrap<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R;
  /** A sandbox promise settling like the host one. */
  promise<T>(hostPromise: Promise<T>): Promise<T>;
  /** An empty sandbox object. */
  object(): Record<string, unknown>;
  /** A sandbox error of a built-in class (`Error`, `TypeError`, `SyntaxError`…). */
  error(name: string, message: string): Error;
  /** The sandbox's JSON.parse, captured before app code can replace it. */
  parse(json: string): unknown;
  /** Every promise made in the sandbox (async functions included) inherits from it. */
  readonly promisePrototype: object;
}

// Evaluated first in every fresh context; returns the helpers without leaving a global behind.
const BOOTSTRAP = new Script(
  `(function (global) {
  'use strict';
  return {
    wrap: function (fn) { return function () { return fn.apply(undefined, arguments); }; },
    promise: function (p) { return new Promise(function (resolve, reject) { p.then(resolve, reject); }); },
    object: function () { return {}; },
    error: function (name, message) { var Class = global[name] || Error; return new Class(message); },
    parse: JSON.parse,
    promisePrototype: Promise.prototype
  };
})(globalThis)`,
  { filename: 'fdk-sandbox-realm.js' },
);

// `new Date()` and `Date.now()` read the emulator's clock, so app code that computes a
// `schedule_at` or a TTL agrees with the scheduler and the store when tests move the clock.
const CLOCK_DATE = new Script(
  `(function (now) {
  'use strict';
  const RealDate = globalThis.Date;
  class ClockDate extends RealDate {
    constructor(...args) { if (args.length === 0) super(now()); else super(...args); }
    static now() { return now(); }
  }
  Object.defineProperty(globalThis, 'Date', { value: ClockDate, writable: true, configurable: true, enumerable: false });
})`,
  { filename: 'fdk-sandbox-clock.js' },
);

/** Makes a fresh, empty context (only ECMAScript built-ins: no timers, process or Buffer). */
export function createRealm(now?: () => number): Realm {
  const context = createContext({}, { name: 'server.js' });
  const helpers = BOOTSTRAP.runInContext(context) as Omit<Realm, 'context'>;
  if (now !== undefined) (CLOCK_DATE.runInContext(context) as (now: () => number) => void)(helpers.wrap(now));
  return { context, ...helpers };
}

/** Copies JSON data into the sandbox realm; non-JSON values (functions, cycles) pass as they are. */
export function intoRealm(realm: Realm, value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  try {
    return realm.parse(JSON.stringify(value));
  } catch {
    return value;
  }
}
