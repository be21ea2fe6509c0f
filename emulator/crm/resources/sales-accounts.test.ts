import { stringify } from '../http/json';
import type { DealRow, Id } from '../model/types';
import { SECOND_API_KEY, USERS } from '../seed/account';
import { ID_BASES, type CrmStore } from '../store';
import { startTestCrm, type TestCrm } from '../testing/harness';
import { registerContacts } from './contacts';
import { registerSalesAccounts } from './sales-accounts';

const ASHA = USERS[0]?.id as Id;
const MATEO = USERS[1]?.id as Id;
const FORMER = USERS[5]?.id as Id;
const SOFTWARE = 402004057001;
const PARTNER = 402004157003;
const EMEA = 402000023002;
const STAGE_OPEN = 402001912038;
const STAGE_WON = 402001912042;
const STAGE_LOST = 402001912043;
const VIEW_ALL = 402003648176;
const VIEW_MINE = 402003648177;
const NOW = '2026-11-02T14:30:00+05:30';

let crm: TestCrm;
beforeEach(async () => {
  crm = await startTestCrm({ resources: [registerSalesAccounts, registerContacts] });
});
afterEach(() => crm.close());

const dump = () => stringify({ store: crm.store.toSnapshot(), events: crm.server.feed.recent().length });
const eventNames = () => crm.server.feed.recent().map((event) => event.name);

async function expectRefused(method: string, path: string, body: unknown, messages: Array<string | RegExp>) {
  const before = dump();
  const answer = await crm.call(method, path, body);
  expect(answer.status).toBe(400);
  expect(answer.body).toEqual({ errors: { code: 400, message: expect.any(Array) } });
  messages.forEach((message) => expect(answer.body.errors.message).toContainEqual(typeof message === 'string' ? message : expect.stringMatching(message)));
  expect(dump()).toBe(before);
  return answer;
}

async function createAccount(fields: Record<string, unknown>, query = ''): Promise<any> {
  const answer = await crm.call('POST', `/sales_accounts${query}`, { sales_account: fields });
  expect(answer.status).toBe(201);
  return answer.body.sales_account;
}

function addDeal(store: CrmStore, accountId: Id, amount: string, stage: Id): DealRow {
  const id = store.deals.allocateId();
  const t = Date.parse('2026-10-01T00:00:00Z');
  return store.deals.put({
    id, created_at: t, updated_at: t, creater_id: ASHA, updater_id: ASHA, is_deleted: false,
    name: `Deal ${id}`, amount, currency_id: 402000190125, expected_close: '2026-12-31', closed_date: null,
    deal_pipeline_id: 402000189098, deal_stage_id: stage, stage_updated_time: t, probability: 50,
    owner_id: ASHA, sales_account_id: accountId, contact_ids: [], deal_reason_id: null, deal_type_id: null,
    deal_payment_status_id: null, lead_source_id: null, campaign_id: null, territory_id: null, products: [],
    tags: [], recent_note: null, web_form_id: null, team_user_ids: null, last_assigned_at: null, custom_field: {},
  });
}

