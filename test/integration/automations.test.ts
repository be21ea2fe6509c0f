import type { ContactRow, DealRow, SalesAccountRow } from '../../emulator/crm/model/types';
import { startAutomationEnv, CUSTOMER, STAGES, type AutomationEnv } from '../support/automation-env';

/**
 * The automations and outbound webhooks of issue #9 in the emulator, on the seeded stand-in:
 * a deal moved to won through the CRM's API yields the tasks, the contacts' new stage and the
 * note exactly once, and the receiver gets signed deliveries it verifies independently.
 */
let env: AutomationEnv;

afterEach(async () => {
  await env?.close();
});

const openDeal = (): DealRow => {
  const deal = env.crm.store.deals.all().find((row) => row.deal_stage_id === STAGES.qualification && row.contact_ids.length >= 2 && row.owner_id !== null);
  if (deal === undefined) throw new Error('no open deal with contacts in the seed');
  return deal;
};

const tasksOf = (dealId: number) => env.crm.store.tasks.all().filter((task) => task.targetable_type === 'Deal' && task.targetable_id === dealId);
const notesOf = (dealId: number) => env.crm.store.notes.all().filter((note) => note.targetable_type === 'Deal' && note.targetable_id === dealId);
const WRITES = ['createTask', 'createNote', 'updateContact', 'createContact', 'updateDeal', 'updateAccount', 'updateTask', 'createDeal'];

async function win(deal: DealRow): Promise<void> {
  const answer = await env.crmCall('PUT', `/deals/${deal.id}`, { deal: { deal_stage_id: STAGES.won } });
  expect(answer.status).toBe(200);
  await env.emulator.idle();
}

describe('a deal won in Freshsales', () => {
  beforeEach(async () => {
    env = await startAutomationEnv();
    expect(await env.emulator.install(env.settings)).toEqual({ ok: true });
  });

  it('gets its follow-up tasks, its contacts move to Customer, and a note says so, once', async () => {
    const deal = openDeal();
    await win(deal);
    const tasks = tasksOf(deal.id);
    expect(tasks.map((task) => task.title).sort()).toEqual(['Book the kickoff call', 'Send a welcome pack']);
    expect(tasks.every((task) => task.owner_id === deal.owner_id)).toBe(true);
    for (const id of deal.contact_ids) expect(env.crm.store.contacts.get(id)?.lifecycle_stage_id).toBe(CUSTOMER);
    const notes = notesOf(deal.id);
    expect(notes).toHaveLength(1);
    expect(notes[0]?.description).toContain(`Moved ${deal.contact_ids.length} contacts to the lifecycle stage Customer.`);
    expect(env.receiver.events().map((event) => event.type).sort()).toEqual(['deal.stage_changed', 'deal.won', ...deal.contact_ids.map(() => 'contact.updated')].sort());
  });

  it('the same event delivered twice by the platform creates nothing twice', async () => {
    const deal = openDeal();
    await win(deal);
    const event = env.crm.feed.recent().find((candidate) => candidate.name === 'onDealUpdate' && (candidate.data.deal as { id: number }).id === deal.id);
    expect(event).toBeDefined();
    const webhookIds = env.receiver.events().map((event) => event.id);
    await env.emulator.platform.dispatchProduct(event as never);
    await env.emulator.platform.dispatchProduct(event as never);
    await env.emulator.idle();
    expect(tasksOf(deal.id)).toHaveLength(2);
    expect(notesOf(deal.id)).toHaveLength(1);
    // Deliveries repeat under the same webhook-id, by which receivers drop repeats (Standard Webhooks).
    expect(env.receiver.events().map((event) => event.id).sort()).toEqual([...webhookIds].sort());
  });

  it('reopened and won again: a second round of follow-up, once', async () => {
    const deal = openDeal();
    await win(deal);
    env.clock.advance(60_000);
    await env.crmCall('PUT', `/deals/${deal.id}`, { deal: { deal_stage_id: STAGES.negotiation } });
    await env.emulator.idle();
    env.clock.advance(60_000);
    await win(deal);
    expect(tasksOf(deal.id)).toHaveLength(4);
    expect(notesOf(deal.id)).toHaveLength(2);
    expect(env.receiver.events().filter((event) => event.type === 'deal.won')).toHaveLength(2);
  });

  it('the app’s own writes come back as update events and trigger no more writes (no cascades)', async () => {
    const deal = openDeal();
    await win(deal);
    const writes = env.calls().filter((call) => WRITES.includes(call.name));
    expect(writes).toHaveLength(2 + deal.contact_ids.length + 1);
    const echoes = env.emulator.inspector.entries('event').filter((entry) => entry.kind === 'event' && entry.event === 'onContactUpdate');
    expect(echoes).toHaveLength(deal.contact_ids.length);
    expect(echoes.every((entry) => entry.kind === 'event' && entry.outcome === 'completed')).toBe(true);
  });

  it('a deal lost gets a note with its lost reason', async () => {
    const deal = openDeal();
    const reason = env.crm.store.metadata.deal_reasons[0];
    await env.crmCall('PUT', `/deals/${deal.id}`, { deal: { deal_stage_id: STAGES.lost, deal_reason_id: reason?.id } });
    await env.emulator.idle();
    const notes = notesOf(deal.id);
    expect(notes).toHaveLength(1);
    expect(notes[0]?.description).toContain(`Lost reason: ${reason?.name}.`);
    expect(tasksOf(deal.id)).toEqual([]);
    expect(env.receiver.events().find((event) => event.type === 'deal.lost')?.data.lost_reason).toMatchObject({ name: reason?.name });
  });
});

