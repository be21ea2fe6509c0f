import { ManualClock } from '../../clock';
import { CURRENCIES, RENEWALS_PIPELINE, SALES_PIPELINE, SECOND_API_KEY, USERS } from '../seed/account';
import { startTestCrm, type TestCrm } from '../testing/harness';
import { putAccount, putAppointment, putContact, putNote, putTask, storeState } from '../testing/rows';
import { registerDeals } from './deals';
import { registerProducts } from './products';

const STAGE = {
  new: 402001912038,
  qualification: 402001912039,
  demo: 402001912040,
  won: 402001912042,
  lost: 402001912043,
  upcoming: 402001913050,
  inDiscussion: 402001913051,
};
const VIEWS = { open: 402003748176, mine: 402003748177, won: 402003748178, lost: 402003748179 };
const ASHA = USERS[0]?.id ?? 0;
const MATEO = USERS[1]?.id ?? 0;
const FORMER = USERS[5]?.id ?? 0;
const [USD, EUR, , , JPY] = CURRENCIES.map((currency) => currency.id);
const REGION = { cf_sales_region: 'Americas' };

let crm: TestCrm;
let clock: ManualClock;

beforeEach(async () => {
  clock = new ManualClock('2026-11-02T09:00:00Z');
  crm = await startTestCrm({ resources: [registerDeals, registerProducts], clock });
});
afterEach(() => crm.close());

async function createDeal(fields: Record<string, unknown> = {}, query = ''): Promise<any> {
  const answer = await crm.call('POST', `/deals${query}`, { deal: { name: 'Acme renewal', amount: 12000, custom_field: REGION, ...fields } });
  expect(answer.status).toBe(201);
  return answer.body.deal;
}

const getDeal = async (id: number, query = '') => crm.call('GET', `/deals/${id}${query}`);
const putDeal = async (id: number, fields: Record<string, unknown>, query = '') => crm.call('PUT', `/deals/${id}${query}`, { deal: fields });
const errors = (...message: string[]) => ({ errors: { code: 400, message } });
const eventNames = () => crm.server.feed.recent().map((event) => event.name);

/** Sends a request that must fail with `status` and `body`, and proves nothing changed. */
async function refused(method: string, path: string, body: unknown, status: number, expected: unknown): Promise<void> {
  const before = storeState(crm.store);
  const events = crm.server.feed.recent().length;
  const answer = await crm.call(method, path, body);
  expect({ status: answer.status, body: answer.body }).toEqual({ status, body: expected });
  expect(storeState(crm.store)).toEqual(before);
  expect(crm.server.feed.recent()).toHaveLength(events);
}

async function createProduct(name: string, extra: Record<string, unknown> = {}): Promise<number> {
  const answer = await crm.call('POST', '/cpq/products', { product: { name, ...extra } });
  expect(answer.status).toBe(201);
  return answer.body.product.id as number;
}

