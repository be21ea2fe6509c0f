import { stringify } from '../http/json';
import type { DealRow, Id, NoteRow, TaskRow } from '../model/types';
import { LIFECYCLE, USERS } from '../seed/account';
import { ID_BASES, type CrmStore } from '../store';
import { startTestCrm, type TestCrm } from '../testing/harness';
import { registerContacts } from './contacts';
import { registerSalesAccounts } from './sales-accounts';

const ASHA = USERS[0]?.id as Id;
const MATEO = USERS[1]?.id as Id;
const FORMER = USERS[5]?.id as Id;
const STATUS_NEW = 402000543557; // Lead
const STATUS_QUALIFIED = 402000543561; // Sales Qualified Lead
const LEAD_SOURCE = 402000836318;
const CAMPAIGN = 402000936410;
const TERRITORY = 402000023001;
const STAGE_OPEN = 402001912038;
const STAGE_WON = 402001912042;
const VIEW_ALL = 402003548176;
const VIEW_MINE = 402003548177;
const NOW = '2026-11-02T14:30:00+05:30';

let crm: TestCrm;
beforeEach(async () => {
  crm = await startTestCrm({ resources: [registerContacts, registerSalesAccounts] });
});
afterEach(() => crm.close());

/** Everything a request could change: every table, the nested-id sequences and the feed. */
const dump = () => stringify({ store: crm.store.toSnapshot(), events: crm.server.feed.recent().length });

async function expectRefused(method: string, path: string, body: unknown, messages: Array<string | RegExp>) {
  const before = dump();
  const answer = await crm.call(method, path, body);
  expect(answer.status).toBe(400);
  expect(Object.keys(answer.body)).toEqual(['errors']);
  expect(answer.body.errors.code).toBe(400);
  expect(Array.isArray(answer.body.errors.message)).toBe(true);
  messages.forEach((message) => expect(answer.body.errors.message).toContainEqual(typeof message === 'string' ? message : expect.stringMatching(message)));
  expect(dump()).toBe(before);
  return answer;
}

async function createContact(fields: Record<string, unknown>, query = ''): Promise<any> {
  const answer = await crm.call('POST', `/contacts${query}`, { contact: fields });
  expect(answer.status).toBe(201);
  return answer.body;
}

async function createAccount(name: string, extra: Record<string, unknown> = {}): Promise<Id> {
  const answer = await crm.call('POST', '/sales_accounts', { sales_account: { name, ...extra } });
  expect(answer.status).toBe(201);
  return answer.body.sales_account.id as Id;
}

function addDeal(store: CrmStore, fields: { amount: string; stage: Id; contactIds?: Id[]; accountId?: Id }): DealRow {
  const id = store.deals.allocateId();
  const t = Date.parse('2026-10-01T00:00:00Z');
  return store.deals.put({
    id, created_at: t, updated_at: t, creater_id: ASHA, updater_id: ASHA, is_deleted: false,
    name: `Deal ${id}`, amount: fields.amount, currency_id: 402000190124, expected_close: null, closed_date: null,
    deal_pipeline_id: 402000189098, deal_stage_id: fields.stage, stage_updated_time: t, probability: 10,
    owner_id: ASHA, sales_account_id: fields.accountId ?? null, contact_ids: fields.contactIds ?? [],
    deal_reason_id: null, deal_type_id: null, deal_payment_status_id: null, lead_source_id: null, campaign_id: null,
    territory_id: null, products: [], tags: [], recent_note: null, web_form_id: null, team_user_ids: null,
    last_assigned_at: null, custom_field: {},
  });
}

function addNote(store: CrmStore, contactId: Id, description: string, at: number): NoteRow {
  const id = store.notes.allocateId();
  return store.notes.put({ id, created_at: at, updated_at: at, creater_id: ASHA, updater_id: ASHA, is_deleted: false, description, targetable_type: 'Contact', targetable_id: contactId });
}

function addTask(store: CrmStore, contactId: Id, title: string, at: number): TaskRow {
  const id = store.tasks.allocateId();
  return store.tasks.put({
    id, created_at: at, updated_at: at, creater_id: ASHA, updater_id: ASHA, is_deleted: false, title, description: null,
    due_date: at, status: 0, completed_date: null, owner_id: ASHA, task_type_id: null, outcome_id: null,
    targetable_type: 'Contact', targetable_id: contactId, user_ids: [],
  });
}

const eventNames = () => crm.server.feed.recent().map((event) => event.name);

