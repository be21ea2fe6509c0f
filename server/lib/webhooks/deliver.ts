import { classifyRejection, type CrmFailure } from '../../../common/crm/failure';
import type { TemplateSuccess } from '../../../common/platform/request';
import type { Host } from '../platform/host';
import { shortAnswer, type AttemptOutcome } from '../queue/item';
import type { WebhookSettings } from '../settings/settings';
import { sign } from './signature';

/**
 * One delivery attempt through the `sendWebhook` request template (host and path from the
 * installation parameters, config/requests.json) and what its answer means:
 * - 2xx: delivered;
 * - 410 Gone: the endpoint is gone; deliveries to it stop;
 * - 429, 5xx, connection errors: retried later with growing delays;
 * - a timeout: the receiver may have it (unknown), retried under the same webhook-id, which
 *   receivers use to drop repeats;
 * - other 4xx, and the platform refusing the template: dead (retrying cannot help);
 * - the platform's own 50-a-minute limit: not an attempt at all, the item waits.
 */
export type DeliveryOutcome = AttemptOutcome | 'throttled';

export interface DeliveryResult {
  outcome: DeliveryOutcome;
  status?: number;
  answer: string;
  retryAfterSeconds?: number;
}

export const SEND_TEMPLATE = 'sendWebhook';

function answered(success: TemplateSuccess): DeliveryResult {
  return { outcome: 'delivered', status: success.status, answer: shortAnswer(success.response) };
}

function outcomeOf(failure: CrmFailure): DeliveryOutcome {
  if (failure.source === 'PLATFORM' && failure.status === 429) return 'throttled';
  if (failure.status === 410) return 'gone';
  const byKind: Partial<Record<CrmFailure['kind'], DeliveryOutcome>> = { rate_limited: 'retry', server_error: 'retry', unreachable: 'retry', timeout: 'unknown', bad_response: 'unknown' };
  return byKind[failure.kind] ?? 'dead';
}

function responseText(rejection: unknown): string {
  const response = (rejection as { response?: unknown } | null)?.response;
  return typeof response === 'string' ? response : '';
}

/** The CRM classifier says who answered as "from Freshsales"; here it was the webhook endpoint. */
const detailOf = (failure: CrmFailure): string => failure.detail.replace(/^(HTTP \d+) from Freshsales/, '$1 from the endpoint');

export function classifyDelivery(rejection: unknown): DeliveryResult {
  const failure = classifyRejection(rejection);
  const text = responseText(rejection);
  const detail = detailOf(failure);
  return {
    outcome: outcomeOf(failure),
    ...(failure.status === undefined ? {} : { status: failure.status }),
    answer: shortAnswer(text === '' ? detail : `${detail}: ${text}`),
    ...(failure.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: failure.retryAfterSeconds }),
  };
}

/** Signs the stored body with the current time and sends it once. */
export async function sendOnce(host: Host, settings: WebhookSettings, id: string, body: string): Promise<DeliveryResult> {
  const timestamp = Math.floor(host.now() / 1000);
  // The template writes the leading slash itself: the FDK requires a template path to start with one.
  const context = { webhook_path: settings.path.replace(/^\/+/, ''), webhook_id: id, webhook_timestamp: String(timestamp), webhook_signature: sign(settings.key, id, timestamp, body) };
  try {
    return answered(await host.request.invokeTemplate(SEND_TEMPLATE, { context, body }));
  } catch (rejection) {
    return classifyDelivery(rejection);
  }
}

/** Where deliveries go, to recognise the endpoint a 410 referred to. */
export const endpointOf = (settings: WebhookSettings): string => `https://${settings.host}${settings.path}`;
