import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { ManualClock } from '../../clock';
import { PlatformError, type InvocationRequest, type LoadedApp } from '../types';
import { formatLogValue, ServerSandbox, TIMEOUT_MESSAGE } from './sandbox';
import { fakeServices, removeApps, writeApp } from './test-helpers';

afterAll(removeApps);

function serverApp(source: string, files: Record<string, string> = {}): LoadedApp {
  return writeApp({ 'server/server.js': source, ...files });
}

async function invoke(app: LoadedApp, request: Partial<InvocationRequest> & { handler: string }, services = fakeServices(), clock = new ManualClock()) {
  const sandbox = new ServerSandbox(app, { clock });
  return sandbox.invoke({ kind: 'product', payload: {}, ...request }, services);
}

describe('ServerSandbox: globals (platform.md §2.2)', () => {
  it('exposes exactly the platform globals, and none of Node’s', async () => {
    const app = serverApp(`
      exports = {
        probe: function () {
          renderData(null, {
            own: Object.keys(globalThis).sort(),
            types: ['setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval', 'clearImmediate', 'process', 'Buffer', 'module', 'fetch']
              .map(function (name) { return name + ':' + typeof globalThis[name]; })
          });
        }
      };`);
    const result = await invoke(app, { kind: 'smi', handler: 'probe' });
    expect(result.outcome).toBe('rendered');
    const data = result.rendered?.data as { own: string[]; types: string[] };
    expect(data.own).toEqual(['$db', '$request', '$schedule', 'console', 'exports', 'generateTargetUrl', 'renderData', 'require']);
    expect(data.types.every((entry) => entry.endsWith(':undefined'))).toBe(true);
  });

  it('fails a handler that calls setTimeout with the ReferenceError Node would throw', async () => {
    const app = serverApp(`exports = { tick: function () { setTimeout(function () {}, 10); } };`);
    const result = await invoke(app, { handler: 'tick' });
    expect(result).toMatchObject({ outcome: 'error', error: 'ReferenceError: setTimeout is not defined' });
  });

  it('does not leak the host through the constructors of the globals', async () => {
    const app = serverApp(`
      exports = { escape: function () {
        renderData(null, [renderData, console.log, $db.get, require].map(function (fn) {
          return fn.constructor('return typeof process')();
        }));
      } };`);
    const result = await invoke(app, { kind: 'smi', handler: 'escape' });
    expect(result.rendered?.data).toEqual(['undefined', 'undefined', 'undefined', 'undefined']);
  });
});

