import { ManualClock } from '../../emulator/clock';
import { startStandIn } from '../../emulator/crm/stand-in';
import type { CrmServer } from '../../emulator/crm/crm-server';
import { SEED_LANDMARKS } from '../../emulator/crm/seed/index';
import { storeState } from '../../emulator/crm/testing/rows';

/**
 * The fidelity checklist of freshsales-api.md §10, item by item, against the full stand-in on
 * seeded data. Each resource has its own detailed tests next to its code.
 */
let server: CrmServer;
const clock = new ManualClock('2026-11-02T09:00:00Z');

beforeAll(async () => {
  server = await startStandIn({ seed: 1, clock });
});
afterAll(() => server.close());

async function call(method: string, path: string, body?: unknown, key = server.apiKey) {
  const response = await fetch(`${server.apiBase}${path}`, {
    method,
    headers: { Authorization: `Token token=${key}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json: any;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, body: json };
}

const CONTACT = SEED_LANDMARKS.contacts.unicode.zoe;
const ACCOUNT = SEED_LANDMARKS.accounts.busy;

describe('§10.1 routes and authentication', () => {
  it('serves /crm/sales/api and answers 401 {login: failed} without a valid Token', async () => {
    expect((await call('GET', `/contacts/${CONTACT}`)).status).toBe(200);
    const refused = await call('GET', `/contacts/${CONTACT}`, undefined, 'not-a-key');
    expect(refused.status).toBe(401);
    expect(refused.body).toEqual({ login: 'failed', message: 'Incorrect or expired API key' });
  });
});

describe('§10.2 wrappers', () => {
  it('answers under the singular key and takes wrapped and unwrapped bodies', async () => {
    const wrapped = await call('POST', '/sales_accounts', { sales_account: { name: 'Wrapped Co' } });
    const bare = await call('POST', '/sales_accounts', { name: 'Unwrapped Co' });
    expect([wrapped.status, bare.status]).toEqual([201, 201]);
    expect(wrapped.body.sales_account.name).toBe('Wrapped Co');
    expect(bare.body.sales_account.name).toBe('Unwrapped Co');
  });
});

describe('§10.3 includes', () => {
  it('nests accounts inside a contact, side-loads users, and shows owner_id only with include=owner', async () => {
    const plain = await call('GET', `/contacts/${CONTACT}`);
    expect(plain.body.contact).not.toHaveProperty('owner_id');
    expect(plain.body.contact).not.toHaveProperty('sales_accounts');
    expect(plain.body).not.toHaveProperty('users');
    const full = await call('GET', `/contacts/${CONTACT}?include=sales_accounts,owner,deals`);
    expect(full.body.contact.owner_id).toEqual(expect.any(Number));
    expect(full.body.users.map((user: any) => user.id)).toEqual([full.body.contact.owner_id]);
    expect(full.body.contact.sales_accounts[0]).toMatchObject({ partial: true, is_primary: true });
    expect(full.body).not.toHaveProperty('sales_accounts');
    expect(full.body.deals.map((deal: any) => deal.id).sort()).toEqual([...full.body.contact.deal_ids].sort());
  });

  it('nests products inside a deal and side-loads deal_stages; deals always carry pipeline and stage ids', async () => {
    const withProducts = server.store.deals.all().find((deal) => deal.products.length > 0);
    const answer = await call('GET', `/deals/${withProducts?.id}?include=products,deal_stage`);
    expect(answer.body.deal.products.length).toBeGreaterThan(0);
    expect(answer.body.deal_stages[0]).toMatchObject({ id: answer.body.deal.deal_stage_id, partial: true });
    expect(answer.body.deal).toHaveProperty('deal_pipeline_id');
    expect(answer.body.deal).not.toHaveProperty('owner_id');
  });

  it('de-duplicates side-loads across a list page', async () => {
    const answer = await call('GET', '/tasks?filter=open&include=owner&per_page=100');
    const ids = answer.body.users.map((user: any) => user.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('§10.4 values', () => {
  it('uses int64 ids, decimal-string money, offset timestamps, ;-joined multi-selects and cf_ keys', async () => {
    const contact = await call('GET', `/contacts/${CONTACT}`);
    expect(contact.body.contact.id).toBeGreaterThan(99_999_999_999);
    expect(contact.body.contact.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+05:30$/);
    expect(contact.text).toMatch(/"mcr_id":\d{19}[,}]/);
    expect(Object.keys(contact.body.contact.custom_field).every((key) => key.startsWith('cf_'))).toBe(true);
    expect(contact.body.contact.custom_field.cf_interests).toMatch(/^[^;]+(;[^;]+)*$/);
    const deal = await call('GET', `/deals/${server.store.deals.all().find((row) => row.amount !== null)?.id}`);
    expect(deal.body.deal.amount).toMatch(/^\d+\.\d+$/);
  });

  it('answers /search with a bare array of string ids and /lookup doubly nested', async () => {
    const search = await call('GET', '/search?q=Zo&include=contact');
    expect(Array.isArray(search.body)).toBe(true);
    expect(typeof search.body[0].id).toBe('string');
    const email = server.store.contacts.get(CONTACT)?.emails[0]?.value;
    const lookup = await call('GET', `/lookup?q=${encodeURIComponent(email ?? '')}&f=email&entities=contact`);
    expect(lookup.body.contacts.contacts.map((row: any) => row.id)).toEqual([CONTACT]);
  });
});

describe('§10.5–10.6 views and paging', () => {
  it('lists views whose ids work in /view/:id, with total_pages there and only total on tasks and filtered search', async () => {
    const filters = await call('GET', '/contacts/filters');
    const all = filters.body.filters.find((view: any) => view.name === 'All Contacts');
    const page = await call('GET', `/contacts/view/${all.id}?per_page=100&page=2`);
    expect(page.body.meta).toEqual({ total_pages: expect.any(Number), total: expect.any(Number) });
    expect(page.body.contacts).toHaveLength(100);
    const beyond = await call('GET', `/contacts/view/${all.id}?per_page=100&page=99`);
    expect([beyond.status, beyond.body.contacts]).toEqual([200, []]);
    expect(Object.keys((await call('GET', '/tasks')).body.meta)).toEqual(['total']);
    const searched = await call('POST', '/filtered_search/contact', { filter_rule: [{ attribute: 'sales_account_id', operator: 'is_in', value: [ACCOUNT] }] });
    expect(searched.body.meta).toEqual({ total: 120 });
    expect(searched.body.contacts).toHaveLength(25);
    expect(searched.body.contacts[0].partial).toBe(true);
    expect((await call('GET', '/deals/filters')).body.filters.map((view: any) => view.name)).not.toContain('All Deals');
  });
});

describe('§10.7–10.8 errors and deletes', () => {
  it('answers validation errors with a message array, non-numeric ids with an empty 404, and changes nothing', async () => {
    const before = storeState(server.store);
    const invalid = await call('POST', '/deals', { deal: { name: 'x', amount: 'lots', colour: 'red' } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors.code).toBe(400);
    expect(invalid.body.errors.message).toEqual(expect.arrayContaining(["Unknown attribute 'colour'"]));
    const broken = await call('POST', '/contacts', '{"contact": {');
    expect(broken.status).toBe(400);
    const notNumeric = await call('GET', '/contacts/abc');
    expect([notNumeric.status, notNumeric.text]).toEqual([404, '']);
    expect(storeState(server.store)).toBe(before);
  });

  it('soft-deletes with 200 true, then answers 404 in the error shape', async () => {
    const created = await call('POST', '/contacts', { contact: { first_name: 'Temporary', emails: 'temp.person@example.test' } });
    const removed = await call('DELETE', `/contacts/${created.body.contact.id}`);
    expect([removed.status, removed.body]).toEqual([200, true]);
    const gone = await call('GET', `/contacts/${created.body.contact.id}`);
    expect(gone.status).toBe(404);
    expect(gone.body).toEqual({ errors: { code: 404, message: [expect.any(String)] } });
  });

  it('carries X-RateLimit-* headers on every answer, and Retry-After on a 429', async () => {
    const answer = await call('GET', '/selector/owners');
    expect(answer.headers.get('x-ratelimit-limit')).toBe('400');
    expect(Number(answer.headers.get('x-ratelimit-remaining'))).toBeLessThan(400);
    server.faults.add({ route: 'GET /selector/owners', rateLimitRate: 1, times: 1 });
    const busy = await call('GET', '/selector/owners');
    expect(busy.status).toBe(429);
    expect(busy.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
  });
});

describe('§11 what real accounts answer, on every profile', () => {
  it('leaves the territory and type ids out of an account fetched without their includes', async () => {
    const plain = await call('GET', `/sales_accounts/${ACCOUNT}`);
    expect(plain.body.sales_account).toHaveProperty('owner_id');
    for (const absent of ['industry_type_id', 'business_type_id', 'territory_id']) expect(plain.body.sales_account).not.toHaveProperty(absent);
    const included = await call('GET', `/sales_accounts/${ACCOUNT}?include=industry_type,business_type,territory`);
    expect(Object.keys(included.body.sales_account)).toEqual(expect.arrayContaining(['industry_type_id', 'business_type_id', 'territory_id']));
  });

  it('sends built-in choice ids as JSON numbers and selector timestamps in UTC', async () => {
    const fields = (await call('GET', '/settings/deals/fields')).body.fields;
    const stage = fields.find((field: any) => field.name === 'deal_stage_id');
    expect(stage.choices.every((choice: any) => typeof choice.id === 'number')).toBe(true);
    const stages = await call('GET', '/selector/deal_stages');
    expect(stages.body.deal_stages[0].updated_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  });

  it('takes JavaScript Date.toString() dates on tasks and appointments', async () => {
    const task = await call('POST', '/tasks', { task: { title: 'Browser date', due_date: 'Tue Jun 21 2099 11:00:00 GMT+0000 (Coordinated Universal Time)', targetable_type: 'Contact', targetable_id: CONTACT } });
    expect(task.status).toBe(201);
    expect(task.body.task.due_date).toBe('2099-06-21T16:30:00+05:30');
    const appointment = await call('POST', '/appointments', {
      appointment: { title: 'Browser dates', from_date: 'Tue Jun 21 2099 11:00:00 GMT+0000', end_date: 'Tue Jun 21 2099 12:00:00 GMT+0000', time_zone: 'UTC' },
    });
    expect(appointment.status).toBe(201);
  });
});

describe('§11 the real-account profile', () => {
  let real: CrmServer;
  beforeAll(async () => {
    real = await startStandIn({ seed: 1, clock, profile: 'real' });
  });
  afterAll(() => real.close());
  const callReal = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${real.apiBase}${path}`, {
      method,
      headers: { Authorization: `Token token=${real.apiKey}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  };

  it('serves the same landmarks, with hidden built-in fields grouped as real settings are', async () => {
    expect((await callReal('GET', `/contacts/${CONTACT}`)).body.contact.display_name).toBe('Zoë Ångström');
    const fields = (await callReal('GET', '/settings/contacts/fields')).body.fields;
    expect(fields.filter((field: any) => !field.visible)).toHaveLength(40);
    expect(fields.every((field: any) => typeof field.field_group_id === 'number')).toBe(true);
  });

  it('writes timestamps in Europe/Berlin with the offset of their instant, and lists an inactive owner first', async () => {
    const contacts = (await callReal('POST', '/filtered_search/contact?per_page=100', { filter_rule: [], sort: 'created_at', sort_type: 'asc' })).body.contacts;
    const offsets = new Set(contacts.map((contact: any) => contact.created_at.slice(-6)));
    expect(offsets).toEqual(new Set(['+01:00', '+02:00']));
    expect((await callReal('GET', '/selector/owners')).body.users[0].is_active).toBe(false);
  });

  it('answers record writes without a users side-load', async () => {
    const owner = real.store.users.find((user) => user.is_active)?.id;
    const created = await callReal('POST', '/contacts?include=owner', { contact: { first_name: 'Real', emails: 'real.profile@example.test', owner_id: owner } });
    expect(created.status).toBe(201);
    expect(created.body).not.toHaveProperty('users');
    expect(created.body.contact.owner_id).toBe(owner);
  });
});

describe('change feed', () => {
  it('turns the app’s own writes into product events in event shape', async () => {
    const received: any[] = [];
    const unsubscribe = server.feed.subscribe((event) => received.push(event));
    await call('PUT', `/contacts/${CONTACT}`, { contact: { job_title: 'Chief Explorer' } });
    unsubscribe();
    expect(received).toHaveLength(1);
    const event = received[0];
    expect(event).toMatchObject({ name: 'onContactUpdate', module: 'contact', account_id: expect.any(String) });
    expect(event.data.contact.job_title).toEqual({ label: 'Job title', type: 'text', value: 'Chief Explorer' });
    expect(event.data.changes.model_changes.job_title).toEqual(['Head of Operations', 'Chief Explorer']);
  });
});
