import { startTestCrm, type TestCrm } from '../testing/harness';
import { DAY, OWNER, T, putAccount, putContact, putDeal } from '../testing/rows';
import { DEAL_STAGES, LIFECYCLE, RENEWALS_PIPELINE, SALES_PIPELINE, USERS } from '../seed/account';
import type { ContactRow, DealRow, SalesAccountRow } from '../model/types';
import { registerSearch } from './search';

let crm: TestCrm;
let lena: ContactRow;
let lars: ContactRow;
let omar: ContactRow;
let gone: ContactRow;
let acme: SalesAccountRow;
let globex: SalesAccountRow;
let renewal: DealRow;
let expansion: DealRow;

const OTHER_USER = USERS[1]?.id ?? 0;
const WON_STAGE = DEAL_STAGES.find((stage) => stage.forecast_type === 'Closed Won' && stage.deal_pipeline_id === SALES_PIPELINE)?.id ?? 0;
const RENEWAL_STAGE = DEAL_STAGES.find((stage) => stage.deal_pipeline_id === RENEWALS_PIPELINE)?.id ?? 0;

beforeEach(async () => {
  crm = await startTestCrm({ resources: [registerSearch] });
  const { store } = crm;
  acme = putAccount(store, { name: 'Acme Corp', website: 'acme.test', custom_field: { cf_segment: 'SMB' } });
  globex = putAccount(store, { name: 'Globex', owner_id: OTHER_USER, updated_at: T + 3 * DAY });
  lena = putContact(store, {
    first_name: 'Lena', last_name: 'Ortiz', email: 'Lena@Acme.test',
    sales_accounts: [{ id: acme.id, is_primary: true }], lifecycle_stage_id: LIFECYCLE.lead, lead_score: 12,
    job_title: 'Buyer', custom_field: { cf_tier: 'Gold', cf_interests: 'Analytics;Mobile' }, updated_at: T + 2 * DAY,
  });
  lars = putContact(store, {
    first_name: 'Lars', last_name: 'Berg', email: 'lars@globex.test',
    owner_id: OTHER_USER, lifecycle_stage_id: LIFECYCLE.customer, sales_accounts: [{ id: globex.id, is_primary: true }],
    custom_field: { cf_tier: 'Silver' }, created_at: T + DAY, updated_at: T + 5 * DAY,
  });
  omar = putContact(store, { first_name: 'Omar', last_name: 'Haddad', lifecycle_stage_id: LIFECYCLE.lead, updated_at: T + DAY });
  gone = putContact(store, { first_name: 'Lena', last_name: 'Gone', email: 'lena.gone@acme.test', is_deleted: true });
  renewal = putDeal(store, {
    name: 'Acme renewal', amount: '12000.0',
    sales_account_id: acme.id, contact_ids: [lena.id], custom_field: { cf_sales_region: 'Europe' }, expected_close: '2026-12-01',
    products: [{ product_id: 402000768605, quantity: 1, unit_price: '12000.0', discount: null, setup_fee: null, billing_type: null }],
  });
  expansion = putDeal(store, {
    name: 'Globex expansion', amount: '5600.5',
    sales_account_id: globex.id, deal_pipeline_id: RENEWALS_PIPELINE, deal_stage_id: RENEWAL_STAGE, owner_id: OTHER_USER,
    custom_field: { cf_sales_region: 'Americas' }, updated_at: T + 4 * DAY,
  });
  putDeal(store, { name: 'Acme won', amount: '300', deal_stage_id: WON_STAGE, is_deleted: true });
});
afterEach(() => crm.close());

const filtered = (entity: string, body: unknown, query = '') => crm.call('POST', `/filtered_search/${entity}${query}`, body);
const ids = (items: Array<{ id: number }>) => items.map((item) => item.id);
const rule = (attribute: string, operator: string, value: unknown) => ({ attribute, operator, value });

