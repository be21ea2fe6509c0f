import { Webhook } from 'standardwebhooks';
import type { InvokeTemplate, TemplateInvokeOptions, TemplateSuccess } from '../../../common/platform/request';
import type { Host } from '../platform/host';
import { DEFAULT_MAX_ATTEMPTS, signingKey, type WebhookSettings } from '../settings/settings';
import { classifyDelivery, endpointOf, SEND_TEMPLATE, sendOnce } from './deliver';

const SECRET = `whsec_${Buffer.from(Array.from({ length: 24 }, (_, index) => index * 9)).toString('base64')}`;
const SETTINGS: WebhookSettings = {
  enabled: true,
  host: 'hooks.example.com',
  path: '/freshsales/events',
  key: signingKey(SECRET) as Uint8Array,
  events: new Set(['deal.won']),
  maxAttempts: DEFAULT_MAX_ATTEMPTS,
};

describe('classifyDelivery', () => {
  // Rejections shaped like platform.md §5.5: {status, headers, response, errorSource}.
  it.each([
    ['APP 410', { status: 410, errorSource: 'APP', headers: {}, response: 'Gone' }, 'gone', 'HTTP 410 from the endpoint: Gone'],
    ['APP 500', { status: 500, errorSource: 'APP', headers: {}, response: '<h1>Internal Server Error</h1>' }, 'retry', 'HTTP 500 from the endpoint: <h1>Internal Server Error</h1>'],
    ['APP 503', { status: 503, errorSource: 'APP', headers: { 'content-type': 'text/plain' }, response: 'maintenance' }, 'retry', 'HTTP 503 from the endpoint: maintenance'],
    ['APP 400', { status: 400, errorSource: 'APP', headers: {}, response: '{"error":"bad signature"}' }, 'dead', 'HTTP 400 from the endpoint: {"error":"bad signature"}'],
    ['APP 401', { status: 401, errorSource: 'APP', headers: {}, response: 'unauthorized' }, 'dead', 'HTTP 401 from the endpoint: unauthorized'],
    ['APP 403', { status: 403, errorSource: 'APP', headers: {}, response: '' }, 'dead', 'HTTP 403 from the endpoint'],
    ['APP 404', { status: 404, errorSource: 'APP', headers: {}, response: 'Not Found' }, 'dead', 'HTTP 404 from the endpoint: Not Found'],
    ['APP 422', { status: 422, errorSource: 'APP', headers: {}, response: '{"errors":["unknown type"]}' }, 'dead', 'HTTP 422 from the endpoint: {"errors":["unknown type"]}'],
    ['a 4xx without errorSource', { status: 409, response: 'conflict' }, 'dead', 'HTTP 409 from the endpoint: conflict'],
    ['PLATFORM 502', { status: 502, errorSource: 'PLATFORM', message: 'getaddrinfo ENOTFOUND hooks.example.com' }, 'retry', 'HTTP 502 from the platform: getaddrinfo ENOTFOUND hooks.example.com'],
    ['PLATFORM 504', { status: 504, errorSource: 'PLATFORM', response: 'Timeout' }, 'unknown', 'HTTP 504 from the platform: Timeout'],
    ['PLATFORM 415', { status: 415, errorSource: 'PLATFORM', response: 'Unsupported content type image/png' }, 'unknown', 'HTTP 415 from the platform: Unsupported content type image/png'],
    ['PLATFORM 400', { status: 400, errorSource: 'PLATFORM', message: 'template error' }, 'dead', 'HTTP 400 from the platform: template error'],
    ['PLATFORM 403', { status: 403, errorSource: 'PLATFORM', message: 'URL not allowed' }, 'dead', 'HTTP 403 from the platform: URL not allowed'],
  ])('%s → %s', (_case, rejection, outcome, answer) => {
    expect(classifyDelivery(rejection)).toEqual({ outcome, status: rejection.status, answer });
  });

  it('retries an APP 429 and keeps its Retry-After seconds', () => {
    expect(classifyDelivery({ status: 429, errorSource: 'APP', headers: { 'Retry-After': '120' }, response: 'slow down' })).toEqual({
      outcome: 'retry',
      status: 429,
      answer: 'HTTP 429 from the endpoint: slow down',
      retryAfterSeconds: 120,
    });
  });

  it('retries an APP 429 without Retry-After on the usual schedule', () => {
    expect(classifyDelivery({ status: 429, errorSource: 'APP', headers: {} })).toEqual({ outcome: 'retry', status: 429, answer: 'HTTP 429 from the endpoint' });
  });

  it('reads a Retry-After date as the seconds until then, none when it has passed (the backoff floor still applies)', () => {
    const inTwoMinutes = new Date(Date.now() + 120_000).toUTCString();
    const future = classifyDelivery({ status: 429, errorSource: 'APP', headers: { 'retry-after': inTwoMinutes } });
    expect(future.retryAfterSeconds).toBeGreaterThanOrEqual(119);
    expect(future.retryAfterSeconds).toBeLessThanOrEqual(120);
    expect(classifyDelivery({ status: 429, errorSource: 'APP', headers: { 'retry-after': 'Wed, 04 Mar 2026 10:20:30 GMT' } })).toMatchObject({ retryAfterSeconds: 0 });
  });

  it('reads the platform\'s own 429 as throttled: not an attempt at all', () => {
    expect(classifyDelivery({ status: 429, errorSource: 'PLATFORM', message: 'Rate limit exceeded' })).toEqual({
      outcome: 'throttled',
      status: 429,
      answer: 'HTTP 429 from the platform: Rate limit exceeded',
    });
  });

  it.each([
    ['an Error naming ECONNRESET', new Error('read ECONNRESET'), 'retry', 'read ECONNRESET'],
    ['an object naming ECONNREFUSED', { message: 'connect ECONNREFUSED 10.0.0.1:443' }, 'retry', 'request failed without a status: connect ECONNREFUSED 10.0.0.1:443'],
    ['a socket hang up', 'socket hang up', 'retry', 'socket hang up'],
    ['an Error naming ETIMEDOUT', new Error('connect ETIMEDOUT 10.0.0.1:443'), 'unknown', 'connect ETIMEDOUT 10.0.0.1:443'],
    ['ESOCKETTIMEDOUT', { message: 'ESOCKETTIMEDOUT' }, 'unknown', 'request failed without a status: ESOCKETTIMEDOUT'],
    ['a fault in the sandbox', new TypeError('$request.invokeTemplate is not a function'), 'dead', '$request.invokeTemplate is not a function'],
    ['nothing at all', undefined, 'dead', 'request failed without a status'],
  ])('reads a rejection without a status, %s', (_case, rejection, outcome, answer) => {
    expect(classifyDelivery(rejection)).toEqual({ outcome, answer });
  });

  it('shortens long answers to 160 characters', () => {
    const result = classifyDelivery({ status: 500, errorSource: 'APP', response: `<html>${'x'.repeat(5000)}</html>` });
    expect(result.answer).toHaveLength(160);
    expect(result.answer.startsWith('HTTP 500 from the endpoint: <html>xxx')).toBe(true);
    expect(result.answer.endsWith('…')).toBe(true);
  });

  it('keeps an answer of exactly 160 characters whole', () => {
    const prefix = 'HTTP 500 from the endpoint: ';
    const response = 'y'.repeat(160 - prefix.length);
    expect(classifyDelivery({ status: 500, errorSource: 'APP', response }).answer).toBe(`${prefix}${response}`);
  });

  it('ignores a response that is not text', () => {
    expect(classifyDelivery({ status: 500, errorSource: 'APP', response: { error: 'x' } }).answer).toBe('HTTP 500 from the endpoint');
  });
});

