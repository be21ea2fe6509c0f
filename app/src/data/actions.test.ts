import { act, waitFor } from '@testing-library/react';
import type { EntityType } from '../../../common/platform/client';
import { format, messages } from '../i18n/messages';
import type { FieldDef } from '../model/fields';
import {
  accountViewBody,
  contactViewBody,
  contactWriteBody,
  dealViewBody,
  dealWriteBody,
  FIELD_SETTINGS,
  IDS,
  noteWriteBody,
  searchContactsBody,
  taskWriteBody,
} from '../test/crm-fixtures';
import { crmRefusal, crmRejection, platformRejection, type FakeClient } from '../test/fake-client';
import { clientFor, CURRENT_USER, flush, renderSidebarHook, settled, start } from '../test/sidebar-harness';
import { refusalReason } from './operation-writer';
import { resetDealActivityFallback } from './load';
import type { DataFor } from './types';
import { dueTimestamp } from './writes';

const VIEW = { contact: ['getContactView', contactViewBody], deal: ['getDealView', dealViewBody], sales_account: ['getAccountView', accountViewBody] } as const;

beforeEach(() => {
  resetDealActivityFallback();
});

/** A ready sidebar of `entity` with its actions. */
async function open<E extends EntityType>(entity: E) {
  const client = clientFor(entity);
  client.respondBy('getFieldSettings', (options) => FIELD_SETTINGS[options?.context?.entity as 'deals']());
  const [template, body] = VIEW[entity];
  client.respond(template, body());
  const rendered = renderSidebarHook(entity, client);
  await waitFor(() => expect(rendered.result.current.sidebar.state.status).toBe('ready'));
  const data = (): DataFor<E> => {
    const current = rendered.result.current.sidebar.current();
    if (current === undefined) throw new Error('not ready');
    return current;
  };
  return { client, rendered, data, actions: () => rendered.result.current.actions };
}

/** What the page sent with its last call to `name`. */
function lastCall(client: FakeClient, name: string) {
  const calls = client.callsTo(name);
  const call = calls[calls.length - 1];
  return { context: call?.options?.context, body: call?.options?.body === undefined ? undefined : (JSON.parse(call.options.body) as unknown) };
}

function fieldOf(data: { fields: FieldDef[] }, name: string): FieldDef {
  const found = data.fields.find((candidate) => candidate.name === name);
  if (found === undefined) throw new Error(`no field ${name}`);
  return found;
}


