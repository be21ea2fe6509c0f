import { isWebhookType } from '../../../common/webhooks/types';
import { retryDelayMs } from '../queue/backoff';
import type { Attempt, OutboxItem } from '../queue/item';
import type { StateStore } from '../state/state-store';
import type { CallBudget } from '../budget/call-budget';
import type { Host } from '../platform/host';
import type { WebhookSettings } from '../settings/settings';
import { endpointOf, sendOnce, type DeliveryResult } from './deliver';

/**
 * One delivery of a queued webhook, and what the outbox item becomes: delivered, retried after
 * a growing delay, dead after the configured attempts (kept with every attempt and answer for
 * replay), or dead because the endpoint said 410 Gone, which also stops deliveries to it.
 */
export interface DeliveryContext {
  host: Host;
  budget: CallBudget;
  state: StateStore;
  settings: WebhookSettings;
}

const MINUTE_MS = 60_000;

function closed(item: OutboxItem, now: number, answer: string): OutboxItem {
  return { ...item, status: 'dead', updatedAt: now, log: [...item.log, { at: now, outcome: 'dead', answer }] };
}

/** Why this item cannot be sent at all now, if it cannot. */
async function blocked(item: OutboxItem, context: DeliveryContext): Promise<string | undefined> {
  if (!context.settings.enabled) return 'webhooks were switched off before this delivery was sent';
  if (!isWebhookType(item.name) || !context.settings.events.has(item.name)) return `${item.name} is no longer among the chosen webhook events`;
  const gone = (await context.state.read())?.webhook_gone;
  return gone?.url === endpointOf(context.settings) ? `${gone.url} answered 410 Gone at ${new Date(gone.at).toISOString()}; deliveries to it stopped` : undefined;
}

function afterAttempt(item: OutboxItem, result: DeliveryResult, now: number, maxAttempts: number): OutboxItem {
  const attempts = item.attempts + 1;
  const attempt: Attempt = { at: now, outcome: result.outcome === 'throttled' ? 'retry' : result.outcome, ...(result.status === undefined ? {} : { status: result.status }), answer: result.answer };
  const next: OutboxItem = { ...item, attempts, updatedAt: now, log: [...item.log, attempt] };
  if (result.outcome === 'delivered') return { ...next, status: 'done' };
  if (result.outcome === 'dead' || result.outcome === 'gone' || attempts >= maxAttempts) return { ...next, status: 'dead' };
  return { ...next, dueAt: now + retryDelayMs(attempts, result.retryAfterSeconds) };
}

/** Sends one due delivery if the run still has a call to spend; returns the item to save, or undefined when untouched. */
export async function deliverItem(item: OutboxItem, context: DeliveryContext): Promise<OutboxItem | undefined> {
  const now = context.host.now();
  const why = await blocked(item, context);
  if (why !== undefined) return closed(item, now, why);
  if (!(await context.budget.take())) return undefined;
  const result = await sendOnce(context.host, context.settings, item.key, item.body);
  if (result.outcome === 'throttled') {
    // The platform's own 50 a minute, not the receiver: no attempt is counted.
    await context.budget.exhausted(result.answer);
    return { ...item, dueAt: now + MINUTE_MS, updatedAt: now };
  }
  if (result.outcome === 'gone') await context.state.set({ webhook_gone: { url: endpointOf(context.settings), at: now } });
  return afterAttempt(item, result, now, context.settings.maxAttempts);
}