describe('endpointOf', () => {
  it('is the https URL of the host and path', () => {
    expect(endpointOf(SETTINGS)).toBe('https://hooks.example.com/freshsales/events');
    expect(endpointOf({ ...SETTINGS, path: '/' })).toBe('https://hooks.example.com/');
  });

  it('changes when the host or the path changes', () => {
    expect(endpointOf({ ...SETTINGS, host: 'new.example.com' })).not.toBe(endpointOf(SETTINGS));
    expect(endpointOf({ ...SETTINGS, path: '/v2' })).not.toBe(endpointOf(SETTINGS));
  });
});

describe('sendOnce', () => {
  const ID = 'msg_0123456789abcdef0123456789abcdef';
  const BODY = '{"id":"msg_0123456789abcdef0123456789abcdef","type":"deal.won","data":{"deal":{"id":1,"name":"Zoë"}}}';

  function fakeHost(invoke: InvokeTemplate) {
    const invokeTemplate = jest.fn<ReturnType<InvokeTemplate>, Parameters<InvokeTemplate>>(invoke);
    const host = { request: { invokeTemplate }, now: () => Date.now() } as unknown as Host;
    return { host, invokeTemplate };
  }

  const sentOptions = (invokeTemplate: jest.Mock): TemplateInvokeOptions => invokeTemplate.mock.calls[0]?.[1] as TemplateInvokeOptions;

  it('sends the body once through sendWebhook, signed so that the receiver can verify it', async () => {
    const success: TemplateSuccess = { status: 202, headers: {}, response: 'queued' };
    const { host, invokeTemplate } = fakeHost(() => Promise.resolve(success));
    await expect(sendOnce(host, SETTINGS, ID, BODY)).resolves.toEqual({ outcome: 'delivered', status: 202, answer: 'queued' });
    expect(invokeTemplate).toHaveBeenCalledTimes(1);
    expect(invokeTemplate.mock.calls[0]?.[0]).toBe(SEND_TEMPLATE);
    const { context, body } = sentOptions(invokeTemplate);
    expect(body).toBe(BODY);
    expect(context).toMatchObject({ webhook_path: 'freshsales/events', webhook_id: ID });
    const headers = { 'webhook-id': String(context?.webhook_id), 'webhook-timestamp': String(context?.webhook_timestamp), 'webhook-signature': String(context?.webhook_signature) };
    expect(new Webhook(SECRET).verify(BODY, headers)).toEqual(JSON.parse(BODY));
  });

  it.each([
    ['/', ''],
    ['//double', 'double'],
    ['/a/b?x=1', 'a/b?x=1'],
  ])('leaves the leading slash of %j to the template', async (path, sent) => {
    const { host, invokeTemplate } = fakeHost(() => Promise.resolve({ status: 200, headers: {}, response: '' }));
    await sendOnce(host, { ...SETTINGS, path }, ID, BODY);
    expect(sentOptions(invokeTemplate).context?.webhook_path).toBe(sent);
  });

  it('signs with the host clock in whole seconds', async () => {
    const invokeTemplate = jest.fn<ReturnType<InvokeTemplate>, Parameters<InvokeTemplate>>(() => Promise.resolve({ status: 200, headers: {}, response: '' }));
    const host = { request: { invokeTemplate }, now: () => 1772619630999 } as unknown as Host;
    await sendOnce(host, SETTINGS, ID, BODY);
    expect(sentOptions(invokeTemplate).context?.webhook_timestamp).toBe('1772619630');
  });

  it('shortens a long success answer', async () => {
    const { host } = fakeHost(() => Promise.resolve({ status: 200, headers: {}, response: 'ok'.repeat(200) }));
    expect((await sendOnce(host, SETTINGS, ID, BODY)).answer).toHaveLength(160);
  });

  it('classifies a rejection', async () => {
    const { host } = fakeHost(() => Promise.reject({ status: 410, errorSource: 'APP', headers: {}, response: '' }));
    await expect(sendOnce(host, SETTINGS, ID, BODY)).resolves.toEqual({ outcome: 'gone', status: 410, answer: 'HTTP 410 from the endpoint' });
  });
});
