import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compileFunction } from 'node:vm';
import { isNodeBuiltin, packageName } from '../../fdk/lint/freshworks/ast';
import { formatLogValue } from './console';
import type { Realm } from './realm';

/**
 * `require` inside the sandbox (platform.md §2.3):
 * - relative paths load files under server/ only, evaluated in the invocation's own context
 *   with a CommonJS wrapper, so they see the same globals (console, $db…, no timers) and a
 *   module cache that lives for one invocation (§2.4: nothing survives between invocations);
 * - bare names must be declared in manifest.json `dependencies`; declared packages are loaded
 *   by the host's `require`, as the FDK installs them next to the app, so they run in the host
 *   realm and are loaded once per emulator process;
 * - Node built-ins (`fs`, `crypto`, `node:*`) are refused unless declared: the platform does not
 *   document them [U], so the stricter reading applies (the FDK lint refuses them too).
 */

export interface ModuleLoaderOptions {
  appDir: string;
  /** manifest.json `dependencies`. */
  dependencies: Record<string, string>;
  /** node_modules folders searched after `<appDir>/node_modules`. */
  nodeModules: readonly string[];
}

type SandboxModule = Record<string, unknown> & { exports: unknown };
type Require = (specifier: unknown) => unknown;

const WRAPPER_PARAMS = ['exports', 'require', 'module', '__filename', '__dirname'];
const LOCAL_SUFFIXES = ['', '.js', '.json', `${sep}index.js`, `${sep}index.json`];

