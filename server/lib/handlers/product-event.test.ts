import { contactCreated, dealCreated, dealMoved, openDeal, STAGES, store } from '../../testing/events';
import { created, json, rejection, script, testHost, type TestHost } from '../../testing/host';
import { verifyDelivery } from '../../testing/verify';
import { Outbox } from '../queue/outbox';
import { STATE_KEY } from '../state/app-state';
import { handleProductEvent } from './product-event';

const SECRET = `whsec_${Buffer.alloc(32, 3).toString('base64')}`;
const CRM = { domain: 'demo.myfreshworks.com', api_key: 'key-not-for-logs-123' };
const WEBHOOKS = { webhook_host: 'hooks.example.com', webhook_path: '/crm', webhook_secret: SECRET, webhook_events: ['deal.won', 'deal.stage_changed', 'deal.created', 'contact.created'] };
const IPARAMS = { ...CRM, ...WEBHOOKS };
const LIFECYCLE = json(200, { lifecycle_stages: [{ id: 402009647300, name: 'Customer' }] });

function crm(overrides: Parameters<typeof script>[0] = {}) {
  return script({
    createTask: created('task'),
    createNote: created('note'),
    updateContact: () => json(200, { contact: { id: 1 } }),
    listLifecycleStages: () => LIFECYCLE,
    filterContacts: () => json(200, { contacts: [] }),
    filterAccounts: () => json(200, { sales_accounts: [] }),
    sendWebhook: () => json(200, { ok: true }),
    ...overrides,
  });
}

async function stored(test: TestHost) {
  const page = await new Outbox(test.host.outbox).page({});
  if (!page.ok) throw new Error(page.problem);
  return page.value.items;
}

const fresh = (test: TestHost) => ({ ...test.host, startedAt: test.clock.now() });

describe('a deal moved into a won stage', () => {
  const deal = openDeal();

  it('runs the automation and sends deal.stage_changed and deal.won, each logged as done', async () => {
    const test = testHost(crm());
    await handleProductEvent('onDealUpdate', dealMoved(deal, STAGES.won, test.clock.now(), IPARAMS), fresh(test));
    expect(test.calls('createTask')).toHaveLength(2);
    expect(test.calls('updateContact')).toHaveLength(deal.contact_ids.length);
    expect(test.calls('createNote')).toHaveLength(1);
    const sent = test.invokeTemplate.mock.calls.filter(([name]) => name === 'sendWebhook').map(([, options]) => JSON.parse(options?.body ?? '{}') as { type: string; data: { deal: { id: number } } });
    expect(sent.map((body) => body.type).sort()).toEqual(['deal.stage_changed', 'deal.won']);
    expect(sent[0]?.data.deal.id).toBe(deal.id);
    expect((await stored(test)).map((item) => [item.name, item.status]).sort()).toEqual([['deal.stage_changed', 'done'], ['deal.won', 'done'], ['deal_won', 'done']]);
    expect(test.logged()).toContain(`onDealUpdate deal ${deal.id}: deal_won, deal.stage_changed, deal.won; 3 finished, 0 waiting in the queue`);
  });

  it('the same event delivered twice writes nothing twice; its deliveries repeat under the same webhook-id', async () => {
    const test = testHost(crm());
    const payload = dealMoved(deal, STAGES.won, test.clock.now(), IPARAMS);
    await handleProductEvent('onDealUpdate', payload, fresh(test));
    const writes = () => test.invokeTemplate.mock.calls.filter(([name]) => name !== 'sendWebhook').length;
    const before = writes();
    const ids = () => test.calls('sendWebhook').map((call) => call.context.webhook_id);
    const firstIds = ids();
    test.clock.advance(1_000);
    await handleProductEvent('onDealUpdate', payload, fresh(test));
    expect(writes()).toBe(before);
    expect(new Set(ids())).toEqual(new Set(firstIds));
    const repeat = (await stored(test)).find((item) => item.name === 'deal_won' && item.status === 'skipped');
    expect(repeat?.log.at(-1)?.answer).toMatch(/^already done by outbox item \d+$/);
  });

  it('won again after being reopened: the automation runs once per win', async () => {
    const test = testHost(crm());
    await handleProductEvent('onDealUpdate', dealMoved(deal, STAGES.won, test.clock.now(), IPARAMS), fresh(test));
    test.clock.advance(3_600_000);
    await handleProductEvent('onDealUpdate', dealMoved({ ...deal, deal_stage_id: STAGES.won }, STAGES.qualification, test.clock.now(), IPARAMS), fresh(test));
    test.clock.advance(3_600_000);
    await handleProductEvent('onDealUpdate', dealMoved({ ...deal, deal_stage_id: STAGES.qualification }, STAGES.won, test.clock.now(), IPARAMS), fresh(test));
    expect(test.calls('createNote')).toHaveLength(2);
    expect(test.calls('createTask')).toHaveLength(4);
  });

  it('a move between two won stages (another pipeline) is no new win once the app knows the stages', async () => {
    const test = testHost(crm());
    await test.host.kv.set(STATE_KEY, { v: 1, budget_minute: 0, budget_used: 0, webhook_gone: null, meta: { stages_at: test.clock.now(), stages: { [STAGES.won]: 'Closed Won', [STAGES.renewed]: 'Closed Won' }, lifecycle: {} } });
    await handleProductEvent('onDealUpdate', dealMoved({ ...deal, deal_stage_id: STAGES.won }, STAGES.renewed, test.clock.now(), IPARAMS), fresh(test));
    expect(test.calls('createTask')).toEqual([]);
    expect((await stored(test)).map((item) => item.name)).toEqual(['deal.stage_changed']);
  });

  it('a Freshsales 429 halfway leaves the rest in the queue, nothing lost', async () => {
    const test = testHost(crm({ updateContact: () => rejection(429, 'APP', '', { 'Retry-After': '30' }) }));
    await handleProductEvent('onDealUpdate', dealMoved(deal, STAGES.won, test.clock.now(), IPARAMS), fresh(test));
    const items = await stored(test);
    const job = items.find((item) => item.name === 'deal_won');
    expect(job).toMatchObject({ status: 'pending', attempts: 1, state: { done: ['task:0', 'task:1', 'lifecycle'] } });
    // The deliveries could not go out in this minute either: still pending, no attempt counted.
    expect(items.filter((item) => item.kind === 'webhook').map((item) => [item.status, item.attempts])).toEqual([['pending', 0], ['pending', 0]]);
    expect(await test.host.kv.get(STATE_KEY)).toMatchObject({ budget_used: 30 });
  });
});

