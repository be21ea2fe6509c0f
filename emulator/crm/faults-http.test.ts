import { created, ok, type CrmHandler } from './context';
import type { Router } from './http/router';
import { startTestCrm, type TestCrm } from './testing/harness';

let writes = 0;
const routes = (router: Router<CrmHandler>) => {
  router.add('GET', '/things/:id', (request) => ok({ thing: { id: Number(request.params.id), name: 'A thing with a long enough name' } }));
  router.add('POST', '/things', () => {
    writes += 1;
    return created({ thing: { id: writes } });
  });
};

let crm: TestCrm;
beforeEach(async () => {
  writes = 0;
  crm = await startTestCrm({ resources: [routes] });
});
afterEach(() => crm.close());

const admin = (method: string, path: string, body?: unknown) =>
  fetch(`${crm.server.url}/_crm${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

describe('faults over HTTP', () => {
  it('adds latency to matching routes only', async () => {
    crm.server.faults.add({ route: 'GET /things/:id', latencyMs: 150 });
    const started = performance.now();
    await crm.call('GET', '/things/1');
    expect(performance.now() - started).toBeGreaterThanOrEqual(145);
    const other = performance.now();
    await crm.call('POST', '/things', { thing: {} });
    expect(performance.now() - other).toBeLessThan(145);
  });

  it('answers a 500 in the JSON error shape and other 5xx as an HTML page, without running the handler', async () => {
    crm.server.faults.add({ route: '*', errorRate: 1, times: 1 });
    const json = await crm.call('POST', '/things', { thing: {} });
    expect(json.status).toBe(500);
    expect(json.body).toEqual({ errors: { code: 500, message: ['Internal server error'] } });
    crm.server.faults.add({ route: '*', errorRate: 1, errorStatus: 503, times: 1 });
    const html = await crm.call('POST', '/things', { thing: {} });
    expect(html.status).toBe(503);
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    expect(writes).toBe(0);
  });

  it('storms with 429 answers that carry Retry-After (1 s unless the rule says)', async () => {
    crm.server.faults.add({ route: '*', rateLimitRate: 1, times: 3 });
    const answers = [];
    for (let i = 0; i < 4; i += 1) answers.push(await crm.call('GET', '/things/1'));
    expect(answers.map((answer) => answer.status)).toEqual([429, 429, 429, 200]);
    expect(answers.map((answer) => answer.headers.get('retry-after'))).toEqual(['1', '1', '1', null]);
    crm.server.faults.add({ route: '*', rateLimitRate: 1, retryAfterSeconds: 30, times: 1 });
    expect((await crm.call('GET', '/things/1')).headers.get('retry-after')).toBe('30');
  });

  it('truncates a JSON body and replaces one with HTML', async () => {
    crm.server.faults.add({ route: 'GET /things/:id', truncateRate: 1, times: 1 });
    const cut = await crm.call('GET', '/things/1');
    expect(cut.status).toBe(200);
    expect(cut.body).toBeUndefined();
    expect(() => JSON.parse(cut.text) as unknown).toThrow();
    crm.server.faults.add({ route: 'GET /things/:id', malformedRate: 1, times: 1 });
    const page = await crm.call('GET', '/things/1');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.text).toMatch(/^<!DOCTYPE html>/);
  });

  it('hangs past the client timeout after applying the write, then drops the socket', async () => {
    crm.server.faults.add({ route: 'POST /things', hangRate: 1, hangMs: 2_000, times: 1 });
    const timedOut = crm.call('POST', '/things', { thing: {} }, {}).then(
      () => 'answered',
      () => 'failed',
    );
    const abort = new AbortController();
    const raced = fetch(`${crm.server.apiBase}/things/1`, { signal: abort.signal, headers: { Authorization: 'Token token=demo-api-key-0123456789' } });
    await expect(raced).resolves.toHaveProperty('status', 200);
    expect(await timedOut).toBe('failed');
    expect(writes).toBe(1);
  });

  it('is switched at run time over /_crm/faults from another process', async () => {
    const added = await admin('POST', '/faults', { spec: 'GET /things/:id error=1:502' });
    expect(added.status).toBe(201);
    const { id } = (await added.json()) as { id: number };
    expect((await crm.call('GET', '/things/1')).status).toBe(502);
    const listed = (await (await admin('GET', '/faults')).json()) as { faults: unknown[] };
    expect(listed.faults).toEqual([{ id, route: 'GET /things/:id', errorRate: 1, errorStatus: 502 }]);
    expect((await admin('DELETE', `/faults/${id}`)).status).toBe(200);
    expect((await crm.call('GET', '/things/1')).status).toBe(200);
    const refused = await admin('POST', '/faults', { spec: 'GET /x error=7' });
    expect(refused.status).toBe(400);
  });

  it('reports health and usage at /_crm', async () => {
    await crm.call('GET', '/things/1');
    const health = (await (await admin('GET', '/health')).json()) as { ok: boolean; apiBase: string };
    expect(health).toMatchObject({ ok: true, apiBase: crm.server.apiBase });
    const usage = (await (await admin('GET', '/usage')).json()) as { minute: { used: number } };
    expect(usage.minute.used).toBe(1);
  });
});