const domainOf = (website: string | null | undefined): string => String(website).replace(/^https?:\/\//, '').replace(/^www\./, '').split('/')[0] ?? '';

describe('a new contact', () => {
  beforeEach(async () => {
    env = await startAutomationEnv();
    expect(await env.emulator.install({ ...env.settings, phone_default_country: 'US' })).toEqual({ ok: true });
  });

  it('is tidied, linked to the account of its email domain, and sent as contact.created', async () => {
    const account = env.crm.store.sales_accounts.all().find((row) => row.website !== null && !row.is_deleted) as SalesAccountRow;
    const domain = domainOf(account.website);
    const answer = await env.crmCall('POST', '/contacts', { contact: { first_name: 'Rae', last_name: 'Quinn', emails: ` Rae.Quinn@${domain.toUpperCase()} `, mobile_number: '(415) 555-2671' } });
    expect(answer.status).toBe(201);
    await env.emulator.idle();
    const contact = env.crm.store.contacts.get(answer.body.contact.id) as ContactRow;
    expect(contact.emails.map((email) => email.value)).toEqual([`rae.quinn@${domain}`]);
    expect(contact.mobile_number).toBe('+14155552671');
    expect(contact.sales_accounts.map((link) => link.id)).toEqual([account.id]);
    expect(env.receiver.events().find((event) => event.type === 'contact.created')?.data.contact.id).toBe(contact.id);
  });

  it('that is clean and has no duplicates is never written', async () => {
    const answer = await env.crmCall('POST', '/contacts', { contact: { first_name: 'Tess', last_name: 'Ng', emails: 'tess@gmail.com' } });
    await env.emulator.idle();
    expect(env.calls('updateContact')).toEqual([]);
    expect(env.calls('createNote')).toEqual([]);
    expect(env.crm.store.contacts.get(answer.body.contact.id)?.updated_at).toBe(env.crm.store.contacts.get(answer.body.contact.id)?.created_at);
  });

  it('with the mobile number of an existing contact is flagged with a note and a task for its owner', async () => {
    const existing = await env.crmCall('POST', '/contacts', { contact: { first_name: 'Ada', last_name: 'Park', mobile_number: '+14155550199' } });
    await env.emulator.idle();
    const owner = env.crm.store.users[1]?.id;
    const answer = await env.crmCall('POST', '/contacts', { contact: { first_name: 'Ada', last_name: 'P.', mobile_number: '(415) 555-0199', owner_id: owner } });
    await env.emulator.idle();
    const id = answer.body.contact.id as number;
    expect(env.crm.store.contacts.get(id)?.mobile_number).toBe('+14155550199');
    const notes = env.crm.store.notes.all().filter((note) => note.targetable_type === 'Contact' && note.targetable_id === id);
    expect(notes).toHaveLength(1);
    expect(notes[0]?.description).toContain(`Ada Park (id ${existing.body.contact.id}): same mobile number`);
    const tasks = env.crm.store.tasks.all().filter((task) => task.targetable_type === 'Contact' && task.targetable_id === id);
    expect(tasks.map((task) => [task.title, task.owner_id])).toEqual([['Review possible duplicate: Ada P.', owner]]);
  });
});
