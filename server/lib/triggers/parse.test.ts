import type { ProductEventName } from '../../../common/product-events/names';
import { parseProductEvent, recordLabel, type ParsedEvent } from './parse';

const NOW = Date.parse('2026-03-04T12:00:00Z');
const IPARAMS = { domain: 'acme.myfreshworks.com', api_key: '***', deal_won_enabled: true };

const ACTOR = {
  id: 402000000031, name: 'Ann Lee', email: 'ann@acme.test', type: 'user', uuid: '190440313184929466', is_active: true, time_zone: 'UTC',
  language: 'en', deal_pipeline_id: 402000000154, job_title: null, work_number: null, mobile_number: null, is_forgotten: false,
  created_at: '2020-06-09T12:21:48Z', updated_at: '2020-06-11T08:57:10Z',
};
const OWNER = { id: 402000000031, name: 'Ann Lee', email: 'ann@acme.test', is_active: true, time_zone: 'UTC', type: 'user' };

/** The envelope of platform.md §3.1 around `data`. */
function envelope(event: string, data: unknown, ...time: unknown[]): Record<string, unknown> {
  // No third argument: the CRM sample's seconds with a fraction; an explicit `undefined`: none.
  const timestamp = time.length === 0 ? 1593015490.2012472 : time[0];
  return {
    account_id: '1967183444532229946',
    domain: 'acme.myfreshworks.com',
    event,
    region: 'US',
    ...(timestamp === undefined ? {} : { timestamp }),
    currentHost: { subscribed_modules: ['contact', 'deal', 'sales_account'], endpoint_urls: { freshworks_crm: 'https://acme.myfreshworks.com' } },
    app_settings: {},
    iparams: IPARAMS,
    data,
  };
}

/** data of onContactCreate/onContactUpdate (§3.3, §3.7). */
function contactData(update: boolean): Record<string, unknown> {
  return {
    actor: ACTOR,
    contact: {
      id: 402000500470, is_deleted: false, status: 'Active', mcr_id: 1270358963238764500, do_not_disturb: false, merged_to: 0,
      first_name: { label: 'First name', type: 'text', value: 'Jane' },
      last_name: { label: 'Last name', type: 'text', value: 'Doe' },
      owner_id: { label: 'Sales owner', type: 'dropdown', value: 402000000031 },
      mobile_number: { label: 'Mobile', type: 'phone_number', value: '030 1234567' },
      work_email: { label: 'Work email', type: 'email', value: null },
      country: { label: 'Country', type: 'text', value: 'Germany' },
      emails: { label: 'Emails', type: 'group_field', value: [{ id: 402000777001, value: 'Jane.Doe@Acme.test', is_primary: true, label: 'Work' }] },
      name: { label: 'Name', dom_type: 'text', value: 'Jane Doe' },
      won_deals_amount: { label: 'Won deals amount', dom_type: 'decimal', value: '0.0' },
      created_at: { label: 'Created at', type: 'date_time', value: '2020-06-09T14:16:05Z' },
      updated_at: { label: 'Updated at', type: 'date_time', value: '2020-06-11T09:04:50Z' },
      sales_account_ids: [402000300010], list_ids: [402000000601], team_user_ids: [], import_id: null, avatar: null, source_additional_info: {},
      custom_fields: [{ name: 'cf_tier', label: 'Tier', type: 'dropdown', value: 'Gold', column: 'cf_str01' }],
    },
    associations: { owner: OWNER, creator: OWNER, updater: null, sales_accounts: [], contact_status: null, lists: [], team_users: [] },
    ...(update ? { changes: { model_changes: { first_name: ['Janet', 'Jane'], updated_at: ['2020-06-09T14:16:05Z', '2020-06-11T09:04:50Z'] }, system_changes: {}, misc_changes: {} } } : {}),
  };
}