describe('POST /contacts', () => {
  it('creates from a wrapped body: 201, offset timestamps, raw int64 mcr_id, emails string → primary email', async () => {
    const answer = await crm.call('POST', '/contacts', { contact: { first_name: 'Lena', last_name: 'Ortiz', emails: 'lena@acme.test', job_title: 'Buyer' } });
    expect(answer.status).toBe(201);
    const contact = answer.body.contact;
    expect(contact).toMatchObject({ id: ID_BASES.contacts, display_name: 'Lena Ortiz', email: 'lena@acme.test', job_title: 'Buyer', is_deleted: false });
    expect(contact.emails).toEqual([{ id: ID_BASES.emails, value: 'lena@acme.test', is_primary: true, label: null, _destroy: false }]);
    expect(contact.created_at).toBe(NOW);
    expect(contact.updated_at).toBe(NOW);
    expect(contact.record_type_id).toMatch(/^\d+$/);
    // mcr_id is a bare JSON number above 2^53: JSON.parse cannot hold it exactly.
    const raw = /"mcr_id":(\d+)[,}]/.exec(answer.text)?.[1] as string;
    expect(BigInt(raw)).toBeGreaterThan(2n ** 53n);
    expect(raw).toBe('1712345678901234567');
    expect(String(BigInt(contact.mcr_id))).not.toBe(raw);
    // Fresh records have null aggregates, no association ids and no nested accounts.
    expect(contact).toMatchObject({ open_deals_amount: null, won_deals_amount: null, open_deals_count: 0, won_deals_count: 0 });
    for (const absent of ['owner_id', 'creater_id', 'lifecycle_stage_id', 'contact_status_id', 'deal_ids', 'sales_accounts']) expect(contact).not.toHaveProperty(absent);
    expect(eventNames()).toEqual(['onContactCreate']);
    expect(crm.server.feed.recent()[0]?.module).toBe('contact');
  });

  it('accepts an unwrapped body and starts the contact in the default lifecycle stage', async () => {
    const answer = await crm.call('POST', '/contacts', { last_name: 'Solo', mobile_number: '+1 555 0100' });
    expect(answer.status).toBe(201);
    expect(answer.body.contact).toMatchObject({ last_name: 'Solo', mobile_number: '+1 555 0100', email: null, emails: [] });
    const row = crm.store.contacts.get(answer.body.contact.id);
    expect(row?.lifecycle_stage_id).toBe(LIFECYCLE.lead);
    expect(row?.contact_status_id).toBe(STATUS_NEW);
  });

  it('takes emails as an array of {value, is_primary, label}; `email` is the primary one', async () => {
    const body = await createContact({
      first_name: 'Multi',
      emails: [
        { value: 'work@multi.test', label: 'Work' },
        { value: 'home@multi.test', is_primary: true, label: 'Home' },
      ],
    });
    expect(body.contact.email).toBe('home@multi.test');
    expect(body.contact.emails.map((e: any) => [e.value, e.is_primary, e.label])).toEqual([
      ['work@multi.test', false, 'Work'],
      ['home@multi.test', true, 'Home'],
    ]);
  });

  it('refuses two primary emails, a malformed email, and a non-list emails value', async () => {
    await expectRefused('POST', '/contacts', { contact: { emails: [{ value: 'a@x.test', is_primary: true }, { value: 'b@x.test', is_primary: true }] } }, ['Emails can have only one primary email']);
    await expectRefused('POST', '/contacts', { contact: { first_name: 'X', emails: 'not-an-email' } }, ['Emails is invalid']);
    await expectRefused('POST', '/contacts', { contact: { first_name: 'X', emails: 42 } }, [/^Emails must be/]);
    await expectRefused('POST', '/contacts', { contact: { first_name: 'X', emails: [{ value: 'a@x.test', primary: true }] } }, ["Unknown attribute 'emails[0].primary'"]);
  });

  it('needs at least one of first_name, last_name, emails, mobile_number', async () => {
    await expectRefused('POST', '/contacts', { contact: { job_title: 'Ghost' } }, ['Contact must have at least one of first_name, last_name, emails or mobile_number']);
    await expectRefused('POST', '/contacts', { contact: {} }, [/at least one of/]);
  });

  it('refuses an email another contact already has (use upsert)', async () => {
    await createContact({ first_name: 'First', emails: 'taken@x.test' });
    await expectRefused('POST', '/contacts', { contact: { first_name: 'Second', emails: 'TAKEN@x.test' } }, ['Email TAKEN@x.test has already been taken']);
  });

  it('refuses unknown fields and wrong types, listing every problem, and changes nothing', async () => {
    await createContact({ first_name: 'Existing' });
    await expectRefused('POST', '/contacts', { contact: { first_name: 5, nickname: 'Z', lead_score: 'high', owner_id: 'me', tags: [1] } }, [
      'First name must be a string',
      "Unknown attribute 'nickname'",
      'Lead score is not a number',
      'Owner is invalid',
      'Tags must be an array of strings',
    ]);
    await expectRefused('POST', '/contacts', { contact: { first_name: 'A', owner_id: FORMER } }, ['Owner is invalid']);
    await expectRefused('POST', '/contacts', { contact: { first_name: 'A', lead_source_id: 1 } }, ['Lead source is invalid']);
    await expectRefused('POST', '/contacts', { contact: { first_name: 'A', sales_accounts: [{ id: 999 }] } }, ['Sales account 999 does not exist']);
    await expectRefused('POST', '/contacts', { contact: { first_name: 'A', subscription_types: '1,2' } }, [/^Subscription types/]);
    await expectRefused('POST', '/contacts', ['not', 'an', 'object'], [/^Request body must be a JSON object/]);
    await expectRefused('POST', '/contacts', { contact: 'Lena' }, ['"contact" must be an object']);
  });

  it('refuses an unknown include with the error shape, before creating anything', async () => {
    const answer = await expectRefused('POST', '/contacts?include=owner,friends', { contact: { first_name: 'Nope' } }, [/^Invalid include: friends/]);
    expect(answer.body.errors.message).toHaveLength(1);
    expect(crm.store.contacts.all()).toHaveLength(0);
  });
});

