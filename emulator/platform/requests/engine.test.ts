import type { TemplateInvokeOptions } from '../../../common/platform/request';
import { ManualClock } from '../../clock';
import { Inspector } from '../inspector/inspector';
import { MinuteWindow } from '../minute-window';
import { PlatformError, type Caller, type RequestTemplate } from '../types';
import { RequestEngine, type RequestEngineOptions } from './engine';
import { createHostRouting } from './routing';
import { appWith, closedPort, dropConnection, hang, replyJson, replyText, startReceiver, type Receiver } from './testing';

const SECRET = 'sk-live-secret-5f2a9c';
const PARTNER = 'hooks.partner.example';

const template = (schema: Partial<RequestTemplate['schema']> = {}, options?: RequestTemplate['options']): RequestTemplate => ({
  schema: { method: 'GET', host: PARTNER, path: '/items', ...schema },
  ...(options === undefined ? {} : { options }),
});

const TEMPLATES: Record<string, RequestTemplate> = {
  getItem: template({ path: '/items/<%= context.id %>', headers: { Authorization: 'Token token=<%= iparam.api_key %>' } }),
  postItem: template({ method: 'POST', headers: { 'Content-Type': 'application/json' } }),
  bare: template(),
  retried: template({}, { maxAttempts: 3, retryDelay: 250 }),
  slowRetry: template({}, { maxAttempts: 2, retryDelay: 60_000 }),
  defaultDelay: template({}, { maxAttempts: 2 }),
  secretInQuery: template({ query: { key: '<%= iparam.api_key %>' } }),
  undeclared: template(),
};

interface Setup {
  engine: RequestEngine;
  clock: ManualClock;
  inspector: Inspector;
  window: MinuteWindow;
  delays: number[];
}

let receiver: Receiver;

beforeEach(async () => {
  receiver = await startReceiver();
});

afterEach(async () => {
  await receiver.close();
});

function setup(overrides: Partial<RequestEngineOptions> & { limit?: number; target?: string } = {}): Setup {
  const clock = new ManualClock();
  const inspector = new Inspector(clock);
  const window = new MinuteWindow(clock, 'request method (50/min)', overrides.limit ?? 50);
  const delays: number[] = [];
  const engine = new RequestEngine({
    app: appWith(TEMPLATES, { declared: Object.keys(TEMPLATES).filter((name) => name !== 'undeclared') }),
    iparams: () => ({ domain: 'demo.myfreshworks.com', api_key: SECRET, region: 'eu' }),
    routing: createHostRouting({ overrides: { [PARTNER]: overrides.target ?? receiver.url } }),
    clock,
    inspector,
    window,
    delay: (ms) => {
      delays.push(ms);
      return Promise.resolve();
    },
    ...overrides,
  });
  return { engine, clock, inspector, window, delays };
}

/** The rejection's shape, exactly as the app receives it (a JSON round trip, like the front end's). */
async function rejection(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    if (!(error instanceof PlatformError)) throw error;
    return JSON.parse(JSON.stringify(error.shape)) as Record<string, unknown>;
  }
  throw new Error('expected a rejection');
}

function platformFailure(status: number, message: string, attempts = 1): Record<string, unknown> {
  return { status, headers: {}, response: message, message, errorSource: 'PLATFORM', attempts };
}