describe('ServerSandbox: handlers and renderData (platform.md §2.4–2.5)', () => {
  it('calls the exported handler with the payload, parsed inside the sandbox realm', async () => {
    const app = serverApp(`
      exports = { onContactCreateHandler: function (args) {
        console.info(args.data.contact.id, args.iparams.domain, args instanceof Object, Array.isArray(args.list));
      } };`);
    const payload = { data: { contact: { id: 42 } }, iparams: { domain: 'demo.myfreshworks.com' }, list: [1] };
    const result = await invoke(app, { handler: 'onContactCreateHandler', payload });
    expect(result.outcome).toBe('completed');
    expect(result.logs.map((line) => line.message)).toEqual(['42 demo.myfreshworks.com true true']);
  });

  it('answers an SMI with the first renderData call', async () => {
    const app = serverApp(`exports = { lookup: function (args) { renderData(null, { id: args.id, at: new Date(0) }); } };`);
    const result = await invoke(app, { kind: 'smi', handler: 'lookup', payload: { id: 3 } });
    expect(result).toMatchObject({ outcome: 'rendered', rendered: { error: null, data: { id: 3, at: '1970-01-01T00:00:00.000Z' } } });
  });

  it('passes an SMI failure through renderData, keeping an Error’s message', async () => {
    const app = serverApp(`exports = {
      denied: function () { renderData({ status: 403, message: 'not allowed' }); },
      failed: function () { var error = new Error('sync failed'); error.status = 502; renderData(error); }
    };`);
    expect((await invoke(app, { kind: 'smi', handler: 'denied' })).rendered).toEqual({ error: { status: 403, message: 'not allowed' }, data: undefined });
    expect((await invoke(app, { kind: 'smi', handler: 'failed' })).rendered?.error).toEqual({ status: 502, message: 'sync failed' });
  });

  it('ignores a second renderData call and logs a warning', async () => {
    const app = serverApp(`exports = { twice: async function () {
      renderData(null, { first: true });
      renderData(null, { second: true });
    } };`);
    const result = await invoke(app, { kind: 'smi', handler: 'twice' });
    expect(result.rendered).toEqual({ error: null, data: { first: true } });
    expect(result.logs).toEqual([expect.objectContaining({ level: 'warn', message: expect.stringContaining('renderData called more than once') })]);
  });

  it('reports a timeout when an SMI returns without calling renderData', async () => {
    const app = serverApp(`exports = { silent: async function () { await $db.get('k'); console.log('done, no answer'); } };`);
    const result = await invoke(app, { kind: 'smi', handler: 'silent', timeoutMs: 200 });
    expect(result).toMatchObject({ outcome: 'timeout', error: TIMEOUT_MESSAGE });
    expect(result.durationMs).toBeGreaterThanOrEqual(190);
    expect(result.logs.map((line) => line.message)).toEqual(['done, no answer']);
  });

  it('renders data that is not JSON as an error', async () => {
    const app = serverApp(`exports = { cyclic: function () { var a = {}; a.self = a; renderData(null, a); } };`);
    const result = await invoke(app, { kind: 'smi', handler: 'cyclic' });
    expect(result.outcome).toBe('error');
    expect(result.error).toMatch(/^renderData arguments must be JSON-serialisable: TypeError: Converting circular structure/);
  });

  it('fails on an exception or a rejection before renderData', async () => {
    const app = serverApp(`exports = {
      throws: function () { throw new Error('boom'); },
      typeError: function (args) { return args.missing.field; },
      rejects: async function () { await Promise.resolve(); throw { status: 404, message: 'Record not found' }; },
      afterRender: function () { renderData(null, 'ok'); throw new Error('too late'); }
    };`);
    expect(await invoke(app, { kind: 'smi', handler: 'throws' })).toMatchObject({ outcome: 'error', error: 'boom' });
    expect((await invoke(app, { kind: 'smi', handler: 'typeError' })).error).toMatch(/^TypeError: Cannot read properties of undefined/);
    expect(await invoke(app, { kind: 'smi', handler: 'rejects' })).toMatchObject({ outcome: 'error', error: 'Record not found' });
    expect(await invoke(app, { kind: 'smi', handler: 'afterRender' })).toMatchObject({ outcome: 'rendered', rendered: { data: 'ok' } });
  });

  it('completes an event when its promise settles, ignoring renderData', async () => {
    const app = serverApp(`exports = {
      onScheduledEventHandler: async function (args) {
        renderData(null, 'meaningless');
        await $db.set('cursor', args.data);
        console.log('saved');
      },
      onExternalEventHandler: async function () { await $db.get('x'); throw new Error('webhook failed'); }
    };`);
    const services = fakeServices();
    const done = await invoke(app, { kind: 'scheduled', handler: 'onScheduledEventHandler', payload: { data: { cursor: 'c1' } } }, services);
    expect(done).toMatchObject({ outcome: 'completed', logs: [expect.objectContaining({ message: 'saved' })] });
    expect(done.rendered).toBeUndefined();
    expect(services.db.set).toHaveBeenCalledWith('cursor', { cursor: 'c1' });
    expect(await invoke(app, { kind: 'external', handler: 'onExternalEventHandler' })).toMatchObject({ outcome: 'error', error: 'webhook failed' });
  });

  it('times out an event whose promise never settles', async () => {
    const app = serverApp(`exports = { hang: function () { return new Promise(function () {}); } };`);
    expect(await invoke(app, { handler: 'hang', timeoutMs: 150 })).toMatchObject({ outcome: 'timeout', error: TIMEOUT_MESSAGE });
  });

  it('stops a synchronous infinite loop in a handler or at the top level of server.js', async () => {
    const looping = serverApp(`exports = { spin: function () { for (;;) {} } };`);
    const started = Date.now();
    expect(await invoke(looping, { kind: 'smi', handler: 'spin', timeoutMs: 200 })).toMatchObject({ outcome: 'timeout', error: TIMEOUT_MESSAGE });
    expect(Date.now() - started).toBeLessThan(2000);
    const topLevel = serverApp(`while (true) {}\nexports = { a: function () {} };`);
    expect(await invoke(topLevel, { handler: 'a', timeoutMs: 200 })).toMatchObject({ outcome: 'timeout' });
  });

  it('refuses a missing handler, an inherited one, a syntax error and a missing server.js', async () => {
    const app = serverApp(`exports = { present: function () {}, notAFunction: 1 };`);
    expect(await invoke(app, { handler: 'absent' })).toMatchObject({ outcome: 'error', error: 'absent is not a function exported by server.js' });
    expect(await invoke(app, { handler: 'toString' })).toMatchObject({ outcome: 'error', error: 'toString is not a function exported by server.js' });
    expect(await invoke(app, { handler: 'notAFunction' })).toMatchObject({ error: 'notAFunction is not a function exported by server.js' });
    const broken = serverApp(`exports = {\n  a: function () {\n  }}};`);
    expect(await invoke(broken, { handler: 'a' })).toMatchObject({ outcome: 'error', error: "SyntaxError: Unexpected token '}' (server/server.js:3)" });
    const noServer = writeApp({ 'server/lib/x.js': '' });
    noServer.dir = `${noServer.dir}-missing`;
    expect((await invoke(noServer, { handler: 'a' })).error).toBe('server/server.js not found: the app has no serverless code');
  });

  it('keeps nothing between invocations', async () => {
    const app = serverApp(
      `var counter = require('./lib/counter');
      var calls = 0;
      exports = { count: function () { calls += 1; globalThis.seen = (globalThis.seen || 0) + 1; renderData(null, [calls, counter.next(), globalThis.seen]); } };`,
      { 'server/lib/counter.js': 'var n = 0; exports.next = function () { n += 1; return n; };' },
    );
    const sandbox = new ServerSandbox(app);
    const services = fakeServices();
    for (let i = 0; i < 2; i += 1) {
      expect((await sandbox.invoke({ kind: 'smi', handler: 'count', payload: {} }, services)).rendered?.data).toEqual([1, 1, 1]);
    }
  });
});