/** data of onDealCreate/onDealUpdate (§3.4). */
function dealData(update: boolean): Record<string, unknown> {
  return {
    actor: ACTOR,
    deal: {
      id: 402000401001, is_deleted: false, lost_from: null, won_from: null, contact_ids: [402000500470], product_ids: [], team_user_ids: [], import_id: null, source_additional_info: {},
      name: { label: 'Name', type: 'text', value: 'Acme renewal' },
      amount: { label: 'Deal value', type: 'decimal', value: '12500.5' },
      owner_id: { label: 'Sales owner', type: 'dropdown', value: 402000000031 },
      deal_pipeline_id: { label: 'Deal pipeline', type: 'dropdown', value: 402000000154 },
      deal_stage_id: { label: 'Deal stage', type: 'dropdown', value: 402000010205 },
      deal_reason_id: { label: 'Lost reason', type: 'dropdown', value: null },
      stage_updated_time: { label: 'Stage updated time', type: 'date_time', value: '2026-03-04T10:20:30Z' },
      first_assigned_at: { label: 'First assigned at', dom_type: 'date_time', value: null },
      custom_fields: [],
    },
    associations: {
      owner: OWNER, creator: OWNER, updater: OWNER, deal_reason: null, sales_account: null,
      deal_pipeline: { id: 402000000154, name: 'Default', position: 1, is_default: true },
      deal_stage: { id: 402000010205, name: 'Won', position: 5, forecast_type: 'Closed Won' },
      currency: { id: 1, currency_code: 'USD', exchange_rate: '1.0' }, contacts: [], products: [], team_users: [],
    },
    ...(update ? { changes: { model_changes: { deal_stage_id: [402000010202, 402000010205], updated_at: ['2026-03-01T08:00:00Z', '2026-03-04T10:20:30Z'] }, system_changes: {}, misc_changes: {} } } : {}),
  };
}

/** data of onSalesAccountCreate/onSalesAccountUpdate (§3.5). */
function accountData(update: boolean): Record<string, unknown> {
  return {
    actor: { id: 0, name: 'System', type: 'system' },
    sales_account: {
      id: 402000300010, is_deleted: false, merged_to: 0, status: 'Active', mcr_id: Number('1270358963238764600'), team_user_ids: [], import_id: null, avatar: null,
      name: { label: 'Name', type: 'text', value: 'Acme GmbH' },
      website: { label: 'Website', type: 'url', value: 'https://www.acme.test' },
      annual_revenue: { label: 'Annual revenue', type: 'decimal', value: '5600.0' },
      owner_id: { label: 'Sales owner', type: 'dropdown', value: null },
      open_deals_amount: { label: 'Open deals amount', dom_type: 'decimal', value: '0.0' },
      custom_fields: null,
    },
    associations: { owner: null, updater: OWNER, creator: OWNER, territory: null, industry_type: null, business_type: null, parent_sales_account: null, team_users: [] },
    ...(update ? { changes: { model_changes: { website: [null, 'https://www.acme.test'] }, system_changes: {}, misc_changes: {} } } : {}),
  };
}

const DATA: Record<ProductEventName, () => Record<string, unknown>> = {
  onContactCreate: () => contactData(false),
  onContactUpdate: () => contactData(true),
  onDealCreate: () => dealData(false),
  onDealUpdate: () => dealData(true),
  onSalesAccountCreate: () => accountData(false),
  onSalesAccountUpdate: () => accountData(true),
};

function parsed(name: ProductEventName, args: unknown): ParsedEvent {
  const result = parseProductEvent(name, args, NOW);
  if (!result.ok) throw new Error(result.failure);
  return result.value;
}

function failure(name: ProductEventName, args: unknown): string {
  const result = parseProductEvent(name, args, NOW);
  if (result.ok) throw new Error(`${name} was accepted`);
  return result.failure;
}

