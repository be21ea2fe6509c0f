import { ALL_RESOURCES } from './resources/all';
import { createAccountStore } from './seed/account';
import { applyRealProfile } from './seed/real-profile';
import type { CrmStore } from './store';
import { startTestCrm, type TestCrm } from './testing/harness';
import { putContact, putDeal } from './testing/rows';

let crm: TestCrm;
let store: CrmStore;
let contactId: number;
let dealId: number;

async function start(profile: 'default' | 'real'): Promise<void> {
  store = profile === 'real' ? applyRealProfile(createAccountStore()) : createAccountStore();
  contactId = putContact(store, { first_name: 'Lena', email: 'lena@example.test' }).id;
  dealId = putDeal(store, { name: 'Renewal', contact_ids: [contactId] }).id;
  crm = await startTestCrm({ resources: ALL_RESOURCES, store });
}
afterEach(() => crm.close());

const TASK = () => ({ task: { title: 'Call', due_date: '2026-11-03T10:00:00Z', targetable_type: 'Contact', targetable_id: contactId } });

describe('write answers on the real-account profile (§11)', () => {
  beforeEach(() => start('real'));

  it('leaves out the users side-load of records created or updated, whatever the include', async () => {
    const writes = [
      await crm.call('POST', '/contacts?include=owner,creater', { contact: { first_name: 'New', emails: 'new@example.test' } }),
      await crm.call('PUT', `/contacts/${contactId}?include=owner`, { contact: { job_title: 'Buyer' } }),
      await crm.call('PUT', `/deals/${dealId}?include=owner,contacts`, { deal: { name: 'Renewal 2027' } }),
      await crm.call('POST', '/tasks?include=owner,users,targetable', TASK()),
      await crm.call('POST', '/notes', { note: { description: 'Hi', targetable_type: 'Contact', targetable_id: contactId } }),
    ];
    expect(writes.map((answer) => answer.status)).toEqual([201, 200, 200, 201, 201]);
    for (const answer of writes) expect(answer.body).not.toHaveProperty('users');
    // Other side-loads stay: the deal still brings its contacts, the task its targetable.
    expect(writes[2]?.body.contacts).toEqual([expect.objectContaining({ id: contactId })]);
    expect(writes[3]?.body.contacts).toEqual([expect.objectContaining({ id: contactId })]);
    expect(writes[1]?.body.contact.owner_id).toBe(store.users.find((user) => user.is_active)?.id);
  });

  it('has the product UI act as the first active user, not the deactivated one listed first', () => {
    expect(store.users[0]?.is_active).toBe(false);
    const note = crm.server.internal('POST', '/notes', { note: { description: 'From the page', targetable_type: 'Contact', targetable_id: contactId } });
    expect(note.status).toBe(201);
    expect((note.body as { note: { creater_id: number } }).note.creater_id).toBe(store.users.find((user) => user.is_active)?.id);
  });

  it('still side-loads users on reads, filtered search (a POST) included', async () => {
    const read = await crm.call('GET', `/contacts/${contactId}?include=owner`);
    expect(read.body.users).toHaveLength(1);
    const search = await crm.call('POST', '/filtered_search/contact?include=owner', { filter_rule: [] });
    expect(search.status).toBe(200);
    expect(search.body.users).toHaveLength(1);
  });
});

describe('write answers on the default profile', () => {
  beforeEach(() => start('default'));

  it('keep the users side-load an include asks for', async () => {
    const answer = await crm.call('POST', '/tasks?include=owner', TASK());
    expect(answer.status).toBe(201);
    expect(answer.body.users).toEqual([expect.objectContaining({ id: store.users[0]?.id })]);
  });
});