describe('POST /deals', () => {
  it('puts a deal without pipeline or stage in the default pipeline first stage, owned by the caller', async () => {
    const deal = await createDeal({}, '?include=owner,currency,creater');
    expect(deal).toMatchObject({
      name: 'Acme renewal',
      amount: '12000.0',
      deal_pipeline_id: SALES_PIPELINE,
      deal_stage_id: STAGE.new,
      probability: 10,
      closed_date: null,
      stage_updated_time: '2026-11-02T14:30:00+05:30',
      created_at: '2026-11-02T14:30:00+05:30',
      owner_id: ASHA,
      creater_id: ASHA,
      currency_id: USD,
      has_products: false,
      is_deleted: false,
      age: 0,
    });
    expect(deal.id).toBeGreaterThan(402000000000);
    expect(deal.custom_field).toMatchObject({ cf_sales_region: 'Americas', cf_order_ref: null });
    expect(eventNames()).toEqual(['onDealCreate']);
  });

  it('puts a deal given only a pipeline in that pipeline first stage, with its probability', async () => {
    const deal = await createDeal({ deal_pipeline_id: RENEWALS_PIPELINE });
    expect(deal).toMatchObject({ deal_pipeline_id: RENEWALS_PIPELINE, deal_stage_id: STAGE.upcoming, probability: 20 });
  });

  it('stores amounts sent as numbers or strings as decimal strings, with base and expected values', async () => {
    const number = await createDeal({ amount: 12000, deal_stage_id: STAGE.qualification });
    expect(number).toMatchObject({ amount: '12000.0', base_currency_amount: '12000.0', expected_deal_value: '3600.0', probability: 30 });
    const text = await createDeal({ amount: '12000', deal_stage_id: STAGE.qualification });
    expect(text.amount).toBe('12000.0');
    const cents = await createDeal({ amount: '1250.50' });
    expect(cents.amount).toBe('1250.5');
    const euros = await createDeal({ amount: 1000, currency_id: EUR, probability: 50 }, '?include=currency');
    expect(euros).toMatchObject({ amount: '1000.0', currency_id: EUR, base_currency_amount: '1080.0', expected_deal_value: '500.0' });
    const none = await createDeal({ amount: null });
    expect(none).toMatchObject({ amount: null, base_currency_amount: null, expected_deal_value: null });
  });

  it('answers 400 "Amount is not a number" for a non-numeric amount and stores nothing', async () => {
    await refused('POST', '/deals', { deal: { name: 'X', amount: '12k', custom_field: REGION } }, 400, errors('Amount is not a number'));
    await refused('POST', '/deals', { deal: { name: 'X', amount: true, custom_field: REGION } }, 400, errors('Amount is not a number'));
  });

  it('accepts an unwrapped body', async () => {
    const answer = await crm.call('POST', '/deals', { name: 'Top level', custom_field: REGION });
    expect(answer.status).toBe(201);
    expect(answer.body.deal.name).toBe('Top level');
  });

  it('requires the account required dropdown custom field and checks its choices', async () => {
    await refused('POST', '/deals', { deal: { name: 'No region' } }, 400, errors("Sales region can't be blank"));
    await refused('POST', '/deals', { deal: { name: 'Bad region', custom_field: { cf_sales_region: 'Mars' } } }, 400, errors('Sales region must be one of its choices', "Sales region can't be blank"));
    await refused('POST', '/deals', { deal: { name: 'Unknown', custom_field: { ...REGION, cf_colour: 'red' } } }, 400, errors("Custom field 'cf_colour' does not exist"));
  });

  it('refuses a stage of another pipeline, an inactive currency, a deactivated owner and a missing account', async () => {
    await refused('POST', '/deals', { deal: { name: 'X', deal_stage_id: STAGE.upcoming, custom_field: REGION } }, 400, errors("Deal stage does not belong to the deal's pipeline"));
    await refused('POST', '/deals', { deal: { name: 'X', deal_pipeline_id: RENEWALS_PIPELINE, deal_stage_id: STAGE.new, custom_field: REGION } }, 400, errors("Deal stage does not belong to the deal's pipeline"));
    await refused('POST', '/deals', { deal: { name: 'X', currency_id: JPY, owner_id: FORMER, sales_account_id: 1, custom_field: REGION } }, 400, errors('Currency is invalid', 'Owner is invalid', 'Sales account is invalid'));
  });

  it('lists every problem of a bad body in one 400 and changes nothing', async () => {
    const body = { deal: { name: 5, probability: 150, expected_close: '2026-02-30', colour: 'red', deal_stage_id: null, tags: [1] } };
    await refused('POST', '/deals', body, 400, errors(
      'Name must be a string', 'Probability must be less than or equal to 100', 'Expected close is not a valid date (YYYY-MM-DD)',
      "Unknown attribute 'colour'", 'Tags must be an array of strings', "Deal stage can't be blank", "Sales region can't be blank",
    ));
    await refused('POST', '/deals', { deal: { amount: 5, custom_field: REGION } }, 400, errors("Name can't be blank"));
    await refused('POST', '/deals', { deal: { name: '  ', custom_field: REGION } }, 400, errors("Name can't be blank"));
    await refused('POST', '/deals', [1, 2], 400, errors('Request body must be a JSON object with a "deal" object'));
    await refused('POST', '/deals', { deal: 'Acme' }, 400, errors('"deal" must be an object'));
  });

  it('refuses an unknown include before writing anything', async () => {
    const answer = await crm.call('POST', '/deals?include=owner,colour', { deal: { name: 'X', custom_field: REGION } });
    expect(answer.status).toBe(400);
    expect(answer.body.errors.message[0]).toMatch(/^Invalid include: colour\. Allowed: sales_account, owner/);
    expect(crm.store.deals.all()).toHaveLength(0);
  });
});

