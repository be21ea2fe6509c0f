import { ManualClock } from '../../clock';
import { CURRENCIES, USERS } from '../seed/account';
import { startTestCrm, type TestCrm } from '../testing/harness';
import { storeState } from '../testing/rows';
import { registerProducts } from './products';

const ASHA = USERS[0]?.id ?? 0;
const [USD, EUR, , , JPY] = CURRENCIES.map((currency) => currency.id);

let crm: TestCrm;
let clock: ManualClock;

beforeEach(async () => {
  clock = new ManualClock('2026-11-02T09:00:00Z');
  crm = await startTestCrm({ resources: [registerProducts], clock });
});
afterEach(() => crm.close());

const errors = (...message: string[]) => ({ errors: { code: 400, message } });

async function refused(method: string, path: string, body: unknown, status: number, expected: unknown): Promise<void> {
  const before = storeState(crm.store);
  const answer = await crm.call(method, path, body);
  expect({ status: answer.status, body: answer.body }).toEqual({ status, body: expected });
  expect(storeState(crm.store)).toEqual(before);
}

async function create(product: Record<string, unknown>): Promise<any> {
  const answer = await crm.call('POST', '/cpq/products', { product });
  expect(answer.status).toBe(201);
  return answer.body.product;
}

describe('CPQ products', () => {
  it('creates a product with pricing as decimal strings and reads it back', async () => {
    const product = await create({ name: 'Platform licence', category: 'Software', sku_number: 'PL-1', pricing: [{ currency_id: USD, unit_price: 12000 }, { currency_id: String(EUR), unit_price: '11000.50' }] });
    expect(product).toEqual({
      id: expect.any(Number), name: 'Platform licence', category: 'Software', sku_number: 'PL-1', description: null, is_active: true,
      pricing: [{ currency_id: USD, unit_price: '12000.0' }, { currency_id: EUR, unit_price: '11000.5' }],
      creater_id: ASHA, updater_id: ASHA, created_at: '2026-11-02T14:30:00+05:30', updated_at: '2026-11-02T14:30:00+05:30',
    });
    const read = await crm.call('GET', `/cpq/products/${product.id}`);
    expect({ status: read.status, body: read.body }).toEqual({ status: 200, body: { product } });
  });

  it('accepts an unwrapped body', async () => {
    const answer = await crm.call('POST', '/cpq/products', { name: 'Onboarding' });
    expect(answer.status).toBe(201);
    expect(answer.body.product).toMatchObject({ name: 'Onboarding', pricing: [], is_active: true });
  });

  it('updates only the fields sent; pricing replaces the price list', async () => {
    const product = await create({ name: 'Support', pricing: [{ currency_id: USD, unit_price: 100 }] });
    clock.advance(60_000);
    const answer = await crm.call('PUT', `/cpq/products/${product.id}`, { product: { is_active: false, pricing: [{ currency_id: EUR, unit_price: 90 }] } });
    expect(answer.status).toBe(200);
    expect(answer.body.product).toMatchObject({ name: 'Support', is_active: false, pricing: [{ currency_id: EUR, unit_price: '90.0' }], updated_at: '2026-11-02T14:31:00+05:30' });
    const cleared = await crm.call('PUT', `/cpq/products/${product.id}`, { product: { pricing: [] } });
    expect(cleared.body.product.pricing).toEqual([]);
  });

  it('refuses bad bodies with one 400 listing every problem, and changes nothing', async () => {
    await refused('POST', '/cpq/products', { product: { category: 'x' } }, 400, errors("Name can't be blank"));
    await refused('POST', '/cpq/products', { product: { name: 'X', price: 5, is_active: 'yes' } }, 400, errors("Unknown attribute 'price'", 'Is active must be true or false'));
    await refused('POST', '/cpq/products', { product: { name: 'X', pricing: [{ currency_id: JPY, unit_price: 'free' }, { currency_id: USD }] } }, 400, errors(
      'Pricing[0]: Currency is invalid', 'Pricing[0]: Unit price is not a number', "Pricing[1]: Unit price can't be blank",
    ));
    await refused('POST', '/cpq/products', { product: { name: 'X', pricing: [{ currency_id: USD, unit_price: 1 }, { currency_id: USD, unit_price: 2 }] } }, 400, errors('Pricing has more than one price for a currency'));
    await refused('POST', '/cpq/products', { product: { name: 'X', pricing: 'cheap' } }, 400, errors('Pricing must be an array'));
    const product = await create({ name: 'Kept' });
    await refused('PUT', `/cpq/products/${product.id}`, { product: { name: '', is_active: null } }, 400, errors("Name can't be blank", "Is active can't be blank"));
  });

  it('answers 404 for an unknown product and an empty 404 for a non-numeric id', async () => {
    await refused('GET', '/cpq/products/402000999999', undefined, 404, { errors: { code: 404, message: ['Product not found'] } });
    await refused('PUT', '/cpq/products/402000999999', { product: { name: 'X' } }, 404, { errors: { code: 404, message: ['Product not found'] } });
    const broken = await crm.call('GET', '/cpq/products/sku-1');
    expect({ status: broken.status, text: broken.text }).toEqual({ status: 404, text: '' });
  });
});
