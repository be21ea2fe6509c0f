import { createAccountStore, CURRENCIES, DEAL_STAGES, SALES_PIPELINE } from '../seed/account';
import type { CrmStore } from '../store';
import { buildProductEvent, eventName } from './product-events';
import { putAccount, putAppointment, putContact, putDeal, putList, putSalesActivity, putTask } from '../testing/rows';
import {
  ASHA, MATEO, T_CHANGE, changeOf, discoveryCall, globexExpansion, globexLtd, janeDoe, kickOff, sendProposal,
} from './test-changes';

let store: CrmStore;
beforeEach(() => {
  store = createAccountStore();
});

const USER_KEYS = [
  'created_at', 'deal_pipeline_id', 'email', 'id', 'is_active', 'is_forgotten', 'job_title', 'language',
  'mobile_number', 'name', 'time_zone', 'type', 'updated_at', 'uuid', 'work_number',
];

const ISO_Z = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

function allEvents() {
  const contact = putContact(store, janeDoe(store));
  const account = putAccount(store, globexLtd(store));
  const deal = putDeal(store, globexExpansion(store));
  const task = putTask(store, { ...sendProposal(store), targetable_id: contact.id });
  const appointment = putAppointment(store, kickOff());
  const activity = putSalesActivity(store, { ...discoveryCall(), targetable_id: contact.id });
  return [
    buildProductEvent(store, changeOf({ entity: 'contact', after: contact })),
    buildProductEvent(store, changeOf({ entity: 'deal', before: deal, after: deal })),
    buildProductEvent(store, changeOf({ entity: 'sales_account', after: account })),
    buildProductEvent(store, changeOf({ entity: 'task', before: task, after: task })),
    buildProductEvent(store, changeOf({ entity: 'appointment', after: appointment })),
    buildProductEvent(store, changeOf({ entity: 'sales_activity', before: activity, after: activity })),
  ];
}

describe('product event envelope (platform.md §3.1)', () => {
  it('names each event and its manifest module, sales_activities plural', () => {
    expect(allEvents().map((event) => [event.name, event.module])).toEqual([
      ['onContactCreate', 'contact'],
      ['onDealUpdate', 'deal'],
      ['onSalesAccountCreate', 'sales_account'],
      ['onTaskUpdate', 'task'],
      ['onAppointmentCreate', 'appointment'],
      ['onSalesActivityUpdate', 'sales_activities'],
    ]);
  });

  it('carries the account id as a numeric string, domain, region and epoch seconds with a fraction', () => {
    for (const event of allEvents()) {
      expect(typeof event.account_id).toBe('string');
      expect(event.account_id).toMatch(/^\d+$/);
      expect(event.account_id).toBe(store.account.accountId);
      expect(event.domain).toBe('demo.myfreshworks.com');
      expect(event.region).toBe('US');
      expect(event.timestamp).toBe(T_CHANGE / 1000);
      expect(Number.isInteger(event.timestamp)).toBe(false);
      // Seconds, not milliseconds: within this century.
      expect(event.timestamp).toBeLessThan(4_102_444_800);
    }
  });

  it('sets version "2.0" on sales activity events only', () => {
    const events = allEvents();
    expect(events.filter((event) => 'version' in event).map((event) => [event.name, event.version])).toEqual([
      ['onSalesActivityUpdate', '2.0'],
    ]);
  });

  it('puts the acting user in the full §3.2 shape, with UTC timestamps and a string uuid', () => {
    const contact = putContact(store, janeDoe(store));
    const event = buildProductEvent(store, changeOf({ entity: 'contact', after: contact }, MATEO));
    const actor = event.data.actor as Record<string, unknown>;
    expect(Object.keys(actor).sort()).toEqual(USER_KEYS);
    expect(actor).toMatchObject({ id: MATEO.id, name: 'Mateo Fernández', email: MATEO.email, type: 'user', is_forgotten: false, language: 'en' });
    expect(typeof actor.uuid).toBe('string');
    expect(actor.created_at).toMatch(ISO_Z);
  });

  it('keys the record by entity and adds associations; creates carry no changes', () => {
    for (const event of allEvents().filter((candidate) => candidate.name.endsWith('Create'))) {
      const entity = { contact: 'contact', sales_account: 'sales_account', appointment: 'appointment' }[event.module] as string;
      expect(Object.keys(event.data)).toEqual(['actor', entity, 'associations']);
    }
    const updates = allEvents().filter((candidate) => candidate.name.endsWith('Update'));
    updates.forEach((event) => expect(Object.keys(event.data)).toContain('changes'));
  });

  it('eventName distinguishes create from update', () => {
    const contact = putContact(store, janeDoe(store));
    const task = putTask(store, { ...sendProposal(store), targetable_id: contact.id });
    expect(eventName(changeOf({ entity: 'task', after: task }))).toBe('onTaskCreate');
    expect(eventName(changeOf({ entity: 'task', before: task, after: task }))).toBe('onTaskUpdate');
  });
});

