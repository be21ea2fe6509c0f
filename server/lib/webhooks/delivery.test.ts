import { json, rejection, script, testHost, type Answer } from '../../testing/host';
import { runContext } from '../../testing/jobs';
import { verifyDelivery } from '../../testing/verify';
import type { OutboxItem } from '../queue/item';
import { readSettings } from '../settings/settings';
import { STATE_KEY } from '../state/app-state';
import { deliverItem } from './delivery';

const SECRET = `whsec_${Buffer.alloc(32, 9).toString('base64')}`;
const IPARAMS = { webhook_host: 'hooks.example.com', webhook_path: '/in', webhook_secret: SECRET, webhook_events: ['deal.won'], webhook_max_attempts: 3 };
const BODY = JSON.stringify({ id: 'msg_1', type: 'deal.won', timestamp: '2026-12-02T09:00:00.000Z', data: { deal: { id: 1, amount: '10.0' } } });

function item(now: number, extra: Partial<OutboxItem> = {}): OutboxItem {
  return { id: '1', kind: 'webhook', status: 'pending', key: 'msg_1', name: 'deal.won', record: 'deal 1', dueAt: now, attempts: 0, createdAt: now, updatedAt: now, log: [], state: {}, body: BODY, ...extra };
}

async function deliver(answer: Answer, extra: Partial<OutboxItem> = {}, iparams: Record<string, unknown> = IPARAMS) {
  const test = testHost(answer);
  const context = runContext(test);
  await context.budget.reserve(5);
  const next = await deliverItem(item(test.clock.now(), extra), { ...context, settings: readSettings(iparams).webhooks });
  return { test, next, context };
}

describe('deliverItem', () => {
  it('sends the stored body once, signed so that an independent Standard Webhooks library verifies it', async () => {
    const { test, next } = await deliver(script({ sendWebhook: () => json(204, '') }));
    expect(next).toMatchObject({ status: 'done', attempts: 1, log: [{ outcome: 'delivered', status: 204 }] });
    const [call] = test.calls('sendWebhook');
    const options = test.invokeTemplate.mock.calls[0]?.[1];
    expect(options?.body).toBe(BODY);
    expect(call?.context).toMatchObject({ webhook_path: 'in', webhook_id: 'msg_1', webhook_timestamp: String(Math.floor(test.clock.now() / 1000)) });
    expect(verifyDelivery(SECRET, BODY, call?.context ?? {}, test.clock.now())).toEqual(JSON.parse(BODY));
    expect(() => verifyDelivery(SECRET, BODY.replace('10.0', '11.0'), call?.context ?? {}, test.clock.now())).toThrow();
  });

  it.each([
    ['a 5xx', rejection(503, 'APP', 'down'), 60_000],
    ['a 429 asking for 10 minutes', rejection(429, 'APP', '', { 'Retry-After': '600' }), 600_000],
    ['a connection error', rejection(502, 'PLATFORM'), 60_000],
    ['a timeout (outcome unknown: same id again later)', rejection(504, 'PLATFORM'), 60_000],
  ])('%s is retried later with a growing delay', async (_case, answer, delay) => {
    const { test, next } = await deliver(() => Promise.reject(answer));
    expect(next).toMatchObject({ status: 'pending', attempts: 1 });
    expect(next?.dueAt).toBe(test.clock.now() + delay);
  });

  it('the second failure waits 5 minutes, and the last allowed attempt makes it dead, kept with every answer', async () => {
    const second = await deliver(() => Promise.reject(rejection(500, 'APP', 'boom')), { attempts: 1, log: [{ at: 1, outcome: 'retry', status: 500 }] });
    expect(second.next?.dueAt).toBe(second.test.clock.now() + 5 * 60_000);
    const last = await deliver(() => Promise.reject(rejection(500, 'APP', 'boom')), { attempts: 2, log: [{ at: 1, outcome: 'retry' }, { at: 2, outcome: 'retry' }] });
    expect(last.next).toMatchObject({ status: 'dead', attempts: 3 });
    expect(last.next?.log).toHaveLength(3);
    expect(last.next?.log.at(-1)?.answer).toContain('boom');
  });

  it('a 4xx other than 429 and 410 is dead at once', async () => {
    const { next } = await deliver(() => Promise.reject(rejection(400, 'APP', '{"error":"bad signature"}')));
    expect(next).toMatchObject({ status: 'dead', attempts: 1, log: [{ outcome: 'dead', status: 400, answer: expect.stringContaining('bad signature') }] });
  });

  it('410 Gone kills the delivery and stops deliveries to that endpoint', async () => {
    const { test, next, context } = await deliver(() => Promise.reject(rejection(410, 'APP')));
    expect(next).toMatchObject({ status: 'dead', log: [{ outcome: 'gone', status: 410 }] });
    expect(await test.host.kv.get(STATE_KEY)).toMatchObject({ webhook_gone: { url: 'https://hooks.example.com/in' } });
    const after = await deliverItem(item(test.clock.now(), { id: '2', key: 'msg_2' }), { ...context, settings: readSettings(IPARAMS).webhooks });
    expect(after).toMatchObject({ status: 'dead', log: [{ answer: expect.stringContaining('answered 410 Gone') }] });
    expect(test.calls('sendWebhook')).toHaveLength(1);
  });

  it('a new endpoint URL is not held to the old 410', async () => {
    const { test, context } = await deliver(() => Promise.reject(rejection(410, 'APP')));
    test.invokeTemplate.mockImplementation(() => Promise.resolve(json(200, {})));
    const moved = await deliverItem(item(test.clock.now()), { ...context, settings: readSettings({ ...IPARAMS, webhook_path: '/v2' }).webhooks });
    expect(moved?.status).toBe('done');
  });

  it('the platform’s own 50-a-minute limit is no attempt: the item waits a minute, attempts unchanged', async () => {
    const { test, next, context } = await deliver(() => Promise.reject(rejection(429, 'PLATFORM')));
    expect(next).toMatchObject({ status: 'pending', attempts: 0, dueAt: test.clock.now() + 60_000 });
    expect(context.budget.canCall()).toBe(false);
  });

  it('without a call left in the minute it is not touched', async () => {
    const test = testHost(() => Promise.resolve(json(200, {})));
    await runContext(test).budget.reserve(30);
    const next = await deliverItem(item(test.clock.now()), { ...runContext(test), settings: readSettings(IPARAMS).webhooks });
    expect(next).toBeUndefined();
    expect(test.invokeTemplate).not.toHaveBeenCalled();
  });

  it.each([
    ['webhooks were switched off', { webhook_host: '' }, 'webhooks were switched off before this delivery was sent'],
    ['the event is no longer chosen', { ...IPARAMS, webhook_events: ['deal.created'] }, 'deal.won is no longer among the chosen webhook events'],
  ])('is closed without sending when %s', async (_case, iparams, answer) => {
    const { test, next } = await deliver(() => Promise.resolve(json(200, {})), {}, iparams);
    expect(next).toMatchObject({ status: 'dead', log: [{ outcome: 'dead', answer }] });
    expect(test.invokeTemplate).not.toHaveBeenCalled();
  });
});