describe('custom_field on contacts', () => {
  it('stores valid values of each kind and answers them under custom_field', async () => {
    const body = await createContact({
      first_name: 'Custom',
      custom_field: { cf_tier: 'Gold', cf_interests: 'Analytics;Mobile', cf_newsletter: true, cf_birthday: '1990-02-28', cf_nps: 9, cf_budget: 1500 },
    });
    expect(body.contact.custom_field).toMatchObject({ cf_tier: 'Gold', cf_interests: 'Analytics;Mobile', cf_newsletter: true, cf_birthday: '1990-02-28', cf_nps: 9, cf_budget: '1500.0', cf_website: null });
  });

  it('refuses an unknown cf_ key, a wrong type, a dropdown value outside its choices and a bad multi-select', async () => {
    await expectRefused('POST', '/contacts', { contact: { first_name: 'C', custom_field: { cf_shoe_size: 42 } } }, ["Custom field 'cf_shoe_size' does not exist"]);
    await expectRefused('POST', '/contacts', { contact: { first_name: 'C', custom_field: { cf_nps: '9' } } }, ['NPS score must be a number']);
    await expectRefused('POST', '/contacts', { contact: { first_name: 'C', custom_field: { cf_tier: 'Platinum' } } }, ['Tier must be one of its choices']);
    await expectRefused('POST', '/contacts', { contact: { first_name: 'C', custom_field: { cf_interests: ['Analytics', 'Mobile'] } } }, ['Interests must be choices joined with ";"']);
    await expectRefused('POST', '/contacts', { contact: { first_name: 'C', custom_field: { cf_interests: 'Analytics;Cooking' } } }, ['Interests must be choices joined with ";"']);
    await expectRefused('POST', '/contacts', { contact: { first_name: 'C', custom_field: ['cf_tier'] } }, ['custom_field must be an object of cf_ keys']);
  });

  it('updates only the cf_ keys sent', async () => {
    const { contact } = await createContact({ first_name: 'C', custom_field: { cf_tier: 'Gold', cf_nps: 3 } });
    const answer = await crm.call('PUT', `/contacts/${contact.id}`, { contact: { custom_field: { cf_nps: 10 } } });
    expect(answer.body.contact.custom_field).toMatchObject({ cf_tier: 'Gold', cf_nps: 10 });
  });
});

