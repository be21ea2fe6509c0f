import type { CrmFailure } from '../../../common/crm/failure';
import type { Result } from '../../../common/validation';
import { createHost } from '../platform/host';
import {
  accountFieldSettings,
  accountViewBody,
  contactFieldSettings,
  contactViewBody,
  dealCoreBody,
  dealFieldSettings,
  dealViewBody,
  IDS,
  INCLUDE_REFUSED,
  scriptOpen,
} from '../test/crm-fixtures';
import { crmRejection, FakeClient } from '../test/fake-client';
import { accountData, contactData, dealData, loadSidebarData, resetDealActivityFallback } from './load';
import { createMetadataCache } from './metadata-cache';

beforeEach(() => {
  resetDealActivityFallback();
});

function setup(client = new FakeClient()) {
  const host = createHost(client);
  const metadata = createMetadataCache(host, { scope: 'acme' });
  return { client, deps: { host, metadata } };
}

/** The loaded data, or the test fails with the failure's detail. */
async function loaded<T>(pending: Promise<Result<T, CrmFailure>>): Promise<T> {
  const result = await pending;
  if (!result.ok) throw new Error(result.failure.detail);
  return result.value;
}

const ids = (rows: Array<{ id: number }> | null) => (rows ?? []).map((row) => row.id);

/** Let every pending promise callback run. */
const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('loadSidebarData: contact', () => {
  it('builds the contact sidebar from one record request and the field settings', async () => {
    const { client, deps } = setup();
    scriptOpen(client, 'contact');
    const data = await loaded(loadSidebarData('contact', deps, IDS.contact));

    expect(data.entity).toBe('contact');
    expect(data.record).toMatchObject({ id: IDS.contact, display_name: 'Sarah Thompson', custom_field: { cf_tier: 'Silver' } });
    // Primary account first, whatever order the CRM nests them in.
    expect(data.accounts).toEqual([
      { id: IDS.primaryAccount, name: 'Meridian Global Holdings Inc.', website: 'meridian-global.com', isPrimary: true },
      { id: IDS.otherAccount, name: 'Northwind Traders', website: null, isPrimary: false },
    ]);
    expect(data.status).toEqual({ id: IDS.statusNegotiation, name: 'In negotiation', lifecycleStageId: IDS.lifecycleSql });
    expect(ids(data.deals)).toEqual([IDS.deal, IDS.relatedDeal]);
    expect(ids(data.users)).toEqual([IDS.asha, IDS.mateo]);
    expect(ids(data.tasks)).toEqual([IDS.task]);
    expect(ids(data.appointments)).toEqual([IDS.appointment]);
    expect(ids(data.notes)).toEqual([IDS.note]);
  });

  it('hands the contact sidebar the contact and deal field settings', async () => {
    const { client, deps } = setup();
    scriptOpen(client, 'contact');
    const data = await loaded(loadSidebarData('contact', deps, IDS.contact));
    expect(data.fields.map((field) => field.name)).toContain('lifecycle_stage_id');
    const stages = data.dealFields.find((field) => field.name === 'deal_stage_id');
    expect(stages?.choices[3]).toMatchObject({ label: 'Won', pipelineId: IDS.pipelineSales, forecast: 'Closed Won' });
    expect(client.callsTo('getContactView')[0]?.options?.context).toEqual({ id: IDS.contact });
    expect(client.callsTo('getFieldSettings').map((call) => call.options?.context?.entity)).toEqual(['contacts', 'deals']);
  });

  it('starts the record request and the field settings together', async () => {
    const { client, deps } = setup();
    const view = client.hold('getContactView');
    const contactFields = client.hold('getFieldSettings');
    const dealFields = client.hold('getFieldSettings');

    const loading = loadSidebarData('contact', deps, IDS.contact);
    await flush();
    // All three are on the wire before any has answered.
    expect([view.requested, contactFields.requested, dealFields.requested]).toEqual([true, true, true]);

    dealFields.resolve(dealFieldSettings());
    contactFields.resolve(contactFieldSettings());
    view.resolve(contactViewBody());
    expect((await loading).ok).toBe(true);
  });

  it('reports the record\'s failure before the field settings\' one', async () => {
    const { client, deps } = setup();
    client.reject('getContactView', crmRejection(404, { errors: { code: 404, message: ['Contact not found'] } }));
    client.reject('getFieldSettings', crmRejection(429, { errors: { code: 429, message: ['Too many requests'] } }));
    client.respond('getFieldSettings', dealFieldSettings());
    const result = await loadSidebarData('contact', deps, IDS.contact);
    expect(result.ok ? 'ok' : result.failure.kind).toBe('not_found');
  });

  it('fails when a field settings request fails, even if the record came', async () => {
    const { client, deps } = setup();
    client.respond('getContactView', contactViewBody());
    client.respond('getFieldSettings', contactFieldSettings());
    client.reject('getFieldSettings', crmRejection(500, 'oops'));
    const result = await loadSidebarData('contact', deps, IDS.contact);
    expect(result.ok ? 'ok' : result.failure.kind).toBe('server_error');
  });

  it('reports a record body it cannot read as a bad response', async () => {
    const { client, deps } = setup();
    scriptOpen(client, 'contact');
    client.respond('getContactView', { contact: { first_name: 'No id' } });
    const result = await loadSidebarData('contact', deps, IDS.contact);
    expect(result.ok ? 'ok' : result.failure.kind).toBe('bad_response');
  });
});

