import * as z from 'zod/mini';
import { contactEventDataSchema, dealEventDataSchema, salesAccountEventDataSchema } from '../../../common/product-events/records';
import { productEventPayloadSchema } from '../../../common/platform/payloads';
import { describeIssues } from '../../../common/validation';
import { stringify } from '../http/json';
import type { ContactRow, DealRow, SalesAccountRow } from '../model/types';
import { createSeededStore } from '../seed/index';
import { buildProductEvent } from './product-events';
import { ASHA, changeOf, edited } from './test-changes';

/**
 * The emulator implements the payload contracts of common/ (issue #9): every contact, deal and
 * account event the change feed emits for the seeded demo data (edge cases included), created
 * and updated, parses with the schemas the server parses real events with, after the JSON
 * round trip the platform makes.
 */
const store = createSeededStore(1);

const SCHEMAS: Record<string, z.ZodMiniType> = {
  contact: contactEventDataSchema,
  deal: dealEventDataSchema,
  sales_account: salesAccountEventDataSchema,
};

function delivered(event: ReturnType<typeof buildProductEvent>): unknown {
  return JSON.parse(stringify({ ...event, event: event.name, iparams: {}, app_settings: {} })) as unknown;
}

function problems(entity: string, event: ReturnType<typeof buildProductEvent>): string[] {
  const payload = delivered(event);
  const envelope = z.safeParse(productEventPayloadSchema, payload);
  if (!envelope.success) return [`envelope: ${describeIssues(envelope.error.issues)}`];
  const data = z.safeParse(SCHEMAS[entity] as z.ZodMiniType, envelope.data.data);
  return data.success ? [] : [`${event.name} ${entity}: ${describeIssues(data.error.issues)}`];
}

type Change =
  | { entity: 'contact'; rows: ContactRow[] }
  | { entity: 'deal'; rows: DealRow[] }
  | { entity: 'sales_account'; rows: SalesAccountRow[] };

const CHANGES: Change[] = [
  { entity: 'contact', rows: store.contacts.all() },
  { entity: 'deal', rows: store.deals.all() },
  { entity: 'sales_account', rows: store.sales_accounts.all() },
];

describe('product events of the stand-in against common/product-events', () => {
  it.each(CHANGES.map((change) => [change.entity, change] as const))('every seeded %s, created and updated, parses', (entity, change) => {
    const found = (change.rows as Array<ContactRow | DealRow | SalesAccountRow>).flatMap((row) => {
      const after = edited(row, (copy) => Object.assign(copy, { name: 'Renamed' }), ASHA);
      const created = buildProductEvent(store, changeOf({ entity: change.entity, after: row } as never));
      const updated = buildProductEvent(store, changeOf({ entity: change.entity, before: row, after } as never));
      return [...problems(entity, created), ...problems(entity, updated)];
    });
    expect(change.rows.length).toBeGreaterThan(10);
    expect(found).toEqual([]);
  });

  it('refuses what the server must not act on: a deal without an id, a stage id that is text', () => {
    const deal = store.deals.all()[0] as DealRow;
    const event = delivered(buildProductEvent(store, changeOf({ entity: 'deal', after: deal }))) as { data: { deal: Record<string, unknown> } };
    delete event.data.deal.id;
    expect(z.safeParse(dealEventDataSchema, event.data).success).toBe(false);
    const other = delivered(buildProductEvent(store, changeOf({ entity: 'deal', after: deal }))) as { data: { deal: { deal_stage_id: { value: unknown } } } };
    other.data.deal.deal_stage_id.value = 'Won';
    expect(z.safeParse(dealEventDataSchema, other.data).success).toBe(false);
  });
});