describe('ServerSandbox: app-setup events (platform.md §2.5, §4.1)', () => {
  const app = serverApp(`exports = {
    ok: function () { renderData(); },
    veto: function () { renderData({ message: 'Invalid API key' }); },
    long: function () { renderData({ message: '${'x'.repeat(61)}' }); },
    text: function () { renderData('nope'); },
    silent: function () {}
  };`);
  const setup = (handler: string, timeoutMs?: number) => invoke(app, { kind: 'setup', handler, payload: { event: 'onAppInstall' }, timeoutMs });

  it('completes with renderData() and vetoes with a message of at most 60 characters', async () => {
    expect(await setup('ok')).toMatchObject({ outcome: 'rendered', rendered: { error: null } });
    expect(await setup('veto')).toMatchObject({ outcome: 'rendered', rendered: { error: { message: 'Invalid API key' } } });
  });

  it('fails a veto whose message is longer than 60 characters or not a message object', async () => {
    const long = await setup('long');
    expect(long.outcome).toBe('error');
    expect(long.error).toMatch(/^renderData error message for onAppInstall is 61 characters; the platform shows at most 60/);
    expect((await setup('text')).error).toMatch(/^renderData error for onAppInstall must be an object with a message string/);
  });

  it('treats a missing renderData as a timeout', async () => {
    expect(await setup('silent', 150)).toMatchObject({ outcome: 'timeout', error: TIMEOUT_MESSAGE });
  });
});

describe('ServerSandbox: console capture (platform.md §2.8)', () => {
  it('records each line with its level and the clock’s time, formatted like util.format', async () => {
    const app = serverApp(`exports = { logs: function () {
      console.log('plain %d items', 3);
      console.info({ a: { b: [1, 2] } });
      console.warn('careful', null, undefined);
      console.error(new Error('bad'));
      console.debug('debug goes to log');
    } };`);
    const clock = new ManualClock('2026-11-02T09:00:00Z');
    const result = await invoke(app, { handler: 'logs' }, fakeServices(), clock);
    expect(result.logs.map(({ level, message }) => [level, message.split('\n')[0]])).toEqual([
      ['log', 'plain 3 items'],
      ['info', '{ a: { b: [ 1, 2 ] } }'],
      ['warn', 'careful null undefined'],
      ['error', 'Error: bad'],
      ['log', 'debug goes to log'],
    ]);
    expect(result.logs.every((line) => line.at === Date.parse('2026-11-02T09:00:00Z'))).toBe(true);
  });

  it('formats single values for log lines', () => {
    expect(formatLogValue('text')).toBe('text');
    expect(formatLogValue({ id: 1, tags: ['a'] })).toBe("{ id: 1, tags: [ 'a' ] }");
  });
});

