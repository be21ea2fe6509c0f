import { startRouteHarness } from '../testing/route-harness';
import { PlatformError } from '../types';
import { API_BODY_LIMIT, registerFrontendApi } from './api';
import { INSTALLATION_ID, SECRETS, fakePlatform, type FakePlatform } from './testing/fake-context';

let platform: FakePlatform;
let harness: { url: string; close(): Promise<void> };

beforeAll(async () => {
  platform = await fakePlatform();
  harness = await startRouteHarness([registerFrontendApi], platform.context);
});

afterAll(() => harness.close());

beforeEach(() => {
  jest.clearAllMocks();
  platform.setInstallation(platform.runtime);
});

/** Posts like the browser client does; every answer is HTTP 200 and never carries a secure value. */
async function post(op: string, body: unknown, installationId = INSTALLATION_ID): Promise<any> {
  const response = await fetch(`${harness.url}/__fdk/api/${installationId}/${op}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  expect(response.status).toBe(200);
  for (const secret of Object.values(SECRETS)) expect(text).not.toContain(secret);
  return JSON.parse(text);
}

describe('installation and routing', () => {
  it('answers 404 for an installation id that is not the installed one', async () => {
    const answer = await post('iparams', { instanceId: '1' }, 'someone-else');
    expect(answer).toEqual({ ok: false, error: { status: 404, message: expect.stringContaining("No installation 'someone-else'") } });
  });

  it('answers 404 when the app is not installed', async () => {
    platform.setInstallation(undefined);
    expect(await post('iparams', { instanceId: '1' })).toEqual({ ok: false, error: { status: 404, message: 'The app is not installed' } });
  });

  it('answers 404 for an unknown operation', async () => {
    expect(await post('files', { instanceId: '1' })).toEqual({ ok: false, error: { status: 404, message: "Unknown operation 'files'" } });
  });

  it('rejects a body that is not a JSON object', async () => {
    expect((await post('db', '{not json')).error).toEqual({ status: 400, message: 'The request body must be JSON' });
    expect((await post('db', '[1]')).error).toEqual({ status: 400, message: 'The request body must be a JSON object' });
  });

  it('refuses a body over 100 KB before calling anything', async () => {
    const value = { blob: 'x'.repeat(API_BODY_LIMIT) };
    const answer = await post('db', { instanceId: '1', method: 'set', args: ['big', value] });
    expect(answer.error).toEqual({ status: 413, message: 'The request body exceeds the 100 KB limit' });
    expect(platform.db.set).not.toHaveBeenCalled();
  });
});

describe('template', () => {
  it('invokes the template as the front end and answers the success shape only', async () => {
    platform.invokeTemplate.mockResolvedValue({ status: 200, headers: { 'content-type': 'application/json' }, response: '{"id":5}', attempts: 1, resolvedUrl: 'https://x' });
    const answer = await post('template', { instanceId: '1', name: 'getContact', options: { context: { id: 5 } } });
    expect(platform.invokeTemplate).toHaveBeenCalledWith('frontend', 'getContact', { context: { id: 5 } });
    expect(answer).toEqual({ ok: true, value: { status: 200, headers: { 'content-type': 'application/json' }, response: '{"id":5}', attempts: 1 } });
  });

  it('passes the rejection through as status, headers, response, errorSource, attempts, message', async () => {
    platform.invokeTemplate.mockRejectedValue({
      status: 404,
      headers: { 'content-type': 'application/json' },
      response: '{"errors":{"code":404}}',
      errorSource: 'APP',
      attempts: 2,
      // What an engine might keep on its error: must not reach the page.
      request: { headers: { Authorization: `Token token=${SECRETS.api_key}` } },
    });
    const answer = await post('template', { instanceId: '1', name: 'getContact', options: { context: { id: 9 } } });
    expect(answer).toEqual({ ok: false, error: { status: 404, headers: { 'content-type': 'application/json' }, response: '{"errors":{"code":404}}', errorSource: 'APP', attempts: 2 } });
  });

  it('passes platform errors (PlatformError) through with their message', async () => {
    platform.invokeTemplate.mockRejectedValue(new PlatformError({ status: 429, message: 'Rate limit exceeded', errorSource: 'PLATFORM' }));
    const answer = await post('template', { instanceId: '1', name: 'getContact' });
    expect(answer.error).toEqual({ status: 429, message: 'Rate limit exceeded', errorSource: 'PLATFORM' });
  });

  it.each([
    [{ name: 42 }, 'invokeTemplate: the template name must be a non-empty string'],
    [{ name: 'getContact', options: { body: { a: 1 } } }, 'invokeTemplate: options.body must be a string (JSON.stringify the body yourself)'],
    [{ name: 'getContact', options: { context: { id: { nested: true } } } }, 'invokeTemplate: options.context must be an object whose values are strings or numbers'],
    [{ name: 'getContact', options: 'fast' }, 'invokeTemplate: options must be an object ({context, body, cache, ttl})'],
  ])('refuses bad arguments %j with 400', async (body, message) => {
    expect((await post('template', { instanceId: '1', ...body })).error).toEqual({ status: 400, message });
    expect(platform.invokeTemplate).not.toHaveBeenCalled();
  });
});

describe('invoke (SMI)', () => {
  it('answers {response, status, requestID}', async () => {
    platform.invokeFunction.mockResolvedValue({ response: { contact: { id: 5 } } });
    const answer = await post('invoke', { instanceId: '1', name: 'lookupContact', payload: { id: 5 } });
    expect(platform.invokeFunction).toHaveBeenCalledWith('lookupContact', { id: 5 });
    expect(answer).toEqual({ ok: true, value: { response: { contact: { id: 5 } }, status: 200, requestID: expect.any(String) } });
  });

  it('rejects with {status, message, requestID} from renderData errors', async () => {
    platform.invokeFunction.mockRejectedValue(new PlatformError({ status: 403, message: 'lookup failed', stack: 'at server.js:3' }));
    const answer = await post('invoke', { instanceId: '1', name: 'lookupContact', payload: { id: 5 } });
    expect(answer).toEqual({ ok: false, error: { status: 403, message: 'lookup failed', requestID: expect.any(String) } });
  });

  it('turns an unexpected failure into a 500', async () => {
    platform.invokeFunction.mockRejectedValue(new Error('sandbox crashed'));
    expect((await post('invoke', { instanceId: '1', name: 'lookupContact', payload: {} })).error).toMatchObject({ status: 500, message: 'sandbox crashed' });
  });

  it('refuses a payload that passes 100 KB once the iparams are added', async () => {
    // The body itself is under the limit; with the installation's iparams it is not.
    platform.setInstallation({ ...platform.runtime, iparams: { ...platform.runtime.iparams, notes: 'n'.repeat(2048) } });
    const payload = { blob: 'x'.repeat(API_BODY_LIMIT - 1024) };
    const answer = await post('invoke', { instanceId: '1', name: 'lookupContact', payload });
    expect(answer.error).toEqual({ status: 413, message: expect.stringMatching(/with iparams; the limit is 100 KB$/), requestID: expect.any(String) });
    expect(platform.invokeFunction).not.toHaveBeenCalled();
  });

  it.each([
    [{ name: '', payload: {} }, 'invoke: the function name must be a non-empty string'],
    [{ name: 'lookupContact', payload: [1, 2] }, 'invoke: the payload must be a JSON object'],
    [{ name: 'lookupContact' }, 'invoke: the payload must be a JSON object'],
  ])('refuses bad arguments %j with 400', async (body, message) => {
    expect((await post('invoke', { instanceId: '1', ...body })).error).toEqual({ status: 400, message });
  });
});

describe('db', () => {
  it('calls the installation store with the arguments as given', async () => {
    platform.db.set.mockResolvedValue({ Created: true });
    const answer = await post('db', { instanceId: '1', method: 'set', args: ['lock:5', { by: 'me' }, { setIf: 'not_exist', ttl: 60 }] });
    expect(platform.db.set).toHaveBeenCalledWith('lock:5', { by: 'me' }, { setIf: 'not_exist', ttl: 60 });
    expect(answer).toEqual({ ok: true, value: { Created: true } });
  });

  it('passes store rejections through', async () => {
    platform.db.get.mockRejectedValue(new PlatformError({ status: 404, message: 'Record not found', errorSource: 'APP' }));
    expect(await post('db', { instanceId: '1', method: 'get', args: ['missing'] })).toEqual({ ok: false, error: { status: 404, message: 'Record not found', errorSource: 'APP' } });
  });

  it('answers update and delete', async () => {
    platform.db.update.mockResolvedValue({ Updated: true });
    platform.db.delete.mockResolvedValue({ Deleted: true });
    expect((await post('db', { instanceId: '1', method: 'update', args: ['k', 'increment', { n: 1 }] })).value).toEqual({ Updated: true });
    expect((await post('db', { instanceId: '1', method: 'delete', args: ['k'] })).value).toEqual({ Deleted: true });
    expect(platform.db.update).toHaveBeenCalledWith('k', 'increment', { n: 1 });
  });

  it.each([
    [{ method: 'list', args: [] }, "db: unknown method 'list'"],
    [{ method: 'get', args: [7] }, 'db.get: the key must be a string'],
    [{ method: 'get', args: 'k' }, 'args must be an array'],
  ])('refuses %j with 400', async (body, message) => {
    expect((await post('db', { instanceId: '1', ...body })).error).toEqual({ status: 400, message });
  });
});

describe('entity', () => {
  it('uses entity storage v1 of the named entity', async () => {
    const record = { display_id: '1', created_time: 1, updated_time: 1, data: { title: 'x' } };
    platform.db.records.create.mockResolvedValue({ record });
    const answer = await post('entity', { instanceId: '1', entity: 'notes', method: 'create', args: [{ title: 'x' }] });
    expect(platform.db.entity).toHaveBeenCalledWith({ version: 'v1' });
    expect(platform.db.entityGet).toHaveBeenCalledWith('notes');
    expect(platform.db.records.create).toHaveBeenCalledWith({ title: 'x' });
    expect(answer).toEqual({ ok: true, value: { record } });
  });

  it('passes entity errors through with their errors list', async () => {
    const shape = { status: 400, message: 'Validation failed', errorSource: 'APP' as const, errors: [{ name: 'title', message: 'is required' }] };
    platform.db.records.getAll.mockRejectedValue(new PlatformError(shape));
    expect((await post('entity', { instanceId: '1', entity: 'notes', method: 'getAll', args: [] })).error).toEqual(shape);
  });

  it.each([
    [{ entity: 'notes', method: 'drop', args: [] }, "db.entity: unknown method 'drop'"],
    [{ entity: '', method: 'get', args: ['1'] }, 'db.entity: the entity name must be a non-empty string'],
  ])('refuses %j with 400', async (body, message) => {
    expect((await post('entity', { instanceId: '1', ...body })).error).toEqual({ status: 400, message });
  });
});

describe('iparams', () => {
  it('answers the non-secure iparams only', async () => {
    expect(await post('iparams', { instanceId: '1' })).toEqual({ ok: true, value: { domain: 'acme.myfreshworks.com', mode: 'manual' } });
  });

  it('answers one value by key, and nothing for a secure or unknown key', async () => {
    expect((await post('iparams', { instanceId: '1', key: 'domain' })).value).toBe('acme.myfreshworks.com');
    expect(await post('iparams', { instanceId: '1', key: 'api_key' })).toEqual({ ok: true });
    expect(await post('iparams', { instanceId: '1', key: 'constructor' })).toEqual({ ok: true });
    expect((await post('iparams', { instanceId: '1', key: 5 })).error).toEqual({ status: 400, message: 'iparams.get: the key must be a string' });
  });

  it('hides what a custom settings page listed in __meta.secure, nested keys too, and __meta itself', async () => {
    const custom = { ...platform.context.app, customSettingsPage: true, iparamFields: undefined };
    const app = platform.context.app;
    platform.setApp(custom);
    const saved = { domain: 'acme.myfreshworks.com', token: SECRETS.api_key, webhook: { url: 'https://hooks.example', secret: SECRETS.partner_secret }, __meta: { secure: ['token', 'webhook.secret'] } };
    platform.setInstallation({ ...platform.runtime, iparams: saved });
    try {
      expect((await post('iparams', { instanceId: '1' })).value).toEqual({ domain: 'acme.myfreshworks.com', webhook: { url: 'https://hooks.example' } });
      expect(await post('iparams', { instanceId: '1', key: '__meta' })).toEqual({ ok: true });
      // The saved values stay whole for the server side.
      expect(saved.webhook.secret).toBe(SECRETS.partner_secret);
      expect(saved.__meta.secure).toEqual(['token', 'webhook.secret']);
    } finally {
      platform.setApp(app);
    }
  });
});
