import type { InvokeTemplate, TemplateInvokeOptions, TemplateSuccess } from './platform/request';
import { callTemplate, RAW_TEMPLATES, templateNames, templateResponseSchemas } from './templates';

const OWNERS = { users: [{ id: 31016358306, display_name: 'Ann Lee', email: 'ann@example.com', is_active: true }] };

const answer = (response: string, status = 200): TemplateSuccess => ({
  status,
  headers: { 'content-type': 'application/json' },
  response,
});

function invoker(impl: (name: string, options?: TemplateInvokeOptions) => Promise<TemplateSuccess>) {
  return jest.fn<ReturnType<InvokeTemplate>, Parameters<InvokeTemplate>>(impl);
}

describe('templateNames', () => {
  it('lists every template with a response schema and the raw ones, each once', () => {
    expect(new Set(templateNames).size).toBe(templateNames.length);
    expect(templateNames).toEqual(expect.arrayContaining([...Object.keys(templateResponseSchemas), 'sendWebhook']));
    expect(templateNames).toHaveLength(Object.keys(templateResponseSchemas).length + RAW_TEMPLATES.length);
  });
});

describe('callTemplate', () => {
  it('passes the name and context, and no body key when there is no body', async () => {
    const invoke = invoker(() => Promise.resolve(answer(JSON.stringify(OWNERS))));
    await callTemplate({ invokeTemplate: invoke }, 'listOwners', {});
    expect(invoke).toHaveBeenCalledTimes(1);
    const [name, options] = invoke.mock.calls[0] ?? [];
    expect(name).toBe('listOwners');
    expect(options).toEqual({ context: {} });
    expect(options).not.toHaveProperty('body');
  });

  it('passes the body as a JSON string', async () => {
    const invoke = invoker(() => Promise.resolve(answer(JSON.stringify(OWNERS))));
    const body = { contact: { first_name: 'Ann', amount: '5600.0' } };
    await callTemplate({ invokeTemplate: invoke }, 'listOwners', {}, body);
    const options = invoke.mock.calls[0]?.[1];
    expect(options?.context).toEqual({});
    expect(typeof options?.body).toBe('string');
    expect(JSON.parse(options?.body ?? '')).toEqual(body);
  });

  it('stringifies falsy bodies too (only undefined means no body)', async () => {
    const invoke = invoker(() => Promise.resolve(answer(JSON.stringify(OWNERS))));
    await callTemplate({ invokeTemplate: invoke }, 'listOwners', {}, null);
    expect(invoke.mock.calls[0]?.[1]).toEqual({ context: {}, body: 'null' });
  });

  it('returns the validated owners list', async () => {
    const invoke = invoker(() => Promise.resolve(answer(JSON.stringify(OWNERS))));
    const result = await callTemplate({ invokeTemplate: invoke }, 'listOwners', {});
    expect(result).toEqual({ ok: true, value: OWNERS });
  });

  it('a body that is not JSON → bad_response with the status', async () => {
    const invoke = invoker(() => Promise.resolve(answer('<!DOCTYPE html><html>Log in</html>')));
    const result = await callTemplate({ invokeTemplate: invoke }, 'listOwners', {});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.failure).toMatchObject({ kind: 'bad_response', status: 200, messages: [] });
    expect(result.failure.detail).toMatch(/^listOwners: response is not JSON \(.+\)$/);
  });

  it('JSON of the wrong shape → bad_response whose detail names the path', async () => {
    const wrong = { users: [{ id: '31016358306', display_name: 'Ann' }] };
    const invoke = invoker(() => Promise.resolve(answer(JSON.stringify(wrong), 200)));
    const result = await callTemplate({ invokeTemplate: invoke }, 'listOwners', {});
    expect(result).toEqual({
      ok: false,
      failure: {
        kind: 'bad_response',
        status: 200,
        messages: [],
        detail: 'listOwners: unexpected response: users.0.id: expected number, got string',
      },
    });
  });

  it('an owners list under the wrong key → bad_response naming users', async () => {
    const invoke = invoker(() => Promise.resolve(answer('{"owners":[]}')));
    const result = await callTemplate({ invokeTemplate: invoke }, 'listOwners', {});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.failure.detail).toBe('listOwners: unexpected response: users: expected array, got undefined');
  });

  it('a rejection → the classified failure', async () => {
    const invoke = invoker(() =>
       
      Promise.reject({
        status: 401,
        errorSource: 'APP',
        headers: {},
        response: '{"login":"failed","message":"Invalid API key"}',
      }),
    );
    const result = await callTemplate({ invokeTemplate: invoke }, 'listOwners', {});
    expect(result).toEqual({
      ok: false,
      failure: expect.objectContaining({ kind: 'unauthorized', status: 401, source: 'APP' }) as unknown,
    });
  });

  it('a CRM 400 rejection keeps its messages', async () => {
    const invoke = invoker(() =>
       
      Promise.reject({ status: 400, response: '{"errors":{"code":400,"message":["Name has already been taken"]}}' }),
    );
    const result = await callTemplate({ invokeTemplate: invoke }, 'listOwners', {}, { contact: {} });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.failure).toMatchObject({ kind: 'invalid', messages: ['Name has already been taken'] });
  });

  it('calls invokeTemplate as a method of the requester (the SDKs may rely on `this`)', async () => {
    const requester = {
      answer: answer(JSON.stringify(OWNERS)),
      invokeTemplate(this: { answer: TemplateSuccess }) {
        return Promise.resolve(this.answer);
      },
    };
    const result = await callTemplate(requester, 'listOwners', {});
    expect(result.ok).toBe(true);
  });

  it('a synchronous throw from the invoker also becomes a failure', async () => {
    const invoke = invoker(() => {
      throw new Error('invokeTemplate is not available');
    });
    const result = await callTemplate({ invokeTemplate: invoke }, 'listOwners', {});
    expect(result).toEqual({
      ok: false,
      failure: { kind: 'platform', messages: [], detail: 'invokeTemplate is not available' },
    });
  });
});