describe('contactData', () => {
  it('fills the lists the CRM left out with empty ones and has no status without one', () => {
    const data = contactData({ contact: { id: 1, first_name: 'Bare' } }, [], []);
    expect(data).toMatchObject({ accounts: [], deals: [], users: [], tasks: [], appointments: [], notes: [] });
    expect(data.status).toBeUndefined();
  });

  it('leaves lifecycleStageId out when the status has none', () => {
    const data = contactData({ contact: { id: 1, contact_status_id: 5 }, contact_statuses: [{ id: 5, name: 'New', lifecycle_stage_id: null }] }, [], []);
    expect(data.status).toEqual({ id: 5, name: 'New' });
  });
});

describe('loadSidebarData: deal', () => {
  it('builds the deal sidebar: contacts, the deal\'s account, the currency code, activities', async () => {
    const { client, deps } = setup();
    scriptOpen(client, 'deal');
    const result = await loadSidebarData('deal', deps, IDS.deal);
    if (!result.ok) throw new Error(result.failure.detail);
    const data = result.value;

    expect(data.record).toMatchObject({ id: IDS.deal, amount: '1094250.0', deal_stage_id: IDS.stageQualification });
    expect(data.account).toMatchObject({ id: IDS.primaryAccount, name: 'Meridian Global Holdings Inc.' });
    expect(data.currencyCode).toBe('INR');
    expect(data.contacts.map((contact) => contact.display_name)).toEqual(['Sarah Thompson', 'Isla Smith']);
    expect(data.tasks).toHaveLength(1);
    expect(data.appointments).toEqual([]);
    expect(data.notes).toHaveLength(1);
    expect(data.fields.find((field) => field.name === 'cf_sales_region')).toMatchObject({ required: true, custom: true, kind: 'dropdown' });
    expect(client.callsTo('getFieldSettings').map((call) => call.options?.context?.entity)).toEqual(['deals']);
    expect(client.callsTo('getDealCore')).toHaveLength(0);
  });

  it('starts the record request and the deal field settings together', async () => {
    const { client, deps } = setup();
    const view = client.hold('getDealView');
    const fields = client.hold('getFieldSettings');
    const loading = loadSidebarData('deal', deps, IDS.deal);
    await flush();
    expect([view.requested, fields.requested]).toEqual([true, true]);
    fields.resolve(dealFieldSettings());
    view.resolve(dealViewBody());
    expect((await loading).ok).toBe(true);
  });

  it('has no account or currency when the deal has none', () => {
    const data = dealData({ deal: { id: 9, name: 'Solo', sales_account_id: null, currency_id: null } }, [], true);
    expect(data.account).toBeNull();
    expect(data.currencyCode).toBeUndefined();
    expect(data).toMatchObject({ contacts: [], users: [], tasks: [], appointments: [], notes: [] });
  });

  it('falls back to the documented includes when the CRM refuses the activity includes', async () => {
    const { client, deps } = setup();
    client.respondBy('getFieldSettings', () => dealFieldSettings());
    client.reject('getDealView', crmRejection(400, INCLUDE_REFUSED));
    client.respondAlways('getDealCore', dealCoreBody());

    const first = await loadSidebarData('deal', deps, IDS.deal);
    if (!first.ok) throw new Error(first.failure.detail);
    expect(first.value.tasks).toBeNull();
    expect(first.value.appointments).toBeNull();
    expect(first.value.notes).toBeNull();
    expect(first.value.contacts).toHaveLength(2);
    expect(client.callsTo('getDealCore')[0]?.options?.context).toEqual({ id: IDS.deal });

    // The page remembers: later opens go straight to the documented includes.
    const second = await loadSidebarData('deal', deps, IDS.deal);
    expect(second.ok).toBe(true);
    expect(client.callsTo('getDealView')).toHaveLength(1);
    expect(client.callsTo('getDealCore')).toHaveLength(2);
  });

  it('forgets the fallback after resetDealActivityFallback', async () => {
    const { client, deps } = setup();
    client.respondBy('getFieldSettings', () => dealFieldSettings());
    client.reject('getDealView', crmRejection(400, INCLUDE_REFUSED));
    client.respondAlways('getDealCore', dealCoreBody());
    await loadSidebarData('deal', deps, IDS.deal);

    resetDealActivityFallback();
    client.respond('getDealView', dealViewBody());
    const again = await loadSidebarData('deal', deps, IDS.deal);
    expect(again.ok && again.value.tasks).toHaveLength(1);
    expect(client.callsTo('getDealView')).toHaveLength(2);
  });

  it('returns a 400 that is not about includes as a failure, without the fallback', async () => {
    const { client, deps } = setup();
    client.respondBy('getFieldSettings', () => dealFieldSettings());
    client.reject('getDealView', crmRejection(400, { errors: { code: 400, message: ['Deal id is invalid'] } }));
    const result = await loadSidebarData('deal', deps, IDS.deal);
    expect(result.ok ? undefined : result.failure).toMatchObject({ kind: 'invalid', messages: ['Deal id is invalid'] });
    expect(client.callsTo('getDealCore')).toHaveLength(0);

    // Not remembered either: the next open asks for the activities again.
    client.respond('getDealView', dealViewBody());
    await loadSidebarData('deal', deps, IDS.deal);
    expect(client.callsTo('getDealView')).toHaveLength(2);
  });

  it('does not fall back on a platform 400 (a broken template)', async () => {
    const { client, deps } = setup();
    client.respondBy('getFieldSettings', () => dealFieldSettings());
    // No answer scripted for getDealView: the fake's platform 400 mentions no include.
    const result = await loadSidebarData('deal', deps, IDS.deal);
    expect(result.ok ? 'ok' : result.failure.kind).toBe('platform');
    expect(client.callsTo('getDealCore')).toHaveLength(0);
  });

  it('reports the fallback\'s own failure', async () => {
    const { client, deps } = setup();
    client.respondBy('getFieldSettings', () => dealFieldSettings());
    client.reject('getDealView', crmRejection(400, INCLUDE_REFUSED));
    client.reject('getDealCore', crmRejection(404, { errors: { code: 404, message: ['Deal not found'] } }));
    const result = await loadSidebarData('deal', deps, IDS.deal);
    expect(result.ok ? 'ok' : result.failure.kind).toBe('not_found');
  });

  it('reports a field settings failure after a fallback', async () => {
    const { client, deps } = setup();
    client.reject('getFieldSettings', crmRejection(401, { errors: { code: 401, message: ['Login failed'] } }));
    client.reject('getDealView', crmRejection(400, INCLUDE_REFUSED));
    client.respond('getDealCore', dealCoreBody());
    const result = await loadSidebarData('deal', deps, IDS.deal);
    expect(result.ok ? 'ok' : result.failure.kind).toBe('unauthorized');
  });
});