describe('GET /search', () => {
  it('answers a bare array of hits with string ids, matching names and emails case-insensitively', async () => {
    const answer = await crm.call('GET', '/search?q=ACME');
    expect(answer.status).toBe(200);
    expect(Array.isArray(answer.body)).toBe(true);
    expect(answer.body).toEqual([
      { id: String(lena.id), type: 'contact', name: 'Lena Ortiz', email: 'Lena@Acme.test', avatar: null },
      { id: String(acme.id), type: 'sales_account', name: 'Acme Corp', avatar: null },
      { id: String(renewal.id), type: 'deal', name: 'Acme renewal', avatar: null },
    ]);
    expect(answer.text).toContain(`"id":"${lena.id}"`);
  });

  it('restricts types with include and finds users', async () => {
    const contacts = await crm.call('GET', '/search?q=l&include=contact');
    expect(contacts.body.every((hit: { type: string }) => hit.type === 'contact')).toBe(true);
    expect(contacts.body.map((hit: { id: string }) => hit.id)).toEqual([String(lena.id), String(lars.id)]);
    const users = await crm.call('GET', '/search?q=asha&include=user,deal');
    expect(users.body).toEqual([{ id: String(OWNER), type: 'user', name: 'Asha Rao', email: 'asha@demo-crm.test', avatar: null }]);
  });

  it('never shows soft-deleted records and honours per_page', async () => {
    const answer = await crm.call('GET', '/search?q=lena');
    expect(answer.body.map((hit: { id: string }) => hit.id)).toEqual([String(lena.id)]);
    expect((await crm.call('GET', '/search?q=won')).body).toEqual([]);
    const paged = await crm.call('GET', '/search?q=a&per_page=2');
    expect(paged.body).toHaveLength(2);
  });

  it('refuses a missing q, an unknown include and a bad per_page', async () => {
    for (const path of ['/search', '/search?q=%20']) {
      const answer = await crm.call('GET', path);
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ errors: { code: 400, message: ["q can't be blank"] } });
    }
    const include = await crm.call('GET', '/search?q=a&include=contacts');
    expect(include.body).toEqual({ errors: { code: 400, message: ['Invalid include: contacts. Allowed: contact, sales_account, deal, user'] } });
    expect((await crm.call('GET', '/search?q=a&per_page=x')).status).toBe(400);
  });
});

describe('GET /lookup', () => {
  it('answers doubly nested per requested entity; email ignores case', async () => {
    const answer = await crm.call('GET', '/lookup?q=lena@acme.TEST&f=email&entities=contact');
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body)).toEqual(['contacts']);
    expect(Object.keys(answer.body.contacts)).toEqual(['contacts']);
    const [found] = answer.body.contacts.contacts;
    expect(found).toMatchObject({ id: lena.id, display_name: 'Lena Ortiz', email: 'Lena@Acme.test' });
    expect(found).not.toHaveProperty('owner_id');
    expect(answer.text).toContain(`"mcr_id":${String(lena.mcr_id)},`);
  });

  it('answers 200 with empty inner arrays when nothing matches', async () => {
    const answer = await crm.call('GET', '/lookup?q=Nobody&f=name&entities=contact,sales_account,deal');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ contacts: { contacts: [] }, sales_accounts: { sales_accounts: [] }, deals: { deals: [] } });
  });

  it('matches names exactly (case counts) and custom fields by cf_ name', async () => {
    expect(ids((await crm.call('GET', '/lookup?q=Acme%20Corp&f=name&entities=sales_account')).body.sales_accounts.sales_accounts)).toEqual([acme.id]);
    expect((await crm.call('GET', '/lookup?q=acme%20corp&f=name&entities=sales_account')).body.sales_accounts.sales_accounts).toEqual([]);
    expect(ids((await crm.call('GET', '/lookup?q=Lars%20Berg&f=name&entities=contact')).body.contacts.contacts)).toEqual([lars.id]);
    const deal = await crm.call('GET', '/lookup?q=Europe&f=cf_sales_region&entities=deal');
    expect(ids(deal.body.deals.deals)).toEqual([renewal.id]);
    expect(deal.body.deals.deals[0].amount).toBe('12000.0');
    expect(ids((await crm.call('GET', '/lookup?q=Gold&f=cf_tier&entities=contact')).body.contacts.contacts)).toEqual([lena.id]);
  });

  it('never finds soft-deleted records', async () => {
    const answer = await crm.call('GET', '/lookup?q=lena.gone@acme.test&f=email&entities=contact');
    expect(answer.body).toEqual({ contacts: { contacts: [] } });
  });

  it('refuses a missing q, a bad f and bad entities', async () => {
    const cases: Array<[string, string]> = [
      ['/lookup?f=email&entities=contact', "q can't be blank"],
      ['/lookup?q=a&entities=contact', "f can't be blank (email, name or a cf_ field)"],
      ['/lookup?q=a&f=phone&entities=contact', "Invalid field 'phone' for contact"],
      ['/lookup?q=a&f=email&entities=contact,sales_account', "Invalid field 'email' for sales_account"],
      ['/lookup?q=a&f=cf_tier&entities=deal', "Invalid field 'cf_tier' for deal"],
      ['/lookup?q=a&f=email', "entities can't be blank (any of contact, sales_account, deal)"],
      ['/lookup?q=a&f=email&entities=contacts', 'Invalid entities: contacts. Allowed: contact, sales_account, deal'],
    ];
    for (const [path, message] of cases) {
      const answer = await crm.call('GET', path);
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ errors: { code: 400, message: [message] } });
    }
  });
});