describe('GET /deals/:id with include=', () => {
  it('answers include=deal_stage,owner in the shape of the reference example', async () => {
    const account = putAccount(crm.store, { name: 'Acme' });
    const { id } = await createDeal({ deal_stage_id: STAGE.qualification, sales_account_id: account.id, expected_close: '2026-12-31' });
    const answer = await getDeal(id, '?include=deal_stage,owner');
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body)).toEqual(['deal_stages', 'users', 'deal']);
    expect(answer.body.deal_stages).toEqual([{
      id: STAGE.qualification, name: 'Qualification', position: 2, partial: true, deal_pipeline_id: SALES_PIPELINE,
      forecast_type: 'Open', choice_type: 2, probability: 30, updated_at: '2024-01-15T14:30:00+05:30',
    }]);
    expect(answer.body.users).toEqual([{ id: ASHA, display_name: 'Asha Rao', email: 'asha@demo-crm.test', is_active: true, work_number: '+91 80 4000 1100', mobile_number: null }]);
    const deal = answer.body.deal;
    expect(deal).toMatchObject({ id, owner_id: ASHA, deal_pipeline_id: SALES_PIPELINE, deal_stage_id: STAGE.qualification, expected_close: '2026-12-31' });
    for (const absent of ['sales_account_id', 'creater_id', 'updater_id', 'currency_id', 'contact_ids', 'lead_source_id', 'products']) {
      expect(deal).not.toHaveProperty(absent);
    }
  });

  it('shows no association ids and no side-loads without include, but always the pipeline and stage', async () => {
    const { id } = await createDeal();
    const answer = await getDeal(id);
    expect(Object.keys(answer.body)).toEqual(['deal']);
    expect(answer.body.deal).toMatchObject({ deal_pipeline_id: SALES_PIPELINE, deal_stage_id: STAGE.new });
    expect(answer.body.deal).not.toHaveProperty('owner_id');
    expect(answer.body.deal).not.toHaveProperty('sales_account_id');
  });

  it('side-loads every documented association under its plural key', async () => {
    const account = putAccount(crm.store, { name: 'Globex' });
    const contact = putContact(crm.store, { first_name: 'Lena', last_name: 'Example' });
    const { id } = await createDeal({
      sales_account_id: account.id, contacts_added_list: [contact.id], lead_source_id: 402000836318, campaign_id: 402000936410,
      deal_type_id: 402000391001, deal_payment_status_id: 402000491001, territory_id: 402000023001, currency_id: EUR,
      deal_stage_id: STAGE.lost, deal_reason_id: 402000291001, owner_id: MATEO,
    });
    const all = 'sales_account,owner,creater,updater,source,campaign,contacts,deal_stage,deal_pipeline,deal_reason,deal_type,deal_payment_status,deal_product,currency,territory,probability';
    const answer = await getDeal(id, `?include=${all}`);
    expect(answer.status).toBe(200);
    const body = answer.body;
    expect(body.sales_accounts).toEqual([expect.objectContaining({ partial: true, id: account.id, name: 'Globex' })]);
    expect(body.users.map((user: any) => user.id)).toEqual([MATEO, ASHA]);
    expect(body.lead_sources).toEqual([expect.objectContaining({ id: 402000836318, name: 'Web form' })]);
    expect(body.campaigns).toEqual([expect.objectContaining({ id: 402000936410, name: 'Spring webinar' })]);
    expect(body.contacts).toEqual([expect.objectContaining({ partial: true, id: contact.id, display_name: 'Lena Example', open_deals_amount: '0.0' })]);
    expect(body.deal_pipelines).toEqual([expect.objectContaining({ id: SALES_PIPELINE, name: 'Sales Pipeline', is_default: true })]);
    expect(body.deal_reasons).toEqual([expect.objectContaining({ id: 402000291001, name: 'Price' })]);
    expect(body.deal_types).toEqual([expect.objectContaining({ id: 402000391001 })]);
    expect(body.deal_payment_statuses).toEqual([expect.objectContaining({ id: 402000491001 })]);
    expect(body.deal_products).toEqual([]);
    expect(body.currencies).toEqual([{ partial: true, id: EUR, currency_code: 'EUR', exchange_rate: '1.08', is_active: true, currency_type: 2, schedule_info: null }]);
    expect(body.territories).toEqual([expect.objectContaining({ id: 402000023001, name: 'North America' })]);
    expect(body.deal).toMatchObject({
      sales_account_id: account.id, owner_id: MATEO, creater_id: ASHA, updater_id: ASHA, lead_source_id: 402000836318,
      campaign_id: 402000936410, contact_ids: [contact.id], deal_reason_id: 402000291001, deal_type_id: 402000391001,
      deal_payment_status_id: 402000491001, currency_id: EUR, territory_id: 402000023001,
    });
  });

  it('side-loads the deal tasks, appointments and notes like a contact does (the stand-in reading of an [U] include)', async () => {
    const { id } = await createDeal();
    const other = await createDeal();
    const task = putTask(crm.store, { targetable_type: 'Deal', targetable_id: id });
    putTask(crm.store, { targetable_type: 'Deal', targetable_id: other.id });
    const appointment = putAppointment(crm.store, { targetable_type: 'Deal', targetable_id: id });
    const note = putNote(crm.store, { targetable_type: 'Deal', targetable_id: id });
    const answer = await getDeal(id, '?include=tasks,appointments,notes');
    expect(answer.status).toBe(200);
    expect(answer.body.tasks.map((row: { id: number }) => row.id)).toEqual([task.id]);
    expect(answer.body.appointments.map((row: { id: number }) => row.id)).toEqual([appointment.id]);
    expect(answer.body.notes).toEqual([expect.objectContaining({ id: note.id, targetables: [{ id, type: 'Deal' }] })]);
  });

  it('answers 404 for an unknown id, an empty 404 for a non-numeric one, and 400 for an unknown include', async () => {
    const missing = await getDeal(402000999999);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ errors: { code: 404, message: ['Deal not found'] } });
    const broken = await crm.call('GET', '/deals/abc');
    expect(broken.status).toBe(404);
    expect(broken.text).toBe('');
    const { id } = await createDeal();
    const badInclude = await getDeal(id, '?include=child_sales_accounts');
    expect(badInclude.status).toBe(400);
    expect(badInclude.body.errors.message[0]).toMatch(/^Invalid include: child_sales_accounts\./);
  });
});

