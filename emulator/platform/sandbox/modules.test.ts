import { realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { LoadedApp } from '../types';
import { appRelativePaths } from './modules';
import { ServerSandbox } from './sandbox';
import { fakeServices, removeApps, writeApp } from './test-helpers';

afterAll(removeApps);

const PROJECT_NODE_MODULES = resolve(__dirname, '../../../node_modules');

/** Runs `probe` as an SMI and returns what it rendered (or the failure). */
async function probe(app: LoadedApp, nodeModules: string[] = [], services = fakeServices()) {
  const result = await new ServerSandbox(app, { nodeModules }).invoke({ kind: 'smi', handler: 'probe', payload: { name: 'Ada' } }, services);
  return result;
}

const requiring = (specifier: string) => `
  exports = { probe: function () {
    try { require(${JSON.stringify(specifier)}); renderData(null, 'loaded'); }
    catch (error) { renderData(null, { message: error.message, sandboxError: error instanceof Error }); }
  } };`;

describe('sandbox require: files under server/ (platform.md §2.3)', () => {
  it('evaluates local modules in the invocation’s context: same console, globals and no timers', async () => {
    const app = writeApp({
      'server/server.js': `
        var audit = require('./lib/audit');
        exports = { probe: async function (args) { renderData(null, await audit.record(args.name)); } };`,
      'server/lib/audit.js': `
        var labels = require('./labels.json');
        var format = require('./format');
        exports.record = async function (name) {
          console.warn('recording', name);
          await $db.set('last', { name: name });
          return { label: format(labels.prefix, name), timers: typeof setTimeout, process: typeof process, file: __filename.split('/').slice(-2).join('/') };
        };`,
      'server/lib/labels.json': '{ "prefix": "Contact" }',
      'server/lib/format/index.js': 'module.exports = function (prefix, name) { return prefix + ": " + name; };',
    });
    const services = fakeServices();
    const result = await probe(app, [], services);
    expect(result.rendered?.data).toEqual({ label: 'Contact: Ada', timers: 'undefined', process: 'undefined', file: 'lib/audit.js' });
    expect(result.logs).toEqual([expect.objectContaining({ level: 'warn', message: 'recording Ada' })]);
    expect(services.db.set).toHaveBeenCalledWith('last', { name: 'Ada' });
  });

  it('caches a module for the invocation, including circular requires', async () => {
    const app = writeApp({
      'server/server.js': `exports = { probe: function () {
        var a = require('./lib/a');
        renderData(null, { same: a === require('./lib/a.js') && a === require('../server/lib/a'), fromB: a.b.sawA, done: a.done });
      } };`,
      'server/lib/a.js': "exports.done = false; exports.b = require('./b'); exports.done = true;",
      'server/lib/b.js': "var a = require('./a'); exports.sawA = a.done;",
    });
    expect((await probe(app)).rendered?.data).toEqual({ same: true, fromB: false, done: true });
  });

  it('exports the object a lib file assigns to `exports`, as the platform does', async () => {
    const app = writeApp({
      'server/server.js': `exports = { probe: function () {
        var mapping = require('./lib/mapping');
        renderData(null, { keys: Object.keys(mapping), label: mapping.label('Ada'), again: mapping === require('./lib/mapping.js') });
      } };`,
      'server/lib/mapping.js': "exports = {\n  label: function (name) { return 'Contact: ' + name; },\n  version: 2\n};\n",
    });
    expect((await probe(app)).rendered?.data).toEqual({ keys: ['label', 'version'], label: 'Contact: Ada', again: true });
  });

  it('lets module.exports win over a reassigned exports, and keeps exports.a = 1 and an early return working', async () => {
    const app = writeApp({
      'server/server.js': `exports = { probe: function () {
        renderData(null, { both: require('./lib/both'), props: require('./lib/props'), early: require('./lib/early'), fn: require('./lib/fn')() });
      } };`,
      'server/lib/both.js': "exports = { from: 'exports' };\nmodule.exports = { from: 'module.exports' };",
      'server/lib/props.js': 'exports.a = 1;\nexports.b = 2; // no newline at the end',
      'server/lib/early.js': 'exports.kept = true;\nif (exports.kept) return;\nexports = { replaced: true };\n',
      'server/lib/fn.js': 'function exports() { return "declared"; }',
    });
    expect((await probe(app)).rendered?.data).toEqual({ both: { from: 'module.exports' }, props: { a: 1, b: 2 }, early: { kept: true }, fn: 'declared' });
  });

  it('keeps the file’s line numbers in stack traces of a file that reassigns exports', async () => {
    const app = writeApp({
      'server/server.js': `exports = { probe: function () {
        try { require('./lib/thrower').fail(); } catch (error) { renderData(null, /thrower\\.js:(\\d+)/.exec(error.stack)[1]); }
      } };`,
      'server/lib/thrower.js': "'use strict';\n\nexports = {\n  fail: function () {\n    throw new Error('line 5');\n  },\n};",
    });
    expect((await probe(app)).rendered?.data).toBe('5');
  });

  it('refuses files outside server/, absolute paths and symlinks that lead out', async () => {
    const app = writeApp({ 'server/server.js': requiring('../manifest.json'), 'manifest.json': '{}', 'secret.js': 'module.exports = 1;' });
    const refusal = (specifier: string) => ({
      message: `Cannot require '${specifier}': server code may only require files inside the app's server/ folder, by relative path`,
      sandboxError: true,
    });
    expect((await probe(app)).rendered?.data).toEqual(refusal('../manifest.json'));
    const fromLib = writeApp({ 'server/server.js': "require('./lib/deep');\nexports = {};", 'server/lib/deep.js': "require('../../secret');" });
    expect((await probe(fromLib)).error).toBe("Cannot require '../../secret': server code may only require files inside the app's server/ folder, by relative path");
    const absolute = writeApp({ 'server/lib/x.js': '' });
    writeFileSync(join(absolute.dir, 'server/server.js'), requiring(join(absolute.dir, 'server/lib/x.js')));
    expect((await probe(absolute)).rendered?.data).toEqual(refusal(join(absolute.dir, 'server/lib/x.js')));
    const linked = writeApp({ 'server/server.js': requiring('./lib/link'), 'outside.js': 'module.exports = 1;' });
    symlinkSync(join(linked.dir, 'outside.js'), join(linked.dir, 'server/lib-link.js'));
    writeFileSync(join(linked.dir, 'server/server.js'), requiring('./lib-link'));
    expect((await probe(linked)).rendered?.data).toEqual(refusal('./lib-link'));
  });

  it('reports a missing module and a syntax error with the file', async () => {
    const missing = writeApp({ 'server/server.js': requiring('./lib/nothing') });
    expect((await probe(missing)).rendered?.data).toEqual({ message: "Cannot find module './lib/nothing' required from server/server.js", sandboxError: true });
    const broken = writeApp({ 'server/server.js': requiring('./lib/bad'), 'server/lib/bad.js': 'var a = 1;\nvar = 2;' });
    expect((await probe(broken)).rendered?.data).toEqual({ message: "SyntaxError: Unexpected token '=' (server/lib/bad.js:2)", sandboxError: true });
    for (const [source, line] of [['var a = 1;\nfunction f() {', 2], ['var a = 1;\nfunction f() {\n', 3]] as const) {
      const unclosed = writeApp({ 'server/server.js': requiring('./lib/open'), 'server/lib/open.js': source });
      expect((await probe(unclosed)).rendered?.data).toEqual({ message: `SyntaxError: Unexpected end of input (server/lib/open.js:${line})`, sandboxError: true });
    }
  });
});

describe('sandbox require: npm packages and built-ins (platform.md §2.3)', () => {
  it('refuses a package not declared in manifest.json dependencies, matching pkg/sub and @scope/pkg/sub', async () => {
    const cases: Array<[string, string]> = [
      ['lodash', "Cannot find module 'lodash'. Declare 'lodash' in manifest.json dependencies"],
      ['lodash/fp', "Cannot find module 'lodash/fp'. Declare 'lodash' in manifest.json dependencies"],
      ['@acme/sdk/client', "Cannot find module '@acme/sdk/client'. Declare '@acme/sdk' in manifest.json dependencies"],
    ];
    for (const [specifier, message] of cases) {
      const app = writeApp({ 'server/server.js': requiring(specifier) }, { dayjs: '1.11.13' });
      expect((await probe(app, [PROJECT_NODE_MODULES])).rendered?.data).toEqual({ message, sandboxError: true });
    }
  });

  it('loads a declared package (and its subpaths) from the project node_modules', async () => {
    const app = writeApp(
      {
        'server/server.js': `
          var z = require('zod');
          var mini = require('zod/mini');
          exports = { probe: function (args) {
            var parsed = z.object({ name: z.string() }).parse(args);
            renderData(null, { name: parsed.name, mini: typeof mini.object, bad: z.string().safeParse(3).success });
          } };`,
      },
      { zod: '4.6.7' },
    );
    expect((await probe(app, [PROJECT_NODE_MODULES])).rendered?.data).toEqual({ name: 'Ada', mini: 'function', bad: false });
  });

  it('prefers the app’s own node_modules and reports a declared package that is not installed', async () => {
    const app = writeApp(
      { 'server/server.js': requiring('zod'), 'node_modules/zod/package.json': '{"name":"zod","main":"index.js"}', 'node_modules/zod/index.js': 'throw new Error("app copy");' },
      { zod: '4.6.7' },
    );
    expect((await probe(app, [PROJECT_NODE_MODULES])).rendered?.data).toMatchObject({ message: 'app copy' });
    const notInstalled = writeApp({ 'server/server.js': requiring('left-pad') }, { 'left-pad': '1.3.0' });
    const { message } = (await probe(notInstalled, [PROJECT_NODE_MODULES])).rendered?.data as { message: string };
    expect(message).toBe(
      `Cannot find module 'left-pad': 'left-pad' is declared in manifest.json dependencies but not installed (looked in ${join(notInstalled.dir, 'node_modules')}, ${PROJECT_NODE_MODULES})`,
    );
  });

  it('refuses Node built-ins unless declared', async () => {
    for (const specifier of ['fs', 'node:crypto', 'http', 'fs/promises']) {
      const app = writeApp({ 'server/server.js': requiring(specifier) });
      expect((await probe(app)).rendered?.data).toEqual({
        message: `Cannot find module '${specifier}'. Node.js built-in modules are not available to serverless apps unless declared in manifest.json dependencies`,
        sandboxError: true,
      });
    }
    const declared = writeApp(
      { 'server/server.js': `exports = { probe: function () { renderData(null, require('node:crypto').createHash('sha1').update('a').digest('hex')); } };` },
      { crypto: '1.0.1' },
    );
    expect((await probe(declared)).rendered?.data).toBe('86f7e437faa5a7fce15d1ddcb9eaeaea377667b8');
  });

  it('gives local modules their real __dirname', async () => {
    const app = writeApp({ 'server/server.js': `exports = { probe: function () { renderData(null, require('./lib/where')); } };`, 'server/lib/where.js': 'module.exports = __dirname;' });
    expect((await probe(app)).rendered?.data).toBe(realpathSync(join(app.dir, 'server/lib')));
  });
});

describe('appRelativePaths', () => {
  const appPaths = appRelativePaths({ appDir: '/srv/my app/dist', nodeModules: ['/srv/my app/node_modules'] });

  it('names the app’s files, its packages and those of the shared node_modules as the app knows them, file:// URLs too', () => {
    const stack = [
      'TypeError: x is not a function',
      '    at Object.map (/srv/my app/dist/server/lib/mapping.js:12:5)',
      '    at file:///srv/my%20app/dist/server/lib/esm.mjs:3:1',
      '    at parse (/srv/my app/dist/node_modules/left-pad/index.js:2:9)',
      '    at z.parse (file:///srv/my%20app/node_modules/zod/index.mjs:7:1)',
      '    at fdk-invoke.js:1:34',
    ].join('\n');
    expect(appPaths(stack)).toBe(
      [
        'TypeError: x is not a function',
        '    at Object.map (server/lib/mapping.js:12:5)',
        '    at server/lib/esm.mjs:3:1',
        '    at parse (node_modules/left-pad/index.js:2:9)',
        '    at z.parse (node_modules/zod/index.mjs:7:1)',
        '    at fdk-invoke.js:1:34',
      ].join('\n'),
    );
  });

  it('drops the emulator’s own frames and leaves other paths alone', () => {
    expect(appPaths('Error: x\n    at run (/srv/my app/dist/server/server.js:1:1)\n    at callHandler (/srv/emulator/sandbox.ts:99:15)\n    at /srv/emulator/x.js:1:1')).toBe(
      'Error: x\n    at run (server/server.js:1:1)',
    );
    expect(appPaths('copied from /backup/srv/my app/dist/server/x.js and /srv/my app/dist2/server/y.js')).toBe(
      'copied from /backup/srv/my app/dist/server/x.js and /srv/my app/dist2/server/y.js',
    );
  });
});