describe('POST /filtered_search/:entity', () => {
  it('answers partial contacts with meta {total} only', async () => {
    const answer = await filtered('contact', { filter_rule: [rule('contact_email.email', 'is_in', 'lena@acme.test')], sort: 'updated_at', sort_type: 'asc' });
    expect(answer.status).toBe(200);
    expect(answer.body.meta).toEqual({ total: 1 });
    expect(Object.keys(answer.body).sort()).toEqual(['contacts', 'meta']);
    expect(answer.body.contacts).toEqual([{
      partial: true, id: lena.id, display_name: 'Lena Ortiz', first_name: 'Lena', last_name: 'Ortiz', email: 'Lena@Acme.test',
      job_title: 'Buyer', lead_score: 12, avatar: null, open_deals_amount: '12000.0',
      created_at: '2026-10-01T13:30:00+05:30', updated_at: '2026-10-03T13:30:00+05:30',
    }]);
  });

  it('answers full records with detail: true', async () => {
    const answer = await filtered('contact', { filter_rule: [rule('first_name', 'is', 'lena')], detail: true });
    const [contact] = answer.body.contacts;
    expect(contact.partial).toBeUndefined();
    expect(contact).toMatchObject({ id: lena.id, open_deals_amount: '12000.0', open_deals_count: 1, won_deals_amount: '0.0', custom_field: { cf_tier: 'Gold' } });
    expect(contact.emails[0]).toMatchObject({ value: 'Lena@Acme.test', is_primary: true, _destroy: false });
    expect(contact).not.toHaveProperty('owner_id');
    expect(answer.text).toContain(`"mcr_id":${String(lena.mcr_id)},`);
  });

  it('ANDs the rules', async () => {
    const leads = await filtered('contact', { filter_rule: [rule('lifecycle_stage_id', 'is', LIFECYCLE.lead)], sort: 'updated_at', sort_type: 'asc' });
    expect(ids(leads.body.contacts)).toEqual([omar.id, lena.id]);
    const both = await filtered('contact', { filter_rule: [rule('lifecycle_stage_id', 'is', String(LIFECYCLE.lead)), rule('owner_id', 'is', OWNER), rule('last_name', 'is', 'Haddad')] });
    expect(ids(both.body.contacts)).toEqual([omar.id]);
    const none = await filtered('contact', { filter_rule: [rule('lifecycle_stage_id', 'is', LIFECYCLE.lead), rule('owner_id', 'is', OTHER_USER)] });
    expect(none.body).toEqual({ contacts: [], meta: { total: 0 } });
  });

  it('takes is_in values as an array or a comma-separated string', async () => {
    const array = await filtered('contact', { filter_rule: [rule('contact_email.email', 'is_in', ['LARS@globex.test', 'lena@acme.test'])], sort: 'created_at', sort_type: 'asc' });
    expect(ids(array.body.contacts)).toEqual([lena.id, lars.id]);
    const text = await filtered('contact', { filter_rule: [rule('owner_id', 'is_in', `${OTHER_USER}, 1`)] });
    expect(ids(text.body.contacts)).toEqual([lars.id]);
  });

  it('compares timestamps with is_after / is_before, in any offset', async () => {
    const after = await filtered('contact', { filter_rule: [rule('updated_at', 'is_after', '2026-10-02T08:00:00Z')], sort: 'updated_at', sort_type: 'asc' });
    expect(ids(after.body.contacts)).toEqual([lena.id, lars.id]);
    const before = await filtered('contact', { filter_rule: [rule('created_at', 'is_before', '2026-10-02T13:30:00+05:30')] });
    expect(ids(before.body.contacts).sort()).toEqual([lena.id, omar.id].sort());
    const between = await filtered('contact', {
      filter_rule: [rule('updated_at', 'is_after', '2026-10-03'), rule('updated_at', 'is_before', '2026-10-04T00:00:00+05:30')],
    });
    expect(ids(between.body.contacts)).toEqual([lena.id]);
  });

  it('reads a bare date as the start of that day in the account zone, on the 23-hour day summer time starts', async () => {
    crm.store.account.timeZone = 'Europe/Berlin';
    const at = (iso: string) => putContact(crm.store, { first_name: iso, created_at: Date.parse(iso), updated_at: Date.parse(iso) });
    const lateOn28 = at('2026-03-28T22:30:00Z'); // 23:30 CET on the 28th
    const earlyOn29 = at('2026-03-28T23:30:00Z'); // 00:30 CET on the 29th
    const lateOn29 = at('2026-03-29T21:30:00Z'); // 23:30 CEST on the 29th
    const earlyOn30 = at('2026-03-29T22:30:00Z'); // 00:30 CEST on the 30th
    const sundays = await filtered('contact', {
      filter_rule: [rule('created_at', 'is_after', '2026-03-29'), rule('created_at', 'is_before', '2026-03-30')], sort: 'created_at', sort_type: 'asc',
    });
    expect(ids(sundays.body.contacts)).toEqual([earlyOn29.id, lateOn29.id]);
    expect(sundays.body.contacts.map((contact: { created_at: string }) => contact.created_at)).toEqual(['2026-03-29T00:30:00+01:00', '2026-03-29T23:30:00+02:00']);
    expect([lateOn28.id, earlyOn30.id].some((id) => ids(sundays.body.contacts).includes(id))).toBe(false);
  });

  it('filters contacts linked to an account, by custom fields and with contains', async () => {
    expect(ids((await filtered('contact', { filter_rule: [rule('sales_account_id', 'is', acme.id)] })).body.contacts)).toEqual([lena.id]);
    expect(ids((await filtered('contact', { filter_rule: [rule('cf_tier', 'is_in', ['Silver', 'Bronze'])] })).body.contacts)).toEqual([lars.id]);
    expect(ids((await filtered('contact', { filter_rule: [rule('cf_interests', 'is', 'mobile')] })).body.contacts)).toEqual([lena.id]);
    expect(ids((await filtered('sales_account', { filter_rule: [rule('name', 'contains', 'LOB')] })).body.sales_accounts)).toEqual([globex.id]);
  });

  it('searches the recycle bin with deleted = 1 instead of live records', async () => {
    const bin = await filtered('contact', { filter_rule: [rule('deleted', 'is', 1)] });
    expect(ids(bin.body.contacts)).toEqual([gone.id]);
    const binWithRule = await filtered('contact', { filter_rule: [rule('deleted', 'is', '1'), rule('last_name', 'is', 'Ortiz')] });
    expect(binWithRule.body).toEqual({ contacts: [], meta: { total: 0 } });
    const deals = await filtered('deal', { filter_rule: [rule('deleted', 'is', 1)] });
    expect(deals.body.deals.map((deal: { name: string }) => deal.name)).toEqual(['Acme won']);
    const live = await filtered('contact', { filter_rule: [] });
    expect(live.body.meta).toEqual({ total: 3 });
    expect(ids(live.body.contacts)).not.toContain(gone.id);
  });

  it('pages with page/per_page and answers an empty array past the end', async () => {
    const first = await filtered('contact', { filter_rule: [], sort: 'created_at', sort_type: 'asc' }, '?page=1&per_page=2');
    // Ties (Lena and Omar were created together) fall back to id order.
    expect(ids(first.body.contacts)).toEqual([lena.id, omar.id]);
    expect(first.body.meta).toEqual({ total: 3 });
    const second = await filtered('contact', { filter_rule: [], sort: 'created_at', sort_type: 'asc' }, '?page=2&per_page=2');
    expect(ids(second.body.contacts)).toEqual([lars.id]);
    const past = await filtered('contact', { filter_rule: [] }, '?page=9&per_page=2');
    expect(past.status).toBe(200);
    expect(past.body).toEqual({ contacts: [], meta: { total: 3 } });
  });

  it('sorts by the body sort/sort_type, desc by updated_at by default', async () => {
    expect(ids((await filtered('contact', { filter_rule: [] })).body.contacts)).toEqual([lars.id, lena.id, omar.id]);
    expect(ids((await filtered('deal', { filter_rule: [], sort: 'amount', sort_type: 'asc' })).body.deals)).toEqual([expansion.id, renewal.id]);
    expect(ids((await filtered('sales_account', { filter_rule: [], sort: 'name', sort_type: 'desc' })).body.sales_accounts)).toEqual([globex.id, acme.id]);
  });

  it('side-loads includes: users for owner (with owner_id), nested sales_accounts', async () => {
    const answer = await filtered('contact', { filter_rule: [rule('last_name', 'is_in', ['Ortiz', 'Berg'])] }, '?include=owner,sales_accounts');
    expect(answer.body.users.map((user: { id: number }) => user.id).sort()).toEqual([OWNER, OTHER_USER].sort());
    const contact = answer.body.contacts.find((item: { id: number }) => item.id === lena.id);
    expect(contact.owner_id).toBe(OWNER);
    expect(contact.sales_accounts).toEqual([{
      partial: true, id: acme.id, name: 'Acme Corp', avatar: null, website: 'acme.test', last_contacted: null, record_type_id: '402010794477', is_primary: true,
    }]);
    expect(answer.body).not.toHaveProperty('sales_accounts');
  });

  it('side-loads deal stages and nests products on deals', async () => {
    const answer = await filtered('deal', { filter_rule: [rule('deal_pipeline_id', 'is', SALES_PIPELINE)], detail: true }, '?include=deal_stage,products,sales_account');
    expect(ids(answer.body.deals)).toEqual([renewal.id]);
    const [deal] = answer.body.deals;
    expect(deal).toMatchObject({ amount: '12000.0', base_currency_amount: '12000.0', sales_account_id: acme.id, deal_stage_id: DEAL_STAGES[0]?.id });
    expect(deal.products).toHaveLength(1);
    expect(answer.body.deal_stages).toEqual([expect.objectContaining({ id: DEAL_STAGES[0]?.id, name: 'New', updated_at: '2024-01-15T14:30:00+05:30' })]);
    expect(answer.body.sales_accounts).toEqual([expect.objectContaining({ partial: true, id: acme.id, name: 'Acme Corp' })]);
  });

  it('answers accounts partial or in full with aggregates, and side-loads their contacts and owners', async () => {
    const partial = await filtered('sales_account', { filter_rule: [rule('cf_segment', 'is', 'SMB')] });
    expect(partial.body.sales_accounts).toEqual([{
      partial: true, id: acme.id, name: 'Acme Corp', avatar: null, website: 'acme.test', owner_id: OWNER,
      created_at: '2026-10-01T13:30:00+05:30', updated_at: '2026-10-01T13:30:00+05:30',
    }]);
    const full = await filtered('sales_account', { filter_rule: [rule('owner_id', 'is_in', [OWNER, OTHER_USER])], sort: 'name', sort_type: 'asc', detail: true }, '?include=contacts,owner');
    const [acmeJson, globexJson] = full.body.sales_accounts;
    expect(acmeJson).toMatchObject({ id: acme.id, open_deals_amount: '12000.0', open_deals_count: 1, contact_ids: [lena.id], custom_field: { cf_segment: 'SMB' } });
    expect(globexJson).toMatchObject({ id: globex.id, open_deals_amount: '5600.5', contact_ids: [lars.id] });
    expect(ids(full.body.contacts)).toEqual([lena.id, lars.id]);
    expect(full.body.contacts[0].partial).toBe(true);
    expect(ids(full.body.users).sort()).toEqual([OWNER, OTHER_USER].sort());
  });

  it('filters deals by amount, stage, dates and custom fields', async () => {
    expect(ids((await filtered('deal', { filter_rule: [rule('amount', 'is', 5600.5)] })).body.deals)).toEqual([expansion.id]);
    expect(ids((await filtered('deal', { filter_rule: [rule('amount', 'is_in', '12000,1')] })).body.deals)).toEqual([renewal.id]);
    expect(ids((await filtered('deal', { filter_rule: [rule('deal_stage_id', 'is', RENEWAL_STAGE)] })).body.deals)).toEqual([expansion.id]);
    expect(ids((await filtered('deal', { filter_rule: [rule('expected_close', 'is_before', '2027-01-01')] })).body.deals)).toEqual([renewal.id]);
    expect(ids((await filtered('deal', { filter_rule: [rule('cf_sales_region', 'is', 'americas')] })).body.deals)).toEqual([expansion.id]);
    const partial = (await filtered('deal', { filter_rule: [rule('name', 'is', 'Acme renewal')] })).body.deals[0];
    expect(Object.keys(partial).sort()).toEqual(['amount', 'created_at', 'deal_pipeline_id', 'deal_stage_id', 'expected_close', 'id', 'name', 'partial', 'updated_at']);
  });

  it('refuses unknown attributes and operators, ill-fitting operators and values, in one 400', async () => {
    const answer = await filtered('contact', {
      filter_rule: [
        rule('shoe_size', 'is', 42),
        rule('first_name', 'like', 'Le%'),
        rule('owner_id', 'contains', '11'),
        rule('updated_at', 'is_after', 'yesterday'),
        rule('owner_id', 'is_in', []),
        rule('deleted', 'is', 'yes'),
      ],
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      errors: {
        code: 400,
        message: [
          "Unknown attribute 'shoe_size'",
          "Unknown operator 'like'",
          "Operator 'contains' cannot be used with 'owner_id' (allowed: is, is_in)",
          "Invalid value for 'updated_at'",
          "Invalid value for 'owner_id'",
          "Invalid value for 'deleted' (use 1 or 0)",
        ],
      },
    });
  });

  it('refuses a malformed body, unknown body keys, bad sort and unknown includes', async () => {
    const cases: Array<[unknown, string, string]> = [
      [undefined, '', 'Request body must be a JSON object with a "filter_rule" array'],
      [{ filter_rule: 'email' }, '', 'filter_rule must be an array of {attribute, operator, value}'],
      [{ filter_rules: [] }, '', "Unknown attribute 'filter_rules'"],
      [{ filter_rule: [], detail: 'yes' }, '', 'detail must be true or false'],
      [{ filter_rule: [42] }, '', 'filter_rule[0] must be an object with attribute, operator and value'],
      [{ filter_rule: [{ ...rule('first_name', 'is', 'x'), extra: 1 }] }, '', 'filter_rule[0] has unknown keys: extra'],
      [{ filter_rule: [], sort: 'shoe_size' }, '', 'sort must be one of created_at, updated_at, first_name, last_name, lead_score, open_deals_amount'],
      [{ filter_rule: [], sort_type: 'up' }, '', 'sort_type must be asc or desc'],
      [{ filter_rule: [] }, '?include=products', expect.stringMatching(/^Invalid include: products\. Allowed: sales_accounts, owner/)],
      [{ filter_rule: [] }, '?per_page=101', 'per_page must be at most 100'],
    ];
    for (const [body, query, message] of cases) {
      const answer = await filtered('contact', body, query);
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ errors: { code: 400, message: [message] } });
    }
    const children = await filtered('sales_account', { filter_rule: [] }, '?include=child_sales_accounts');
    expect(children.status).toBe(400);
    expect(children.body.errors.message[0]).toMatch(/^Invalid include: child_sales_accounts\./);
    const lead = await filtered('lead', { filter_rule: [] });
    expect(lead.status).toBe(404);
  });

  it('changes nothing in the store', async () => {
    const before = JSON.stringify(crm.store.contacts.everything(), (_key, value: unknown) => (typeof value === 'bigint' ? String(value) : value));
    await filtered('contact', { filter_rule: [rule('deleted', 'is', 1)], detail: true }, '?include=owner,sales_accounts,deals,tasks,notes');
    await filtered('contact', { filter_rule: [rule('nope', 'is', 1)] });
    const after = JSON.stringify(crm.store.contacts.everything(), (_key, value: unknown) => (typeof value === 'bigint' ? String(value) : value));
    expect(after).toBe(before);
  });
});