describe('PUT /deals/:id stages', () => {
  it('sets closed_date (the day in the account offset) on a won stage and clears it on an open one', async () => {
    const { id } = await createDeal();
    clock.set('2026-11-02T20:00:00Z');
    const won = await putDeal(id, { deal_stage_id: STAGE.won });
    expect(won.status).toBe(200);
    expect(won.body.deal).toMatchObject({ closed_date: '2026-11-03', probability: 100, stage_updated_time: '2026-11-03T01:30:00+05:30' });
    clock.advance(86_400_000);
    const reopened = await putDeal(id, { deal_stage_id: STAGE.demo });
    expect(reopened.body.deal).toMatchObject({ closed_date: null, probability: 50, stage_updated_time: '2026-11-04T01:30:00+05:30' });
    expect(eventNames()).toEqual(['onDealCreate', 'onDealUpdate', 'onDealUpdate']);
  });

  it('takes closed_date from the account zone with its daylight saving (Europe/Berlin)', async () => {
    crm.store.account.timeZone = 'Europe/Berlin';
    const { id } = await createDeal();
    clock.set('2026-07-14T22:30:00Z'); // 00:30 CEST on the 15th: +02:00, not +01:00
    const won = await putDeal(id, { deal_stage_id: STAGE.won });
    expect(won.body.deal).toMatchObject({ closed_date: '2026-07-15', stage_updated_time: '2026-07-15T00:30:00+02:00' });
    expect(won.body.deal.created_at).toMatch(/\+01:00$/);
  });

  it('defaults probability to the stage only when the stage changes and none is sent', async () => {
    const { id } = await createDeal();
    expect((await putDeal(id, { deal_stage_id: STAGE.qualification, probability: 45 })).body.deal.probability).toBe(45);
    expect((await putDeal(id, { name: 'Renamed' })).body.deal.probability).toBe(45);
    expect((await putDeal(id, { probability: 60 })).body.deal.probability).toBe(60);
    expect((await putDeal(id, { deal_stage_id: STAGE.demo })).body.deal.probability).toBe(50);
    const unchangedStage = await putDeal(id, { deal_stage_id: STAGE.demo, amount: 5 });
    expect(unchangedStage.body.deal).toMatchObject({ probability: 50, amount: '5.0' });
  });

  it('answers 400 for a stage of another pipeline and leaves the deal as it was', async () => {
    const { id } = await createDeal({ deal_stage_id: STAGE.qualification });
    const before = (await getDeal(id)).body;
    await refused('PUT', `/deals/${id}`, { deal: { deal_stage_id: STAGE.inDiscussion, name: 'Moved' } }, 400, errors("Deal stage does not belong to the deal's pipeline"));
    await refused('PUT', `/deals/${id}`, { deal: { deal_pipeline_id: RENEWALS_PIPELINE } }, 400, errors('Deal stage must be given when the deal pipeline changes'));
    expect((await getDeal(id)).body).toEqual(before);
    const moved = await putDeal(id, { deal_pipeline_id: RENEWALS_PIPELINE, deal_stage_id: STAGE.inDiscussion });
    expect(moved.body.deal).toMatchObject({ deal_pipeline_id: RENEWALS_PIPELINE, deal_stage_id: STAGE.inDiscussion, probability: 60 });
  });

  it('takes a lost reason on a lost stage only, and drops it when the deal reopens', async () => {
    const { id } = await createDeal();
    await refused('PUT', `/deals/${id}`, { deal: { deal_reason_id: 402000291002 } }, 400, errors('Lost reason can only be set on a deal in a Closed Lost stage'));
    const lost = await putDeal(id, { deal_stage_id: STAGE.lost, deal_reason_id: 402000291002 }, '?include=deal_reason');
    expect(lost.body.deal).toMatchObject({ deal_reason_id: 402000291002, closed_date: '2026-11-02', probability: 0 });
    expect(lost.body.deal_reasons).toEqual([expect.objectContaining({ id: 402000291002, name: 'Chose a competitor' })]);
    const reopened = await putDeal(id, { deal_stage_id: STAGE.new }, '?include=deal_reason');
    expect(reopened.body.deal).toMatchObject({ deal_reason_id: null, closed_date: null });
  });

  it('records the updater and time, keeps created_at, and publishes onDealUpdate', async () => {
    const { id, created_at } = await createDeal();
    clock.advance(3_600_000);
    const answer = await crm.call('PUT', `/deals/${id}?include=updater`, { deal: { amount: 15000 } }, { Authorization: `Token token=${SECOND_API_KEY}` });
    expect(answer.body.deal).toMatchObject({ created_at, updated_at: '2026-11-02T15:30:00+05:30', updater_id: MATEO, amount: '15000.0' });
    const event = crm.server.feed.recent().at(-1);
    expect(event?.name).toBe('onDealUpdate');
  });

  it('refuses unknown fields, wrong types, null pipeline and bad ids without changing anything', async () => {
    const { id } = await createDeal();
    await refused('PUT', `/deals/${id}`, { deal: { stage: 'Won' } }, 400, errors("Unknown attribute 'stage'"));
    await refused('PUT', `/deals/${id}`, { deal: { owner_id: 'abc', deal_pipeline_id: null } }, 400, errors('Owner is invalid', "Deal pipeline can't be blank"));
    await refused('PUT', `/deals/${id}`, { deal: { custom_field: { cf_sales_region: null } } }, 400, errors("Sales region can't be blank"));
    await refused('PUT', `/deals/${id}`, undefined, 400, errors('Request body must be a JSON object with a "deal" object'));
    await refused('PUT', '/deals/402000999999', { deal: { name: 'X' } }, 404, { errors: { code: 404, message: ['Deal not found'] } });
    await refused('PUT', '/deals/12ab', { deal: { name: 'X' } }, 404, undefined);
    const allowed = 'sales_account, owner, creater, updater, source, campaign, contacts, deal_stage, deal_pipeline, deal_reason, deal_type, deal_payment_status, deal_product, currency, territory, probability, products, tasks, appointments, notes';
    await refused('PUT', `/deals/${id}?include=owner,industry_type`, { deal: { name: 'X' } }, 400, errors(`Invalid include: industry_type. Allowed: ${allowed}`));
  });
});

