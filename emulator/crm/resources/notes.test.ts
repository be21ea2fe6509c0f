import { ManualClock } from '../../clock';
import { SECOND_API_KEY, USERS } from '../seed/account';
import { startTestCrm, type TestCrm } from '../testing/harness';
import { putAccount, putContact, storeState } from '../testing/rows';
import { registerDeals } from './deals';
import { registerNotes } from './notes';

const ASHA = USERS[0]?.id ?? 0;
const MATEO = USERS[1]?.id ?? 0;

let crm: TestCrm;
let clock: ManualClock;

beforeEach(async () => {
  clock = new ManualClock('2026-11-02T09:00:00Z');
  crm = await startTestCrm({ resources: [registerNotes, registerDeals], clock });
});
afterEach(() => crm.close());

const errors = (...message: string[]) => ({ errors: { code: 400, message } });

async function refused(method: string, path: string, body: unknown, status: number, expected: unknown): Promise<void> {
  const before = storeState(crm.store);
  const answer = await crm.call(method, path, body);
  expect({ status: answer.status, body: answer.body }).toEqual({ status, body: expected });
  expect(storeState(crm.store)).toEqual(before);
}

async function addNote(type: string, id: number, description = 'Asked for v2 pricing'): Promise<any> {
  const answer = await crm.call('POST', '/notes', { note: { description, targetable_type: type, targetable_id: id } });
  expect(answer.status).toBe(201);
  return answer.body.note;
}

describe('POST /notes', () => {
  it('creates a note on a contact in the shape of the reference', async () => {
    const contact = putContact(crm.store, { first_name: 'Lena' });
    const answer = await crm.call('POST', '/notes', { note: { description: 'Asked for v2 pricing', targetable_type: 'Contact', targetable_id: contact.id } });
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({
      note: {
        id: expect.any(Number), description: 'Asked for v2 pricing', creater_id: ASHA, has_access: true, url: null, duration: null,
        targetables: [{ id: contact.id, type: 'Contact' }],
        created_at: '2026-11-02T14:30:00+05:30', updated_at: '2026-11-02T14:30:00+05:30',
      },
    });
    expect(answer.body.note.id).toBeGreaterThan(402000000000);
    expect(crm.store.notes.get(answer.body.note.id)).toMatchObject({ targetable_type: 'Contact', targetable_id: contact.id });
  });

  it('targets accounts and deals too, accepts an unwrapped body and a numeric-string id, and publishes nothing', async () => {
    const account = putAccount(crm.store, { name: 'Acme' });
    const deal = await crm.call('POST', '/deals', { deal: { name: 'Acme renewal', custom_field: { cf_sales_region: 'Europe' } } });
    const events = crm.server.feed.recent().length;
    expect((await addNote('SalesAccount', account.id)).targetables).toEqual([{ id: account.id, type: 'SalesAccount' }]);
    const unwrapped = await crm.call('POST', '/notes', { description: 'Budget approved', targetable_type: 'Deal', targetable_id: String(deal.body.deal.id) });
    expect(unwrapped.status).toBe(201);
    expect(unwrapped.body.note.targetables).toEqual([{ id: deal.body.deal.id, type: 'Deal' }]);
    expect(crm.server.feed.recent()).toHaveLength(events);
  });

  it('keeps the target recent_note on its latest note', async () => {
    const contact = putContact(crm.store, { first_name: 'Lena' });
    await addNote('Contact', contact.id, 'First call');
    clock.advance(1_000);
    const second = await addNote('Contact', contact.id, 'Second call');
    expect(crm.store.contacts.get(contact.id)?.recent_note).toBe('Second call');
    await crm.call('DELETE', `/notes/${second.id}`);
    expect(crm.store.contacts.get(contact.id)?.recent_note).toBe('First call');
  });

  it('refuses missing, unknown, deleted and malformed targets and changes nothing', async () => {
    const contact = putContact(crm.store, { first_name: 'Lena' });
    const gone = putContact(crm.store, { first_name: 'Gone' });
    gone.is_deleted = true;
    const note = (fields: Record<string, unknown>) => ({ note: { description: 'Hi', targetable_type: 'Contact', targetable_id: contact.id, ...fields } });
    await refused('POST', '/notes', note({ targetable_type: 'Lead' }), 400, errors('Targetable type is not included in the list'));
    await refused('POST', '/notes', note({ targetable_type: 'contact' }), 400, errors('Targetable type is not included in the list'));
    await refused('POST', '/notes', note({ targetable_id: 402000999999 }), 400, errors('Targetable Contact 402000999999 does not exist'));
    await refused('POST', '/notes', note({ targetable_id: gone.id }), 400, errors(`Targetable Contact ${gone.id} does not exist`));
    await refused('POST', '/notes', note({ targetable_type: 'Deal' }), 400, errors(`Targetable Deal ${contact.id} does not exist`));
    await refused('POST', '/notes', note({ targetable_id: 'abc' }), 400, errors('Targetable is not a number'));
    await refused('POST', '/notes', { note: { description: '' } }, 400, errors("Description can't be blank", "Targetable type can't be blank", "Targetable can't be blank"));
    await refused('POST', '/notes', note({ description: 42, colour: 'red' }), 400, errors('Description must be a string', "Unknown attribute 'colour'"));
    await refused('POST', '/notes', '"just text"', 400, errors('Request body must be a JSON object with a "note" object'));
  });
});

