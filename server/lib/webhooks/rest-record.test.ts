import { decimalString, restChanges, restRecord } from './rest-record';

const BEYOND_2_53 = 2 ** 53 + 2;

/** A contact record of a product event, wrapped as in platform.md §3.3 and §3.7. */
const CONTACT_EVENT_RECORD = {
  id: 402000500470,
  is_deleted: false,
  status: 'Active',
  mcr_id: 1270358963238764500,
  merged_to: 0,
  first_name: { label: 'First name', type: 'text', value: 'Jane' },
  last_name: { label: 'Last name', type: 'text', value: 'Doe' },
  owner_id: { label: 'Sales owner', type: 'dropdown', value: 402000000031 },
  creator_id: { label: 'Created by', type: 'dropdown', value: 402000000032 },
  mobile_number: { label: 'Mobile', type: 'phone_number', value: '+49 30 1234567' },
  work_email: { label: 'Work email', type: 'email', value: null },
  emails: {
    label: 'Emails',
    type: 'group_field',
    value: [
      { id: 402000777001, value: 'jd@home.test', is_primary: false, label: 'Personal' },
      { id: 402000777002, value: 'jane.doe@acme.test', is_primary: true, label: 'Work' },
    ],
  },
  tags: { label: 'Tags', type: 'auto_complete', value: ['vip', 'emea'] },
  subscription_types: { label: 'Subscription types', type: 'multi_select_dropdown', value: [{ id: '1', value: 'Newsletter' }, { id: '2', value: 'Product updates' }] },
  name: { label: 'Name', dom_type: 'text', value: 'Jane Doe' },
  won_deals_amount: { label: 'Won deals amount', dom_type: 'decimal', value: '0.0' },
  open_deals_amount: { label: 'Open deals amount', dom_type: 'decimal', value: 5600 },
  import_csv_id: { label: 'Import', dom_type: 'multi_select_dropdown', value: [] },
  lead_score: { label: 'Score', type: 'number', value: 42 },
  updated_at: { label: 'Updated at', type: 'date_time', value: '2020-06-11T09:04:50Z' },
  sales_account_ids: [402000300010],
  list_ids: [402000000601, 402000000602],
  team_user_ids: [],
  import_id: null,
  avatar: null,
  source_additional_info: { source: 'web_form' },
  custom_fields: [
    { name: 'cf_tier', label: 'Tier', type: 'dropdown', value: 'Gold', column: 'cf_str01' },
    { name: 'cf_contact_look', label: 'Contact look', type: 'auto_complete', value: null, column: 'cf_bigint01' },
    { name: 'cf_seats', label: 'Seats', type: 'number', value: 25, column: 'cf_int01' },
  ],
};

