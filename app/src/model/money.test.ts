import { fieldSettingsSchema } from '../../../common/crm/records';
import { REAL, realDealSettings } from '../test/real-settings';
import { toFieldDefs } from './fields';
import { baseCurrencyCode, baseMoney, currencyCodeOf, dealMoney } from './money';

const DEAL_FIELDS = toFieldDefs(fieldSettingsSchema.parse({ fields: realDealSettings() }).fields);
const deal = (overrides: Record<string, unknown>) => ({ id: 1, name: 'Deal', ...overrides });

describe('currencies of deals (B2)', () => {
  it('names a currency id from the side-load first, else from the cached currency choices', () => {
    expect(currencyCodeOf(DEAL_FIELDS, REAL.eur)).toBe('EUR');
    expect(currencyCodeOf(DEAL_FIELDS, String(REAL.eur))).toBe('EUR');
    expect(currencyCodeOf(DEAL_FIELDS, REAL.eur, [{ id: REAL.eur, currency_code: 'EUR (side-load)' }])).toBe('EUR (side-load)');
    expect(currencyCodeOf(DEAL_FIELDS, 5)).toBeUndefined();
    expect(currencyCodeOf(DEAL_FIELDS, null)).toBeUndefined();
  });

  it('takes the first currency choice as the base currency', () => {
    expect(baseCurrencyCode(DEAL_FIELDS)).toBe('USD');
    expect(baseCurrencyCode([])).toBeUndefined();
  });

  it('shows a deal that names its currency in that currency', () => {
    expect(dealMoney(deal({ amount: '12500.50', currency_id: REAL.eur, base_currency_amount: '13500.54' }), DEAL_FIELDS)).toEqual({ amount: '12500.50', currencyCode: 'EUR' });
  });

  it('shows a side-loaded deal (no currency_id) by its base-currency amount in the base currency', () => {
    expect(dealMoney(deal({ amount: '100.0', base_currency_amount: '108.0' }), DEAL_FIELDS)).toEqual({ amount: '108.0', currencyCode: 'USD' });
    expect(dealMoney(deal({ amount: '100.0' }), DEAL_FIELDS)).toEqual({ amount: '100.0', currencyCode: 'USD' });
    expect(dealMoney(deal({ amount: null, base_currency_amount: null }), DEAL_FIELDS)).toBeUndefined();
    expect(dealMoney(deal({ amount: ' ' }), [])).toBeUndefined();
  });

  it('counts a deal in the base currency for totals, or its own when the CRM gave no base amount', () => {
    expect(baseMoney(deal({ amount: '10.0', currency_id: REAL.eur, base_currency_amount: '11.0' }), DEAL_FIELDS)).toEqual({ amount: '11.0', currencyCode: 'USD' });
    expect(baseMoney(deal({ amount: '10.0', currency_id: REAL.eur }), DEAL_FIELDS)).toEqual({ amount: '10.0', currencyCode: 'EUR' });
    expect(baseMoney(deal({ amount: '10.0' }), [])).toEqual({ amount: '10.0' });
  });
});
