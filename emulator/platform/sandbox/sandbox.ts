import { existsSync, readFileSync } from 'node:fs';
import { Script } from 'node:vm';
import { systemClock, type Clock } from '../../clock';
import type { InvocationRequest, InvocationResult, LoadedApp, SandboxServices } from '../types';
import { createSandboxConsole } from './console';
import { Invocation } from './invocation';
import { appRelativePaths, ModuleLoader, syntaxMessage } from './modules';
import { checkedPayloadJson } from './payload';
import { createPlatformGlobals } from './platform-globals';
import { createRealm, type Realm } from './realm';
import { routeUnhandledRejections } from './unhandled';

export { formatLogValue, formatLogValues } from './console';
export { DEFAULT_TIMEOUT_MS, TIMEOUT_MESSAGE } from './invocation';

export interface SandboxOptions {
  /** Time stamps of log lines (the execution limit runs on real time). */
  clock?: Clock;
  /** node_modules folders searched for declared packages after the app's own. */
  nodeModules?: string[];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * Runs server/server.js the way the platform does (platform.md §2): evaluated as a script in a
 * fresh vm context per invocation (nothing survives between invocations, §2.4), with exactly
 * the documented globals (§2.2) and none of Node's (`setTimeout`, `process`, `Buffer`… are
 * undefined inside), then the handler read from the free variable `exports` is called.
 *
 * The synchronous part (evaluating server.js and its requires, the handler up to its first
 * `await`) is stopped by vm's `timeout`; after that the outcome races the same limit. Known
 * limit: code that loops forever *after* an `await` blocks the emulator's thread, as vm cannot
 * interrupt a microtask (only a worker thread could); the platform would kill it at 20 s.
 */
export class ServerSandbox {
  private readonly clock: Clock;
  private readonly nodeModules: readonly string[];
  private readonly appPaths: (text: string) => string;

  constructor(
    private readonly app: LoadedApp,
    options: SandboxOptions = {},
  ) {
    this.clock = options.clock ?? systemClock;
    this.nodeModules = options.nodeModules ?? [];
    this.appPaths = appRelativePaths({ appDir: app.dir, nodeModules: this.nodeModules });
  }

  async invoke(request: InvocationRequest, services: SandboxServices): Promise<InvocationResult> {
    const run = new Invocation(request, this.clock, this.appPaths);
    try {
      const json = checkedPayloadJson(request);
      const { realm, loader } = this.prepare(run, services);
      compileServer(loader).runInContext(realm.context, { timeout: run.remainingMs() });
      run.watch(callHandler(realm, request.handler, json, run.remainingMs()));
    } catch (error) {
      run.fail(error);
    }
    return run.finish(await run.outcome());
  }

  /** A fresh context holding exactly the platform's globals for this invocation. */
  private prepare(run: Invocation, services: SandboxServices): { realm: Realm; loader: ModuleLoader } {
    const realm = createRealm(() => this.clock.now());
    routeUnhandledRejections(realm, (reason) => run.unhandledRejection(reason));
    const loader = new ModuleLoader(realm, { appDir: this.app.dir, dependencies: this.app.dependencies, nodeModules: this.nodeModules });
    Object.assign(realm.context, {
      // FDK-10 unit tests start from `exports: {}` as well (platform.md §2.1).
      exports: realm.object(),
      renderData: realm.wrap((error?: unknown, data?: unknown) => run.renderData(error, data)),
      console: createSandboxConsole(realm, (level, values) => run.log(level, values)),
      require: loader.requireFor(loader.entry),
      ...createPlatformGlobals(realm, services),
    });
    return { realm, loader };
  }
}

function compileServer(loader: ModuleLoader): Script {
  const file = loader.entry;
  if (!existsSync(file)) throw new Error(`${loader.display(file)} not found: the app has no serverless code`);
  try {
    return new Script(readFileSync(file, 'utf8'), { filename: file });
  } catch (error) {
    throw new Error(syntaxMessage(error, loader.display(file)), { cause: error });
  }
}

/**
 * Calls `exports[handler](payload)` inside the context, so the synchronous part is under vm's
 * timeout; the payload is parsed there from its JSON, so it belongs to the sandbox's realm.
 */
function callHandler(realm: Realm, handler: string, json: string, timeout: number): unknown {
  const exported: unknown = realm.context.exports;
  const found = isRecord(exported) && Object.hasOwn(exported, handler) ? exported[handler] : undefined;
  if (typeof found !== 'function') throw new Error(`${handler} is not a function exported by server.js`);
  const call = new Script(`exports[${JSON.stringify(handler)}](JSON.parse(${JSON.stringify(json)}))`, { filename: 'fdk-invoke.js' });
  return call.runInContext(realm.context, { timeout });
}