describe('onContactCreate record (platform.md §3.3)', () => {
  const contactEvent = () => {
    const account = putAccount(store, globexLtd(store));
    const contact = putContact(store, { ...janeDoe(store), sales_accounts: [{ id: account.id, is_primary: true }] });
    putList(store, { name: 'Summit leads', contact_ids: [contact.id] });
    putDeal(store, { ...globexExpansion(store), contact_ids: [contact.id], amount: '1000.0', currency_id: CURRENCIES[0]?.id ?? 0 });
    const event = buildProductEvent(store, changeOf({ entity: 'contact', after: contact }));
    return { contact, account, event, record: event.data.contact as Record<string, any> };
  };

  it('wraps stored fields as {label, type, value} with event types (not the REST settings vocabulary)', () => {
    const { contact, record } = contactEvent();
    expect(record.first_name).toEqual({ label: 'First name', type: 'text', value: 'Jane' });
    expect(record.mobile_number).toEqual({ label: 'Mobile', type: 'phone_number', value: '999999' });
    expect(record.work_number).toEqual({ label: 'Work', type: 'phone_number', value: '+33 1 23 45 67 89' });
    // REST settings say textarea for the address; the event says text (§3.3).
    expect(record.address).toEqual({ label: 'Address', type: 'text', value: '1 rue de la Paix' });
    expect(record.recent_note).toEqual({ label: 'Recent note', type: 'paragraph', value: 'Met at the summit' });
    expect(record.owner_id).toEqual({ label: 'Sales owner', type: 'dropdown', value: ASHA.id });
    expect(record.contact_status_id).toEqual({ label: 'Status', type: 'dropdown', value: contact.contact_status_id });
    expect(record.emails).toEqual({ label: 'Emails', type: 'group_field', value: [{ id: contact.emails[0]?.id, value: 'jane@globex.test', is_primary: true, label: null }] });
    expect(record.tags).toEqual({ label: 'Tags', type: 'auto_complete', value: ['vip'] });
    expect(record.lead_score).toEqual({ label: 'Score', type: 'number', value: 42 });
    expect(record.subscription_types).toEqual({
      label: 'Subscription types',
      type: 'multi_select_dropdown',
      value: [{ id: '2', value: 'Promotional' }, { id: '1', value: 'Newsletter' }],
    });
    expect(record.created_at).toEqual({ label: 'Created at', type: 'date_time', value: '2026-03-01T08:00:00Z' });
  });

  it('names the creator creator_id (REST: creater_id) and has no REST-only keys', () => {
    const { record } = contactEvent();
    expect(record.creator_id).toEqual({ label: 'Created by', type: 'dropdown', value: ASHA.id });
    for (const restOnly of ['creater_id', 'custom_field', 'display_name', 'links', 'email']) expect(record).not.toHaveProperty(restOnly);
  });

  it('uses dom_type for computed fields, money as decimal strings', () => {
    const { record } = contactEvent();
    expect(record.name).toEqual({ label: 'Name', dom_type: 'text', value: 'Jane Doe' });
    expect(record.open_deals_amount).toEqual({ label: 'Open deals amount', dom_type: 'decimal', value: '1000.0' });
    expect(record.won_deals_amount).toEqual({ label: 'Won deals amount', dom_type: 'decimal', value: '0.0' });
    for (const name of ['first_assigned_at', 'first_contacted', 'import_csv_id', 'email_status']) {
      expect(Object.keys(record[name]).sort()).toEqual(['dom_type', 'label', 'value']);
    }
  });

  it('leaves ids, flags, mcr_id and id lists bare', () => {
    const { record, account } = contactEvent();
    expect(record).toMatchObject({
      is_deleted: false,
      do_not_disturb: false,
      merged_to: 0,
      status: 'Active',
      sales_account_ids: [account.id],
      team_user_ids: [MATEO.id],
      import_id: null,
      avatar: null,
      source_additional_info: {},
    });
    expect(typeof record.id).toBe('number');
    expect(record.mcr_id).toBe(1270358963238764500n);
    expect(record.list_ids).toHaveLength(1);
  });

  it('lists every custom field as {name, label, type, value, column}, multi-selects ;-joined', () => {
    const { record } = contactEvent();
    const fields = record.custom_fields as Array<Record<string, unknown>>;
    expect(Array.isArray(fields)).toBe(true);
    expect(fields.map((field) => field.name)).toEqual(store.fields.contacts.filter((field) => !field.default).map((field) => field.name));
    const byName = Object.fromEntries(fields.map((field) => [field.name, field]));
    expect(byName.cf_tier).toEqual({ name: 'cf_tier', label: 'Tier', type: 'dropdown', value: 'Gold', column: 'cf_str01' });
    expect(byName.cf_interests).toEqual({ name: 'cf_interests', label: 'Interests', type: 'multi_select_dropdown', value: 'Analytics;Mobile', column: 'cf_text01' });
    expect(byName.cf_background).toMatchObject({ type: 'paragraph', value: 'Long story', column: 'cf_text02' });
    expect(byName.cf_newsletter).toMatchObject({ type: 'checkbox', value: true, column: 'cf_bool01' });
    expect(byName.cf_budget).toMatchObject({ value: null, column: 'cf_dec01' });
  });

  it('follows a renamed field label from the settings', () => {
    const setting = store.fields.contacts.find((field) => field.name === 'first_name');
    if (setting !== undefined) setting.label = 'Given name';
    const { record } = contactEvent();
    expect(record.first_name).toEqual({ label: 'Given name', type: 'text', value: 'Jane' });
  });

  it('expands associations: users in the §3.2 shape, selector objects, accounts and lists', () => {
    const { event, account, contact } = contactEvent();
    const associations = event.data.associations as Record<string, any>;
    expect(Object.keys(associations).sort()).toEqual(
      ['campaign', 'contact_status', 'creator', 'lists', 'owner', 'sales_accounts', 'source', 'team_users', 'territory', 'updater'],
    );
    expect(Object.keys(associations.owner).sort()).toEqual(USER_KEYS);
    expect(associations.owner.id).toBe(ASHA.id);
    expect(associations.creator.id).toBe(ASHA.id);
    expect(associations.team_users.map((user: any) => user.id)).toEqual([MATEO.id]);
    expect(associations.contact_status).toMatchObject({ id: contact.contact_status_id, name: 'New' });
    expect(associations.contact_status).not.toHaveProperty('partial');
    expect(associations.source).toMatchObject({ id: contact.lead_source_id, name: 'Referral' });
    expect(associations.campaign).toBeNull();
    expect(associations.sales_accounts).toEqual([expect.objectContaining({ id: account.id, name: 'Globex Ltd', is_primary: true })]);
    expect(associations.lists).toEqual([expect.objectContaining({ name: 'Summit leads' })]);
  });

  it('has a null owner when the contact has none', () => {
    const contact = putContact(store, { ...janeDoe(store), owner_id: null });
    const event = buildProductEvent(store, changeOf({ entity: 'contact', after: contact }));
    expect((event.data.associations as Record<string, unknown>).owner).toBeNull();
  });
});

