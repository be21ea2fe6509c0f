import type { Deal } from '../../../common/crm/records';
import { fieldByName, knownChoices, type FieldDef } from './fields';

/**
 * Which currency a deal's money is in. A deal names its currency by `currency_id`; the code
 * comes from the deal view's `currencies` side-load when there is one, else from the deal
 * field settings' currency choices (cached, so deal lists cost no extra call). Side-loaded deals
 * on contacts and accounts carry no association ids (api §3 rule 6), so their money is read in
 * the account's base currency: `base_currency_amount`, or the amount of a deal created without
 * a currency (it takes the base currency).
 */
export interface Money {
  /** A decimal string, never a float. */
  amount: string;
  currencyCode?: string;
}

export interface CurrencyRef {
  id: number;
  currency_code: string;
}

const CURRENCY_FIELD = 'currency_id';

function currencyChoices(dealFields: readonly FieldDef[]) {
  const field = fieldByName(dealFields, CURRENCY_FIELD);
  return field === undefined ? [] : knownChoices(field);
}

/** The code of a currency id, from the side-load or the currency field's choices. */
export function currencyCodeOf(
  dealFields: readonly FieldDef[],
  currencyId: number | string | null | undefined,
  currencies: readonly CurrencyRef[] = [],
): string | undefined {
  if (currencyId === null || currencyId === undefined) return undefined;
  const key = String(currencyId);
  const loaded = currencies.find((currency) => String(currency.id) === key)?.currency_code;
  return loaded ?? currencyChoices(dealFields).find((choice) => choice.id === key)?.label;
}

/**
 * The account's base currency. Freshsales lists the base currency first among the currency
 * choices (the currency every other one is converted to) [U: no settings flag says so]; with a
 * single currency there is nothing to guess.
 */
export function baseCurrencyCode(dealFields: readonly FieldDef[]): string | undefined {
  const choices = [...currencyChoices(dealFields)].sort((a, b) => a.position - b.position);
  return choices[0]?.label;
}

const hasAmount = (value: string | null | undefined): value is string => typeof value === 'string' && value.trim() !== '';

/** A deal's money as its own record reads: the amount in the deal's currency. */
export function dealMoney(deal: Deal, dealFields: readonly FieldDef[], currencies: readonly CurrencyRef[] = []): Money | undefined {
  const own = currencyCodeOf(dealFields, deal.currency_id, currencies);
  if (own !== undefined && hasAmount(deal.amount)) return { amount: deal.amount, currencyCode: own };
  return baseMoney(deal, dealFields);
}

/** A deal's money in the base currency, for totals across deals of several currencies. */
export function baseMoney(deal: Deal, dealFields: readonly FieldDef[]): Money | undefined {
  const base = baseCurrencyCode(dealFields);
  const code = base === undefined ? {} : { currencyCode: base };
  if (hasAmount(deal.base_currency_amount)) return { amount: deal.base_currency_amount, ...code };
  // Without a base amount the deal's own amount counts in its currency, or the base one when it names none.
  if (!hasAmount(deal.amount)) return undefined;
  const own = currencyCodeOf(dealFields, deal.currency_id);
  return { amount: deal.amount, ...(own === undefined ? code : { currencyCode: own }) };
}