describe('GET /contacts/:id and its includes', () => {
  it('nests sales_accounts inside the contact only with include=sales_accounts, primary first', async () => {
    const acme = await createAccount('Acme', { website: 'acme.test' });
    const globex = await createAccount('Globex');
    const { contact } = await createContact({ first_name: 'Lena', sales_accounts: [{ id: globex }, { id: acme, is_primary: true }] });

    const plain = await crm.call('GET', `/contacts/${contact.id}`);
    expect(plain.status).toBe(200);
    expect(plain.body.contact).not.toHaveProperty('sales_accounts');
    expect(plain.body).not.toHaveProperty('sales_accounts');

    const included = await crm.call('GET', `/contacts/${contact.id}?include=sales_accounts`);
    expect(Object.keys(included.body)).toEqual(['contact']);
    expect(included.body.contact.sales_accounts).toEqual([
      { partial: true, id: acme, name: 'Acme', avatar: null, website: 'acme.test', last_contacted: null, record_type_id: expect.stringMatching(/^\d+$/), is_primary: true },
      { partial: true, id: globex, name: 'Globex', avatar: null, website: null, last_contacted: null, record_type_id: expect.stringMatching(/^\d+$/), is_primary: false },
    ]);
  });

  it('makes the first account primary when none is marked, and refuses two primaries', async () => {
    const acme = await createAccount('Acme');
    const globex = await createAccount('Globex');
    const { contact } = await createContact({ first_name: 'P', sales_accounts: [{ id: acme }, { id: globex }] }, '?include=sales_accounts');
    expect(contact.sales_accounts.map((a: any) => [a.id, a.is_primary])).toEqual([[acme, true], [globex, false]]);
    await expectRefused('PUT', `/contacts/${contact.id}`, { contact: { sales_accounts: [{ id: acme, is_primary: true }, { id: globex, is_primary: true }] } }, ['Sales accounts can have only one primary account']);
  });

  it('emits association ids only with their includes, and side-loads users once', async () => {
    const { contact } = await createContact({
      first_name: 'Lena', owner_id: ASHA, lead_source_id: LEAD_SOURCE, campaign_id: CAMPAIGN, territory_id: TERRITORY, contact_status_id: STATUS_QUALIFIED,
    });
    const plain = await crm.call('GET', `/contacts/${contact.id}`);
    for (const field of ['owner_id', 'creater_id', 'updater_id', 'lead_source_id', 'campaign_id', 'contact_status_id', 'territory_id', 'deal_ids', 'lifecycle_stage_id']) {
      expect(plain.body.contact).not.toHaveProperty(field);
    }
    expect(Object.keys(plain.body)).toEqual(['contact']);

    const all = await crm.call('GET', `/contacts/${contact.id}?include=owner,creater,updater,source,campaign,contact_status,territory`);
    expect(all.status).toBe(200);
    expect(all.body.contact).toMatchObject({
      owner_id: ASHA, creater_id: ASHA, updater_id: ASHA, lead_source_id: LEAD_SOURCE, campaign_id: CAMPAIGN, territory_id: TERRITORY, contact_status_id: STATUS_QUALIFIED,
    });
    // Never echoed, even with every include (api §4.1 note).
    expect(all.body.contact).not.toHaveProperty('lifecycle_stage_id');
    expect(all.body.users).toEqual([{ id: ASHA, display_name: 'Asha Rao', email: 'asha@demo-crm.test', is_active: true, work_number: '+91 80 4000 1100', mobile_number: null }]);
    expect(all.body.lead_sources).toEqual([expect.objectContaining({ id: LEAD_SOURCE, name: 'Web form' })]);
    expect(all.body.campaigns).toEqual([expect.objectContaining({ id: CAMPAIGN })]);
    expect(all.body.territories).toEqual([expect.objectContaining({ id: TERRITORY, name: 'North America' })]);
    expect(all.body.contact_statuses).toEqual([expect.objectContaining({ id: STATUS_QUALIFIED, lifecycle_stage_id: LIFECYCLE.sql })]);

    const ownerOnly = await crm.call('GET', `/contacts/${contact.id}?include=owner`);
    expect(ownerOnly.body.contact.owner_id).toBe(ASHA);
    expect(ownerOnly.body.contact).not.toHaveProperty('creater_id');
  });

  it('side-loads two different users when owner and updater differ', async () => {
    const { contact } = await createContact({ first_name: 'Two', owner_id: MATEO });
    const answer = await crm.call('GET', `/contacts/${contact.id}?include=owner,creater,updater`);
    expect(answer.body.users.map((user: any) => user.id)).toEqual([MATEO, ASHA]);
  });

  it('side-loads deals with deal_ids, and sums open and won deals into the aggregates', async () => {
    const { contact } = await createContact({ first_name: 'Buyer' });
    const open = addDeal(crm.store, { amount: '1000.5', stage: STAGE_OPEN, contactIds: [contact.id] });
    const won = addDeal(crm.store, { amount: '250.0', stage: STAGE_WON, contactIds: [contact.id] });
    addDeal(crm.store, { amount: '99.0', stage: STAGE_OPEN, contactIds: [] });

    const plain = await crm.call('GET', `/contacts/${contact.id}`);
    expect(plain.body.contact).toMatchObject({ open_deals_amount: '1000.5', won_deals_amount: '250.0', open_deals_count: 1, won_deals_count: 1 });
    expect(plain.body).not.toHaveProperty('deals');

    const answer = await crm.call('GET', `/contacts/${contact.id}?include=deals`);
    expect(answer.body.contact.deal_ids).toEqual([open.id, won.id]);
    expect(answer.body.deals.map((deal: any) => [deal.id, deal.amount])).toEqual([[open.id, '1000.5'], [won.id, '250.0']]);
    expect(answer.body.deals[0]).toMatchObject({ deal_stage_id: STAGE_OPEN, deal_pipeline_id: 402000189098 });
    expect(answer.body.deals[0]).not.toHaveProperty('owner_id');
  });

  it('side-loads every note and task of the contact, more than a page, and answers empty arrays when there are none', async () => {
    const { contact } = await createContact({ first_name: 'Busy' });
    const base = Date.parse('2026-10-01T00:00:00Z');
    for (let i = 0; i < 30; i += 1) addNote(crm.store, contact.id, `Note ${i}`, base + i * 1000);
    addTask(crm.store, contact.id, 'Call back', base);
    const deleted = addNote(crm.store, contact.id, 'gone', base);
    crm.store.notes.put({ ...deleted, is_deleted: true });

    const answer = await crm.call('GET', `/contacts/${contact.id}?include=notes,tasks,appointments`);
    expect(answer.body.notes).toHaveLength(30);
    expect(answer.body.notes[0]).toMatchObject({ description: 'Note 0', targetables: [{ id: contact.id, type: 'Contact' }], created_at: '2026-10-01T05:30:00+05:30' });
    expect(answer.body.tasks).toEqual([expect.objectContaining({ title: 'Call back', status: 0 })]);
    expect(answer.body.appointments).toEqual([]);
  });

  it('answers 404 with the error shape for an unknown id, and an empty 404 for a non-numeric id', async () => {
    const missing = await crm.call('GET', '/contacts/402000999999');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ errors: { code: 404, message: ['Contact not found'] } });
    for (const path of ['/contacts/abc', '/contacts/12abc', '/contacts/-1']) {
      const broken = await crm.call('GET', path);
      expect(broken.status).toBe(404);
      expect(broken.text).toBe('');
    }
    expect((await crm.call('PUT', '/contacts/abc', { contact: { first_name: 'x' } })).text).toBe('');
    expect((await crm.call('DELETE', '/contacts/abc')).text).toBe('');
    expect((await crm.call('DELETE', '/contacts/abc/forget')).text).toBe('');
    expect((await crm.call('POST', '/contacts/1e9/clone')).text).toBe('');
  });

  it('refuses an unknown include on GET with 400', async () => {
    const { contact } = await createContact({ first_name: 'Inc' });
    const answer = await crm.call('GET', `/contacts/${contact.id}?include=sales_account`);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ errors: { code: 400, message: [expect.stringMatching(/^Invalid include: sales_account\. Allowed: sales_accounts, owner/)] } });
  });
});