describe('onDealCreate record (platform.md §3.4)', () => {
  const dealEvent = () => {
    const account = putAccount(store, globexLtd(store));
    const contact = putContact(store, janeDoe(store));
    const product = store.products.put({ id: store.products.allocateId(), name: 'Platform licence', category: null, sku_number: 'PL-1', description: null, is_active: true, pricing: [], created_at: 0, updated_at: 0, creater_id: ASHA.id, updater_id: ASHA.id, is_deleted: false });
    const deal = putDeal(store, {
      ...globexExpansion(store),
      sales_account_id: account.id,
      contact_ids: [contact.id],
      products: [{ product_id: product.id, quantity: 2, unit_price: '500.0', discount: null, setup_fee: null, billing_type: null }],
    });
    const event = buildProductEvent(store, changeOf({ entity: 'deal', after: deal }));
    return { deal, account, contact, product, event, record: event.data.deal as Record<string, any> };
  };

  it('wraps fields with event types; money as strings, probability a number', () => {
    const { record, deal } = dealEvent();
    expect(record.name).toEqual({ label: 'Name', type: 'text', value: 'Globex expansion' });
    expect(record.amount).toEqual({ label: 'Deal value', type: 'decimal', value: '12000.0' });
    expect(record.base_currency_amount).toMatchObject({ type: 'decimal', value: '12960.0' });
    expect(record.expected_deal_value).toMatchObject({ type: 'decimal', value: '3600.0' });
    expect(record.probability).toEqual({ label: 'Probability (%)', type: 'decimal', value: 30 });
    expect(record.deal_stage_id).toEqual({ label: 'Deal stage', type: 'dropdown', value: deal.deal_stage_id });
    expect(record.expected_close).toEqual({ label: 'Expected close date', type: 'date', value: '2026-06-30' });
    expect(record.sales_account_id).toMatchObject({ type: 'auto_complete', value: deal.sales_account_id });
    expect(record.age).toEqual({ label: 'Age', type: 'number', value: 1 });
    expect(record.stage_updated_time).toMatchObject({ type: 'date_time', value: '2026-03-01T08:00:00Z' });
    expect(record.creator_id).toMatchObject({ type: 'dropdown', value: ASHA.id });
    expect(record).not.toHaveProperty('creater_id');
  });

  it('has bare contact_ids, product_ids and dom_type computed fields, custom_fields with columns', () => {
    const { record, contact, product } = dealEvent();
    expect(record).toMatchObject({ lost_from: null, won_from: null, is_deleted: false, contact_ids: [contact.id], product_ids: [product.id], team_user_ids: [], import_id: null });
    expect(record.deal_prediction_tag).toEqual({ label: 'Deal prediction', dom_type: 'text', value: null });
    const byName = Object.fromEntries((record.custom_fields as any[]).map((field) => [field.name, field]));
    expect(byName.cf_competitors).toEqual({ name: 'cf_competitors', label: 'Competitors', type: 'multi_select_dropdown', value: 'Acme CRM;Globex Sales', column: 'cf_text01' });
    expect(byName.cf_discount).toMatchObject({ type: 'decimal', value: '5.5', column: 'cf_dec01' });
  });

  it('expands pipeline, stage and currency in their exact §3.4 shapes and related records', () => {
    const { event, account, contact, product } = dealEvent();
    const associations = event.data.associations as Record<string, any>;
    expect(associations.deal_pipeline).toEqual({ id: SALES_PIPELINE, name: 'Sales Pipeline', position: 1, is_default: true });
    expect(associations.deal_stage).toEqual({ id: DEAL_STAGES[1]?.id, name: 'Qualification', position: 2, forecast_type: 'Open' });
    expect(associations.currency).toEqual({ id: CURRENCIES[1]?.id, currency_code: 'EUR', exchange_rate: '1.08' });
    expect(associations.sales_account).toMatchObject({ id: account.id, name: 'Globex Ltd' });
    expect(associations.contacts).toEqual([expect.objectContaining({ id: contact.id, display_name: 'Jane Doe' })]);
    expect(associations.products).toEqual([expect.objectContaining({ id: product.id, name: 'Platform licence', quantity: 2 })]);
    expect(associations.deal_type).toMatchObject({ name: 'New business' });
    for (const empty of ['deal_reason', 'deal_product', 'deal_payment_status', 'source', 'campaign', 'territory']) expect(associations[empty]).toBeNull();
    expect(associations.team_users).toEqual([]);
    expect(Object.keys(associations.owner).sort()).toEqual(USER_KEYS);
  });
});

