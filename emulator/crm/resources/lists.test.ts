import { ManualClock } from '../../clock';
import { startTestCrm, type TestCrm } from '../testing/harness';
import { OWNER, T, putAccount, putContact, putDeal, putList } from '../testing/rows';
import type { ContactRow, ListRow } from '../model/types';
import { registerLists } from './lists';

let crm: TestCrm;
let clock: ManualClock;
let ann: ContactRow;
let bob: ContactRow;
let cat: ContactRow;
let gone: ContactRow;
let webinar: ListRow;
let vip: ListRow;

beforeEach(async () => {
  clock = new ManualClock('2026-11-02T09:00:00Z');
  crm = await startTestCrm({ resources: [registerLists], clock });
  const { store } = crm;
  ann = putContact(store, { first_name: 'Ann', last_name: 'Lee', email: 'ann@example.test' });
  bob = putContact(store, { first_name: 'Bob', last_name: 'Nye', email: 'bob@example.test' });
  cat = putContact(store, { first_name: 'Cat', last_name: 'Ng', email: 'cat@example.test' });
  gone = putContact(store, { first_name: 'Gone', last_name: 'Away', email: 'gone@example.test', is_deleted: true });
  webinar = putList(store, { name: 'Webinar attendees', contact_ids: [ann.id] });
  vip = putList(store, { name: 'VIP', contact_ids: [bob.id, cat.id] });
});
afterEach(() => crm.close());

const members = (list: ListRow) => crm.store.lists.raw(list.id)?.contact_ids;
const error = (...message: string[]) => ({ errors: { code: 400, message } });