describe('PUT /contacts/:id', () => {
  it('changes only the fields sent, stamps updater and time, and publishes onContactUpdate with the old values', async () => {
    const { contact } = await createContact({ first_name: 'Lena', last_name: 'Ortiz', job_title: 'Buyer', city: 'Austin' });
    (crm.clock as any).advance(60_000);
    const answer = await crm.call('PUT', `/contacts/${contact.id}?include=updater`, { contact: { job_title: 'Head of Buying' } }, {
      Authorization: 'Token token=demo-api-key-sales-rep-5678',
    });
    expect(answer.status).toBe(200);
    expect(answer.body.contact).toMatchObject({ first_name: 'Lena', last_name: 'Ortiz', city: 'Austin', job_title: 'Head of Buying', updater_id: MATEO });
    expect(answer.body.contact.created_at).toBe(NOW);
    expect(answer.body.contact.updated_at).toBe('2026-11-02T14:31:00+05:30');
    expect(eventNames()).toEqual(['onContactCreate', 'onContactUpdate']);
    const event = crm.server.feed.recent()[1];
    expect((event?.data.actor as any).id).toBe(MATEO);
  });

  it('accepts an unwrapped update body', async () => {
    const { contact } = await createContact({ first_name: 'Lena' });
    const answer = await crm.call('PUT', `/contacts/${contact.id}`, { last_name: 'Unwrapped' });
    expect(answer.body.contact).toMatchObject({ first_name: 'Lena', last_name: 'Unwrapped' });
  });

  it('replaces the primary email with a plain string, and edits or removes emails by id', async () => {
    const { contact } = await createContact({ first_name: 'E', emails: [{ value: 'one@e.test', is_primary: true }, { value: 'two@e.test' }] });
    const [one, two] = contact.emails;
    const swapped = await crm.call('PUT', `/contacts/${contact.id}`, { contact: { emails: 'new@e.test' } });
    expect(swapped.body.contact.email).toBe('new@e.test');
    expect(swapped.body.contact.emails.map((e: any) => [e.id, e.value, e.is_primary])).toEqual([[one.id, 'new@e.test', true], [two.id, 'two@e.test', false]]);

    const edited = await crm.call('PUT', `/contacts/${contact.id}`, { contact: { emails: [{ id: one.id, _destroy: true }, { id: two.id, label: 'Work' }, { value: 'three@e.test' }] } });
    expect(edited.body.contact.emails.map((e: any) => [e.value, e.is_primary, e.label])).toEqual([['two@e.test', true, 'Work'], ['three@e.test', false, null]]);
    expect(edited.body.contact.email).toBe('two@e.test');
    await expectRefused('PUT', `/contacts/${contact.id}`, { contact: { emails: [{ id: 1, label: 'x' }] } }, ['emails[0].id 1 is not an email of this contact']);
  });

  it('moves the lifecycle stage with a status sent alone, and refuses a status of another stage', async () => {
    const { contact } = await createContact({ first_name: 'Stage' });
    const moved = await crm.call('PUT', `/contacts/${contact.id}?include=contact_status`, { contact: { contact_status_id: STATUS_QUALIFIED } });
    expect(moved.body.contact.contact_status_id).toBe(STATUS_QUALIFIED);
    expect(crm.store.contacts.get(contact.id)?.lifecycle_stage_id).toBe(LIFECYCLE.sql);

    await expectRefused('PUT', `/contacts/${contact.id}`, { contact: { lifecycle_stage_id: LIFECYCLE.customer, contact_status_id: STATUS_NEW } }, ['Contact status does not belong to the lifecycle stage']);
    await expectRefused('POST', '/contacts', { contact: { first_name: 'New', lifecycle_stage_id: LIFECYCLE.lead, contact_status_id: STATUS_QUALIFIED } }, ['Contact status does not belong to the lifecycle stage']);

    const staged = await crm.call('PUT', `/contacts/${contact.id}`, { contact: { lifecycle_stage_id: LIFECYCLE.customer } });
    expect(staged.status).toBe(200);
    const row = crm.store.contacts.get(contact.id);
    expect([row?.lifecycle_stage_id, row?.contact_status_id]).toEqual([LIFECYCLE.customer, 402000543563]);
  });

  it('answers 404 for an unknown contact and changes nothing', async () => {
    const before = dump();
    const answer = await crm.call('PUT', '/contacts/402000999999', { contact: { first_name: 'x' } });
    expect(answer.status).toBe(404);
    expect(dump()).toBe(before);
  });

  it('refuses an update that would leave the contact without name, email or mobile', async () => {
    const { contact } = await createContact({ first_name: 'Only' });
    await expectRefused('PUT', `/contacts/${contact.id}`, { contact: { first_name: null } }, [/at least one of/]);
  });

  it('refuses wrong types and unknown fields on update, and changes nothing', async () => {
    const { contact } = await createContact({ first_name: 'Typed', lead_score: 5 });
    await expectRefused('PUT', `/contacts/${contact.id}`, { contact: { lead_score: -1, display_name: 'Read only', sales_accounts: { id: 1 }, work_email: 'nope', custom_field: { cf_x: 1 } } }, [
      "Custom field 'cf_x' does not exist",
      'Lead score must be greater than or equal to 0',
      "Unknown attribute 'display_name'",
      'Sales accounts must be an array of {id, is_primary}',
      'Work email is invalid',
    ]);
    await expectRefused('PUT', `/contacts/${contact.id}?include=owners`, { contact: { first_name: 'Changed' } }, [/^Invalid include: owners/]);
  });
});

