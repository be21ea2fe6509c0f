import { dealMoved, openDeal, STAGES } from '../../testing/events';
import { created, json, rejection, script, testHost, type TestHost } from '../../testing/host';
import { Outbox } from '../queue/outbox';
import type { OutboxItem } from '../queue/item';
import { STATE_KEY } from '../state/app-state';
import { KEEP_MS, REMOVALS_PER_RUN } from '../work/housekeeping';
import { CATCH_UP_NAMES } from '../work/schedules';
import { handleProductEvent } from './product-event';
import { handleScheduledEvent } from './scheduled-event';

const SECRET = `whsec_${Buffer.alloc(32, 5).toString('base64')}`;
const IPARAMS = { domain: 'demo.myfreshworks.com', api_key: 'k', webhook_host: 'hooks.example.com', webhook_secret: SECRET, webhook_events: ['deal.won'] };
const fresh = (test: TestHost) => ({ ...test.host, startedAt: test.clock.now() });
const drainEvent = (data: Record<string, unknown> = { task: 'drain', v: 1 }) => ({ account_id: '1', domain: 'demo.myfreshworks.com', event: 'onScheduledEvent', timestamp: 1, iparams: IPARAMS, data });

const STAGE_LIST = json(200, { deal_stages: [{ id: STAGES.won, name: 'Won', forecast_type: 'Closed Won' }, { id: STAGES.qualification, name: 'Qualification', forecast_type: 'Open' }, { id: STAGES.lost, name: 'Lost', forecast_type: 'Closed Lost' }] });

function crm(overrides: Parameters<typeof script>[0] = {}) {
  return script({
    createTask: created('task'),
    createNote: created('note'),
    updateContact: () => json(200, { contact: { id: 1 } }),
    listLifecycleStages: () => json(200, { lifecycle_stages: [{ id: 402009647300, name: 'Customer' }] }),
    listDealStages: () => STAGE_LIST,
    sendWebhook: () => json(200, {}),
    ...overrides,
  });
}

async function items(test: TestHost, status?: string): Promise<OutboxItem[]> {
  const page = await new Outbox(test.host.outbox).page(status === undefined ? {} : { status });
  if (!page.ok) throw new Error(page.problem);
  return page.value.items;
}

async function queueDeliveries(test: TestHost, count: number): Promise<void> {
  const outbox = new Outbox(test.host.outbox);
  const now = test.clock.now();
  for (let index = 0; index < count; index += 1) {
    await outbox.add({ kind: 'webhook', status: 'pending', key: `msg_${now}_${index}`, name: 'deal.won', record: 'deal 1', dueAt: now, attempts: 0, createdAt: now, updatedAt: now, log: [], state: {}, body: '{}' });
  }
}