describe('parseProductEvent: accepted events', () => {
  it.each([
    ['onContactCreate', 'contact', 'create', 'contact 402000500470'],
    ['onContactUpdate', 'contact', 'update', 'contact 402000500470'],
    ['onDealCreate', 'deal', 'create', 'deal 402000401001'],
    ['onDealUpdate', 'deal', 'update', 'deal 402000401001'],
    ['onSalesAccountCreate', 'sales_account', 'create', 'sales_account 402000300010'],
    ['onSalesAccountUpdate', 'sales_account', 'update', 'sales_account 402000300010'],
  ] as Array<[ProductEventName, string, string, string]>)('%s is a %s %s about %s', (name, entity, change, label) => {
    const event = parsed(name, envelope(name, DATA[name]()));
    expect(event).toMatchObject({ name, entity, change, at: 1593015490201, iparams: IPARAMS });
    expect(recordLabel(event)).toBe(label);
  });

  it('keeps the record as delivered, wrapped fields, extra fields and custom_fields included', () => {
    const event = parsed('onContactUpdate', envelope('onContactUpdate', contactData(true)));
    if (event.entity !== 'contact') throw new Error('not a contact');
    expect(event.data.contact.first_name).toEqual({ label: 'First name', type: 'text', value: 'Jane' });
    expect(event.data.contact.name).toEqual({ label: 'Name', dom_type: 'text', value: 'Jane Doe' });
    expect(event.data.contact.custom_fields).toEqual([{ name: 'cf_tier', label: 'Tier', type: 'dropdown', value: 'Gold', column: 'cf_str01' }]);
    expect(event.data.contact.list_ids).toEqual([402000000601]);
    expect(event.data.contact.status).toBe('Active');
    expect(event.data.changes?.model_changes).toEqual({ first_name: ['Janet', 'Jane'], updated_at: ['2020-06-09T14:16:05Z', '2020-06-11T09:04:50Z'] });
    expect(event.data.associations?.owner?.id).toBe(402000000031);
  });

  it('keeps the deal stage association and the stage change', () => {
    const event = parsed('onDealUpdate', envelope('onDealUpdate', dealData(true)));
    if (event.entity !== 'deal') throw new Error('not a deal');
    expect(event.data.associations?.deal_stage).toEqual({ id: 402000010205, name: 'Won', position: 5, forecast_type: 'Closed Won' });
    expect(event.data.changes?.model_changes.deal_stage_id).toEqual([402000010202, 402000010205]);
  });

  it('accepts the system actor, null owner and null custom_fields of an account', () => {
    const event = parsed('onSalesAccountUpdate', envelope('onSalesAccountUpdate', accountData(true)));
    if (event.entity !== 'sales_account') throw new Error('not an account');
    expect(event.data.actor).toEqual({ id: 0, name: 'System', type: 'system' });
    expect(event.data.sales_account.owner_id).toEqual({ label: 'Sales owner', type: 'dropdown', value: null });
    expect(event.data.sales_account.custom_fields).toBeNull();
  });

  it('accepts a minimal record: the bare id, bare id lists, nothing else', () => {
    const minimal = { deal: { id: 402000401001, contact_ids: [402000500470, 402000500471] } };
    const event = parsed('onDealCreate', envelope('onDealCreate', minimal));
    if (event.entity !== 'deal') throw new Error('not a deal');
    expect(event.data.deal).toEqual(minimal.deal);
    expect(event.data.changes).toBeUndefined();
    expect(recordLabel(event)).toBe('deal 402000401001');
  });

  it('refuses a bare owner_id or deal_stage_id, which events always wrap (§3.4)', () => {
    const bare = { deal: { id: 402000401001, deal_stage_id: 402000010205, owner_id: 402000000031 } };
    expect(failure('onDealCreate', envelope('onDealCreate', bare))).toBe(
      'onDealCreate: data is invalid: deal.owner_id: expected object, got number; deal.deal_stage_id: expected object, got number',
    );
  });

  it('accepts the FDK test-data shape without currentHost and app_settings', () => {
    const args = envelope('onContactCreate', contactData(false));
    delete args.currentHost;
    delete args.app_settings;
    expect(parsed('onContactCreate', args).entity).toBe('contact');
  });
});

describe('parseProductEvent: the event time', () => {
  it.each([
    ['seconds with a fraction', 1593015490.2012472, 1593015490201],
    ['whole seconds', 1593015490, 1593015490000],
    ['milliseconds', 1496400354326, 1496400354326],
    ['seconds as a string', '1717171717', 1717171717000],
    ['milliseconds as a string', '1717171717171', 1717171717171],
    ['an ISO string', '2026-03-04T10:20:30Z', Date.parse('2026-03-04T10:20:30Z')],
  ])('reads %s', (_case, timestamp, at) => {
    expect(parsed('onDealCreate', envelope('onDealCreate', dealData(false), timestamp)).at).toBe(at);
  });

  it.each([
    ['absent', undefined],
    ['unreadable text', 'yesterday'],
    ['zero', 0],
    ['negative', -5],
  ])('is now when the timestamp is %s', (_case, timestamp) => {
    expect(parsed('onDealCreate', envelope('onDealCreate', dealData(false), timestamp)).at).toBe(NOW);
  });
});