describe('restRecord', () => {
  it('turns a contact event record into the REST shape', () => {
    expect(restRecord(CONTACT_EVENT_RECORD)).toEqual({
      id: 402000500470,
      is_deleted: false,
      status: 'Active',
      merged_to: 0,
      first_name: 'Jane',
      last_name: 'Doe',
      owner_id: 402000000031,
      creater_id: 402000000032,
      mobile_number: '+49 30 1234567',
      work_email: null,
      emails: [
        { id: 402000777001, value: 'jd@home.test', is_primary: false, label: 'Personal' },
        { id: 402000777002, value: 'jane.doe@acme.test', is_primary: true, label: 'Work' },
      ],
      email: 'jane.doe@acme.test',
      tags: ['vip', 'emea'],
      subscription_types: '1;2',
      name: 'Jane Doe',
      won_deals_amount: '0.0',
      open_deals_amount: '5600.0',
      lead_score: 42,
      updated_at: '2020-06-11T09:04:50Z',
      sales_account_ids: [402000300010],
      list_ids: [402000000601, 402000000602],
      team_user_ids: [],
      avatar: null,
      custom_field: { cf_tier: 'Gold', cf_contact_look: null, cf_seats: 25 },
    });
  });

  it('leaves out mcr_id, import_id, import_csv_id and source_additional_info', () => {
    const rest = restRecord(CONTACT_EVENT_RECORD);
    for (const name of ['mcr_id', 'import_id', 'import_csv_id', 'source_additional_info', 'creator_id', 'custom_fields']) expect(rest).not.toHaveProperty(name);
  });

  it('turns deal money into exact decimal strings, whatever type the event used', () => {
    const deal = {
      id: 402000401001,
      amount: { label: 'Deal value', type: 'decimal', value: 12500.5 },
      base_currency_amount: { label: 'Base amount', type: 'decimal', value: 5600 },
      expected_deal_value: { label: 'Expected value', type: 'decimal', value: ' 7000.25 ' },
      probability: { label: 'Probability', type: 'decimal', value: 60 },
      age: { label: 'Age', type: 'number', value: 12 },
    };
    expect(restRecord(deal)).toEqual({ id: 402000401001, amount: '12500.5', base_currency_amount: '5600.0', expected_deal_value: '7000.25', probability: 60, age: 12 });
  });

  it.each([['a word', 'n/a'], ['a formatted amount', '1,200.00'], ['null', null], ['an object', { value: 3 }]])('sends non-numeric money (%s) as null', (_case, value) => {
    expect(restRecord({ id: 1, annual_revenue: { label: 'Annual revenue', type: 'decimal', value } })).toEqual({ id: 1, annual_revenue: null });
  });

  it('reads bare money too', () => {
    expect(restRecord({ id: 1, annual_revenue: 250000 })).toEqual({ id: 1, annual_revenue: '250000.0' });
  });

  it.each([
    ['bare', BEYOND_2_53],
    ['wrapped', { label: 'Ref', type: 'number', value: BEYOND_2_53 }],
  ])('leaves out a %s integer beyond 2^53, whose digits are already lost', (_case, field) => {
    expect(restRecord({ id: 1, external_ref: field, city: { label: 'City', type: 'text', value: 'Berlin' } })).toEqual({ id: 1, city: 'Berlin' });
  });

  it('leaves out a custom field whose value is an integer beyond 2^53', () => {
    const rest = restRecord({ id: 1, custom_fields: [{ name: 'cf_ref', value: BEYOND_2_53 }, { name: 'cf_ok', value: 9007199254740991 }] });
    expect(rest.custom_field).toEqual({ cf_ok: 9007199254740991 });
  });

  it('keeps the largest safe integer', () => {
    expect(restRecord({ id: 1, big: Number.MAX_SAFE_INTEGER })).toEqual({ id: 1, big: Number.MAX_SAFE_INTEGER });
  });

  describe('custom_fields', () => {
    it.each([
      ['null', null],
      ['an object (already REST-shaped)', { cf_tier: 'Gold' }],
      ['an empty array', []],
    ])('become an empty custom_field object when %s', (_case, fields) => {
      expect(restRecord({ id: 1, custom_fields: fields })).toEqual({ id: 1, custom_field: {} });
    });

    it('skip entries without a name and read a missing value as null', () => {
      const fields = [{ label: 'No name', value: 'x' }, 'cf_text', null, { name: 7, value: 'y' }, { name: 'cf_empty' }, { name: 'cf_tier', value: 'Gold' }];
      expect(restRecord({ id: 1, custom_fields: fields }).custom_field).toEqual({ cf_empty: null, cf_tier: 'Gold' });
    });
  });

  describe('emails', () => {
    const withEmails = (value: unknown) => restRecord({ id: 1, emails: { label: 'Emails', type: 'group_field', value } });

    it('take the first email as `email` when none is primary', () => {
      expect(withEmails([{ value: 'a@acme.test', is_primary: false }, { value: 'b@acme.test' }]).email).toBe('a@acme.test');
    });

    it('skip entries that are not objects when looking for the primary', () => {
      expect(withEmails(['x@acme.test', { value: 'b@acme.test', is_primary: null }]).email).toBe('b@acme.test');
    });

    it.each([
      ['no emails', []],
      ['a null value', null],
      ['a primary without text', [{ value: 42, is_primary: true }]],
    ])('give a null `email` for %s', (_case, value) => {
      const rest = withEmails(value);
      expect(rest.email).toBeNull();
      expect(rest.emails).toEqual(value);
    });
  });

  describe('subscription_types', () => {
    it('join ids given as numbers or bare values', () => {
      expect(restRecord({ id: 1, subscription_types: { label: 'S', type: 'multi_select_dropdown', value: [{ id: 3 }, '5'] } }).subscription_types).toBe('3;5');
    });

    it('are an empty text when none is chosen and stay null when null', () => {
      expect(restRecord({ id: 1, subscription_types: { label: 'S', type: 'multi_select_dropdown', value: [] } }).subscription_types).toBe('');
      expect(restRecord({ id: 1, subscription_types: { label: 'S', type: 'multi_select_dropdown', value: null } }).subscription_types).toBeNull();
    });
  });

  it('passes an account record through, website and dom_type money included', () => {
    const account = {
      id: 402000300010,
      name: { label: 'Name', type: 'text', value: 'Acme GmbH' },
      website: { label: 'Website', type: 'url', value: 'https://www.acme.test' },
      annual_revenue: { label: 'Annual revenue', type: 'decimal', value: '5600.0' },
      won_deals_amount: { label: 'Won deals amount', dom_type: 'decimal', value: 0 },
      parent_sales_account_id: { label: 'Parent account', type: 'auto_complete', value: null },
    };
    expect(restRecord(account)).toEqual({ id: 402000300010, name: 'Acme GmbH', website: 'https://www.acme.test', annual_revenue: '5600.0', won_deals_amount: '0.0', parent_sales_account_id: null });
  });
});

