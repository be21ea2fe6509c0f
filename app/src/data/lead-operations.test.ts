import { act, waitFor } from '@testing-library/react';
import { format, messages } from '../i18n/messages';
import { contactViewBody, contactWriteBody, dealWriteBody, FIELD_SETTINGS, IDS } from '../test/crm-fixtures';
import { crmRejection, platformRejection, type FakeClient } from '../test/fake-client';
import { contactStatusesBody, lifecycleStagesBody, OPS } from '../test/operation-fixtures';
import { clientFor, renderSidebarHook } from '../test/sidebar-harness';
import type { Conversion } from './lead-conversion';
import { reviveStages } from './lead-operations';

const text = messages.operations.convert;

beforeEach(() => localStorage.clear());

async function openContact(client: FakeClient = clientFor('contact')) {
  client.respondBy('getFieldSettings', (options) => FIELD_SETTINGS[options?.context?.entity as 'deals']());
  client.respond('getContactView', contactViewBody());
  const rendered = renderSidebarHook('contact', client);
  await waitFor(() => expect(rendered.result.current.sidebar.state.status).toBe('ready'));
  return { client, records: () => rendered.result.current.actions.records, data: () => rendered.result.current.sidebar.current() };
}

async function run<T>(operation: () => Promise<T>): Promise<T> {
  let value: T | undefined;
  await act(async () => {
    value = await operation();
  });
  return value as T;
}

const bodyOf = (client: FakeClient, name: string): unknown => JSON.parse(client.callsTo(name)[0]?.options?.body ?? 'null');

const CONVERSION: Conversion = { stageId: OPS.lifecycleCustomer, statusId: OPS.statusWon, accountName: ' Globex ', deal: { name: 'Globex rollout', amount: '12500.50' } };

describe('lifecycle stages and statuses', () => {
  it('loads the stages once in order with their types, and the next open reads them from storage', async () => {
    const { client, records } = await openContact();
    client.respond('listLifecycleStages', lifecycleStagesBody());
    const stages = await run(() => records().lifecycleStages());
    expect(stages.ok && stages.value.map((stage) => [stage.name, stage.type, stage.statusIds.length])).toEqual([
      ['Lead', 'Lead', 2],
      ['Sales Qualified Lead', 'Sales Qualified Lead', 2],
      ['Customer', 'Customer', 2],
    ]);
    const next = await openContact();
    expect(await run(() => next.records().lifecycleStages())).toEqual(stages);
    expect(next.client.callsTo('listLifecycleStages')).toHaveLength(0);
  });

  it('keeps the stages of one account apart from another\'s', async () => {
    const first = await openContact();
    first.client.respond('listLifecycleStages', lifecycleStagesBody());
    await run(() => first.records().lifecycleStages());
    const other = clientFor('contact');
    other.params = { domain: 'other.myfreshworks.com' };
    const second = await openContact(other);
    second.client.respond('listLifecycleStages', { lifecycle_stages: [] });
    expect(await run(() => second.records().lifecycleStages())).toEqual({ ok: true, value: [] });
  });

  it('drops stored stages that do not have the shape the code reads', () => {
    expect(reviveStages([{ id: 1, name: 'Lead', type: 'Lead', statusIds: [] }])).toHaveLength(1);
    expect(reviveStages([{ id: '1', name: 'Lead', type: 'Lead', statusIds: [] }])).toBeUndefined();
    expect(reviveStages([null])).toBeUndefined();
    expect(reviveStages({})).toBeUndefined();
  });

  it('loads the statuses in order with their stage', async () => {
    const { client, records } = await openContact();
    client.respond('listContactStatuses', contactStatusesBody());
    const statuses = await run(() => records().contactStatuses());
    expect(statuses.ok && statuses.value.map((status) => status.name)).toEqual(['New', 'Contacted', 'Qualified', 'In negotiation', 'Won', 'Churned']);
  });
});

