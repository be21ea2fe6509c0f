import { json, rejection, testHost, type TestHost } from '../../testing/host';
import type { OutboxItem } from '../queue/item';
import { Outbox } from '../queue/outbox';
import { STATE_KEY } from '../state/app-state';
import { listDeliveries, replayDelivery } from './functions';

const SECRET = `whsec_${Buffer.alloc(32, 1).toString('base64')}`;
const IPARAMS = { webhook_host: 'hooks.example.com', webhook_path: '/in', webhook_secret: SECRET, webhook_events: ['deal.won'] };
const fresh = (test: TestHost) => ({ ...test.host, startedAt: test.clock.now() });

async function deadDelivery(test: TestHost, extra: Partial<OutboxItem> = {}): Promise<OutboxItem> {
  const now = test.clock.now();
  const added = await new Outbox(test.host.outbox).add({
    kind: 'webhook', status: 'dead', key: 'msg_1', name: 'deal.won', record: 'deal 1', dueAt: now, attempts: 8, createdAt: now, updatedAt: now,
    log: [{ at: now, outcome: 'dead', status: 500, answer: 'HTTP 500 from Freshsales: down' }], state: {}, body: '{"id":"msg_1"}', ...extra,
  });
  if (!added.ok) throw new Error(added.problem);
  return added.value;
}

describe('replayDelivery', () => {
  it('sends a dead delivery again now and answers with its new state, history kept', async () => {
    const test = testHost(() => Promise.resolve(json(200, {})));
    const item = await deadDelivery(test);
    await replayDelivery({ id: item.id, iparams: IPARAMS }, fresh(test));
    expect(test.calls('sendWebhook')).toHaveLength(1);
    const answer = test.renderData.mock.calls[0]?.[1] as { item: { status: string; attempts: number; log: Array<{ outcome: string; answer?: string }> } };
    expect(test.renderData.mock.calls[0]?.[0]).toBeNull();
    expect(answer.item).toMatchObject({ status: 'done', attempts: 1 });
    expect(answer.item.log.map((entry) => entry.outcome)).toEqual(['dead', 'retry', 'delivered']);
    expect(answer.item.log[1]?.answer).toBe('replayed by an admin');
    expect(answer.item).not.toHaveProperty('body');
  });

  it('a replay to an endpoint that once said 410 resumes deliveries to it', async () => {
    const test = testHost(() => Promise.resolve(json(200, {})));
    await test.host.kv.set(STATE_KEY, { v: 1, budget_minute: 0, budget_used: 0, webhook_gone: { url: 'https://hooks.example.com/in', at: 1 }, meta: null });
    const item = await deadDelivery(test);
    await replayDelivery({ id: item.id, iparams: IPARAMS }, fresh(test));
    expect(await test.host.kv.get(STATE_KEY)).toMatchObject({ webhook_gone: null });
    expect(test.calls('sendWebhook')).toHaveLength(1);
  });

  it('when the receiver still fails, the item is pending again with a fresh count of attempts', async () => {
    const test = testHost(() => Promise.reject(rejection(503, 'APP')));
    const item = await deadDelivery(test);
    await replayDelivery({ id: item.id, iparams: IPARAMS }, fresh(test));
    expect(test.renderData.mock.calls[0]?.[1]).toMatchObject({ item: { status: 'pending', attempts: 1 } });
  });

  it.each([
    [{}, 400, /Invalid arguments: id/],
    [{ id: '' }, 400, /Invalid arguments: id/],
    [{ id: '999' }, 404, /no outbox item 999/],
  ])('refuses %j with %s', async (args, status, message) => {
    const test = testHost();
    await replayDelivery(args, fresh(test));
    expect(test.renderData).toHaveBeenCalledWith({ status, message: expect.stringMatching(message) });
  });

  it('refuses an item that is still pending: it will be tried anyway', async () => {
    const test = testHost();
    const item = await deadDelivery(test, { status: 'pending' });
    await replayDelivery({ id: item.id, iparams: IPARAMS }, fresh(test));
    expect(test.renderData).toHaveBeenCalledWith({ status: 409, message: expect.stringContaining('still pending') });
  });
});

describe('listDeliveries', () => {
  it('lists dead items by default, without their bodies', async () => {
    const test = testHost();
    await deadDelivery(test);
    await deadDelivery(test, { status: 'done', key: 'msg_2' });
    await listDeliveries({ iparams: IPARAMS }, fresh(test));
    const answer = test.renderData.mock.calls[0]?.[1] as { items: Array<Record<string, unknown>>; next: unknown };
    expect(answer.items.map((item) => [item.name, item.status])).toEqual([['deal.won', 'dead']]);
    expect(answer.items[0]).not.toHaveProperty('body');
    expect(answer.next).toBeNull();
  });

  it('refuses a status it does not know', async () => {
    const test = testHost();
    await listDeliveries({ status: 'lost' }, fresh(test));
    expect(test.renderData).toHaveBeenCalledWith({ status: 400, message: expect.stringContaining('status') });
  });
});