describe('restChanges', () => {
  it('renames, converts money and keeps other pairs as they are', () => {
    expect(
      restChanges({
        first_name: ['Janet', 'Jane'],
        creator_id: [null, 402000000032],
        amount: ['100.0', 12500.5],
        annual_revenue: [null, 5600],
        subscription_types: [[{ id: '1' }], [{ id: '1' }, { id: '2' }]],
        list_ids: [[402000000601], [402000000601, 402000000602]],
        updated_at: ['2020-06-09T14:16:05Z', '2020-06-11T09:04:50Z'],
      }),
    ).toEqual({
      first_name: ['Janet', 'Jane'],
      creater_id: [null, 402000000032],
      amount: ['100.0', '12500.5'],
      annual_revenue: [null, '5600.0'],
      subscription_types: ['1', '1;2'],
      list_ids: [[402000000601], [402000000601, 402000000602]],
      updated_at: ['2020-06-09T14:16:05Z', '2020-06-11T09:04:50Z'],
    });
  });

  it('leaves out the fields restRecord leaves out and pairs with an integer beyond 2^53', () => {
    expect(
      restChanges({
        mcr_id: [1, 1270358963238764500],
        import_id: [null, 5],
        import_csv_id: [[], [7]],
        source_additional_info: [{}, { source: 'api' }],
        external_ref: [BEYOND_2_53, 12],
        city: ['Bonn', 'Berlin'],
      }),
    ).toEqual({ city: ['Bonn', 'Berlin'] });
  });

  it('gives nothing for no changes', () => {
    expect(restChanges({})).toEqual({});
  });
});

describe('decimalString', () => {
  it.each([
    ['5600.0', '5600.0'],
    [' 5600.0 ', '5600.0'],
    ['0', '0'],
    ['-12.50', '-12.50'],
    ['123456789012345678901234.99', '123456789012345678901234.99'],
    [5600, '5600.0'],
    [12500.5, '12500.5'],
    [0, '0.0'],
    [-0, '0.0'],
    [-3, '-3.0'],
    [0.1, '0.1'],
  ])('reads %p as %j', (value, text) => {
    expect(decimalString(value)).toBe(text);
  });

  it.each(['', '12.', '.5', '1e3', '1,200.00', '12 500', '+5', 'NaN', Number.NaN, Number.POSITIVE_INFINITY, 1e21, 1e-7, null, undefined, true, ['1']])(
    'refuses %p',
    (value) => {
      expect(decimalString(value)).toBeNull();
    },
  );
});