describe('onSalesAccountCreate record (platform.md §3.5)', () => {
  it('wraps fields, decimal revenue as a string, bare parent owner/territory and mcr_id', () => {
    const parent = putAccount(store, { ...globexLtd(store), name: 'Globex Group', owner_id: MATEO.id });
    const account = putAccount(store, { ...globexLtd(store), parent_sales_account_id: parent.id });
    const event = buildProductEvent(store, changeOf({ entity: 'sales_account', after: account }));
    const record = event.data.sales_account as Record<string, any>;
    expect(record.name).toEqual({ label: 'Name', type: 'text', value: 'Globex Ltd' });
    expect(record.annual_revenue).toEqual({ label: 'Annual revenue', type: 'decimal', value: '1250000.0' });
    expect(record.website).toEqual({ label: 'Website', type: 'url', value: 'https://globex.test' });
    expect(record.phone).toMatchObject({ type: 'phone_number' });
    expect(record.number_of_employees).toMatchObject({ type: 'dropdown', value: 250 });
    expect(record.parent_sales_account_id).toMatchObject({ label: 'Parent account', type: 'auto_complete', value: parent.id });
    expect(record.open_deals_amount).toEqual({ label: 'Open deals amount', dom_type: 'decimal', value: '0.0' });
    expect(record).toMatchObject({ status: 'Active', merged_to: 0, parent_owner_id: MATEO.id, parent_territory_id: parent.territory_id, avatar: null, team_user_ids: [MATEO.id] });
    expect(typeof record.mcr_id).toBe('bigint');
    const byName = Object.fromEntries((record.custom_fields as any[]).map((field) => [field.name, field]));
    expect(byName.cf_account_plan).toEqual({ name: 'cf_account_plan', label: 'Account plan', type: 'paragraph', value: 'Grow seats', column: 'cf_text02' });
    const associations = event.data.associations as Record<string, any>;
    expect(Object.keys(associations).sort()).toEqual(['business_type', 'creator', 'industry_type', 'owner', 'parent_sales_account', 'team_users', 'territory', 'updater']);
    expect(associations.industry_type).toMatchObject({ name: 'Software' });
    expect(associations.business_type).toMatchObject({ name: 'Customer' });
    expect(associations.territory).toMatchObject({ name: 'EMEA' });
    expect(associations.parent_sales_account).toMatchObject({ id: parent.id, name: 'Globex Group' });
  });
});