describe('DELETE /contacts/:id and /forget', () => {
  it('soft deletes (answer `true`), then 404 everywhere, then forget erases it for good', async () => {
    const { contact } = await createContact({ first_name: 'Gone' });
    const removed = await crm.call('DELETE', `/contacts/${contact.id}`);
    expect(removed.status).toBe(200);
    expect(removed.text).toBe('true');
    expect(crm.store.contacts.raw(contact.id)?.is_deleted).toBe(true);

    expect((await crm.call('GET', `/contacts/${contact.id}`)).status).toBe(404);
    expect((await crm.call('PUT', `/contacts/${contact.id}`, { contact: { first_name: 'Back' } })).status).toBe(404);
    expect((await crm.call('DELETE', `/contacts/${contact.id}`)).status).toBe(404);
    const view = await crm.call('GET', `/contacts/view/${VIEW_ALL}`);
    expect(view.body.contacts).toEqual([]);
    expect(eventNames()).toEqual(['onContactCreate']);

    const forgotten = await crm.call('DELETE', `/contacts/${contact.id}/forget`);
    expect(forgotten.status).toBe(200);
    expect(forgotten.body).toBe(true);
    expect(crm.store.contacts.raw(contact.id)).toBeUndefined();
    expect((await crm.call('DELETE', `/contacts/${contact.id}/forget`)).status).toBe(404);
  });

  it('forget drops the references deals hold', async () => {
    const { contact } = await createContact({ first_name: 'Erase' });
    const deal = addDeal(crm.store, { amount: '1.0', stage: STAGE_OPEN, contactIds: [contact.id, 5] });
    await crm.call('DELETE', `/contacts/${contact.id}/forget`);
    expect(crm.store.deals.get(deal.id)?.contact_ids).toEqual([5]);
  });
});

describe('POST /contacts/:id/clone', () => {
  it('creates a new contact from an existing one, with overrides, without its emails', async () => {
    const acme = await createAccount('Acme');
    const { contact } = await createContact({ first_name: 'Lena', last_name: 'Ortiz', emails: 'lena@acme.test', job_title: 'Buyer', sales_accounts: [{ id: acme, is_primary: true }], custom_field: { cf_tier: 'Gold' } });
    const answer = await crm.call('POST', `/contacts/${contact.id}/clone?include=sales_accounts`, { contact: { first_name: 'Lina' } });
    expect(answer.status).toBe(201);
    const copy = answer.body.contact;
    expect(copy.id).not.toBe(contact.id);
    expect(copy).toMatchObject({ first_name: 'Lina', last_name: 'Ortiz', job_title: 'Buyer', emails: [], email: null, custom_field: expect.objectContaining({ cf_tier: 'Gold' }) });
    expect(copy.sales_accounts.map((a: any) => a.id)).toEqual([acme]);
    expect(BigInt(/"mcr_id":(\d+)/.exec(answer.text)?.[1] as string)).toBe(1712345678901234568n);
    expect(eventNames()).toEqual(['onSalesAccountCreate', 'onContactCreate', 'onContactCreate']);

    const bare = await crm.call('POST', `/contacts/${contact.id}/clone`);
    expect(bare.status).toBe(201);
    expect(bare.body.contact.first_name).toBe('Lena');
    expect((await crm.call('POST', '/contacts/402000999999/clone')).status).toBe(404);
  });
});