describe('saveField', () => {
  it('shows the new value at once and sends it in the CRM\'s shape', async () => {
    const { client, data, actions } = await open('contact');
    const held = client.hold('updateContact');
    const saving = start(() => actions().saveField(fieldOf(data(), 'job_title'), '  CFO '));
    expect(data().record.job_title).toBe('CFO');
    await waitFor(() => expect(held.requested).toBe(true));
    expect(lastCall(client, 'updateContact')).toEqual({ context: { id: IDS.contact }, body: { contact: { job_title: 'CFO' } } });

    held.resolve(contactWriteBody());
    expect(await settled(saving)).toBe(true);
    expect(data().record.job_title).toBe('CFO');
    expect(client.notifications).toEqual([]);
  });

  it('sends a custom dropdown as its label under custom_field', async () => {
    const { client, data, actions } = await open('contact');
    client.respond('updateContact', contactWriteBody());
    expect(await settled(start(() => actions().saveField(fieldOf(data(), 'cf_tier'), 'Gold')))).toBe(true);
    expect(lastCall(client, 'updateContact').body).toEqual({ contact: { custom_field: { cf_tier: 'Gold' } } });
    expect(data().record.custom_field?.cf_tier).toBe('Gold');
  });

  it('sends a built-in dropdown as its numeric id', async () => {
    const { client, data, actions } = await open('deal');
    client.respond('updateDeal', dealWriteBody({ owner_id: IDS.asha }));
    await settled(start(() => actions().saveField(fieldOf(data(), 'owner_id'), String(IDS.asha))));
    expect(lastCall(client, 'updateDeal')).toEqual({ context: { id: IDS.deal }, body: { deal: { owner_id: IDS.asha } } });
  });

  it('rolls back and says what failed and why when the CRM refuses', async () => {
    const { client, data, actions } = await open('contact');
    const held = client.hold('updateContact');
    const saving = start(() => actions().saveField(fieldOf(data(), 'first_name'), 'Sara'));
    expect(data().record.display_name).toBe('Sara Thompson');
    held.reject(crmRefusal('First name is too long'));
    expect(await settled(saving)).toBe(false);
    expect(data().record.first_name).toBe('Sarah');
    expect(data().record.display_name).toBe('Sarah Thompson');
    expect(client.notifications).toEqual([{ type: 'danger', title: messages.writes.failedTitle, message: 'Saving First name failed: First name is too long' }]);
  });

  it('rolls back a custom field to its old value', async () => {
    const { client, data, actions } = await open('contact');
    client.reject('updateContact', crmRejection(503, 'Service unavailable'));
    expect(await settled(start(() => actions().saveField(fieldOf(data(), 'cf_tier'), 'Gold')))).toBe(false);
    expect(data().record.custom_field?.cf_tier).toBe('Silver');
    expect(client.notifications[0]?.message).toBe(format(messages.writes.failed, { what: 'Saving Tier', reason: messages.writes.reasons.server_error }));
  });

  it('keeps the notification within the platform\'s 100 characters', async () => {
    const { client, data, actions } = await open('contact');
    client.reject('updateContact', crmRefusal('Job title '.repeat(30)));
    await settled(start(() => actions().saveField(fieldOf(data(), 'job_title'), 'x')));
    const message = client.notifications[0]?.message ?? '';
    expect(message.length).toBeLessThanOrEqual(100);
    expect(message.startsWith('Saving Job title failed: Job title')).toBe(true);
  });

  it('does nothing before the record has loaded', async () => {
    const client = clientFor('contact');
    client.hold('getContactView');
    const rendered = renderSidebarHook('contact', client);
    const field: FieldDef = { name: 'job_title', label: 'Job title', kind: 'text', required: false, custom: false, choices: [] };
    expect(await settled(rendered.result.current.actions.saveField(field, 'x'))).toBe(false);
    expect(client.callsTo('updateContact')).toHaveLength(0);
  });
});

describe('changeDealStage', () => {
  it('moves the open deal at once and keeps the probability the CRM computed', async () => {
    const { client, data, actions } = await open('deal');
    const held = client.hold('updateDeal');
    const moving = start(() => actions().changeDealStage(data().record, IDS.stageDemo));
    expect(data().record.deal_stage_id).toBe(IDS.stageDemo);
    expect(data().record.probability).toBe(30);
    await waitFor(() => expect(held.requested).toBe(true));
    expect(lastCall(client, 'updateDeal')).toEqual({ context: { id: IDS.deal }, body: { deal: { deal_stage_id: IDS.stageDemo } } });

    held.resolve(dealWriteBody({ deal_stage_id: IDS.stageDemo, probability: 50 }));
    expect(await settled(moving)).toBe(true);
    expect(data().record).toMatchObject({ deal_stage_id: IDS.stageDemo, probability: 50 });
  });

  it('moves a related deal of a contact and rolls it back on failure', async () => {
    const { client, data, actions } = await open('contact');
    const related = data().deals[1];
    if (related === undefined) throw new Error('fixture has two deals');
    client.reject('updateDeal', crmRefusal('Stage does not belong to the pipeline'));
    const moving = start(() => actions().changeDealStage(related, IDS.stageWon));
    expect(data().deals[1]?.deal_stage_id).toBe(IDS.stageWon);
    expect(await settled(moving)).toBe(false);
    expect(data().deals[1]?.deal_stage_id).toBe(IDS.renewalOpen);
    expect(lastCall(client, 'updateDeal').context).toEqual({ id: IDS.relatedDeal });
    expect(client.notifications[0]).toMatchObject({ type: 'danger', message: `Moving ${related.name} failed: Stage does not belong to the pipeline` });
  });

  it('commits the CRM\'s answer into an account\'s deal list', async () => {
    const { client, data, actions } = await open('sales_account');
    const first = data().deals[0];
    if (first === undefined) throw new Error('fixture has deals');
    client.respond('updateDeal', dealWriteBody({ deal_stage_id: IDS.stageWon, probability: 100, closed_date: '2026-11-25' }));
    expect(await settled(start(() => actions().changeDealStage(first, IDS.stageWon)))).toBe(true);
    expect(data().deals[0]).toMatchObject({ deal_stage_id: IDS.stageWon, probability: 100, closed_date: '2026-11-25' });
  });
});