function textId() {
  const payload = dealMoved(openDeal(), STAGES.won, Date.now(), IPARAMS) as { data: { deal: { id: unknown } } };
  payload.data.deal.id = 'D-1';
  return payload;
}

describe('what the handler refuses', () => {
  it.each([
    ['no data', () => ({ event: 'onDealUpdate', account_id: '1', domain: 'x', iparams: {} }), /data: expected record/],
    ['another event name', () => ({ event: 'onContactUpdate', account_id: '1', domain: 'x', iparams: {}, data: {} }), /the payload says it is onContactUpdate/],
    ['a deal id that is text', textId, /data is invalid: deal\.id/],
    ['not an object', () => 'boom', /the payload is invalid/],
  ])('%s: logged with the reason, nothing called', async (_case, payload, reason) => {
    const test = testHost(crm());
    await handleProductEvent('onDealUpdate', payload(), fresh(test));
    expect(test.invokeTemplate).not.toHaveBeenCalled();
    expect(test.logged()).toMatch(reason);
    expect(test.logged()).toContain('nothing was done');
    expect(await stored(test)).toEqual([]);
  });

  it('a deleted record: nothing to do', async () => {
    const test = testHost(crm());
    await handleProductEvent('onDealUpdate', dealMoved(openDeal(), STAGES.won, test.clock.now(), IPARAMS, { is_deleted: true }), fresh(test));
    expect(test.invokeTemplate).not.toHaveBeenCalled();
    expect(test.logged()).toContain('nothing to do');
  });

  it('never logs the API key or the signing secret', async () => {
    const test = testHost(crm({ sendWebhook: () => rejection(500, 'APP', 'receiver crashed') }));
    await handleProductEvent('onDealUpdate', dealMoved(openDeal(), STAGES.won, test.clock.now(), IPARAMS), fresh(test));
    await handleProductEvent('onDealUpdate', { event: 'onDealUpdate', account_id: '1', domain: 'x', iparams: IPARAMS }, fresh(test));
    expect(test.logged()).not.toContain(CRM.api_key);
    expect(test.logged()).not.toContain(SECRET.slice(6));
  });
});

describe('other events', () => {
  it('a new deal is sent as deal.created with the record in the REST shape', async () => {
    const test = testHost(crm());
    const deal = openDeal();
    await handleProductEvent('onDealCreate', dealCreated(deal, test.clock.now(), IPARAMS), fresh(test));
    const raw = String(test.invokeTemplate.mock.calls[0]?.[1]?.body);
    const body = verifyDelivery(SECRET, raw, test.calls('sendWebhook')[0]?.context ?? {}, test.clock.now()) as { type: string; data: { deal: Record<string, unknown> } };
    expect(body.type).toBe('deal.created');
    expect(body.data.deal).toMatchObject({ id: deal.id, name: deal.name, deal_stage_id: deal.deal_stage_id, amount: deal.amount });
  });

  it('a new contact is tidied and sent as contact.created', async () => {
    const test = testHost(crm());
    const contact = store.contacts.all()[20];
    await handleProductEvent('onContactCreate', contactCreated({ emails: [{ id: 5, value: ' Mixed@Case.test ', is_primary: true, label: null }], mobile_number: null, work_number: null, sales_accounts: [{ id: 402000200301, is_primary: true }] }, test.clock.now(), IPARAMS), fresh(test));
    expect(test.calls('updateContact')).toEqual([{ name: 'updateContact', context: { id: contact?.id }, body: { contact: { emails: [{ id: 5, value: 'mixed@case.test', is_primary: true }] } } }]);
    expect(test.calls('sendWebhook')).toHaveLength(1);
  });

  it('with every automation off and no webhook host there is nothing to do and no store is touched', async () => {
    const test = testHost(crm());
    const kvGet = jest.spyOn(test.host.kv, 'get');
    const off = { ...CRM, deal_won_enabled: false, deal_lost_enabled: false, contact_hygiene_enabled: false };
    await handleProductEvent('onDealUpdate', dealMoved(openDeal(), STAGES.won, test.clock.now(), off), fresh(test));
    await handleProductEvent('onContactCreate', contactCreated({}, test.clock.now(), off), fresh(test));
    expect(test.invokeTemplate).not.toHaveBeenCalled();
    expect(kvGet).not.toHaveBeenCalled();
  });
});