describe('deal contacts and products', () => {
  it('links contacts with contacts_added_list and unlinks them with contacts_removed_list', async () => {
    const lena = putContact(crm.store, { first_name: 'Lena', last_name: 'Example' });
    const omar = putContact(crm.store, { first_name: 'Omar', last_name: 'Example' });
    const yuki = putContact(crm.store, { first_name: 'Yuki', last_name: 'Example' });
    const { id } = await createDeal({ contacts_added_list: [lena.id, String(omar.id)] });
    const linked = await getDeal(id, '?include=contacts');
    expect(linked.body.deal.contact_ids).toEqual([lena.id, omar.id]);
    expect(linked.body.contacts.map((contact: any) => contact.id)).toEqual([lena.id, omar.id]);
    const changed = await putDeal(id, { contacts_added_list: [yuki.id], contacts_removed_list: [lena.id] }, '?include=contacts');
    expect(changed.body.deal.contact_ids).toEqual([omar.id, yuki.id]);
    expect(changed.body.contacts.map((contact: any) => contact.display_name)).toEqual(['Omar Example', 'Yuki Example']);
    expect(eventNames()).toEqual(['onDealCreate', 'onDealUpdate']);
    await refused('PUT', `/deals/${id}`, { deal: { contacts_added_list: [402000999999] } }, 400, errors('Contacts added list is invalid'));
    await refused('PUT', `/deals/${id}`, { deal: { contacts_added_list: lena.id } }, 400, errors('Contacts added list must be an array of ids'));
  });

  it('never shows a soft-deleted contact, neither side-loaded nor as an id', async () => {
    const [lena, omar] = [putContact(crm.store, { first_name: 'Lena' }), putContact(crm.store, { first_name: 'Omar' })];
    const { id } = await createDeal({ contacts_added_list: [lena.id, omar.id] });
    lena.is_deleted = true;
    const answer = await getDeal(id, '?include=contacts');
    expect(answer.body.deal.contact_ids).toEqual([omar.id]);
    expect(answer.body.contacts.map((contact: any) => contact.id)).toEqual([omar.id]);
    await refused('PUT', `/deals/${id}`, { deal: { contacts_added_list: [lena.id] } }, 400, errors('Contacts added list is invalid'));
  });

  it('nests products inside the deal only with include=products, and products: [] clears them', async () => {
    const licence = await createProduct('Platform licence', { pricing: [{ currency_id: USD, unit_price: 12000 }] });
    const support = await createProduct('Premium support');
    const { id } = await createDeal({
      products: [{ id: licence, quantity: 1, unit_price: 12000 }, { id: support, quantity: 2, unit_price: '150.5', discount: 10, billing_type: 'recurring' }],
    });
    const plain = await getDeal(id);
    expect(plain.body.deal).not.toHaveProperty('products');
    expect(plain.body.deal.has_products).toBe(true);
    expect(Object.keys(plain.body)).toEqual(['deal']);
    const nested = await getDeal(id, '?include=products');
    expect(Object.keys(nested.body)).toEqual(['deal']);
    expect(nested.body.deal.products).toEqual([
      { product_id: licence, name: 'Platform licence', quantity: 1, unit_price: '12000.0', discount: null, setup_fee: null, billing_type: null },
      { product_id: support, name: 'Premium support', quantity: 2, unit_price: '150.5', discount: '10.0', setup_fee: null, billing_type: 'recurring' },
    ]);
    const cleared = await putDeal(id, { products: [] }, '?include=products');
    expect(cleared.body.deal).toMatchObject({ products: [], has_products: false });
  });

  it('refuses unknown or inactive products and malformed lines, listing each line', async () => {
    const retired = await createProduct('Retired', { is_active: false });
    const body = { deal: { name: 'X', custom_field: REGION, products: [{ id: retired, quantity: 1, unit_price: 1 }, { id: 5, quantity: 0, unit_price: 'ten', sku: 1 }, 'x'] } };
    await refused('POST', '/deals', body, 400, errors(
      'Products[0]: Product is invalid', 'Products[1]: Product is invalid', 'Products[1]: Quantity must be greater than or equal to 1',
      'Products[1]: Unit price is not a number', "Products[1]: Unknown attribute 'sku'", 'Products[2]: must be an object',
    ));
    await refused('POST', '/deals', { deal: { name: 'X', custom_field: REGION, products: [{ id: retired }] } }, 400, errors("Products[0]: Quantity can't be blank", "Products[0]: Unit price can't be blank"));
    await refused('POST', '/deals', { deal: { name: 'X', custom_field: REGION, products: { id: retired } } }, 400, errors('Products must be an array'));
  });
});

