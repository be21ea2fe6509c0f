import { isRecord } from '../../../common/guards';
import { unwrap } from '../../../common/product-events/fields';
import type { WebhookEnvelope, WebhookType } from '../../../common/webhooks/types';
import { BODY_MAX_CHARS, type OutboxItem } from '../queue/item';
import { closedAs, type StageMove } from '../triggers/deal-stage';
import { recordLabel, type ParsedEvent } from '../triggers/parse';
import { restChanges, restRecord } from './rest-record';
import { messageId } from './signature';

/**
 * Which outbound webhooks a product event makes (docs/webhooks.md), and each delivery's body.
 * A deal moved into a won stage is both `deal.stage_changed` and `deal.won`.
 */
export interface Outbound {
  type: WebhookType;
  /** With the type and record id, identifies the event: repeated deliveries share it. */
  stamp: string;
  extras: Record<string, unknown>;
}

const seconds = (ms: number): string => String(Math.floor(ms / 1000));

/** When the record last changed, from the record itself, so a redelivery of the event agrees. */
function recordStamp(record: { updated_at?: unknown; created_at?: unknown }, fallback: number): string {
  const time = unwrap(record.updated_at) ?? unwrap(record.created_at);
  const parsed = typeof time === 'string' ? Date.parse(time) : Number.NaN;
  return seconds(Number.isNaN(parsed) ? fallback : parsed);
}

/** Changes worth telling: more than `updated_at` moving. */
function meaningful(changes: Record<string, unknown> | undefined): boolean {
  return Object.keys(changes ?? {}).some((name) => name !== 'updated_at');
}

const idsOf = (value: unknown): unknown[] => (Array.isArray(value) ? (value as unknown[]) : []);

/**
 * Lists the contact joined: `list_ids` grown between old and new in model_changes. Whether the
 * platform reports list membership there is unconfirmed (docs/webhooks.md); without it no
 * `contact.list_added` is sent.
 */
export function listsAdded(changes: Record<string, [unknown, unknown]> | undefined): unknown[] {
  const pair = changes?.list_ids;
  if (pair === undefined) return [];
  const before = new Set(idsOf(pair[0]).map(String));
  return idsOf(pair[1]).filter((id) => !before.has(String(id)));
}

function contactEvents(event: Extract<ParsedEvent, { entity: 'contact' }>): Outbound[] {
  const stamp = recordStamp(event.data.contact, event.at);
  if (event.change === 'create') return [{ type: 'contact.created', stamp, extras: {} }];
  const changes = event.data.changes?.model_changes;
  const added = listsAdded(changes);
  return [
    ...(meaningful(changes) ? [{ type: 'contact.updated' as const, stamp, extras: {} }] : []),
    ...(added.length > 0 ? [{ type: 'contact.list_added' as const, stamp, extras: { list_ids_added: added } }] : []),
  ];
}

function stageExtras(event: Extract<ParsedEvent, { entity: 'deal' }>, move: StageMove): Record<string, unknown> {
  return { stage: event.data.associations?.deal_stage ?? null, previous_stage_id: move.from };
}

function dealEvents(event: Extract<ParsedEvent, { entity: 'deal' }>, move: StageMove | undefined): Outbound[] {
  if (event.change === 'create') return [{ type: 'deal.created', stamp: recordStamp(event.data.deal, event.at), extras: {} }];
  if (move === undefined) return [];
  const extras = stageExtras(event, move);
  const closed = closedAs(move);
  const reason = event.data.associations?.deal_reason ?? null;
  return [
    { type: 'deal.stage_changed', stamp: move.stamp, extras },
    ...(closed === 'won' ? [{ type: 'deal.won' as const, stamp: move.stamp, extras }] : []),
    ...(closed === 'lost' ? [{ type: 'deal.lost' as const, stamp: move.stamp, extras: { ...extras, lost_reason: reason } }] : []),
  ];
}

function accountEvents(event: Extract<ParsedEvent, { entity: 'sales_account' }>): Outbound[] {
  const stamp = recordStamp(event.data.sales_account, event.at);
  if (event.change === 'create') return [{ type: 'account.created', stamp, extras: {} }];
  return meaningful(event.data.changes?.model_changes) ? [{ type: 'account.updated', stamp, extras: {} }] : [];
}

/** Every webhook type the event makes, before the admin's choice is applied. */
export function outboundFor(event: ParsedEvent, move: StageMove | undefined): Outbound[] {
  if (event.entity === 'contact') return contactEvents(event);
  if (event.entity === 'deal') return dealEvents(event, move);
  return accountEvents(event);
}

function recordOf(event: ParsedEvent): Record<string, unknown> & { id: number } {
  if (event.entity === 'contact') return event.data.contact;
  return event.entity === 'deal' ? event.data.deal : event.data.sales_account;
}

/** The envelope `{id, type, timestamp, data}`; data holds the record under its REST key. */
export function envelopeOf(event: ParsedEvent, outbound: Outbound): WebhookEnvelope {
  const record = recordOf(event);
  const changes = event.data.changes?.model_changes;
  return {
    id: messageId(outbound.type, String(record.id), outbound.stamp),
    type: outbound.type,
    timestamp: new Date(event.at).toISOString(),
    data: { [event.entity]: restRecord(record), ...(changes === undefined ? {} : { changes: restChanges(changes) }), ...outbound.extras },
  };
}

/**
 * The body as sent. One the outbox cannot hold (a record with very long texts changed both
 * ways) names the changed fields instead of their values, which the record itself carries.
 */
export function bodyOf(envelope: WebhookEnvelope): string {
  const body = JSON.stringify(envelope);
  const changes = envelope.data.changes;
  if (body.length <= BODY_MAX_CHARS || !isRecord(changes)) return body;
  const data: Record<string, unknown> = { ...envelope.data, changed_fields: Object.keys(changes) };
  delete data.changes;
  return JSON.stringify({ ...envelope, data });
}

/** A pending delivery, due now. */
export function deliveryItem(event: ParsedEvent, outbound: Outbound, now: number): OutboxItem {
  const envelope = envelopeOf(event, outbound);
  return {
    kind: 'webhook',
    status: 'pending',
    key: envelope.id,
    name: envelope.type,
    record: recordLabel(event),
    dueAt: now,
    attempts: 0,
    createdAt: now,
    updatedAt: now,
    log: [],
    state: {},
    body: bodyOf(envelope),
  };
}