describe('tasks and notes', () => {
  it('completes a task at once and sends status 1', async () => {
    const { client, data, actions } = await open('contact');
    const task = data().tasks?.[0];
    if (task === undefined) throw new Error('fixture has a task');
    client.respond('updateTask', taskWriteBody({ status: 1 }));
    const completing = start(() => actions().completeTask(task));
    expect(data().tasks?.[0]?.status).toBe(1);
    expect(await settled(completing)).toBe(true);
    expect(lastCall(client, 'updateTask')).toEqual({ context: { id: IDS.task }, body: { task: { status: 1 } } });
  });

  it('reopens the task when completing it fails', async () => {
    const { client, data, actions } = await open('contact');
    const task = data().tasks?.[0];
    if (task === undefined) throw new Error('fixture has a task');
    client.reject('updateTask', crmRejection(403, { errors: { code: 403, message: ['No privilege'] } }));
    expect(await settled(start(() => actions().completeTask(task)))).toBe(false);
    expect(data().tasks?.[0]?.status).toBe(0);
    expect(client.notifications[0]?.message).toBe(`Completing ${task.title} failed: ${messages.writes.reasons.forbidden}`);
  });

  it('shows a new task at once and replaces it with the CRM\'s row', async () => {
    const { client, data, actions } = await open('deal');
    const held = client.hold('createTask');
    const creating = start(() => actions().createTask({ title: 'Send the proposal', dueDate: '2026-12-01', ownerId: IDS.asha }));
    const placeholder = data().tasks?.[0];
    expect(placeholder).toMatchObject({ title: 'Send the proposal', status: 0, owner_id: IDS.asha });
    expect(placeholder?.id).toBeLessThan(0);
    await waitFor(() => expect(held.requested).toBe(true));
    expect(lastCall(client, 'createTask')).toEqual({
      context: {},
      body: { task: { title: 'Send the proposal', due_date: dueTimestamp('2026-12-01'), owner_id: IDS.asha, targetable_type: 'Deal', targetable_id: IDS.deal } },
    });

    held.resolve(taskWriteBody({ id: 402001308422, title: 'Send the proposal', due_date: '2026-12-01T17:00:00+05:30' }));
    expect(await settled(creating)).toBe(true);
    expect(data().tasks?.map((task) => task.id)).toEqual([402001308422, IDS.task]);
  });

  it('removes the new task again when the CRM refuses it', async () => {
    const { client, data, actions } = await open('sales_account');
    client.reject('createTask', crmRefusal('Due date is invalid'));
    expect(await settled(start(() => actions().createTask({ title: 'Call', dueDate: '2026-12-01', ownerId: IDS.asha })))).toBe(false);
    expect(data().tasks?.map((task) => task.id)).toEqual([IDS.task]);
    expect(lastCall(client, 'createTask').body).toMatchObject({ task: { targetable_type: 'SalesAccount', targetable_id: IDS.primaryAccount } });
    expect(client.notifications[0]?.message).toBe('Creating task Call failed: Due date is invalid');
  });

  it('shows a new note by the current user at once and replaces it with the CRM\'s row', async () => {
    const { client, data, actions } = await open('contact');
    const held = client.hold('createNote');
    const adding = start(() => actions().createNote('Met at the fair'));
    expect(data().notes?.[0]).toMatchObject({ description: 'Met at the fair', creater_id: CURRENT_USER.id });
    await waitFor(() => expect(held.requested).toBe(true));
    expect(lastCall(client, 'createNote').body).toEqual({ note: { description: 'Met at the fair', targetable_type: 'Contact', targetable_id: IDS.contact } });
    held.resolve(noteWriteBody({ id: 402004348851, description: 'Met at the fair' }));
    expect(await settled(adding)).toBe(true);
    expect(data().notes?.map((note) => note.id)).toEqual([402004348851, IDS.note]);
  });

  it('removes the note again when the CRM refuses it', async () => {
    const { client, data, actions } = await open('contact');
    client.reject('createNote', crmRejection(429, { errors: { code: 429, message: ['Too many requests'] } }));
    expect(await settled(start(() => actions().createNote('Hello')))).toBe(false);
    expect(data().notes?.map((note) => note.id)).toEqual([IDS.note]);
    expect(client.notifications[0]?.message).toBe(`${messages.writes.note} failed: ${messages.writes.reasons.rate_limited}`);
  });
});