describe('loadSidebarData: account', () => {
  it('builds the account sidebar from its record request and the account and deal field settings', async () => {
    const { client, deps } = setup();
    scriptOpen(client, 'sales_account');
    const result = await loadSidebarData('sales_account', deps, IDS.primaryAccount);
    if (!result.ok) throw new Error(result.failure.detail);
    const data = result.value;
    expect(data.entity).toBe('sales_account');
    expect(data.record).toMatchObject({ id: IDS.primaryAccount, annual_revenue: 15582000, custom_field: { cf_segment: 'Mid-market' } });
    expect(data.contacts).toHaveLength(2);
    expect(data.deals.map((deal) => deal.deal_stage_id)).toEqual([IDS.stageQualification, IDS.stageWon]);
    expect(data.tasks).toHaveLength(1);
    expect(data.fields.map((field) => field.name)).toContain('cf_segment');
    expect(data.dealFields.map((field) => field.name)).toContain('deal_stage_id');
    expect(client.callsTo('getAccountView')[0]?.options?.context).toEqual({ id: IDS.primaryAccount });
    expect(client.callsTo('getFieldSettings').map((call) => call.options?.context?.entity)).toEqual(['sales_accounts', 'deals']);
  });

  it('starts all three requests together', async () => {
    const { client, deps } = setup();
    const view = client.hold('getAccountView');
    const fields = client.hold('getFieldSettings');
    const dealFields = client.hold('getFieldSettings');
    const loading = loadSidebarData('sales_account', deps, IDS.primaryAccount);
    await flush();
    expect([view.requested, fields.requested, dealFields.requested]).toEqual([true, true, true]);
    view.resolve(accountViewBody());
    fields.resolve(accountFieldSettings());
    dealFields.resolve(dealFieldSettings());
    expect((await loading).ok).toBe(true);
  });

  it('fails with the first failure', async () => {
    const { client, deps } = setup();
    client.respond('getAccountView', accountViewBody());
    client.respond('getFieldSettings', accountFieldSettings());
    client.reject('getFieldSettings', crmRejection(403, { errors: { code: 403, message: ['No privilege'] } }));
    const result = await loadSidebarData('sales_account', deps, IDS.primaryAccount);
    expect(result.ok ? 'ok' : result.failure.kind).toBe('forbidden');
  });

  it('fills missing side-loads with empty lists', () => {
    const data = accountData({ sales_account: { id: 3, name: 'Bare' } }, [], []);
    expect(data).toMatchObject({ contacts: [], deals: [], users: [], tasks: [], appointments: [], notes: [] });
  });
});