describe('marketing lists', () => {
  it('lists the lists with meta {total_pages, total} and paging', async () => {
    const answer = await crm.call('GET', '/lists');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      lists: [
        { id: webinar.id, name: 'Webinar attendees', created_at: '2026-10-01T13:30:00+05:30', updated_at: '2026-10-01T13:30:00+05:30' },
        { id: vip.id, name: 'VIP', created_at: '2026-10-01T13:30:00+05:30', updated_at: '2026-10-01T13:30:00+05:30' },
      ],
      meta: { total_pages: 1, total: 2 },
    });
    const second = await crm.call('GET', '/lists?page=2&per_page=1');
    expect(second.body).toEqual({ lists: [expect.objectContaining({ id: vip.id })], meta: { total_pages: 2, total: 2 } });
    expect((await crm.call('GET', '/lists?page=5')).body).toEqual({ lists: [], meta: { total_pages: 1, total: 2 } });
  });

  it('creates a list from a wrapped or an unwrapped body, answering 201 {list}', async () => {
    const wrapped = await crm.call('POST', '/lists', { list: { name: 'Trade show' } });
    expect(wrapped.status).toBe(201);
    expect(wrapped.body).toEqual({ list: { id: expect.any(Number), name: 'Trade show', created_at: '2026-11-02T14:30:00+05:30', updated_at: '2026-11-02T14:30:00+05:30' } });
    const plain = await crm.call('POST', '/lists', { name: 'Newsletter' });
    expect(plain.status).toBe(201);
    expect(crm.store.lists.get(plain.body.list.id)).toMatchObject({ name: 'Newsletter', contact_ids: [], creater_id: OWNER });
  });

  it('refuses a missing, blank, non-string or taken name and unknown fields, creating nothing', async () => {
    const cases: Array<[unknown, ReturnType<typeof error>]> = [
      [{}, error("Name can't be blank")],
      [{ list: { name: '   ' } }, error("Name can't be blank")],
      [{ name: 42 }, error('Name must be a string')],
      [{ name: 'webinar ATTENDEES ' }, error('Name has already been taken')],
      [{ name: 'Fine', colour: 'red' }, error("Unknown attribute 'colour'")],
      [[], error('Request body must be a JSON object with a "list" object')],
    ];
    for (const [body, expected] of cases) {
      const answer = await crm.call('POST', '/lists', body);
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual(expected);
    }
    expect(crm.store.lists.all()).toHaveLength(2);
  });

  it('shows and renames a list; 404 for unknown or soft-deleted, empty 404 for non-numeric ids', async () => {
    expect((await crm.call('GET', `/lists/${vip.id}`)).body.list).toMatchObject({ id: vip.id, name: 'VIP' });
    clock.advance(60_000);
    const renamed = await crm.call('PUT', `/lists/${vip.id}`, { list: { name: 'Very important' } });
    expect(renamed.status).toBe(200);
    expect(renamed.body.list).toMatchObject({ id: vip.id, name: 'Very important', updated_at: '2026-11-02T14:31:00+05:30' });
    expect((await crm.call('PUT', `/lists/${vip.id}`, { name: 'very important' })).status).toBe(200);
    const taken = await crm.call('PUT', `/lists/${vip.id}`, { name: 'Webinar attendees' });
    expect(taken.body).toEqual(error('Name has already been taken'));
    expect(crm.store.lists.get(vip.id)?.name).toBe('very important');
    putList(crm.store, { name: 'Old', is_deleted: true });
    const old = crm.store.lists.everything().find((row) => row.name === 'Old');
    const missing = await crm.call('GET', `/lists/${old?.id}`);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ errors: { code: 404, message: ['List not found'] } });
    const broken = await crm.call('PUT', '/lists/abc/add_contacts', { ids: [ann.id] });
    expect(broken.status).toBe(404);
    expect(broken.text).toBe('');
  });

  it('adds contacts, counting only those not already in the list', async () => {
    const answer = await crm.call('PUT', `/lists/${webinar.id}/add_contacts`, { ids: [ann.id, bob.id, String(cat.id), bob.id] });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ message: '2 contacts updated.' });
    expect(members(webinar)).toEqual([ann.id, bob.id, cat.id]);
    expect((await crm.call('PUT', `/lists/${webinar.id}/add_contacts`, { ids: [ann.id] })).body).toEqual({ message: '0 contacts updated.' });
  });

  it('refuses unknown, soft-deleted and malformed contact ids, naming them, and changes nothing', async () => {
    const before = crm.store.lists.raw(webinar.id)?.updated_at;
    const answer = await crm.call('PUT', `/lists/${webinar.id}/add_contacts`, { ids: [bob.id, 402000999999, gone.id, 'x'] });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual(error(`Invalid contact ids: 402000999999, ${gone.id}, "x"`));
    expect(members(webinar)).toEqual([ann.id]);
    expect(crm.store.lists.raw(webinar.id)?.updated_at).toBe(before);
    const shapes: unknown[] = [{}, { ids: [] }, { ids: ann.id }, { ids: [ann.id], all: true }, undefined];
    for (const body of shapes) expect((await crm.call('PUT', `/lists/${webinar.id}/add_contacts`, body)).status).toBe(400);
    expect((await crm.call('PUT', `/lists/${webinar.id}/add_contacts`, { ids: [ann.id], all: true })).body).toEqual(error("Unknown attribute 'all'"));
    expect(members(webinar)).toEqual([ann.id]);
  });

  it('removes contacts by ids or all, counting the ones removed', async () => {
    const some = await crm.call('PUT', `/lists/${vip.id}/remove_contacts`, { ids: [cat.id, ann.id] });
    expect(some.body).toEqual({ message: '1 contact updated.' });
    expect(members(vip)).toEqual([bob.id]);
    const all = await crm.call('PUT', `/lists/${vip.id}/remove_contacts`, { all: true });
    expect(all.body).toEqual({ message: '1 contact updated.' });
    expect(members(vip)).toEqual([]);
  });

  it('refuses remove bodies that are neither ids nor all: true, changing nothing', async () => {
    const cases: Array<[unknown, ReturnType<typeof error>]> = [
      [{ all: false }, error('ids must be a non-empty array of contact ids, or all must be true')],
      [{ all: true, ids: [bob.id] }, error('Send either ids or all, not both')],
      [{ ids: [gone.id] }, error(`Invalid contact ids: ${gone.id}`)],
      [{ everyone: true }, error("Unknown attribute 'everyone'")],
    ];
    for (const [body, expected] of cases) {
      const answer = await crm.call('PUT', `/lists/${vip.id}/remove_contacts`, body);
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual(expected);
    }
    expect(members(vip)).toEqual([bob.id, cat.id]);
  });

  it('moves contacts from another list, counting each contact that changed', async () => {
    const answer = await crm.call('PUT', `/lists/${webinar.id}/move_contacts`, { ids: [bob.id, cat.id], from_list_id: vip.id });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ message: '2 contacts updated.' });
    expect(members(webinar)).toEqual([ann.id, bob.id, cat.id]);
    expect(members(vip)).toEqual([]);
    const again = await crm.call('PUT', `/lists/${webinar.id}/move_contacts`, { ids: [bob.id], from_list_id: String(vip.id) });
    expect(again.body).toEqual({ message: '0 contacts updated.' });
  });

  it('refuses a move from an unknown or the same list, or with bad ids, changing nothing', async () => {
    const cases: Array<[unknown, ReturnType<typeof error>]> = [
      [{ ids: [bob.id], from_list_id: 402000000001 }, error('from_list_id is invalid')],
      [{ ids: [bob.id] }, error('from_list_id is invalid')],
      [{ ids: [bob.id], from_list_id: webinar.id }, error('from_list_id must differ from the target list')],
      [{ ids: [bob.id, 402000999999], from_list_id: vip.id }, error('Invalid contact ids: 402000999999')],
    ];
    for (const [body, expected] of cases) {
      const answer = await crm.call('PUT', `/lists/${webinar.id}/move_contacts`, body);
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual(expected);
    }
    expect(members(webinar)).toEqual([ann.id]);
    expect(members(vip)).toEqual([bob.id, cat.id]);
  });

  it('404s membership changes on an unknown list', async () => {
    const answer = await crm.call('PUT', '/lists/402000000001/add_contacts', { ids: [ann.id] });
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual({ errors: { code: 404, message: ['List not found'] } });
  });

  it('publishes no product events', async () => {
    const events: unknown[] = [];
    crm.server.feed.subscribe((event) => events.push(event));
    await crm.call('POST', '/lists', { name: 'Quiet' });
    await crm.call('PUT', `/lists/${webinar.id}/add_contacts`, { ids: [bob.id] });
    await crm.call('PUT', `/lists/${webinar.id}/move_contacts`, { ids: [cat.id], from_list_id: vip.id });
    expect(events).toEqual([]);
  });
});