describe('ServerSandbox: payload caps (platform.md §2.7)', () => {
  const app = serverApp(`exports = { handler: function () { console.log('ran'); renderData(null, true); } };`);
  /** A payload whose JSON is exactly `bytes` long: {"data":{"s":"xxx"}}. */
  const sized = (bytes: number, extra: Record<string, unknown> = {}) => ({ data: { s: 'x'.repeat(bytes - 17) }, ...extra });
  const dataSized = (bytes: number) => ({ s: 'x'.repeat(bytes - 8) });

  it.each([
    ['product', 256 * 1024, sized, 'product event payload'],
    ['smi', 100 * 1024, sized, 'SMI payload (including iparams)'],
    ['external', 100 * 1024, (n: number) => ({ data: dataSized(n), iparams: { big: 'y'.repeat(5000) } }), 'external event data'],
    ['scheduled', 4 * 1024, (n: number) => ({ data: dataSized(n) }), 'scheduled event data'],
  ] as const)('%s: accepts %i bytes and refuses one more, before running', async (kind, limit, build, what) => {
    const accepted = await invoke(app, { kind, handler: 'handler', payload: build(limit) });
    expect(accepted.outcome).not.toBe('error');
    const refused = await invoke(app, { kind, handler: 'handler', payload: build(limit + 1) });
    expect(refused).toMatchObject({
      outcome: 'error',
      error: `Payload too large: the ${what} is ${limit + 1} bytes; the platform accepts at most ${limit / 1024} KB (${limit} bytes)`,
      logs: [],
    });
  });

  it('measures bytes, not characters', async () => {
    const result = await invoke(app, { kind: 'scheduled', handler: 'handler', payload: { data: { s: 'é'.repeat(2100) } } });
    expect(result.error).toMatch(/^Payload too large: the scheduled event data is 4208 bytes/);
  });
});

describe('ServerSandbox: platform services', () => {
  it('wires $request, $db, $schedule and generateTargetUrl to the services, with sandbox-realm answers', async () => {
    const app = serverApp(`exports = { onAppInstallHandler: async function () {
      var response = await $request.invokeTemplate('getContact', { context: { id: 7 } });
      var url = await generateTargetUrl();
      await $db.set('hook', { url: url }, { ttl: 60 });
      var stored = await $db.get('hook');
      await $db.update('hook', 'increment', { count: 1 });
      await $db.delete('hook');
      var record = await $db.entity({ version: 'v1' }).get('notes').create({ text: 'hi' });
      await $schedule.create({ name: 'nightly', data: {}, schedule_at: '2026-11-02T10:00:00Z' });
      var fetched = await $schedule.fetch({ name: 'nightly' });
      await $schedule.update(fetched);
      await $schedule.delete({ name: 'nightly' });
      renderData(null, { status: response.status, url: url, stored: stored, record: record.record.data,
        realm: response instanceof Object && stored instanceof Object && fetched.data instanceof Object });
    } };`);
    const services = fakeServices();
    const result = await invoke(app, { kind: 'setup', handler: 'onAppInstallHandler' }, services);
    expect(result.rendered?.data).toEqual({
      status: 200,
      url: 'http://localhost:10001/__fdk/webhook/inst-1',
      stored: { count: 1 },
      record: { text: 'hi' },
      realm: true,
    });
    expect(services.invokeTemplate).toHaveBeenCalledWith('getContact', { context: { id: 7 } });
    expect(services.db.set).toHaveBeenCalledWith('hook', { url: 'http://localhost:10001/__fdk/webhook/inst-1' }, { ttl: 60 });
    expect(services.db.update).toHaveBeenCalledWith('hook', 'increment', { count: 1 });
    expect(services.db.delete).toHaveBeenCalledWith('hook');
    expect(services.db.entity).toHaveBeenCalledWith({ version: 'v1' });
    expect(services.entityStore.get).toHaveBeenCalledWith('notes');
    expect(services.schedules.create).toHaveBeenCalledWith({ name: 'nightly', data: {}, schedule_at: '2026-11-02T10:00:00Z' });
    expect(services.schedules.update).toHaveBeenCalledWith({ name: 'nightly', data: { a: 1 }, schedule_at: '2026-11-02T10:00:00.000Z' });
    expect(services.schedules.delete).toHaveBeenCalledWith({ name: 'nightly' });
  });

  it('rejects with the plain platform error shape, as the platform does', async () => {
    const app = serverApp(`exports = { lookup: async function () {
      try { await $request.invokeTemplate('getContact', {}); }
      catch (error) { renderData({ status: error.status, message: error.message, source: error.errorSource, isError: error instanceof Error }); }
    } };`);
    const services = fakeServices();
    services.invokeTemplate.mockRejectedValue(new PlatformError({ status: 429, message: 'Rate limit exceeded', errorSource: 'PLATFORM' }));
    const result = await invoke(app, { kind: 'smi', handler: 'lookup' }, services);
    expect(result.rendered?.error).toEqual({ status: 429, message: 'Rate limit exceeded', source: 'PLATFORM', isError: false });
  });

  it('turns a service that throws synchronously into a rejection', async () => {
    const app = serverApp(`exports = { read: function () {
      return $db.get('k').then(function () {}, function (error) { console.error('caught', error.status, error.message); });
    } };`);
    const services = fakeServices();
    services.db.get.mockImplementation(() => {
      throw new PlatformError({ status: 400, message: 'Invalid key' });
    });
    expect((await invoke(app, { handler: 'read' }, services)).logs[0]).toMatchObject({ level: 'error', message: 'caught 400 Invalid key' });
  });
});