describe('the scheduled drain', () => {
  it('finishes what a 429 left in the queue once it is due, and refreshes the stage list', async () => {
    let storm = true;
    const test = testHost(crm({ createTask: (options) => (storm ? rejection(429, 'APP') : created('task')(options)), sendWebhook: () => (storm ? rejection(503, 'APP') : json(200, {})) }));
    await handleProductEvent('onDealUpdate', dealMoved(openDeal(), STAGES.won, test.clock.now(), IPARAMS), fresh(test));
    expect((await items(test, 'pending')).length).toBe(2);
    storm = false;
    test.clock.advance(60_000);
    await handleScheduledEvent(drainEvent(), fresh(test));
    expect(await items(test, 'pending')).toEqual([]);
    expect((await items(test, 'done')).map((item) => item.name).sort()).toEqual(['deal.won', 'deal_won']);
    expect(test.calls('createTask')).toHaveLength(3);
    expect(test.calls('listDealStages')).toHaveLength(1);
    expect(await test.host.kv.get(STATE_KEY)).toMatchObject({ meta: { stages: { [STAGES.won]: 'Closed Won', [STAGES.lost]: 'Closed Lost' } } });
    expect(test.logged()).toMatch(/drain: 2 finished, 0 waiting/);
  });

  it('leaves items that are not due yet', async () => {
    const test = testHost(crm({ sendWebhook: () => rejection(500, 'APP') }));
    await handleProductEvent('onDealUpdate', dealMoved(openDeal(), STAGES.won, test.clock.now(), { ...IPARAMS, deal_won_enabled: false }), fresh(test));
    const before = test.invokeTemplate.mock.calls.length;
    await handleScheduledEvent(drainEvent(), fresh(test));
    // The failed delivery is due in a minute: only the stage list was fetched.
    expect(test.calls('sendWebhook')).toHaveLength(1);
    expect(test.invokeTemplate.mock.calls.slice(before).map(([name]) => name)).toEqual(['listDealStages']);
  });

  it('work left waiting asks for catch-up drains a minute apart, once per series', async () => {
    const test = testHost(crm({ sendWebhook: () => rejection(500, 'APP') }));
    await handleProductEvent('onDealUpdate', dealMoved(openDeal(), STAGES.won, test.clock.now(), { ...IPARAMS, deal_won_enabled: false }), fresh(test));
    const times = test.scheduler.list().map((schedule) => [schedule.name, Date.parse(schedule.schedule_at) - test.clock.now()]);
    expect(times).toEqual(CATCH_UP_NAMES.map((name, index) => [name, (6 + index) * 60_000]));
    // More due work than one run may do: 40 deliveries wait; the series asked for still covers it.
    await queueDeliveries(test, 40);
    test.clock.advance(60_000);
    test.invokeTemplate.mockImplementation(() => Promise.resolve(json(200, {})));
    await handleScheduledEvent(drainEvent(), fresh(test));
    expect(test.logged()).toMatch(/drain: 30 finished, 11 waiting, 0 old entries removed/);
    expect(test.scheduler.list()).toHaveLength(CATCH_UP_NAMES.length);
    // Once the series has run out, a drain that still leaves work asks for the next one.
    test.clock.advance(11 * 60_000);
    test.scheduler.due();
    await queueDeliveries(test, 40);
    await handleScheduledEvent(drainEvent(), fresh(test));
    expect(test.scheduler.list().map((schedule) => schedule.name)).toEqual(CATCH_UP_NAMES);
  });

  it('removes finished entries older than a week and dead ones older than 30 days, a bounded number per run', async () => {
    const test = testHost(crm());
    const outbox = new Outbox(test.host.outbox);
    const now = test.clock.now();
    const add = (status: OutboxItem['status'], age: number, key: string) =>
      outbox.add({ kind: 'webhook', status, key, name: 'deal.won', record: 'deal 1', dueAt: 0, attempts: 1, createdAt: now - age, updatedAt: now - age, log: [], state: {}, body: '{}' });
    await add('done', KEEP_MS.done + 1, 'old-done');
    await add('done', KEEP_MS.done - 1, 'recent-done');
    await add('dead', KEEP_MS.done + 1, 'young-dead');
    await add('dead', KEEP_MS.dead + 1, 'old-dead');
    for (let index = 0; index < REMOVALS_PER_RUN + 5; index += 1) await add('skipped', KEEP_MS.skipped + 1, `old-skip-${index}`);
    await handleScheduledEvent(drainEvent(), fresh(test));
    const left = (await items(test)).map((item) => item.key);
    expect(left).toEqual(expect.arrayContaining(['recent-done', 'young-dead']));
    expect(left).not.toContain('old-done');
    expect(left.length).toBe(REMOVALS_PER_RUN + 5 + 4 - REMOVALS_PER_RUN);
  });

  it.each([
    ['an unknown task', drainEvent({ task: 'sync' }), /unknown task "sync"/],
    ['no data', { ...drainEvent(), data: undefined }, /the payload is invalid/],
  ])('ignores %s with a reason', async (_case, payload, reason) => {
    const test = testHost(crm());
    await handleScheduledEvent(payload, fresh(test));
    expect(test.invokeTemplate).not.toHaveBeenCalled();
    expect(test.logged()).toMatch(reason);
  });
});