describe('loadSidebarData on real-account shapes', () => {
  /** A contact created through the API: no `users` side-load; a note and a task by other reps. */
  function apiCreatedContact() {
    const body: Partial<ReturnType<typeof contactViewBody>> = contactViewBody();
    delete body.users;
    return {
      ...body,
      notes: [{ ...body.notes?.[0], creater_id: IDS.asha }],
      tasks: [{ ...body.tasks?.[0], owner_id: IDS.mateo }],
    };
  }

  it('resolves note authors, task owners and the record owner through the cached owners (A4)', async () => {
    const { client, deps } = setup();
    scriptOpen(client, 'contact');
    client.respondAlways('getContactView', apiCreatedContact());
    const data = await loaded(loadSidebarData('contact', deps, IDS.contact));
    const name = (id: number | null | undefined) => data.users.find((user) => user.id === id)?.display_name;
    expect(name(data.notes?.[0]?.creater_id)).toBe('Asha Rao');
    expect(name(data.tasks?.[0]?.owner_id)).toBe('Mateo Fernández');
    expect(name(data.record.owner_id)).toBe('Mateo Fernández');
  });

  it('keeps hidden fields in the data, flagged, so their values get labels (A1)', async () => {
    const { client, deps } = setup();
    scriptOpen(client, 'sales_account');
    const settings = accountFieldSettings();
    client.respondBy('getFieldSettings', (options) =>
      options?.context?.entity === 'sales_accounts'
        ? { fields: settings.fields.map((field) => (field.name === 'industry_type_id' ? { ...field, visible: false } : field)) }
        : dealFieldSettings(),
    );
    const data = await loaded(loadSidebarData('sales_account', deps, IDS.primaryAccount));
    const industry = data.fields.find((field) => field.name === 'industry_type_id');
    expect(industry?.visible).toBe(false);
    expect(industry?.choices.find((choice) => choice.id === String(data.record.industry_type_id))).toBeDefined();
  });

  it('never offers as owner a user the side-load marks inactive (A4)', async () => {
    const { client, deps } = setup();
    scriptOpen(client, 'contact');
    const body = contactViewBody();
    client.respondAlways('getContactView', { ...body, users: body.users.map((user) => (user.id === IDS.asha ? { ...user, is_active: false } : user)) });
    const data = await loaded(loadSidebarData('contact', deps, IDS.contact));
    const owners = data.fields.find((field) => field.name === 'owner_id');
    expect(owners?.choices.map((choice) => Number(choice.id))).toEqual([IDS.mateo]);
    expect(data.dealFields.find((field) => field.name === 'owner_id')?.choices.map((choice) => Number(choice.id))).toEqual([IDS.mateo]);
    expect(data.users.find((user) => user.id === IDS.asha)?.display_name).toBe('Asha Rao');
  });
});