describe('GET /contacts/lists/:list_id', () => {
  it('answers the live members as full contacts, in join order, with meta {total_pages, total}', async () => {
    const acme = putAccount(crm.store, { name: 'Acme' });
    putDeal(crm.store, { name: 'Acme deal', amount: '2500', contact_ids: [cat.id], sales_account_id: acme.id });
    crm.store.lists.raw(vip.id)?.contact_ids.push(gone.id, ann.id);
    const answer = await crm.call('GET', `/contacts/lists/${vip.id}`);
    expect(answer.status).toBe(200);
    expect(answer.body.contacts.map((contact: { id: number }) => contact.id)).toEqual([bob.id, cat.id, ann.id]);
    expect(answer.body.meta).toEqual({ total_pages: 1, total: 3 });
    const catJson = answer.body.contacts[1];
    expect(catJson).toMatchObject({ display_name: 'Cat Ng', email: 'cat@example.test', open_deals_amount: '2500.0', open_deals_count: 1 });
    expect(catJson.links).toBeDefined();
    expect(catJson).not.toHaveProperty('owner_id');
    expect(answer.text).toContain(`"mcr_id":${String(cat.mcr_id)},`);
  });

  it('pages, side-loads includes and refuses unknown ones', async () => {
    const page = await crm.call('GET', `/contacts/lists/${vip.id}?page=2&per_page=1&include=owner`);
    expect(page.body.contacts.map((contact: { id: number }) => contact.id)).toEqual([cat.id]);
    expect(page.body.contacts[0].owner_id).toBe(OWNER);
    expect(page.body.users).toEqual([expect.objectContaining({ id: OWNER, display_name: 'Asha Rao' })]);
    expect(page.body.meta).toEqual({ total_pages: 2, total: 2 });
    const past = await crm.call('GET', `/contacts/lists/${vip.id}?page=3&per_page=1`);
    expect(past.status).toBe(200);
    expect(past.body.contacts).toEqual([]);
    const bad = await crm.call('GET', `/contacts/lists/${vip.id}?include=lists`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors.message[0]).toMatch(/^Invalid include: lists\./);
  });

  it('404s an unknown list and answers an empty one with an empty array', async () => {
    expect((await crm.call('GET', '/contacts/lists/402000000001')).status).toBe(404);
    const empty = putList(crm.store, { name: 'Empty' });
    expect((await crm.call('GET', `/contacts/lists/${empty.id}`)).body).toEqual({ contacts: [], meta: { total_pages: 1, total: 0 } });
  });

  it('keeps ContactRow untouched by membership changes', async () => {
    const before = JSON.stringify({ ...crm.store.contacts.get(bob.id), mcr_id: 0 });
    await crm.call('PUT', `/lists/${webinar.id}/add_contacts`, { ids: [bob.id] });
    expect(JSON.stringify({ ...crm.store.contacts.get(bob.id), mcr_id: 0 })).toBe(before);
    expect(crm.store.contacts.get(bob.id)?.updated_at).toBe(T);
  });
});