describe('payload size', () => {
  it('keeps a heavily loaded contact well under the 256 KB product event cap (platform.md §2.7)', () => {
    const accounts = Array.from({ length: 60 }, (_, index) => putAccount(store, { ...globexLtd(store), name: `Account ${index} ${'x'.repeat(200)}` }));
    const contact = putContact(store, {
      ...janeDoe(store),
      first_name: '花子'.repeat(50),
      recent_note: 'n'.repeat(10_000),
      emails: Array.from({ length: 10 }, (_, index) => ({ id: store.nextNestedId('emails'), value: `person${index}@example.test`, is_primary: index === 0, label: 'Work' })),
      sales_accounts: accounts.map((account, index) => ({ id: account.id, is_primary: index === 0 })),
      tags: Array.from({ length: 50 }, (_, index) => `tag-${index}`),
      team_user_ids: store.users.map((user) => user.id),
      custom_field: { cf_background: 'b'.repeat(10_000), cf_interests: 'Analytics;Automation;Integrations;Mobile', cf_referral_code: 'r'.repeat(255) },
    });
    for (let index = 0; index < 40; index += 1) {
      putList(store, { name: `List ${index}`, contact_ids: [contact.id] });
    }
    const before = structuredClone(contact);
    before.recent_note = 'o'.repeat(10_000);
    const event = buildProductEvent(store, changeOf({ entity: 'contact', before, after: contact }));
    const bytes = Buffer.byteLength(JSON.stringify(event, (_key, value: unknown) => (typeof value === 'bigint' ? Number(value) : value)));
    expect(bytes).toBeGreaterThan(30_000);
    expect(bytes).toBeLessThan(128 * 1024);
  });
});