describe('convertLead', () => {
  it('reuses the account of that name, moves the contact with its accounts kept, creates the deal, and re-reads', async () => {
    const { client, records } = await openContact();
    client.respond('filterAccounts', { sales_accounts: [{ id: 5, name: 'Globex Labs' }, { id: OPS.newAccount, name: 'globex' }], meta: { total: 2 } });
    client.respond('updateContact', contactWriteBody()).respond('createDeal', dealWriteBody({ id: OPS.newDeal }), 201);
    client.respond('getContactView', contactViewBody());
    const outcome = await run(() => records().convertLead(CONVERSION));

    expect(outcome).toEqual({ status: 'saved', done: [format(text.reusedAccount, { name: 'Globex' }), text.movedContact, format(text.createdDeal, { name: 'Globex rollout' })] });
    expect(bodyOf(client, 'filterAccounts')).toEqual({ filter_rule: [{ attribute: 'name', operator: 'is', value: 'Globex' }] });
    expect(client.callsTo('createAccount')).toHaveLength(0);
    expect(client.callsTo('updateContact')[0]?.options?.context).toEqual({ id: IDS.contact });
    expect(bodyOf(client, 'updateContact')).toEqual({
      contact: {
        lifecycle_stage_id: OPS.lifecycleCustomer,
        contact_status_id: OPS.statusWon,
        sales_accounts: [
          { id: IDS.primaryAccount, is_primary: true },
          { id: IDS.otherAccount, is_primary: false },
          { id: OPS.newAccount, is_primary: false },
        ],
      },
    });
    expect(bodyOf(client, 'createDeal')).toEqual({
      deal: { deal_pipeline_id: IDS.pipelineSales, name: 'Globex rollout', amount: '12500.50', contacts_added_list: [IDS.contact], sales_account_id: OPS.newAccount },
    });
    expect(client.callsTo('getContactView')).toHaveLength(2);
    expect(client.notifications).toEqual([{ type: 'success', message: format(text.done, { steps: outcome.done.join('; ') }).slice(0, 99) + '…' }]);
  });

  it('creates the account when none has that name, owned by the signed-in user', async () => {
    const { client, records } = await openContact();
    client.respond('filterAccounts', { sales_accounts: [] });
    client.respond('createAccount', { sales_account: { id: OPS.newAccount, name: 'Globex' } }, 201);
    client.respond('updateContact', contactWriteBody()).respond('getContactView', contactViewBody());
    const outcome = await run(() => records().convertLead({ ...CONVERSION, deal: null }));
    expect(outcome).toEqual({ status: 'saved', done: [format(text.createdAccount, { name: 'Globex' }), text.movedContact] });
    expect(bodyOf(client, 'createAccount')).toEqual({ sales_account: { name: 'Globex', owner_id: IDS.asha } });
    expect(client.callsTo('createDeal')).toHaveLength(0);
  });

  it('without an account, moves only the stage and status', async () => {
    const { client, records } = await openContact();
    client.respond('updateContact', contactWriteBody()).respond('getContactView', contactViewBody());
    await run(() => records().convertLead({ stageId: OPS.lifecycleCustomer, statusId: null, accountName: null, deal: null }));
    expect(client.callsTo('filterAccounts')).toHaveLength(0);
    expect(bodyOf(client, 'updateContact')).toEqual({ contact: { lifecycle_stage_id: OPS.lifecycleCustomer } });
  });

  it('stops at the first refusal and says what was already done; nothing later is sent', async () => {
    const { client, records } = await openContact();
    client.respond('filterAccounts', { sales_accounts: [] });
    client.respond('createAccount', { sales_account: { id: OPS.newAccount, name: 'Globex' } }, 201);
    client.reject('updateContact', crmRejection(400, { errors: { code: 400, message: ['Status does not belong to the lifecycle stage'] } }));
    client.respond('getContactView', contactViewBody());
    const outcome = await run(() => records().convertLead(CONVERSION));
    expect(outcome).toEqual({ status: 'refused', reason: 'Status does not belong to the lifecycle stage', done: [format(text.createdAccount, { name: 'Globex' })] });
    expect(client.callsTo('createDeal')).toHaveLength(0);
    expect(client.callsTo('getContactView')).toHaveLength(2);
  });

  it('a refused lookup changes nothing and needs no re-read', async () => {
    const { client, records } = await openContact();
    client.reject('filterAccounts', crmRejection(429, {}, { 'Retry-After': '30' }));
    const outcome = await run(() => records().convertLead(CONVERSION));
    expect(outcome).toEqual({ status: 'refused', reason: messages.writes.reasons.rate_limited, done: [] });
    expect(client.callsTo('updateContact')).toHaveLength(0);
    expect(client.callsTo('getContactView')).toHaveLength(1);
  });

  it('a timeout while creating the deal is an unknown outcome, not a failure', async () => {
    const { client, records } = await openContact();
    client.respond('updateContact', contactWriteBody()).reject('createDeal', platformRejection(504));
    client.respond('getContactView', contactViewBody());
    const outcome = await run(() => records().convertLead({ ...CONVERSION, accountName: null }));
    expect(outcome).toEqual({ status: 'unknown', done: [text.movedContact] });
    // The re-read contact has no such deal: the user is told it was not applied.
    expect(client.notifications.map((notification) => notification.type)).toEqual(['danger']);
    expect(client.callsTo('getContactView')).toHaveLength(2);
  });

  it('refuses on any record but a contact', async () => {
    const client = clientFor('deal');
    client.respondBy('getFieldSettings', (options) => FIELD_SETTINGS[options?.context?.entity as 'deals']());
    client.respondAlways('getDealView', (await import('../test/crm-fixtures')).dealViewBody());
    const rendered = renderSidebarHook('deal', client);
    await waitFor(() => expect(rendered.result.current.sidebar.state.status).toBe('ready'));
    expect(await run(() => rendered.result.current.actions.records.convertLead(CONVERSION))).toEqual({ status: 'refused', reason: text.notContact, done: [] });
  });
});
