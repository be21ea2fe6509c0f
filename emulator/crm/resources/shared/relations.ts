import type { ContactRow, DealRow, ForecastType, Id, TargetableType } from '../../model/types';
import type { CrmStore } from '../../store';
import { dealMoney } from '../../serialize/deal';

/** Stage forecast of a deal: Open, Closed Won or Closed Lost. */
export function forecastOf(store: CrmStore, deal: DealRow): ForecastType {
  return store.metadata.deal_stages.find((stage) => stage.id === deal.deal_stage_id)?.forecast_type ?? 'Open';
}

export const dealsOfContact = (store: CrmStore, contactId: Id): DealRow[] =>
  store.deals.all().filter((deal) => deal.contact_ids.includes(contactId));

export const dealsOfAccount = (store: CrmStore, accountId: Id): DealRow[] =>
  store.deals.all().filter((deal) => deal.sales_account_id === accountId);

export const contactsOfAccount = (store: CrmStore, accountId: Id): ContactRow[] =>
  store.contacts.all().filter((contact) => contact.sales_accounts.some((link) => link.id === accountId));

/** Tasks, appointments, notes (anything with a targetable) of one record. */
export function targetedAt<R extends { targetable_type: TargetableType | null; targetable_id: Id | null }>(
  rows: R[],
  type: TargetableType,
  id: Id,
): R[] {
  return rows.filter((row) => row.targetable_type === type && row.targetable_id === id);
}

function sumDecimal(values: string[]): string {
  const cents = values.reduce((total, value) => total + Math.round(Number(value) * 100), 0);
  const text = (cents / 100).toFixed(2).replace(/0$/, '');
  return text.endsWith('.') ? `${text}0` : text;
}

export interface DealTotals {
  open_deals_amount: string | null;
  won_deals_amount: string | null;
  open_deals_count: number;
  won_deals_count: number;
}

/**
 * Open and won totals in the base currency. A record that never had deals answers `null`
 * amounts, as fresh records do (api §4.1 notes).
 */
export function dealTotals(store: CrmStore, deals: DealRow[], now: number): DealTotals {
  const context = { store, now };
  const amountOf = (deal: DealRow) => dealMoney(context, deal).base_currency_amount ?? '0.0';
  const open = deals.filter((deal) => forecastOf(store, deal) === 'Open');
  const won = deals.filter((deal) => forecastOf(store, deal) === 'Closed Won');
  const none = deals.length === 0;
  return {
    open_deals_amount: none ? null : sumDecimal(open.map(amountOf)),
    won_deals_amount: none ? null : sumDecimal(won.map(amountOf)),
    open_deals_count: open.length,
    won_deals_count: won.length,
  };
}