describe('upsert, clone, delete', () => {
  it('upserts by a cf_ unique identifier: 201 when it creates, 200 when it updates', async () => {
    const first = await crm.call('POST', '/deals/upsert', { unique_identifier: { cf_order_ref: 'SO-1001' }, deal: { name: 'Order 1001', amount: 100, custom_field: REGION } });
    expect(first.status).toBe(201);
    expect(first.body.deal.custom_field).toMatchObject({ cf_order_ref: 'SO-1001', cf_sales_region: 'Americas' });
    const second = await crm.call('POST', '/deals/upsert?include=owner', { unique_identifier: { cf_order_ref: 'SO-1001' }, deal: { amount: 250 } });
    expect(second.status).toBe(200);
    expect(second.body.deal).toMatchObject({ id: first.body.deal.id, name: 'Order 1001', amount: '250.0', owner_id: ASHA });
    expect(second.body.users).toHaveLength(1);
    expect(crm.store.deals.all()).toHaveLength(1);
    expect(eventNames()).toEqual(['onDealCreate', 'onDealUpdate']);
  });

  it('refuses an upsert without a usable unique identifier and changes nothing', async () => {
    await createDeal({ custom_field: { ...REGION, cf_order_ref: 'SO-1' } });
    await refused('POST', '/deals/upsert', { deal: { name: 'X' } }, 400, errors('unique_identifier must be an object with exactly one unique field'));
    await refused('POST', '/deals/upsert', { unique_identifier: { name: 'Acme renewal' }, deal: { amount: 1 } }, 400, errors("'name' is not a unique field of deals"));
    await refused('POST', '/deals/upsert', { unique_identifier: { cf_sales_region: 'Americas' }, deal: { amount: 1 } }, 400, errors("'cf_sales_region' is not a unique field of deals"));
    await refused('POST', '/deals/upsert', { unique_identifier: { cf_order_ref: '' }, deal: { amount: 1 } }, 400, errors("unique_identifier cf_order_ref can't be blank"));
    await refused('POST', '/deals/upsert', { unique_identifier: { cf_order_ref: 'SO-1' }, deal: { amount: 'many' } }, 400, errors('Amount is not a number'));
    await refused('POST', '/deals/upsert', { unique_identifier: { cf_order_ref: 'SO-2' }, deal: { amount: 1 } }, 400, errors("Name can't be blank", "Sales region can't be blank"));
    await refused('POST', '/deals/upsert', { unique_identifier: { cf_order_ref: 'SO-1' }, deal: { custom_field: { cf_order_ref: 'SO-9' } } }, 400, errors('custom_field cf_order_ref differs from unique_identifier'));
  });

  it('clones a deal into a new record with the source values and optional overrides', async () => {
    const contact = putContact(crm.store, { first_name: 'Lena' });
    const product = await createProduct('Onboarding');
    const source = await createDeal({ deal_stage_id: STAGE.demo, probability: 55, contacts_added_list: [contact.id], products: [{ id: product, quantity: 3, unit_price: 10 }] });
    clock.advance(60_000);
    const clone = await crm.call('POST', `/deals/${source.id}/clone?include=contacts,products`);
    expect(clone.status).toBe(201);
    expect(clone.body.deal).toMatchObject({
      name: 'Acme renewal', amount: '12000.0', deal_stage_id: STAGE.demo, probability: 55, contact_ids: [contact.id],
      created_at: '2026-11-02T14:31:00+05:30', custom_field: expect.objectContaining(REGION),
    });
    expect(clone.body.deal.id).not.toBe(source.id);
    expect(clone.body.deal.products).toEqual([expect.objectContaining({ product_id: product, quantity: 3, unit_price: '10.0' })]);
    const override = await crm.call('POST', `/deals/${source.id}/clone`, { deal: { name: 'Acme renewal 2027', deal_stage_id: STAGE.won } });
    expect(override.body.deal).toMatchObject({ name: 'Acme renewal 2027', deal_stage_id: STAGE.won, probability: 100, closed_date: '2026-11-02' });
    expect((await getDeal(source.id)).body.deal).toMatchObject({ name: 'Acme renewal', deal_stage_id: STAGE.demo });
    expect(eventNames()).toEqual(['onDealCreate', 'onDealCreate', 'onDealCreate']);
    await refused('POST', `/deals/${source.id}/clone`, { deal: { deal_pipeline_id: RENEWALS_PIPELINE } }, 400, errors('Deal stage must be given when the deal pipeline changes'));
    await refused('POST', '/deals/402000999999/clone', undefined, 404, { errors: { code: 404, message: ['Deal not found'] } });
  });

  it('soft-deletes with body true, then answers 404 everywhere; forget erases for good', async () => {
    const kept = await createDeal({ name: 'Kept' });
    const gone = await createDeal({ name: 'Gone' });
    const events = crm.server.feed.recent().length;
    const deleted = await crm.call('DELETE', `/deals/${gone.id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.text).toBe('true');
    expect(crm.server.feed.recent()).toHaveLength(events);
    expect(crm.store.deals.raw(gone.id)?.is_deleted).toBe(true);
    for (const [method, path] of [['GET', `/deals/${gone.id}`], ['PUT', `/deals/${gone.id}`], ['DELETE', `/deals/${gone.id}`], ['POST', `/deals/${gone.id}/clone`]] as const) {
      const answer = await crm.call(method, path, method === 'PUT' ? { deal: { name: 'Back' } } : undefined);
      expect(answer.status).toBe(404);
    }
    const open = await crm.call('GET', `/deals/view/${VIEWS.open}`);
    expect(open.body.deals.map((deal: any) => deal.id)).toEqual([kept.id]);
    const forgot = await crm.call('DELETE', `/deals/${kept.id}/forget`);
    expect({ status: forgot.status, text: forgot.text }).toEqual({ status: 200, text: 'true' });
    expect(crm.store.deals.raw(kept.id)).toBeUndefined();
    expect((await crm.call('DELETE', `/deals/${kept.id}/forget`)).status).toBe(404);
  });

  it('bulk-destroys the selected deals, or none when one id is unknown', async () => {
    const [a, b, c] = [await createDeal({ name: 'A' }), await createDeal({ name: 'B' }), await createDeal({ name: 'C' })];
    await refused('POST', '/deals/bulk_destroy', { selected_ids: [a.id, 402000999999] }, 400, errors('Selected ids is invalid'));
    await refused('POST', '/deals/bulk_destroy', { selected_ids: [] }, 400, errors("Selected ids can't be blank"));
    await refused('POST', '/deals/bulk_destroy', { selected_ids: [a.id], all: true }, 400, errors("Unknown attribute 'all'"));
    const answer = await crm.call('POST', '/deals/bulk_destroy', { selected_ids: [a.id, String(b.id)] });
    expect({ status: answer.status, body: answer.body }).toEqual({ status: 200, body: { message: '2 deals deleted.' } });
    expect(crm.store.deals.all().map((deal) => deal.id)).toEqual([c.id]);
  });
});

describe('filters and views', () => {
  async function seedDeals(): Promise<void> {
    for (let index = 0; index < 30; index += 1) {
      clock.advance(1_000);
      await createDeal({ name: `Open ${String(index).padStart(2, '0')}`, amount: 1000 + index, owner_id: index % 2 === 0 ? ASHA : MATEO });
    }
    await createDeal({ name: 'Won one', deal_stage_id: STAGE.won, amount: 5 });
    await createDeal({ name: 'Won two', deal_stage_id: STAGE.upcoming, deal_pipeline_id: RENEWALS_PIPELINE });
    await putDeal(crm.store.deals.all().at(-1)?.id ?? 0, { deal_stage_id: 402001913053 });
    await createDeal({ name: 'Lost one', deal_stage_id: STAGE.lost });
  }

  it('lists the deal views; their ids work in /deals/view/:id', async () => {
    const answer = await crm.call('GET', '/deals/filters');
    expect(answer.status).toBe(200);
    expect(answer.body.filters.map((view: any) => view.name)).toEqual(['Open Deals', 'My Deals', 'Won Deals', 'Lost Deals']);
    expect(answer.body.filters[0]).toEqual({
      id: VIEWS.open, name: 'Open Deals', model_class_name: 'Deal', user_id: 0, is_default: true,
      updated_at: '2024-01-15T14:30:00+05:30', user_name: null, current_user_permissions: [],
    });
  });

  it('pages the Open view with meta {total_pages, total} and sorts it', async () => {
    await seedDeals();
    const page2 = await crm.call('GET', `/deals/view/${VIEWS.open}?page=2&per_page=10&sort=amount&sort_type=asc`);
    expect(page2.status).toBe(200);
    expect(page2.body.meta).toEqual({ total_pages: 3, total: 30 });
    expect(page2.body.deals.map((deal: any) => deal.amount)).toEqual(Array.from({ length: 10 }, (_, i) => `${1010 + i}.0`));
    const byName = await crm.call('GET', `/deals/view/${VIEWS.open}?sort=name&sort_type=desc&per_page=2`);
    expect(byName.body.deals.map((deal: any) => deal.name)).toEqual(['Open 29', 'Open 28']);
    const defaults = await crm.call('GET', `/deals/view/${VIEWS.open}`);
    expect(defaults.body.deals).toHaveLength(25);
    expect(defaults.body.deals[0].name).toBe('Open 29');
    const beyond = await crm.call('GET', `/deals/view/${VIEWS.open}?page=9`);
    expect(beyond.body).toEqual({ deals: [], meta: { total_pages: 2, total: 30 } });
  });

  it('filters Won, Lost and My deals by forecast and owner', async () => {
    await seedDeals();
    const won = await crm.call('GET', `/deals/view/${VIEWS.won}`);
    expect(won.body.deals.map((deal: any) => deal.name).sort()).toEqual(['Won one', 'Won two']);
    expect(won.body.meta).toEqual({ total_pages: 1, total: 2 });
    const lost = await crm.call('GET', `/deals/view/${VIEWS.lost}`);
    expect(lost.body.deals.map((deal: any) => deal.name)).toEqual(['Lost one']);
    const mine = await crm.call('GET', `/deals/view/${VIEWS.mine}?per_page=100`, undefined, { Authorization: `Token token=${SECOND_API_KEY}` });
    expect(mine.body.meta.total).toBe(15);
  });

  it('side-loads the de-duplicated union for the page', async () => {
    await seedDeals();
    const answer = await crm.call('GET', `/deals/view/${VIEWS.open}?per_page=10&include=owner,deal_stage`);
    expect(answer.body.users.map((user: any) => user.id).sort()).toEqual([ASHA, MATEO].sort());
    expect(answer.body.deal_stages.map((stage: any) => stage.id)).toEqual([STAGE.new]);
    expect(answer.body.deals.every((deal: any) => typeof deal.owner_id === 'number')).toBe(true);
    const empty = await crm.call('GET', `/deals/view/${VIEWS.lost}?page=5&include=owner`);
    expect(empty.body).toEqual({ users: [], deals: [], meta: { total_pages: 1, total: 1 } });
  });

  it('refuses bad paging, sorting, includes and view ids', async () => {
    const bad = async (query: string, message: string) => {
      const answer = await crm.call('GET', `/deals/view/${VIEWS.open}${query}`);
      expect({ status: answer.status, body: answer.body }).toEqual({ status: 400, body: errors(message) });
    };
    await bad('?per_page=101', 'per_page must be at most 100');
    await bad('?page=0', 'page must be a positive integer');
    await bad('?sort=probability', 'sort must be one of updated_at, created_at, amount, expected_close, name');
    await bad('?sort_type=up', 'sort_type must be asc or desc');
    const unknown = await crm.call('GET', '/deals/view/402003548176');
    expect(unknown.body).toEqual({ errors: { code: 404, message: ['View not found'] } });
    expect((await crm.call('GET', '/deals/view/open')).text).toBe('');
  });
});
