import * as z from 'zod/mini';
import { PRODUCT_EVENTS, type ProductEventName } from '../../../common/product-events/names';
import {
  contactEventDataSchema, dealEventDataSchema, salesAccountEventDataSchema, type ContactEventData, type DealEventData, type SalesAccountEventData,
} from '../../../common/product-events/records';
import { eventTimeMs, productEventPayloadSchema } from '../../../common/platform/payloads';
import { describeIssues, fail, ok, REPORT_INPUT, type Result } from '../../../common/validation';

/**
 * A product event after validation: the envelope's facts the app uses, and `data` parsed with
 * the entity's schema (common/product-events). Anything else is refused here with the reason, so the
 * deciders below never see a half-valid payload.
 */
interface Base {
  name: ProductEventName;
  change: 'create' | 'update';
  /** Event time, epoch ms (the envelope's timestamp, else now). */
  at: number;
  iparams: Record<string, unknown>;
}

export type ParsedEvent =
  | (Base & { entity: 'contact'; data: ContactEventData })
  | (Base & { entity: 'deal'; data: DealEventData })
  | (Base & { entity: 'sales_account'; data: SalesAccountEventData });

const DATA_SCHEMAS = {
  contact: contactEventDataSchema,
  deal: dealEventDataSchema,
  sales_account: salesAccountEventDataSchema,
} as const;

export function parseProductEvent(name: ProductEventName, args: unknown, now: number): Result<ParsedEvent, string> {
  const envelope = z.safeParse(productEventPayloadSchema, args, REPORT_INPUT);
  if (!envelope.success) return fail(`${name}: the payload is invalid: ${describeIssues(envelope.error.issues)}`);
  if (envelope.data.event !== name) return fail(`${name}: the payload says it is ${envelope.data.event}`);
  const spec = PRODUCT_EVENTS[name];
  const data = z.safeParse(DATA_SCHEMAS[spec.entity], envelope.data.data, REPORT_INPUT);
  if (!data.success) return fail(`${name}: data is invalid: ${describeIssues(data.error.issues)}`);
  const at = eventTimeMs(envelope.data.timestamp) ?? now;
  return ok({ name, ...spec, at, iparams: envelope.data.iparams, data: data.data } as ParsedEvent);
}

/** The record an event is about, e.g. `deal 402000401001`, for logs and the delivery log. */
export function recordLabel(event: ParsedEvent): string {
  const record = event.entity === 'contact' ? event.data.contact : event.entity === 'deal' ? event.data.deal : event.data.sales_account;
  return `${event.entity} ${record.id}`;
}
