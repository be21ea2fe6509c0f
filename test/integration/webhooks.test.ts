import { startAutomationEnv, STAGES, type AutomationEnv } from '../support/automation-env';

/**
 * Outbound webhooks in the emulator: every delivery is verified by the receiver with the
 * independent `standardwebhooks` package, which also refuses a tampered body and an old
 * timestamp; failures are retried by the scheduled drain with growing delays; 410 stops them.
 */
let env: AutomationEnv;

beforeEach(async () => {
  env = await startAutomationEnv();
  expect(await env.emulator.install(env.settings)).toEqual({ ok: true });
});

afterEach(async () => {
  await env.close();
});

const MINUTE = 60_000;

async function createContact(name: string): Promise<number> {
  const answer = await env.crmCall('POST', '/contacts', { contact: { first_name: name, last_name: 'Webhook', emails: `${name.toLowerCase()}@gmail.com` } });
  await env.emulator.idle();
  return answer.body.contact.id as number;
}

describe('signed deliveries', () => {
  it('every delivery verifies; the envelope is {id, type, timestamp, data} with the id of its header', async () => {
    const id = await createContact('Vera');
    expect(env.receiver.deliveries.length).toBeGreaterThan(0);
    expect(env.receiver.deliveries.every((delivery) => delivery.verified)).toBe(true);
    const [delivery] = env.receiver.deliveries;
    const body = JSON.parse(delivery?.body ?? '{}');
    expect(Object.keys(body)).toEqual(['id', 'type', 'timestamp', 'data']);
    expect(body).toMatchObject({ id: delivery?.id, type: 'contact.created', data: { contact: { id, first_name: 'Vera' } } });
    expect(delivery?.signature).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
  });

  it('the receiver refuses a tampered body and a delivery replayed after the tolerance', async () => {
    await createContact('Tom');
    const [delivery] = env.receiver.deliveries;
    if (delivery === undefined) throw new Error('nothing delivered');
    expect(await env.receiver.resend(delivery)).toBe(200);
    expect(await env.receiver.resend(delivery, { body: delivery.body.replace('Tom', 'Tim') })).toBe(401);
    expect(await env.receiver.resend(delivery, { signature: 'v1,AAAA' })).toBe(401);
    env.clock.advance(6 * MINUTE);
    expect(await env.receiver.resend(delivery)).toBe(401);
    expect(env.receiver.deliveries.at(-1)?.error).toMatch(/too old/i);
  });
});

describe('retries', () => {
  it('a failing endpoint gets the delivery again from the drain after 1, then 5 minutes, same id', async () => {
    env.receiver.mode = 'fail';
    await createContact('Rita');
    const first = env.receiver.deliveries.map((delivery) => delivery.id);
    expect(first).toHaveLength(1);
    await env.emulator.advance(MINUTE);
    await env.emulator.advance(5 * MINUTE);
    const ids = env.receiver.deliveries.map((delivery) => delivery.id);
    expect(ids.length).toBeGreaterThanOrEqual(2);
    expect(new Set(ids)).toEqual(new Set(first));
    env.receiver.mode = 'ok';
    await env.emulator.advance(15 * MINUTE);
    expect(env.receiver.events()).toHaveLength(1);
    const stamps = env.receiver.deliveries.map((delivery) => Number(delivery.timestamp));
    expect(stamps).toEqual([...stamps].sort((a, b) => a - b));
  });

  it('410 Gone stops deliveries to the endpoint; replaying one resumes them', async () => {
    env.receiver.mode = 'gone';
    await createContact('Gwen');
    await createContact('Gail');
    expect(env.receiver.deliveries).toHaveLength(1);
    const dead = await env.emulator.platform.invokeFunction('listDeliveries', { status: 'dead' });
    const items = (dead.response as { items: Array<{ id: string; log: Array<{ answer?: string }> }> }).items;
    expect(items).toHaveLength(2);
    expect(items[1]?.log.at(-1)?.answer).toContain('answered 410 Gone');
    env.receiver.mode = 'ok';
    const replayed = await env.emulator.platform.invokeFunction('replayDelivery', { id: items[1]?.id });
    expect(replayed.response).toMatchObject({ item: { status: 'done' } });
    await createContact('Gina');
    // Gwen's delivery reached the endpoint once and got its 410; Gail's waited for the replay.
    expect(env.receiver.events().map((event) => event.data.contact.first_name).sort()).toEqual(['Gail', 'Gina', 'Gwen']);
    expect(env.receiver.deliveries.filter((delivery) => delivery.body.includes('Gwen'))).toHaveLength(1);
  });
});

describe('the request budget', () => {
  it('keeps at least 20 of the 50 calls a minute for the sidebars: a burst waits for the next minutes', async () => {
    for (let index = 0; index < 40; index += 1) await env.crmCall('POST', '/contacts', { contact: { first_name: `Burst${index}`, emails: `burst${index}@gmail.com` } });
    await env.emulator.idle();
    const inFirstMinute = env.calls().length;
    expect(inFirstMinute).toBeLessThanOrEqual(30 + 1);
    for (let minute = 0; minute < 20; minute += 1) await env.emulator.advance(MINUTE);
    expect(env.receiver.events().filter((event) => event.type === 'contact.created')).toHaveLength(40);
    expect(env.emulator.inspector.entries('template').filter((entry) => entry.kind === 'template' && entry.status === 429)).toEqual([]);
  });

  it('a deal won under a Freshsales 429 storm is complete after the storm', async () => {
    const deal = env.crm.store.deals.all().find((row) => row.deal_stage_id === STAGES.qualification && row.contact_ids.length >= 2);
    // The account's limit is spent for everything the automation calls.
    for (const route of ['POST /tasks', 'POST /notes', 'PUT /contacts/:id', 'GET /selector/lifecycle_stages']) env.crm.faults.add({ route, rateLimitRate: 1 });
    await env.crmCall('PUT', `/deals/${deal?.id}`, { deal: { deal_stage_id: STAGES.won } });
    await env.emulator.idle();
    expect(env.crm.store.deals.get(deal?.id ?? 0)?.deal_stage_id).toBe(STAGES.won);
    expect(env.crm.store.tasks.all().filter((task) => task.targetable_id === deal?.id)).toEqual([]);
    expect(env.calls('createTask').map((call) => call.status)).toEqual([429]);
    env.crm.faults.clear();
    for (let minute = 0; minute < 10; minute += 1) await env.emulator.advance(MINUTE);
    expect(env.crm.store.tasks.all().filter((task) => task.targetable_id === deal?.id)).toHaveLength(2);
    expect(env.crm.store.notes.all().filter((note) => note.targetable_id === deal?.id)).toHaveLength(1);
  });
});