function isRelative(specifier: string): boolean {
  return specifier === '.' || specifier === '..' || specifier.startsWith('./') || specifier.startsWith('../');
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

function realDir(path: string): string {
  return existsSync(path) ? realpathSync(path) : resolve(path);
}

/** Where declared packages are looked up: the app's node_modules, then the given folders. */
export function packageDirs(options: Pick<ModuleLoaderOptions, 'appDir' | 'nodeModules'>): string[] {
  return [join(options.appDir, 'node_modules'), ...options.nodeModules].map((dir) => resolve(dir));
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A stack frame still at an absolute path once the app's are rewritten: the emulator's own. */
const HOST_FRAME = /\n[ \t]+at (?:[^\n]*\()?(?:\/|file:\/\/|[A-Za-z]:\\)[^\n]*/g;

/**
 * Rewrites absolute paths (and `file://` URLs) of the app's files in log lines and errors to the
 * paths the app knows, `server/lib/x.js:12:5`, `node_modules/zod/…`, and drops the stack frames
 * of the emulator itself: the developer's folders mean nothing on the platform.
 */
export function appRelativePaths(options: Pick<ModuleLoaderOptions, 'appDir' | 'nodeModules'>): (text: string) => string {
  const replacements = new Map<string, string>();
  const add = (dir: string, to: string): void => {
    // Compiled files carry the real path (modules resolve symlinks), messages may carry either.
    for (const path of new Set([resolve(dir), realDir(dir)])) {
      replacements.set(`${pathToFileURL(path).href}/`, to);
      replacements.set(`${path}${sep}`, to);
    }
  };
  packageDirs(options).forEach((dir) => add(dir, 'node_modules/'));
  add(options.appDir, '');
  // Longest first (`<app>/node_modules/` before `<app>/`), and only where a path starts.
  const prefixes = [...replacements.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern = new RegExp(`(?<![\\w.~/\\\\-])(?:${prefixes.join('|')})`, 'g');
  return (text) => text.replace(pattern, (prefix) => replacements.get(prefix) ?? prefix).replace(HOST_FRAME, '');
}

/**
 * `SyntaxError: Unexpected token '}' (server/server.js:3)` from a V8 compile error. `lastLine`
 * caps the line when code was appended after the file's own (an unexpected end of input).
 */
export function syntaxMessage(error: unknown, displayPath: string, lastLine = Infinity): string {
  const { name, message, stack } = error as { name?: string; message?: string; stack?: string };
  const line = /^[^\n]*:(\d+)\n/.exec(stack ?? '')?.[1];
  const where = line === undefined ? displayPath : `${displayPath}:${Math.min(Number(line), lastLine)}`;
  return `${name ?? 'SyntaxError'}: ${message ?? String(error)} (${where})`;
}

export class ModuleLoader {
  /** Per invocation: a loader lives as long as its context. */
  private readonly cache = new Map<string, SandboxModule>();
  private readonly serverDir: string;
  private readonly packageDirs: readonly string[];

  constructor(
    private readonly realm: Realm,
    private readonly options: ModuleLoaderOptions,
  ) {
    this.serverDir = realDir(join(options.appDir, 'server'));
    this.packageDirs = packageDirs(options);
  }

  /** Absolute path of server.js, the file whose `require` is the global one. */
  get entry(): string {
    return join(this.serverDir, 'server.js');
  }

  /** `server/lib/x.js`, for messages. */
  display(file: string): string {
    return ['server', ...relative(this.serverDir, file).split(sep)].join('/');
  }

  /** The sandbox `require` of a file under server/. */
  requireFor(file: string): Require {
    return this.realm.wrap((specifier: unknown) => this.require(specifier, file));
  }

  private require(specifier: unknown, from: string): unknown {
    if (typeof specifier !== 'string' || specifier === '') {
      throw this.realm.error('TypeError', `The "id" argument must be a non-empty string. Received ${formatLogValue(specifier)}`);
    }
    if (isRelative(specifier)) return this.loadLocal(this.resolveLocal(specifier, from));
    if (isAbsolute(specifier)) throw this.outside(specifier);
    return this.loadPackage(specifier);
  }

  private inside(path: string): boolean {
    const rel = relative(this.serverDir, path);
    return rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
  }

  private outside(specifier: string): Error {
    return this.realm.error('Error', `Cannot require '${specifier}': server code may only require files inside the app's server/ folder, by relative path`);
  }

  private resolveLocal(specifier: string, from: string): string {
    const target = resolve(dirname(from), specifier);
    if (!this.inside(target)) throw this.outside(specifier);
    const found = LOCAL_SUFFIXES.map((suffix) => target + suffix).find(isFile);
    if (found === undefined) throw this.realm.error('Error', `Cannot find module '${specifier}' required from ${this.display(from)}`);
    // A symlink must not lead out of server/ either.
    const real = realpathSync(found);
    if (!this.inside(real)) throw this.outside(specifier);
    return real;
  }

  private loadLocal(file: string): unknown {
    const cached = this.cache.get(file);
    if (cached !== undefined) return cached.exports;
    const module = this.realm.object() as SandboxModule;
    module.exports = this.realm.object();
    // Cached before evaluation, as in Node, so circular requires see the partial exports.
    this.cache.set(file, module);
    try {
      this.evaluate(file, module);
    } catch (error) {
      this.cache.delete(file);
      throw error;
    }
    return module.exports;
  }

  private evaluate(file: string, module: SandboxModule): void {
    const source = readFileSync(file, 'utf8');
    if (file.endsWith('.json')) {
      module.exports = this.parseJson(source, file);
      return;
    }
    const wrapper = this.compile(source, file);
    const { exports } = module;
    const final = wrapper.call(exports, exports, this.requireFor(file), module, file, dirname(file));
    // The platform exports what a file assigned to `exports` (published apps rely on it), but
    // an assigned `module.exports` wins, as in Node.
    if (module.exports === exports && final !== undefined) module.exports = final;
  }

  private compile(source: string, file: string): (...args: unknown[]) => unknown {
    // The wrapper's `exports` is a local: its final value is returned by code appended after
    // the source (not before it, so line numbers stay the file's). A top-level `return;` skips it.
    const body = `${source.endsWith('\n') ? source : `${source}\n`};return exports;`;
    try {
      return compileFunction(body, WRAPPER_PARAMS, { parsingContext: this.realm.context, filename: file }) as (...args: unknown[]) => unknown;
    } catch (error) {
      throw this.realm.error('SyntaxError', syntaxMessage(error, this.display(file), source.split('\n').length));
    }
  }

  private parseJson(source: string, file: string): unknown {
    try {
      return this.realm.parse(source);
    } catch (error) {
      throw this.realm.error('SyntaxError', `${this.display(file)}: ${(error as Error).message}`);
    }
  }

  private loadPackage(specifier: string): unknown {
    const bare = specifier.replace(/^node:/, '');
    const name = packageName(bare);
    const builtin = isNodeBuiltin(specifier);
    if (!Object.hasOwn(this.options.dependencies, name)) throw this.realm.error('Error', undeclaredMessage(specifier, name, builtin));
    return builtin ? createRequire(join(this.options.appDir, 'package.json'))(specifier) : this.loadInstalled(specifier, name);
  }

  private loadInstalled(specifier: string, name: string): unknown {
    const base = this.packageDirs.find((dir) => existsSync(join(dir, name)));
    if (base === undefined) {
      throw this.realm.error('Error', `Cannot find module '${specifier}': '${name}' is declared in manifest.json dependencies but not installed (looked in ${this.packageDirs.join(', ')})`);
    }
    // Resolving from a file directly inside <base> searches <base> first.
    return createRequire(join(base, 'fdk-sandbox.js'))(specifier);
  }
}

function undeclaredMessage(specifier: string, name: string, builtin: boolean): string {
  if (builtin) {
    return `Cannot find module '${specifier}'. Node.js built-in modules are not available to serverless apps unless declared in manifest.json dependencies`;
  }
  return `Cannot find module '${specifier}'. Declare '${name}' in manifest.json dependencies`;
}