describe('createDeal and createContact', () => {
  it('creates a contact\'s deal linked to the contact and its primary account, then lists it', async () => {
    const { client, data, actions } = await open('contact');
    client.respond('createDeal', dealWriteBody({ id: 402000401099, name: 'Expansion' }));
    const values = { name: 'Expansion', amount: '5000', cf_sales_region: 'Europe', expected_close: '' };
    expect(await settled(start(() => actions().createDeal(values)))).toBe(true);
    expect(lastCall(client, 'createDeal').body).toEqual({
      deal: { name: 'Expansion', amount: '5000', custom_field: { cf_sales_region: 'Europe' }, contacts_added_list: [IDS.contact], sales_account_id: IDS.primaryAccount },
    });
    expect(data().deals[0]).toMatchObject({ id: 402000401099, name: 'Expansion' });
  });

  it('does not list a deal the CRM refused', async () => {
    const { client, data, actions } = await open('sales_account');
    client.reject('createDeal', crmRefusal('Sales region is required'));
    expect(await settled(start(() => actions().createDeal({ name: 'Nope' })))).toBe(false);
    expect(lastCall(client, 'createDeal').body).toEqual({ deal: { name: 'Nope', sales_account_id: IDS.primaryAccount } });
    expect(data().deals).toHaveLength(2);
    expect(client.notifications[0]?.message).toBe('Creating deal Nope failed: Sales region is required');
  });

  it('has no deal to create on a deal sidebar', async () => {
    const { client, actions } = await open('deal');
    expect(await settled(start(() => actions().createDeal({ name: 'x' })))).toBe(false);
    expect(client.callsTo('createDeal')).toHaveLength(0);
  });

  it('creates an account\'s contact with the account as primary, then lists it', async () => {
    const { client, data, actions } = await open('sales_account');
    client.respond('createContact', contactWriteBody());
    const values = { first_name: 'Nia', last_name: 'Okafor', cf_tier: 'Gold', job_title: null };
    expect(await settled(start(() => actions().createContact(values)))).toBe(true);
    expect(lastCall(client, 'createContact').body).toEqual({
      contact: { first_name: 'Nia', last_name: 'Okafor', custom_field: { cf_tier: 'Gold' }, sales_accounts: [{ id: IDS.primaryAccount, is_primary: true }] },
    });
    expect(data().contacts[0]).toMatchObject({ id: 402000000777, display_name: 'Nia Okafor' });
    expect(client.callsTo('getFieldSettings').map((call) => call.options?.context?.entity)).toContain('contacts');
  });

  it('names the contact it could not create', async () => {
    const { client, data, actions } = await open('sales_account');
    client.reject('createContact', crmRefusal('Email already exists'));
    expect(await settled(start(() => actions().createContact({ first_name: 'Nia', last_name: 'Okafor' })))).toBe(false);
    expect(data().contacts).toHaveLength(2);
    expect(client.notifications[0]?.message).toBe('Creating contact Nia Okafor failed: Email already exists');
  });

  it('hands out the contact field settings on demand', async () => {
    const { actions } = await open('sales_account');
    const fields = await settled(actions().contactFields());
    expect(fields.ok && fields.value.map((field) => field.name)).toContain('cf_tier');
  });
});