describe('RequestEngine: sending', () => {
  it('resolves {status, headers, response, attempts} with the raw body string and lower-case header names', async () => {
    receiver.script((response) => {
      response.setHeader('Content-Type', 'application/json; charset=utf-8');
      response.setHeader('X-Request-Id', 'r-1');
      response.setHeader('Set-Cookie', ['a=1', 'b=2']);
      response.end('{"item":{"id":42}}');
    });
    const { engine } = setup();
    const success = await engine.invoke('serverless', 'getItem', { context: { id: 42 } });
    expect(Object.keys(success).sort()).toEqual(['attempts', 'headers', 'response', 'status']);
    expect(success.status).toBe(200);
    expect(success.response).toBe('{"item":{"id":42}}');
    expect(success.attempts).toBe(1);
    expect(success.headers).toMatchObject({ 'content-type': 'application/json; charset=utf-8', 'x-request-id': 'r-1', 'set-cookie': 'a=1, b=2' });
    expect(Object.keys(success.headers).every((name) => name === name.toLowerCase())).toBe(true);
  });

  it('sends the template exactly: method, path and query, its headers and no headers of its own', async () => {
    const { engine } = setup();
    await engine.invoke('serverless', 'getItem', { context: { id: 7 } });
    expect(receiver.received).toMatchObject([{ method: 'GET', url: '/items/7' }]);
    const headers = receiver.received[0]?.headers ?? {};
    expect(headers.authorization).toBe(`Token token=${SECRET}`);
    for (const name of ['accept', 'user-agent', 'accept-encoding', 'content-type']) expect(headers).not.toHaveProperty(name);
    // Only what HTTP itself needs besides the template's own headers.
    expect(Object.keys(headers).sort()).toEqual(['authorization', 'connection', 'host']);
  });

  it('sends options.body as is, never serialising or transforming it', async () => {
    const { engine } = setup();
    const body = '{"name": "Zoë",  "n": 1}';
    await engine.invoke('frontend', 'postItem', { body });
    expect(receiver.received[0]).toMatchObject({ method: 'POST', body });
    expect(receiver.received[0]?.headers['content-type']).toBe('application/json');
    expect(receiver.received[0]?.headers['content-length']).toBe(String(Buffer.byteLength(body)));
  });

  it('does not parse JSON answers, even with a JSON content type', async () => {
    receiver.script(replyText(200, 'application/json', '  [1, 2]  '));
    const { engine } = setup();
    expect((await engine.invoke('serverless', 'bare')).response).toBe('  [1, 2]  ');
  });

  it('refuses a body that is not a string, and one over 100 KB, before sending anything', async () => {
    const { engine, window } = setup();
    expect(await rejection(engine.invoke('serverless', 'postItem', { body: { a: 1 } } as unknown as TemplateInvokeOptions))).toEqual(
      platformFailure(400, 'invokeTemplate: options.body must be a string (JSON.stringify the body yourself)'),
    );
    expect(await rejection(engine.invoke('serverless', 'postItem', { body: 'x'.repeat(100 * 1024 + 1) }))).toEqual(
      platformFailure(400, 'invokeTemplate: the request body exceeds the 100 KB limit'),
    );
    await engine.invoke('serverless', 'postItem', { body: 'x'.repeat(100 * 1024) });
    expect(receiver.received).toHaveLength(1);
    expect(window.budget().used).toBe(1);
  });

  it('rejects a non-2xx answer with {status, headers, response, errorSource: APP, attempts} and no message', async () => {
    receiver.script(replyJson(404, { errors: { code: 404, message: ['Contact not found'] } }, { 'X-Request-Id': 'r-9' }));
    const { engine } = setup();
    const shape = await rejection(engine.invoke('serverless', 'getItem', { context: { id: 1 } }));
    expect(Object.keys(shape).sort()).toEqual(['attempts', 'errorSource', 'headers', 'response', 'status']);
    expect(shape).toMatchObject({ status: 404, response: '{"errors":{"code":404,"message":["Contact not found"]}}', errorSource: 'APP', attempts: 1 });
    expect(shape.headers).toMatchObject({ 'content-type': 'application/json; charset=utf-8', 'x-request-id': 'r-9' });
  });

  it('does not follow redirects: a 3xx is an APP rejection', async () => {
    receiver.script(replyText(302, 'text/html', '<a href="/elsewhere">moved</a>'));
    const { engine } = setup();
    expect(await rejection(engine.invoke('serverless', 'bare'))).toMatchObject({ status: 302, errorSource: 'APP' });
    expect(receiver.received).toHaveLength(1);
  });
});

describe('RequestEngine: declared templates (platform.md §5.3, §5.6)', () => {
  it('refuses a template that config/requests.json does not define', async () => {
    const { engine, window } = setup();
    expect(await rejection(engine.invoke('serverless', 'nope'))).toEqual(
      platformFailure(400, "Request template 'nope' is not defined in config/requests.json"),
    );
    expect(window.budget().used).toBe(0);
  });

  it('refuses a template defined but not declared in the manifest, with the FDK wording', async () => {
    const { engine } = setup();
    expect(await rejection(engine.invoke('frontend', 'undeclared'))).toEqual(
      platformFailure(400, "Request template 'undeclared' is declared but not associated with the current product in manifest.json"),
    );
    expect(await rejection(engine.invoke('frontend', 'toString'))).toMatchObject({ status: 400, message: expect.stringContaining('not defined') });
    expect(receiver.received).toHaveLength(0);
  });

  it('refuses a substitution error with 400 before anything is sent', async () => {
    const { engine } = setup();
    expect(await rejection(engine.invoke('serverless', 'getItem'))).toEqual(
      platformFailure(400, 'Error while substituting the templates: context.id has no value'),
    );
    expect(receiver.received).toHaveLength(0);
  });
});

