/**
 * The outbound webhook events admins can subscribe to (docs/webhooks.md). Each is derived
 * from a product event: created/updated records, and for deals the stage moves.
 */
export const WEBHOOK_TYPES = [
  'deal.won',
  'deal.lost',
  'deal.created',
  'deal.stage_changed',
  'contact.created',
  'contact.updated',
  'contact.list_added',
  'account.created',
  'account.updated',
] as const;

export type WebhookType = (typeof WEBHOOK_TYPES)[number];

/** Subscribed when the admin leaves the choice as it is: the events users ask for most. */
export const DEFAULT_WEBHOOK_TYPES: readonly WebhookType[] = ['deal.won', 'deal.created', 'contact.created', 'contact.list_added'];

export function isWebhookType(value: unknown): value is WebhookType {
  return typeof value === 'string' && (WEBHOOK_TYPES as readonly string[]).includes(value);
}

/** The envelope every delivery carries as its JSON body (Standard Webhooks' recommended shape). */
export interface WebhookEnvelope {
  /** Equals the `webhook-id` header; the same for every retry of one event. */
  id: string;
  type: WebhookType;
  /** When the CRM change happened, ISO-8601 UTC. */
  timestamp: string;
  data: Record<string, unknown>;
}