describe('deal contacts', () => {
  it('links a contact at once and sends contacts_added_list', async () => {
    const { client, data, actions } = await open('deal');
    const held = client.hold('updateDeal');
    const adding = start(() => actions().addContact({ id: 402000000563, name: 'Sarah Robinson', email: 'sarahr@meridian-global.com' }));
    expect(data().contacts[2]).toEqual({ id: 402000000563, display_name: 'Sarah Robinson', email: 'sarahr@meridian-global.com' });
    await waitFor(() => expect(held.requested).toBe(true));
    expect(lastCall(client, 'updateDeal')).toEqual({ context: { id: IDS.deal }, body: { deal: { contacts_added_list: [402000000563] } } });
    held.resolve(dealWriteBody());
    expect(await settled(adding)).toBe(true);
    expect(data().contacts).toHaveLength(3);
  });

  it('unlinks the added contact when the CRM refuses', async () => {
    const { client, data, actions } = await open('deal');
    client.reject('updateDeal', crmRefusal('Contact does not exist'));
    expect(await settled(start(() => actions().addContact({ id: 5, name: 'Ghost' })))).toBe(false);
    expect(data().contacts.map((contact) => contact.id)).toEqual([IDS.contact, IDS.otherContact]);
    expect(client.notifications[0]?.message).toBe('Adding Ghost failed: Contact does not exist');
  });

  it('unlinks a contact at once and sends contacts_removed_list', async () => {
    const { client, data, actions } = await open('deal');
    client.respond('updateDeal', dealWriteBody());
    const removing = start(() => actions().removeContact(IDS.otherContact));
    expect(data().contacts.map((contact) => contact.id)).toEqual([IDS.contact]);
    expect(await settled(removing)).toBe(true);
    expect(lastCall(client, 'updateDeal').body).toEqual({ deal: { contacts_removed_list: [IDS.otherContact] } });
  });

  it('puts the contact back when unlinking fails', async () => {
    const { client, data, actions } = await open('deal');
    client.reject('updateDeal', crmRejection(500, 'boom'));
    expect(await settled(start(() => actions().removeContact(IDS.contact)))).toBe(false);
    expect(data().contacts.map((contact) => contact.id).sort()).toEqual([IDS.contact, IDS.otherContact].sort());
    expect(client.notifications[0]?.message).toBe(`Removing Sarah Thompson failed: ${messages.writes.reasons.server_error}`);
  });

  it('searches contacts: string ids become numbers, other record types and bad ids are skipped', async () => {
    const { client, actions } = await open('deal');
    client.respond('searchContacts', searchContactsBody());
    const found = await settled(actions().searchContacts('sarah'));
    expect(found).toEqual({
      ok: true,
      value: [
        { id: IDS.contact, name: 'Sarah Thompson', email: 'sthompson@meridian-global.com' },
        { id: 402000000563, name: '402000000563', email: null },
      ],
    });
    expect(lastCall(client, 'searchContacts').context).toEqual({ q: 'sarah' });
  });

  it('passes a failed search on', async () => {
    const { client, actions } = await open('deal');
    client.reject('searchContacts', crmRejection(429, { errors: { code: 429, message: ['Too many'] } }));
    const found = await settled(actions().searchContacts('x'));
    expect(found.ok ? 'ok' : found.failure.kind).toBe('rate_limited');
  });
});

describe('openRecord', () => {
  it('asks the CRM to show the record', async () => {
    const { client, actions } = await open('contact');
    act(() => actions().openRecord('account', IDS.primaryAccount));
    await flush();
    expect(client.triggers.filter((call) => call.action === 'show').map((call) => call.options)).toEqual([{ id: 'account', value: IDS.primaryAccount }]);
  });

  it('swallows a refusal to navigate', async () => {
    const { client, actions } = await open('contact');
    jest.spyOn(client.interface, 'trigger').mockRejectedValueOnce(new Error('not allowed here'));
    act(() => actions().openRecord('deal', IDS.deal));
    await flush();
  });
});

describe('refusalReason', () => {
  it('uses the CRM\'s words for a refusal and a short reason otherwise', () => {
    expect(refusalReason({ kind: 'invalid', messages: ['Name is required', 'Amount is invalid'], detail: '' })).toBe('Name is required Amount is invalid');
    expect(refusalReason({ kind: 'invalid', messages: [], detail: '' })).toBe(messages.writes.reasons.invalid);
    expect(refusalReason({ kind: 'timeout', messages: ['ignored'], detail: '' })).toBe(messages.writes.reasons.timeout);
  });
});