describe('RequestEngine: retries (platform.md §5.5)', () => {
  it.each([
    ['503', replyText(503, 'text/html', 'down')],
    ['429', replyJson(429, { message: 'slow down' })],
    ['500', replyJson(500, {})],
    ['a dropped connection', dropConnection],
  ])('resends after %s, waiting retryDelay, and counts the attempts', async (_name, failure) => {
    receiver.script(failure, failure, replyJson(200, { ok: true }));
    const { engine, delays } = setup();
    const success = await engine.invoke('serverless', 'retried');
    expect(success).toMatchObject({ status: 200, attempts: 3 });
    expect(receiver.received).toHaveLength(3);
    expect(delays).toEqual([250, 250]);
  });

  it.each([400, 401, 404, 422])('returns a %i at once, without retrying', async (status) => {
    receiver.script(replyJson(status, { error: 'no' }));
    const { engine, delays } = setup();
    expect(await rejection(engine.invoke('serverless', 'retried'))).toMatchObject({ status, errorSource: 'APP', attempts: 1 });
    expect(receiver.received).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it('rejects with the last answer and the attempt count when every attempt fails', async () => {
    receiver.fallback = replyText(503, 'text/plain', 'still down');
    const { engine } = setup();
    expect(await rejection(engine.invoke('serverless', 'retried'))).toMatchObject({ status: 503, response: 'still down', errorSource: 'APP', attempts: 3 });
    expect(receiver.received).toHaveLength(3);
  });

  it('does not retry without maxAttempts: a third-party 429 rejects immediately', async () => {
    receiver.script(replyJson(429, {}, { 'Retry-After': '30' }));
    const { engine } = setup();
    expect(await rejection(engine.invoke('serverless', 'bare'))).toMatchObject({ status: 429, errorSource: 'APP', attempts: 1, headers: { 'retry-after': '30' } });
  });

  it('caps retryDelay at 1500 ms and defaults it to 0', async () => {
    receiver.script(replyJson(503, {}), replyJson(200, {}), replyJson(503, {}));
    const { engine, delays } = setup();
    await engine.invoke('serverless', 'slowRetry');
    await engine.invoke('serverless', 'defaultDelay');
    expect(delays).toEqual([1500, 0]);
  });

  it('waits with real time when no delay is injected', async () => {
    receiver.script(replyJson(503, {}));
    const { engine } = setup({ delay: undefined });
    const started = performance.now();
    await engine.invoke('serverless', 'retried');
    expect(performance.now() - started).toBeGreaterThanOrEqual(240);
  });
});

describe('RequestEngine: platform failures', () => {
  it('rejects a connection error with 502 PLATFORM naming the code, after retrying it', async () => {
    const port = await closedPort();
    const { engine, delays } = setup({ target: `http://127.0.0.1:${port}` });
    expect(await rejection(engine.invoke('serverless', 'retried'))).toEqual(
      platformFailure(502, `Error in establishing connection to ${PARTNER}: ECONNREFUSED`, 3),
    );
    expect(delays).toHaveLength(2);
  });

  it('rejects a host with no route with 502 PLATFORM and sends nothing', async () => {
    const { engine } = setup({ routing: createHostRouting({}) });
    expect(await rejection(engine.invoke('serverless', 'bare'))).toMatchObject({ status: 502, errorSource: 'PLATFORM', attempts: 1 });
  });

  it('times out with 504 PLATFORM', async () => {
    receiver.fallback = hang;
    const { engine } = setup({ timeoutMs: 100 });
    expect(await rejection(engine.invoke('serverless', 'bare'))).toEqual(
      platformFailure(504, `Timeout error while processing the request: no answer from ${PARTNER} within 100 ms`),
    );
  });

  it('treats a timeout as a network error: retried', async () => {
    receiver.script(hang);
    const { engine } = setup({ timeoutMs: 100 });
    expect(await engine.invoke('serverless', 'retried')).toMatchObject({ status: 200, attempts: 2 });
  });

  it('rejects a content type outside the allow-list with 415 PLATFORM', async () => {
    receiver.script(replyText(200, 'text/csv', 'a,b\n1,2'));
    const { engine } = setup();
    expect(await rejection(engine.invoke('serverless', 'bare'))).toEqual(
      platformFailure(415, "Unsupported content type: the third party answered 'text/csv'"),
    );
  });

  it.each([
    'application/json',
    'application/json; charset=utf-8',
    'Application/XML',
    'text/html; charset=iso-8859-1',
    'text/xml',
    'application/jsonp',
    'text/plain',
    'application/javascript',
    'application/vnd.api+json',
    'text/javascript',
    undefined,
  ])('accepts the content type %s', async (type) => {
    receiver.script(replyText(200, type, 'ok'));
    const { engine } = setup();
    expect(await engine.invoke('serverless', 'bare')).toMatchObject({ status: 200, response: 'ok' });
  });

  it('caps the response at 6 MB', async () => {
    const limit = 6 * 1024 * 1024;
    receiver.script(replyText(200, 'text/plain', Buffer.alloc(limit, 'a')), replyText(200, 'text/plain', Buffer.alloc(limit + 1, 'a')));
    const { engine } = setup();
    expect((await engine.invoke('serverless', 'bare')).response).toHaveLength(limit);
    expect(await rejection(engine.invoke('serverless', 'bare'))).toEqual(platformFailure(400, `The response from ${PARTNER} exceeds the 6 MB limit`));
  });
});

describe('RequestEngine: 50 calls a minute per installation (platform.md §5.6)', () => {
  it('refuses the 51st call in a minute with 429 PLATFORM without calling the third party, and allows it after the window', async () => {
    const { engine, clock, window } = setup();
    for (let i = 0; i < 50; i += 1) await engine.invoke('serverless', 'bare');
    expect(await rejection(engine.invoke('frontend', 'bare'))).toEqual(platformFailure(429, 'You have exceeded the limit of 50 requests per minute'));
    expect(receiver.received).toHaveLength(50);
    expect(window.budget().used).toBe(50);
    clock.advance(60_000);
    expect(await engine.invoke('frontend', 'bare')).toMatchObject({ status: 200 });
    expect(receiver.received).toHaveLength(51);
  });

  it('counts every attempt: retries spend the budget, and stop when it is spent', async () => {
    receiver.fallback = replyJson(503, {});
    const { engine } = setup({ limit: 2 });
    expect(await rejection(engine.invoke('serverless', 'retried'))).toEqual(platformFailure(429, 'You have exceeded the limit of 2 requests per minute', 3));
    expect(receiver.received).toHaveLength(2);
  });

  it('counts calls that fail substitution (they reached the platform)', async () => {
    const { engine, window } = setup();
    await rejection(engine.invoke('serverless', 'getItem'));
    expect(window.budget().used).toBe(1);
  });
});

describe('RequestEngine: secrets', () => {
  it('never puts a secure iparam in the URL: the template is refused and nothing is sent', async () => {
    const { engine, inspector } = setup();
    const shape = await rejection(engine.invoke('serverless', 'secretInQuery'));
    expect(shape).toMatchObject({ status: 400, errorSource: 'PLATFORM' });
    expect(shape.message).toContain('secure iparam.api_key may not be used in query');
    expect(receiver.received).toHaveLength(0);
    expect(JSON.stringify(shape)).not.toContain(SECRET);
    expect(JSON.stringify(inspector.snapshot())).not.toContain(SECRET);
  });

  describe('which iparams are secure', () => {
    const leak = { leak: template({ path: '/<%= iparam.token %>' }) };

    it.each<[string, Partial<RequestEngineOptions>]>([
      [
        'those a custom settings page lists in __meta.secure',
        { app: { ...appWith(leak), iparamFields: undefined, customSettingsPage: true }, iparams: () => ({ token: SECRET, __meta: { secure: ['token'] } }) },
      ],
      ['api_key fields of config/iparams.json, even without secure: true', { app: { ...appWith(leak), iparamFields: { token: { type: 'api_key' } } }, iparams: () => ({ token: SECRET }) }],
    ])('%s', async (_name, overrides) => {
      const { engine } = setup(overrides);
      expect(await rejection(engine.invoke('serverless', 'leak'))).toMatchObject({
        status: 400,
        message: expect.stringContaining('secure iparam.token may not be used in path'),
      });
      expect(receiver.received).toHaveLength(0);
    });
  });

  it('keeps header values out of the inspector and out of error messages, whatever the outcome', async () => {
    const port = await closedPort();
    receiver.script(replyJson(200, {}), replyJson(401, { message: 'bad key' }));
    const { engine, inspector } = setup();
    await engine.invoke('serverless', 'getItem', { context: { id: 1 } });
    const unauthorised = await rejection(engine.invoke('frontend', 'getItem', { context: { id: 2 } }));
    const offline = setup({ target: `http://127.0.0.1:${port}`, inspector });
    const refused = await rejection(offline.engine.invoke('serverless', 'getItem', { context: { id: 3 } }));
    expect(receiver.received[0]?.headers.authorization).toBe(`Token token=${SECRET}`);
    for (const text of [JSON.stringify(unauthorised), JSON.stringify(refused), JSON.stringify(inspector.snapshot())]) {
      expect(text).not.toContain(SECRET);
    }
  });
});

describe('RequestEngine: inspector', () => {
  it('records every call with caller, template, status, duration, attempts and URL, and failures with their reason', async () => {
    receiver.script(replyJson(200, {}), replyJson(404, {}));
    const { engine, inspector, clock } = setup();
    await engine.invoke('frontend', 'getItem', { context: { id: 5 } });
    await rejection(engine.invoke('serverless', 'getItem', { context: { id: 6 } }));
    await rejection(engine.invoke('install-page', 'nope'));
    const entries = inspector.entries('template');
    expect(entries).toEqual([
      { kind: 'template', at: clock.now(), caller: 'frontend', name: 'getItem', status: 200, durationMs: expect.any(Number), attempts: 1, url: `https://${PARTNER}/items/5` },
      { kind: 'template', at: clock.now(), caller: 'serverless', name: 'getItem', status: 404, durationMs: expect.any(Number), attempts: 1, url: `https://${PARTNER}/items/6`, error: 'HTTP 404' },
      {
        kind: 'template', at: clock.now(), caller: 'install-page', name: 'nope', status: 400, durationMs: expect.any(Number), attempts: 1,
        error: "Request template 'nope' is not defined in config/requests.json",
      },
    ]);
  });
});

describe('RequestEngine: front-end cache (platform.md §5.3)', () => {
  const cached = (context: Record<string, string | number>, extra: TemplateInvokeOptions = {}): TemplateInvokeOptions => ({ context, cache: true, ...extra });

  it('answers a repeated front-end call from the cache for ttl ms, without spending the budget', async () => {
    receiver.script(replyJson(200, { n: 1 }), replyJson(200, { n: 2 }));
    const { engine, clock, window, inspector } = setup();
    const first = await engine.invoke('frontend', 'getItem', cached({ id: 1 }));
    clock.advance(59_999);
    const second = await engine.invoke('frontend', 'getItem', cached({ id: 1 }));
    expect(second).toEqual(first);
    expect(receiver.received).toHaveLength(1);
    expect(window.budget().used).toBe(1);
    expect(inspector.entries('template').map((entry) => (entry as { attempts: number }).attempts)).toEqual([1, 0]);
    clock.advance(1);
    expect(JSON.parse((await engine.invoke('frontend', 'getItem', cached({ id: 1 }))).response)).toEqual({ n: 2 });
    expect(receiver.received).toHaveLength(2);
  });

  it('keys the cache by template, context and body, and honours ttl', async () => {
    const { engine, clock } = setup();
    await engine.invoke('frontend', 'getItem', cached({ id: 1 }, { ttl: 1000 }));
    await engine.invoke('frontend', 'getItem', cached({ id: 2 }, { ttl: 1000 }));
    await engine.invoke('frontend', 'postItem', cached({}, { body: 'a' }));
    await engine.invoke('frontend', 'postItem', cached({}, { body: 'b' }));
    expect(receiver.received).toHaveLength(4);
    await engine.invoke('frontend', 'getItem', cached({ id: 2 }));
    expect(receiver.received).toHaveLength(4);
    clock.advance(1000);
    await engine.invoke('frontend', 'getItem', cached({ id: 2 }));
    expect(receiver.received).toHaveLength(5);
  });

  it.each<[string, Caller, TemplateInvokeOptions]>([
    ['server code (no cache there)', 'serverless', { context: { id: 1 }, cache: true }],
    ['a call without cache: true', 'frontend', { context: { id: 1 } }],
  ])('does not cache for %s', async (_name, caller, options) => {
    const { engine } = setup();
    await engine.invoke(caller, 'getItem', options);
    await engine.invoke(caller, 'getItem', options);
    expect(receiver.received).toHaveLength(2);
  });

  it('caches successes only, and returns copies', async () => {
    receiver.script(replyJson(500, {}));
    const { engine } = setup();
    await rejection(engine.invoke('frontend', 'getItem', cached({ id: 1 })));
    const answer = await engine.invoke('frontend', 'getItem', cached({ id: 1 }));
    answer.headers['x-mutated'] = 'yes';
    expect((await engine.invoke('frontend', 'getItem', cached({ id: 1 }))).headers).not.toHaveProperty('x-mutated');
    expect(receiver.received).toHaveLength(2);
    engine.clearCache();
    await engine.invoke('frontend', 'getItem', cached({ id: 1 }));
    expect(receiver.received).toHaveLength(3);
  });

  it('refuses a ttl that is not a positive number', async () => {
    const { engine } = setup();
    expect(await rejection(engine.invoke('frontend', 'bare', { cache: true, ttl: -5 }))).toEqual(
      platformFailure(400, 'invokeTemplate: options.ttl must be a positive number of milliseconds'),
    );
  });
});