describe('ServerSandbox: unhandled rejections in server code', () => {
  // Node reports them process-wide; here the report is emitted by hand with the sandbox's own
  // promise, since a real one would also reach jest's handlers on the real process.
  it('fail the invocation whose realm made the promise', async () => {
    const app = serverApp(`exports = { onContactCreateHandler: function () {
      var stray = Promise.reject(new Error('forgot to await'));
      stray.catch(function () {});
      return $db.set('p', stray).then(function () { return new Promise(function () {}); });
    } };`);
    const services = fakeServices();
    services.db.set.mockImplementation((_key: string, stray: unknown) => {
      process.emit('unhandledRejection', new Error('forgot to await'), stray as Promise<unknown>);
      return Promise.resolve({ Created: true });
    });
    const result = await invoke(app, { handler: 'onContactCreateHandler', timeoutMs: 1000 }, services);
    expect(result).toMatchObject({ outcome: 'error', error: 'Unhandled promise rejection: forgot to await' });
    expect(result.logs).toEqual([expect.objectContaining({ level: 'error', message: 'Unhandled promise rejection: forgot to await' })]);
  });

  it('leave other rejections to Node’s default (they still crash the process)', async () => {
    await invoke(serverApp('exports = { a: function () {} };'), { handler: 'a' });
    expect(process.listenerCount('unhandledRejection')).toBe(1);
    expect(() => process.emit('unhandledRejection', new Error('host bug'), Promise.resolve())).toThrow('host bug');
  });
});

describe('ServerSandbox: paths in logs and errors are the app’s, not the machine’s', () => {
  const app = writeApp(
    {
      'server/server.js': `var sync = require('./lib/sync');
exports = {
  onContactCreateHandler: function () {
    sync.report();
    try { sync.run(); } catch (error) { console.error('sync failed:', error); }
    try { require('pkg').explode(); } catch (error) { console.error(error); }
  },
  onContactUpdateHandler: function () { sync.readConfig(); }
};`,
      'server/lib/sync.js': `'use strict';

exports = {
  report: function () {
    console.error(new Error('x'));
  },
  run: function () {
    throw new TypeError('cannot sync');
  },
  readConfig: function () {
    throw new Error('cannot read ' + __dirname + '/config.json');
  },
};
`,
      'node_modules/pkg/package.json': '{"name":"pkg","main":"lib/index.js"}',
      'node_modules/pkg/lib/index.js': "exports.explode = function () {\n  throw new Error('from the package');\n};\n",
    },
    { pkg: '1.0.0' },
  );
  /** Absolute folders that must not show: the app (as given and as resolved) and this repository. */
  const machinePaths = [app.dir, realpathSync(app.dir), resolve(__dirname, '../../..')];

  it('logs errors with server/… and node_modules/… locations, without the emulator’s own frames', async () => {
    const result = await invoke(app, { handler: 'onContactCreateHandler' });
    expect(result.outcome).toBe('completed');
    const [logged, caught, fromPackage] = result.logs.map((line) => line.message);
    expect(logged).toMatch(/^Error: x\n {4}at Object\.report \(server\/lib\/sync\.js:5:19\)\n {4}at Object\.onContactCreateHandler \(server\/server\.js:4:10\)\n/);
    expect(caught).toMatch(/^sync failed: TypeError: cannot sync\n {4}at Object\.run \(server\/lib\/sync\.js:8:11\)\n/);
    expect(fromPackage).toMatch(/^Error: from the package\n {4}at Object\.exports\.explode \(node_modules\/pkg\/lib\/index\.js:2:9\)\n {4}at .*\(server\/server\.js:6:26\)/);
    for (const message of [logged, caught, fromPackage]) {
      for (const path of machinePaths) expect(message).not.toContain(path);
    }
  });

  it('reports the failure of an invocation with the app’s paths', async () => {
    const result = await invoke(app, { handler: 'onContactUpdateHandler' });
    expect(result).toMatchObject({ outcome: 'error', error: 'cannot read server/lib/config.json' });
  });
});
