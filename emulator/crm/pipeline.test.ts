import { ok, type CrmHandler } from './context';
import { badRequest } from './http/errors';
import type { Router } from './http/router';
import { startTestCrm, type TestCrm } from './testing/harness';
import { ManualClock } from '../clock';
import { SECOND_API_KEY } from './seed/account';

const echo = (router: Router<CrmHandler>) => {
  router.add('GET', '/echo/:id', (request) => ok({ id: request.params.id, actor: request.actor.id, big: 1712345678901234567n }));
  router.add('POST', '/echo', (request) => {
    if (request.body === undefined) throw badRequest('Body is required');
    return { status: 201, body: { received: request.body } };
  });
};

let crm: TestCrm;
let clock: ManualClock;
beforeEach(async () => {
  clock = new ManualClock('2026-11-02T09:00:30Z');
  crm = await startTestCrm({ resources: [echo], clock });
});
afterEach(() => crm.close());

describe('stand-in request pipeline', () => {
  it('requires Token token=<key> and answers 401 in the observed shape otherwise', async () => {
    for (const headers of [{ Authorization: '' }, { Authorization: 'Token token=wrong' }, { Authorization: 'Bearer demo-api-key-0123456789' }]) {
      const answer = await crm.call('GET', '/echo/1', undefined, headers);
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({ login: 'failed', message: 'Incorrect or expired API key' });
    }
  });

  it('acts as the user the key belongs to, and writes int64s as raw JSON numbers', async () => {
    const mine = await crm.call('GET', '/echo/7');
    expect(mine.body.actor).toBe(402000000011);
    expect(mine.text).toContain('"big":1712345678901234567');
    const theirs = await crm.call('GET', '/echo/7', undefined, { Authorization: `Token token=${SECOND_API_KEY}` });
    expect(theirs.body.actor).toBe(402000000012);
  });

  it('answers unknown routes with the JSON 404 shape and wrong methods with 405', async () => {
    const missing = await crm.call('GET', '/nowhere');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ errors: { code: 404, message: ['No route matches /nowhere'] } });
    expect((await crm.call('DELETE', '/echo/1')).status).toBe(405);
  });

  it('refuses broken JSON, a body without a JSON content type, and an oversized body', async () => {
    const broken = await crm.call('POST', '/echo', '{"contact": ');
    expect(broken.status).toBe(400);
    expect(broken.body.errors.message[0]).toMatch(/^Request body is not valid JSON/);
    const plain = await crm.call('POST', '/echo', '{"a":1}', { 'Content-Type': 'text/plain' });
    expect(plain.status).toBe(415);
    const huge = await crm.call('POST', '/echo', { blob: 'x'.repeat(1_100_000) });
    expect(huge.status).toBe(413);
  });

  it('puts X-RateLimit-* on every response and answers 429 with Retry-After past 400 a minute', async () => {
    const first = await crm.call('GET', '/echo/1');
    expect(first.headers.get('x-ratelimit-limit')).toBe('400');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('399');
    expect(first.headers.get('x-ratelimit-reset')).toBe('30');
    for (let i = 0; i < 399; i += 1) await crm.call('GET', '/echo/1');
    const refused = await crm.call('GET', '/echo/1');
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ errors: { code: 429, message: ['Too many requests: the API limit for this account has been reached'] } });
    expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
    // 09:00:30 now: the minute window resets in 30 whole seconds.
    expect(refused.headers.get('retry-after')).toBe('30');
    expect(first.headers.get('retry-after')).toBeNull();
    clock.advance(30_000);
    expect((await crm.call('GET', '/echo/1')).status).toBe(200);
  });
});