describe('a write whose answer never came (B3)', () => {
  const TIMEOUT = () => platformRejection(504, 'Timeout');
  /** What the platform rejects with when the connection drops mid-request: no status at all. */
  const CUT = () => ({ message: 'socket hang up' }) as unknown as ReturnType<typeof platformRejection>;
  const lastNotice = (client: FakeClient) => client.notifications[client.notifications.length - 1];

  it('does not say "Not saved": it reads the record again (one call) and says the change was saved when it was', async () => {
    const { client, data, actions } = await open('contact');
    client.reject('updateContact', TIMEOUT());
    const applied = contactViewBody();
    client.respond('getContactView', { ...applied, contact: { ...applied.contact, job_title: 'CFO' } });
    expect(await settled(start(() => actions().saveField(fieldOf(data(), 'job_title'), 'CFO')))).toBe(true);
    expect(data().record.job_title).toBe('CFO');
    expect(client.callsTo('getContactView')).toHaveLength(2);
    expect(client.callsTo('getFieldSettings')).toHaveLength(2);
    expect(client.notifications).toEqual([{ type: 'success', title: messages.writes.landedTitle, message: format(messages.writes.landed, { what: 'Saving Job title' }) }]);
  });

  it('says it was not applied when the fresh record still holds the old value', async () => {
    const { client, data, actions } = await open('contact');
    client.reject('updateContact', TIMEOUT());
    client.respond('getContactView', contactViewBody());
    expect(await settled(start(() => actions().saveField(fieldOf(data(), 'job_title'), 'CFO')))).toBe(false);
    expect(data().record.job_title).toBe('VP Procurement');
    expect(lastNotice(client)).toEqual({ type: 'danger', title: messages.writes.failedTitle, message: `Saving Job title failed: ${messages.writes.notApplied}` });
  });

  it('shows the truth and says so when someone else changed the field meanwhile', async () => {
    const { client, data, actions } = await open('contact');
    client.reject('updateContact', TIMEOUT());
    const other = contactViewBody();
    client.respond('getContactView', { ...other, contact: { ...other.contact, job_title: 'COO' } });
    expect(await settled(start(() => actions().saveField(fieldOf(data(), 'job_title'), 'CFO')))).toBe(false);
    expect(data().record.job_title).toBe('COO');
    expect(lastNotice(client)).toMatchObject({ type: 'warning', title: messages.writes.unknownTitle, message: format(messages.writes.unknown, { what: 'Saving Job title' }) });
  });

  it('treats a connection cut after sending like a timeout, and says so when the record cannot be read either', async () => {
    const { client, data, actions } = await open('contact');
    client.reject('updateContact', CUT());
    client.reject('getContactView', CUT());
    expect(await settled(start(() => actions().saveField(fieldOf(data(), 'job_title'), 'CFO')))).toBe(false);
    expect(data().record.job_title).toBe('VP Procurement');
    expect(lastNotice(client)).toMatchObject({ type: 'warning', message: format(messages.writes.unknownUnchecked, { what: 'Saving Job title' }) });
  });

  it('finds a deal created despite the timeout, and closes the form', async () => {
    const { client, actions, data } = await open('contact');
    client.reject('createDeal', TIMEOUT());
    const view = contactViewBody();
    client.respond('getContactView', { ...view, deals: [{ ...view.deals[0], id: 402000409999, name: 'Acme upsell' }, ...view.deals] });
    expect(await settled(start(() => actions().createDeal({ name: 'Acme upsell', amount: '12500.50' })))).toBe(true);
    expect(data().deals.map((deal) => deal.name)).toContain('Acme upsell');
    expect(lastNotice(client)).toMatchObject({ type: 'success' });
  });

  it('moves a deal\'s stage: the fresh record decides', async () => {
    const { client, actions, data } = await open('deal');
    client.reject('updateDeal', TIMEOUT());
    const view = dealViewBody();
    client.respond('getDealView', { ...view, deal: { ...view.deal, deal_stage_id: IDS.stageDemo } });
    expect(await settled(start(() => actions().changeDealStage(data().record, IDS.stageDemo)))).toBe(true);
    expect(data().record.deal_stage_id).toBe(IDS.stageDemo);
  });

  it('says "Not saved" only when the CRM answered with a refusal', async () => {
    const { client, data, actions } = await open('contact');
    client.reject('updateContact', platformRejection(502, 'Bad gateway'));
    expect(await settled(start(() => actions().saveField(fieldOf(data(), 'job_title'), 'CFO')))).toBe(false);
    expect(client.callsTo('getContactView')).toHaveLength(1);
    expect(lastNotice(client)).toMatchObject({ type: 'danger', title: messages.writes.failedTitle });
  });
});
