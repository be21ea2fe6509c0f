import { buildProductEvent } from '../../emulator/crm/feed/product-events';
import { stringify } from '../../emulator/crm/http/json';
import type { ContactRow, DealRow, SalesAccountRow, UserRow } from '../../emulator/crm/model/types';
import { createSeededStore } from '../../emulator/crm/seed/index';
import type { CrmStore } from '../../emulator/crm/store';

/**
 * Product-event payloads for the server's unit tests, made by the emulator's own change feed
 * from the seeded demo account (platform.md §3 shapes, wrapped fields, int64 mcr_id), then
 * passed through JSON as the platform delivers them, with the iparams the test gives.
 */
export const store: CrmStore = createSeededStore(1);
const actor = store.users[0] as UserRow;

export const STAGES = { qualification: 402001912039, won: 402001912042, lost: 402001912043, renewed: 402001913053 } as const;

type Row = ContactRow | DealRow | SalesAccountRow;
type Entity = 'contact' | 'deal' | 'sales_account';

function delivered(entity: Entity, before: Row | undefined, after: Row, at: number, iparams: Record<string, unknown>): Record<string, unknown> {
  const event = buildProductEvent(store, { entity, before, after, actor, at } as never);
  const payload = { account_id: event.account_id, domain: event.domain, event: event.name, region: event.region, timestamp: event.timestamp, data: event.data, iparams, app_settings: {}, currentHost: { subscribed_modules: ['contact', 'deal', 'sales_account'], endpoint_urls: { freshworks_crm: `https://${event.domain}` } } };
  return JSON.parse(stringify(payload)) as Record<string, unknown>;
}

/** A seeded deal in an open stage with at least two contacts. */
export function openDeal(): DealRow {
  const deal = store.deals.all().find((row) => row.deal_stage_id === STAGES.qualification && row.contact_ids.length >= 2);
  if (deal === undefined) throw new Error('the seed has no open deal with contacts');
  return structuredClone(deal);
}

/** onDealUpdate for a move to `stageId` at `at` (the stage's update time too). */
export function dealMoved(deal: DealRow, stageId: number, at: number, iparams: Record<string, unknown>, extra: Partial<DealRow> = {}): Record<string, unknown> {
  const after: DealRow = { ...structuredClone(deal), deal_stage_id: stageId, stage_updated_time: at, updated_at: at, ...extra };
  return delivered('deal', deal, after, at, iparams);
}

export function dealCreated(deal: DealRow, at: number, iparams: Record<string, unknown>): Record<string, unknown> {
  return delivered('deal', undefined, deal, at, iparams);
}

/** A seeded contact, optionally edited, as onContactCreate. */
export function contactCreated(edit: Partial<ContactRow>, at: number, iparams: Record<string, unknown>): Record<string, unknown> {
  const contact = { ...structuredClone(store.contacts.all()[20] as ContactRow), ...edit };
  return delivered('contact', undefined, contact, at, iparams);
}

export function contactUpdated(before: ContactRow, after: ContactRow, at: number, iparams: Record<string, unknown>): Record<string, unknown> {
  return delivered('contact', before, after, at, iparams);
}

export function accountChanged(before: SalesAccountRow | undefined, after: SalesAccountRow, at: number, iparams: Record<string, unknown>): Record<string, unknown> {
  return delivered('sales_account', before, after, at, iparams);
}