describe('PUT and DELETE /notes/:id', () => {
  it('updates the description as the calling user', async () => {
    const contact = putContact(crm.store, { first_name: 'Lena' });
    const { id } = await addNote('Contact', contact.id);
    clock.advance(60_000);
    const answer = await crm.call('PUT', `/notes/${id}`, { note: { description: 'Asked for v3 pricing' } }, { Authorization: `Token token=${SECOND_API_KEY}` });
    expect(answer.status).toBe(200);
    expect(answer.body.note).toMatchObject({ id, description: 'Asked for v3 pricing', creater_id: ASHA, updated_at: '2026-11-02T14:31:00+05:30' });
    expect(crm.store.notes.get(id)?.updater_id).toBe(MATEO);
  });

  it('refuses moving a note, bad values and bad ids without changing anything', async () => {
    const contact = putContact(crm.store, { first_name: 'Lena' });
    const { id } = await addNote('Contact', contact.id);
    await refused('PUT', `/notes/${id}`, { note: { targetable_type: 'Deal', targetable_id: 1 } }, 400, errors("Unknown attribute 'targetable_type'", "Unknown attribute 'targetable_id'"));
    await refused('PUT', `/notes/${id}`, { note: { description: null } }, 400, errors("Description can't be blank"));
    await refused('PUT', `/notes/${id}`, { note: { description: 'x'.repeat(65_536) } }, 400, errors('Description is too long (maximum is 65535 characters)'));
    await refused('PUT', '/notes/402000999999', { note: { description: 'x' } }, 404, { errors: { code: 404, message: ['Note not found'] } });
    await refused('PUT', '/notes/abc', { note: { description: 'x' } }, 404, undefined);
  });

  it('deletes with a small JSON body, after which the note answers 404', async () => {
    const contact = putContact(crm.store, { first_name: 'Lena' });
    const { id } = await addNote('Contact', contact.id);
    const answer = await crm.call('DELETE', `/notes/${id}`);
    expect({ status: answer.status, body: answer.body }).toEqual({ status: 200, body: { success: '200' } });
    expect(crm.store.notes.get(id)).toBeUndefined();
    expect(crm.store.notes.raw(id)?.is_deleted).toBe(true);
    await refused('DELETE', `/notes/${id}`, undefined, 404, { errors: { code: 404, message: ['Note not found'] } });
    await refused('PUT', `/notes/${id}`, { note: { description: 'Back' } }, 404, { errors: { code: 404, message: ['Note not found'] } });
    expect((await crm.call('DELETE', '/notes/x1')).text).toBe('');
  });

  it('has no list and no GET of one note: notes are read through include=notes on the parent', async () => {
    expect((await crm.call('GET', '/notes')).status).toBe(405);
    expect((await crm.call('GET', '/notes/402004348670')).status).toBe(405);
  });
});