describe('parseProductEvent: refusals', () => {
  it.each([
    ['null', null, 'value: expected object, got null'],
    ['a string', 'onDealUpdate', 'value: expected object, got string'],
    ['an array', [], 'value: expected object, got an array'],
  ])('refuses %s', (_case, args, reason) => {
    expect(failure('onDealUpdate', args)).toBe(`onDealUpdate: the payload is invalid: ${reason}`);
  });

  it('refuses a payload without data', () => {
    const args = envelope('onDealUpdate', undefined);
    delete args.data;
    expect(failure('onDealUpdate', args)).toBe('onDealUpdate: the payload is invalid: data: expected record, got undefined');
  });

  it('refuses a payload without iparams or with a numeric account id', () => {
    const args = envelope('onDealUpdate', dealData(true));
    delete args.iparams;
    expect(failure('onDealUpdate', args)).toMatch(/^onDealUpdate: the payload is invalid: iparams: expected record/);
    expect(failure('onDealUpdate', { ...envelope('onDealUpdate', dealData(true)), account_id: Number('1967183444532229946') })).toMatch(/account_id: expected string, got number/);
  });

  it('refuses a payload for another event', () => {
    expect(failure('onDealUpdate', envelope('onDealCreate', dealData(true)))).toBe('onDealUpdate: the payload says it is onDealCreate');
    expect(failure('onContactCreate', envelope('onSalesAccountCreate', accountData(false)))).toBe('onContactCreate: the payload says it is onSalesAccountCreate');
  });

  it('refuses data about another entity', () => {
    expect(failure('onContactCreate', envelope('onContactCreate', dealData(false)))).toMatch(/^onContactCreate: data is invalid: contact: expected object, got undefined/);
  });

  it('refuses a deal id given as text, naming the field', () => {
    const data = dealData(true);
    (data.deal as Record<string, unknown>).id = '402000401001';
    expect(failure('onDealUpdate', envelope('onDealUpdate', data))).toMatch(/^onDealUpdate: data is invalid: deal\.id: expected number, got string$/);
  });

  it('refuses a stage id that is a stage name', () => {
    const data = dealData(true);
    (data.deal as Record<string, unknown>).deal_stage_id = { label: 'Deal stage', type: 'dropdown', value: 'Won' };
    expect(failure('onDealUpdate', envelope('onDealUpdate', data))).toMatch(/deal\.deal_stage_id\.value: expected number, got string/);
  });

  it('refuses an association stage without a numeric id', () => {
    const data = dealData(true);
    (data.associations as Record<string, unknown>).deal_stage = { id: '402000010205', forecast_type: 'Closed Won' };
    expect(failure('onDealUpdate', envelope('onDealUpdate', data))).toMatch(/associations\.deal_stage\.id: expected number, got string/);
  });

  it('refuses list ids that are not numbers', () => {
    const data = contactData(true);
    (data.contact as Record<string, unknown>).list_ids = ['402000000601'];
    expect(failure('onContactUpdate', envelope('onContactUpdate', data))).toMatch(/contact\.list_ids\.0: expected number, got string/);
  });

  it('refuses model_changes whose values are not [old, new] pairs', () => {
    const data = dealData(true);
    data.changes = { model_changes: { deal_stage_id: 402000010205 } };
    expect(failure('onDealUpdate', envelope('onDealUpdate', data))).toMatch(/^onDealUpdate: data is invalid: changes\.model_changes\.deal_stage_id: expected tuple, got number$/);
  });

  it('refuses a custom field without a name', () => {
    const data = accountData(false);
    (data.sales_account as Record<string, unknown>).custom_fields = [{ label: 'Tier', value: 'Gold' }];
    expect(failure('onSalesAccountCreate', envelope('onSalesAccountCreate', data))).toMatch(/sales_account\.custom_fields\.0\.name: expected string, got undefined/);
  });
});