describe('POST /sales_accounts', () => {
  it('creates an account: 201, owner_id always present, type ids only when included, offset timestamps, null aggregates', async () => {
    const answer = await crm.call('POST', '/sales_accounts', {
      sales_account: { name: 'Acme', website: 'acme.test', industry_type_id: SOFTWARE, number_of_employees: 120, annual_revenue: 2500000.5, custom_field: { cf_strategic: true } },
    });
    expect(answer.status).toBe(201);
    const account = answer.body.sales_account;
    expect(account).toMatchObject({
      id: ID_BASES.sales_accounts, name: 'Acme', website: 'acme.test', owner_id: null, parent_sales_account_id: null,
      number_of_employees: 120, annual_revenue: 2500000.5,
      open_deals_amount: null, won_deals_amount: null, open_deals_count: 0, won_deals_count: 0, tags: [], is_deleted: false,
      created_at: NOW, updated_at: NOW,
    });
    expect(account.custom_field).toMatchObject({ cf_strategic: true, cf_segment: null });
    expect(account.record_type_id).toMatch(/^\d+$/);
    for (const absent of ['creater_id', 'updater_id', 'contact_ids', 'deal_ids', 'industry_type_id', 'business_type_id', 'territory_id']) {
      expect(account).not.toHaveProperty(absent);
    }
    expect(crm.store.sales_accounts.get(account.id)?.industry_type_id).toBe(SOFTWARE);
    expect(eventNames()).toEqual(['onSalesAccountCreate']);
    expect(crm.server.feed.recent()[0]?.module).toBe('sales_account');
  });

  it('accepts an unwrapped body', async () => {
    const answer = await crm.call('POST', '/sales_accounts', { name: 'Flat Inc', city: 'Lyon' });
    expect(answer.status).toBe(201);
    expect(answer.body.sales_account).toMatchObject({ name: 'Flat Inc', city: 'Lyon' });
  });

  it('refuses a duplicate name (case and outer spaces ignored) with "Name has already been taken"', async () => {
    await createAccount({ name: 'Acme' });
    const answer = await expectRefused('POST', '/sales_accounts', { sales_account: { name: ' ACME ' } }, ['Name has already been taken']);
    expect(answer.body.errors.message).toEqual(['Name has already been taken']);
    const other = await createAccount({ name: 'Globex' });
    await expectRefused('PUT', `/sales_accounts/${other.id}`, { sales_account: { name: 'acme' } }, ['Name has already been taken']);
    const renamed = await crm.call('PUT', `/sales_accounts/${other.id}`, { sales_account: { name: 'GLOBEX' } });
    expect(renamed.body.sales_account.name).toBe('GLOBEX');
  });

  it('refuses a blank name, wrong types and unknown fields, and changes nothing', async () => {
    await expectRefused('POST', '/sales_accounts', { sales_account: { website: 'x.test' } }, ["Name can't be blank"]);
    await expectRefused('POST', '/sales_accounts', { sales_account: { name: '   ' } }, [/can't be blank/]);
    await expectRefused('POST', '/sales_accounts', { sales_account: { name: 'T', number_of_employees: 'many', annual_revenue: '1000', industry_type_id: 7, employees: 3 } }, [
      'Number of employees is not a number',
      'Annual revenue is not a number',
      'Industry type is invalid',
      "Unknown attribute 'employees'",
    ]);
    await expectRefused('POST', '/sales_accounts', { sales_account: { name: 'T', number_of_employees: 1.5, custom_field: { cf_seats: 'x' } } }, ['Number of employees is not a number', 'Seats must be a number']);
    await expectRefused('POST', '/sales_accounts', { sales_account: { name: 'T', owner_id: FORMER } }, ['Owner is invalid']);
    await expectRefused('POST', '/sales_accounts', { sales_account: { name: 'T', parent_sales_account_id: 402000999999 } }, ['Parent sales account is invalid']);
  });

  it('checks custom_field against the account field settings', async () => {
    await expectRefused('POST', '/sales_accounts', { sales_account: { name: 'C', custom_field: { cf_unknown: 1 } } }, ["Custom field 'cf_unknown' does not exist"]);
    await expectRefused('POST', '/sales_accounts', { sales_account: { name: 'C', custom_field: { cf_seats: 'ten' } } }, ['Seats must be a number']);
    await expectRefused('POST', '/sales_accounts', { sales_account: { name: 'C', custom_field: { cf_segment: 'Galactic' } } }, ['Segment must be one of its choices']);
    await expectRefused('POST', '/sales_accounts', { sales_account: { name: 'C', custom_field: { cf_products_used: 'CRM;Toaster' } } }, ['Products used must be choices joined with ";"']);
    const ok = await createAccount({ name: 'C', custom_field: { cf_products_used: 'CRM; Chat', cf_segment: 'SMB' } });
    expect(ok.custom_field).toMatchObject({ cf_products_used: 'CRM;Chat', cf_segment: 'SMB' });
  });

  it('refuses an unknown include before creating anything', async () => {
    await expectRefused('POST', '/sales_accounts?include=owner,industry', { sales_account: { name: 'Nope' } }, [/^Invalid include: industry\./]);
  });
});

describe('GET /sales_accounts/:id and its includes', () => {
  it('side-loads users once and emits creater_id/updater_id and the territory and type ids only when included (§11)', async () => {
    const account = await createAccount({ name: 'Acme', owner_id: ASHA, territory_id: EMEA, industry_type_id: SOFTWARE, business_type_id: PARTNER });
    const plain = await crm.call('GET', `/sales_accounts/${account.id}`);
    expect(Object.keys(plain.body)).toEqual(['sales_account']);
    expect(plain.body.sales_account).toMatchObject({ owner_id: ASHA });
    for (const absent of ['creater_id', 'territory_id', 'industry_type_id', 'business_type_id']) expect(plain.body.sales_account).not.toHaveProperty(absent);
    const industry = await crm.call('GET', `/sales_accounts/${account.id}?include=industry_type`);
    expect(industry.body.sales_account).toMatchObject({ industry_type_id: SOFTWARE });
    expect(industry.body.sales_account).not.toHaveProperty('business_type_id');
    expect(industry.body.sales_account).not.toHaveProperty('territory_id');

    const answer = await crm.call('GET', `/sales_accounts/${account.id}?include=owner,creater,updater,territory,industry_type,business_type`);
    expect(answer.body.users).toEqual([{ id: ASHA, display_name: 'Asha Rao', email: 'asha@demo-crm.test', is_active: true, work_number: '+91 80 4000 1100', mobile_number: null }]);
    expect(answer.body.sales_account).toMatchObject({ creater_id: ASHA, updater_id: ASHA, territory_id: EMEA, industry_type_id: SOFTWARE, business_type_id: PARTNER });
    expect(answer.body.territories).toEqual([expect.objectContaining({ id: EMEA, name: 'EMEA' })]);
    expect(answer.body.industry_types).toEqual([expect.objectContaining({ id: SOFTWARE, name: 'Software' })]);
    expect(answer.body.business_types).toEqual([expect.objectContaining({ id: PARTNER, name: 'Partner' })]);
  });

  it('side-loads contacts (partial, with contact_ids), deals (with deal_ids) and child accounts; aggregates count open and won deals', async () => {
    const parent = await createAccount({ name: 'Parent Co' });
    const child = await createAccount({ name: 'Child Co', parent_sales_account_id: parent.id });
    const lena = (await crm.call('POST', '/contacts', { contact: { first_name: 'Lena', emails: 'lena@p.test', sales_accounts: [{ id: parent.id }] } })).body.contact;
    const open = addDeal(crm.store, parent.id, '1000.0', STAGE_OPEN);
    const won = addDeal(crm.store, parent.id, '200.0', STAGE_WON);
    addDeal(crm.store, parent.id, '5.0', STAGE_LOST);

    const answer = await crm.call('GET', `/sales_accounts/${parent.id}?include=contacts,deals,child_sales_accounts`);
    expect(answer.status).toBe(200);
    const account = answer.body.sales_account;
    // EUR deals at 1.08: the aggregates are in the base currency.
    expect(account).toMatchObject({ open_deals_amount: '1080.0', won_deals_amount: '216.0', open_deals_count: 1, won_deals_count: 1 });
    expect(account.contact_ids).toEqual([lena.id]);
    expect(account.deal_ids).toHaveLength(3);
    expect(answer.body.contacts).toEqual([expect.objectContaining({ partial: true, id: lena.id, display_name: 'Lena', email: 'lena@p.test', open_deals_amount: null })]);
    expect(answer.body.deals.map((deal: any) => deal.id)).toEqual(expect.arrayContaining([open.id, won.id]));
    expect(answer.body.sales_accounts).toEqual([expect.objectContaining({ partial: true, id: child.id, name: 'Child Co' })]);
  });

  it('answers every related record, however many (no paging on includes)', async () => {
    const account = await createAccount({ name: 'Big' });
    for (let i = 0; i < 30; i += 1) {
      await crm.call('POST', '/contacts', { contact: { first_name: `C${i}`, sales_accounts: [{ id: account.id }] } });
    }
    const answer = await crm.call('GET', `/sales_accounts/${account.id}?include=contacts,notes,tasks,appointments`);
    expect(answer.body.contacts).toHaveLength(30);
    expect(answer.body.sales_account.contact_ids).toHaveLength(30);
    expect([answer.body.notes, answer.body.tasks, answer.body.appointments]).toEqual([[], [], []]);
  });

  it('answers 404 shapes: JSON for unknown ids, empty for non-numeric ones; 400 for an unknown include', async () => {
    expect((await crm.call('GET', '/sales_accounts/402000999999')).body).toEqual({ errors: { code: 404, message: ['Sales account not found'] } });
    const broken = await crm.call('GET', '/sales_accounts/acme');
    expect([broken.status, broken.text]).toEqual([404, '']);
    const account = await createAccount({ name: 'Inc' });
    const bad = await crm.call('GET', `/sales_accounts/${account.id}?include=sales_accounts`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors.message[0]).toMatch(/^Invalid include: sales_accounts/);
  });
});

describe('PUT /sales_accounts/:id', () => {
  it('changes only the fields sent and publishes onSalesAccountUpdate', async () => {
    const account = await createAccount({ name: 'Acme', city: 'Austin', tags: ['vip'] });
    (crm.clock as any).advance(5_000);
    const answer = await crm.call('PUT', `/sales_accounts/${account.id}?include=updater`, { phone: '+1 555 0199' }, { Authorization: `Token token=${SECOND_API_KEY}` });
    expect(answer.status).toBe(200);
    expect(answer.body.sales_account).toMatchObject({ name: 'Acme', city: 'Austin', tags: ['vip'], phone: '+1 555 0199', updater_id: MATEO, updated_at: '2026-11-02T14:30:05+05:30' });
    expect(eventNames()).toEqual(['onSalesAccountCreate', 'onSalesAccountUpdate']);
  });

  it('lets other fields of an old duplicate-named account change, but not its name to a taken one', async () => {
    const first = await createAccount({ name: 'Twin' });
    const row = crm.store.sales_accounts.get(first.id);
    const twin = crm.store.sales_accounts.put({ ...structuredClone(row as NonNullable<typeof row>), id: crm.store.sales_accounts.allocateId() });
    const edited = await crm.call('PUT', `/sales_accounts/${twin.id}`, { sales_account: { city: 'Oslo' } });
    expect(edited.status).toBe(200);
    await expectRefused('PUT', `/sales_accounts/${twin.id}`, { sales_account: { name: 'twin' } }, ['Name has already been taken']);
  });

  it('refuses a parent that is the account itself or one of its children', async () => {
    const parent = await createAccount({ name: 'Top' });
    const child = await createAccount({ name: 'Mid', parent_sales_account_id: parent.id });
    await expectRefused('PUT', `/sales_accounts/${parent.id}`, { sales_account: { parent_sales_account_id: parent.id } }, ['Parent sales account is invalid']);
    await expectRefused('PUT', `/sales_accounts/${parent.id}`, { sales_account: { parent_sales_account_id: child.id } }, ['Parent sales account is invalid']);
  });
});

describe('delete, forget, clone, upsert', () => {
  it('soft deletes (`true`), hides the account from contacts and views, then forget erases it', async () => {
    const account = await createAccount({ name: 'Doomed' });
    const contact = (await crm.call('POST', '/contacts', { contact: { first_name: 'Linked', sales_accounts: [{ id: account.id, is_primary: true }] } })).body.contact;
    const removed = await crm.call('DELETE', `/sales_accounts/${account.id}`);
    expect([removed.status, removed.text]).toEqual([200, 'true']);
    expect((await crm.call('GET', `/sales_accounts/${account.id}`)).status).toBe(404);
    expect((await crm.call('GET', `/contacts/${contact.id}?include=sales_accounts`)).body.contact.sales_accounts).toEqual([]);
    expect((await crm.call('GET', `/sales_accounts/view/${VIEW_ALL}`)).body.sales_accounts).toEqual([]);
    // The name is free again once the account is in the recycle bin.
    expect((await crm.call('POST', '/sales_accounts', { name: 'Doomed' })).status).toBe(201);

    expect((await crm.call('DELETE', `/sales_accounts/${account.id}/forget`)).body).toBe(true);
    expect(crm.store.sales_accounts.raw(account.id)).toBeUndefined();
    expect(crm.store.contacts.get(contact.id)?.sales_accounts).toEqual([]);
    expect((await crm.call('DELETE', `/sales_accounts/${account.id}/forget`)).status).toBe(404);
  });

  it('clones with a new name (201) and refuses a clone that keeps the name', async () => {
    const account = await createAccount({ name: 'Acme', city: 'Austin', industry_type_id: SOFTWARE });
    await expectRefused('POST', `/sales_accounts/${account.id}/clone`, undefined, ['Name has already been taken']);
    const answer = await crm.call('POST', `/sales_accounts/${account.id}/clone?include=industry_type`, { sales_account: { name: 'Acme EU' } });
    expect(answer.status).toBe(201);
    expect(answer.body.sales_account).toMatchObject({ name: 'Acme EU', city: 'Austin', industry_type_id: SOFTWARE });
    expect(answer.body.sales_account.id).not.toBe(account.id);
    expect(eventNames()).toEqual(['onSalesAccountCreate', 'onSalesAccountCreate']);
  });

  it('upserts by name: 201 when it creates, 200 when it updates', async () => {
    const first = await crm.call('POST', '/sales_accounts/upsert', { unique_identifier: { name: 'Acme' }, sales_account: { city: 'Austin' } });
    expect(first.status).toBe(201);
    expect(first.body.sales_account).toMatchObject({ name: 'Acme', city: 'Austin' });
    const second = await crm.call('POST', '/sales_accounts/upsert?include=owner', { unique_identifier: { name: 'acme' }, sales_account: { owner_id: MATEO } });
    expect(second.status).toBe(200);
    expect(second.body.sales_account).toMatchObject({ id: first.body.sales_account.id, city: 'Austin', owner_id: MATEO });
    expect(second.body.users).toEqual([expect.objectContaining({ id: MATEO })]);
    expect(eventNames()).toEqual(['onSalesAccountCreate', 'onSalesAccountUpdate']);

    await expectRefused('POST', '/sales_accounts/upsert', { unique_identifier: { website: 'acme.test' }, sales_account: {} }, ['unique_identifier must be an object with one field: name']);
    await expectRefused('POST', '/sales_accounts/upsert', { unique_identifier: { name: '' }, sales_account: {} }, ["Unique identifier name can't be blank"]);
  });
});

describe('bulk operations, filters and views', () => {
  it('bulk_assign_owner and bulk_destroy act on every selected account', async () => {
    const a = (await createAccount({ name: 'A' })).id;
    const b = (await createAccount({ name: 'B' })).id;
    await expectRefused('POST', '/sales_accounts/bulk_assign_owner', { selected_ids: [a, b] }, ['Owner is invalid']);
    expect((await crm.call('POST', '/sales_accounts/bulk_assign_owner', { selected_ids: [a, b], owner_id: MATEO })).body).toEqual({ message: '2 sales accounts updated.' });
    expect(crm.store.sales_accounts.all().map((row) => row.owner_id)).toEqual([MATEO, MATEO]);
    expect(eventNames().slice(2)).toEqual(['onSalesAccountUpdate', 'onSalesAccountUpdate']);
    await expectRefused('POST', '/sales_accounts/bulk_destroy', { selected_ids: ['x'] }, ['selected_ids must be a non-empty array of ids']);
    expect((await crm.call('POST', '/sales_accounts/bulk_destroy', { selected_ids: [a] })).body).toEqual({ message: '1 sales accounts deleted.' });
    expect(crm.store.sales_accounts.all().map((row) => row.id)).toEqual([b]);
  });

  it('lists the views and pages one sorted by name, with meta {total_pages, total}', async () => {
    const filters = await crm.call('GET', '/sales_accounts/filters');
    expect(filters.body.filters.map((view: any) => [view.id, view.name, view.model_class_name])).toEqual([
      [VIEW_ALL, 'All Accounts', 'SalesAccount'],
      [VIEW_MINE, 'My Accounts', 'SalesAccount'],
    ]);
    for (const name of ['delta', 'Alpha', 'charlie', 'Bravo']) await createAccount({ name, owner_id: name === 'delta' ? ASHA : MATEO });
    const page = await crm.call('GET', `/sales_accounts/view/${VIEW_ALL}?per_page=3&page=1&sort=name&sort_type=desc&include=owner`);
    expect(page.body.sales_accounts.map((row: any) => row.name)).toEqual(['delta', 'charlie', 'Bravo']);
    expect(page.body.meta).toEqual({ total_pages: 2, total: 4 });
    expect(page.body.users.map((user: any) => user.id)).toEqual([ASHA, MATEO]);
    const mine = await crm.call('GET', `/sales_accounts/view/${VIEW_MINE}`);
    expect(mine.body.sales_accounts.map((row: any) => row.name)).toEqual(['delta']);
    expect((await crm.call('GET', `/sales_accounts/view/${VIEW_ALL}?per_page=500`)).status).toBe(400);
  });
});