describe('POST /contacts/upsert', () => {
  it('creates (201) and then updates (200) the contact named by unique_identifier.emails', async () => {
    const acme = await createAccount('Acme');
    const first = await crm.call('POST', '/contacts/upsert?include=sales_accounts', {
      unique_identifier: { emails: 'lena@acme.test' },
      contact: { first_name: 'Lena', sales_accounts: [{ id: acme, is_primary: true }] },
    });
    expect(first.status).toBe(201);
    expect(first.body.contact).toMatchObject({ first_name: 'Lena', email: 'lena@acme.test' });
    expect(first.body.contact.sales_accounts).toEqual([expect.objectContaining({ id: acme, is_primary: true })]);

    const second = await crm.call('POST', '/contacts/upsert?include=sales_accounts', {
      unique_identifier: { emails: 'LENA@acme.test' },
      contact: { last_name: 'Ortiz', lifecycle_stage_id: LIFECYCLE.sql },
    });
    expect(second.status).toBe(200);
    expect(second.body.contact).toMatchObject({ id: first.body.contact.id, first_name: 'Lena', last_name: 'Ortiz' });
    expect(second.body.contact.sales_accounts).toHaveLength(1);
    expect(crm.store.contacts.all()).toHaveLength(1);
    expect(eventNames()).toEqual(['onSalesAccountCreate', 'onContactCreate', 'onContactUpdate']);
  });

  it('upserts by external_id and by a cf_ field, with unwrapped contact fields', async () => {
    const created = await crm.call('POST', '/contacts/upsert', { unique_identifier: { external_id: 'ext-1' }, first_name: 'Ext' });
    expect(created.status).toBe(201);
    expect(created.body.contact.external_id).toBe('ext-1');
    const updated = await crm.call('POST', '/contacts/upsert', { unique_identifier: { external_id: 'ext-1' }, contact: { job_title: 'CTO' } });
    expect(updated.status).toBe(200);
    expect(updated.body.contact).toMatchObject({ first_name: 'Ext', job_title: 'CTO' });

    const byCode = await crm.call('POST', '/contacts/upsert', { unique_identifier: { cf_referral_code: 'R-1' }, contact: { first_name: 'Ref' } });
    expect(byCode.status).toBe(201);
    expect(byCode.body.contact.custom_field.cf_referral_code).toBe('R-1');
    const again = await crm.call('POST', '/contacts/upsert', { unique_identifier: { cf_referral_code: 'R-1' }, contact: { last_name: 'Again' } });
    expect(again.status).toBe(200);
    expect(again.body.contact).toMatchObject({ id: byCode.body.contact.id, first_name: 'Ref', last_name: 'Again' });
  });

  it('refuses a missing or unsupported identifier (email singular, two keys, a dropdown cf_) and changes nothing', async () => {
    await expectRefused('POST', '/contacts/upsert', { unique_identifier: { email: 'a@b.test' }, contact: { first_name: 'A' } }, [/^Unique identifier 'email' is not supported/]);
    await expectRefused('POST', '/contacts/upsert', { contact: { first_name: 'A' } }, [/^unique_identifier must be an object/]);
    await expectRefused('POST', '/contacts/upsert', { unique_identifier: { emails: 'a@b.test', external_id: 'x' }, contact: {} }, [/exactly one field/]);
    await expectRefused('POST', '/contacts/upsert', { unique_identifier: { cf_tier: 'Gold' }, contact: {} }, ["Unique identifier 'cf_tier' is not a unique field"]);
    await expectRefused('POST', '/contacts/upsert', { unique_identifier: { emails: 'nope' }, contact: {} }, ['Unique identifier emails must be an email address']);
    await expectRefused('POST', '/contacts/upsert?include=bogus', { unique_identifier: { emails: 'a@b.test' }, contact: { first_name: 'A' } }, [/^Invalid include/]);
  });
});

describe('bulk operations', () => {
  it('bulk_destroy soft deletes every selected contact, or none when an id is unknown', async () => {
    const a = (await createContact({ first_name: 'A' })).contact.id;
    const b = (await createContact({ first_name: 'B' })).contact.id;
    await expectRefused('POST', '/contacts/bulk_destroy', { selected_ids: [a, 402000999999] }, ['selected_ids contains ids that do not exist: 402000999999']);
    await expectRefused('POST', '/contacts/bulk_destroy', { selected_ids: [] }, ['selected_ids must be a non-empty array of ids']);
    await expectRefused('POST', '/contacts/bulk_destroy', { ids: [a] }, ["Unknown attribute 'ids'"]);
    const answer = await crm.call('POST', '/contacts/bulk_destroy', { selected_ids: [a, String(b)] });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ message: '2 contacts deleted.' });
    expect(crm.store.contacts.all()).toEqual([]);
  });

  it('bulk_assign_owner reassigns each contact as an update with its own event', async () => {
    const a = (await createContact({ first_name: 'A' })).contact.id;
    const b = (await createContact({ first_name: 'B', owner_id: ASHA })).contact.id;
    await expectRefused('POST', '/contacts/bulk_assign_owner', { selected_ids: [a, b], owner_id: FORMER }, ['Owner is invalid']);
    const answer = await crm.call('POST', '/contacts/bulk_assign_owner', { selected_ids: [a, b], owner_id: MATEO });
    expect(answer.body).toEqual({ message: '2 contacts updated.' });
    expect(crm.store.contacts.all().map((row) => [row.owner_id, row.last_assigned_at])).toEqual([[MATEO, crm.clock.now()], [MATEO, crm.clock.now()]]);
    expect(eventNames()).toEqual(['onContactCreate', 'onContactCreate', 'onContactUpdate', 'onContactUpdate']);
  });
});

describe('filters and views', () => {
  it('lists the views, whose ids work in /contacts/view/:id', async () => {
    const answer = await crm.call('GET', '/contacts/filters');
    expect(answer.body.filters[0]).toEqual({
      id: VIEW_ALL, name: 'All Contacts', model_class_name: 'Contact', user_id: 0, is_default: true,
      updated_at: expect.stringMatching(/\+05:30$/), user_name: null, current_user_permissions: [],
    });
    for (const view of answer.body.filters) expect((await crm.call('GET', `/contacts/view/${view.id}`)).status).toBe(200);
  });

  it('pages and sorts a view with meta {total_pages, total} and de-duplicated side-loads', async () => {
    for (const name of ['Cleo', 'ana', 'Bea', 'Dora', 'Eve']) {
      await createContact({ first_name: name, owner_id: name === 'Eve' ? MATEO : ASHA });
      (crm.clock as any).advance(1000);
    }
    const first = await crm.call('GET', `/contacts/view/${VIEW_ALL}?page=1&per_page=2&sort=first_name&sort_type=asc&include=owner`);
    expect(first.status).toBe(200);
    expect(first.body.contacts.map((c: any) => c.first_name)).toEqual(['ana', 'Bea']);
    expect(first.body.meta).toEqual({ total_pages: 3, total: 5 });
    expect(first.body.users).toEqual([expect.objectContaining({ id: ASHA })]);
    expect(first.body.contacts[0].owner_id).toBe(ASHA);

    const last = await crm.call('GET', `/contacts/view/${VIEW_ALL}?page=3&per_page=2&sort=first_name&sort_type=asc`);
    expect(last.body.contacts.map((c: any) => c.first_name)).toEqual(['Eve']);
    expect(last.body).not.toHaveProperty('users');
    expect(last.body.contacts[0]).not.toHaveProperty('owner_id');

    const beyond = await crm.call('GET', `/contacts/view/${VIEW_ALL}?page=9`);
    expect(beyond.status).toBe(200);
    expect(beyond.body.contacts).toEqual([]);

    const newest = await crm.call('GET', `/contacts/view/${VIEW_ALL}`);
    expect(newest.body.contacts.map((c: any) => c.first_name)).toEqual(['Eve', 'Dora', 'Bea', 'ana', 'Cleo']);
    const mine = await crm.call('GET', `/contacts/view/${VIEW_MINE}?include=sales_accounts`);
    expect(mine.body.meta.total).toBe(4);
    expect(mine.body.contacts[0].sales_accounts).toEqual([]);
  });

  it('refuses per_page above 100, an unknown sort, an unknown view and a bad include', async () => {
    const before = dump();
    const big = await crm.call('GET', `/contacts/view/${VIEW_ALL}?per_page=101`);
    expect(big.status).toBe(400);
    expect(big.body).toEqual({ errors: { code: 400, message: ['per_page must be at most 100'] } });
    expect((await crm.call('GET', `/contacts/view/${VIEW_ALL}?sort=shoe_size`)).status).toBe(400);
    expect((await crm.call('GET', `/contacts/view/${VIEW_ALL}?sort_type=up`)).status).toBe(400);
    expect((await crm.call('GET', `/contacts/view/${VIEW_ALL}?include=nope`)).status).toBe(400);
    const unknown = await crm.call('GET', '/contacts/view/1');
    expect(unknown.body).toEqual({ errors: { code: 404, message: ['View not found'] } });
    expect((await crm.call('GET', '/contacts/view/all')).text).toBe('');
    expect(dump()).toBe(before);
  });
});

describe('GET /contacts/:id/activities', () => {
  it('lists the notes and tasks of the contact, newest first, in small documented items', async () => {
    const { contact } = await createContact({ first_name: 'Timeline' });
    const other = (await createContact({ first_name: 'Other' })).contact.id;
    const base = Date.parse('2026-10-01T00:00:00Z');
    const note = addNote(crm.store, contact.id, 'Asked for pricing', base);
    const task = addTask(crm.store, contact.id, 'Send proposal', base + 60_000);
    addNote(crm.store, other, 'not hers', base);
    const answer = await crm.call('GET', `/contacts/${contact.id}/activities`);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      activities: [
        { id: task.id, type: 'task', title: 'Send proposal', creater_id: ASHA, created_at: '2026-10-01T05:31:00+05:30', updated_at: '2026-10-01T05:31:00+05:30' },
        { id: note.id, type: 'note', title: 'Asked for pricing', creater_id: ASHA, created_at: '2026-10-01T05:30:00+05:30', updated_at: '2026-10-01T05:30:00+05:30' },
      ],
      meta: { total: 2 },
    });
    expect((await crm.call('GET', `/contacts/${contact.id}/activities?per_page=1&page=2`)).body.activities).toHaveLength(1);
    expect((await crm.call('GET', '/contacts/402000999999/activities')).status).toBe(404);
    expect((await crm.call('GET', '/contacts/x/activities')).text).toBe('');
  });
});
