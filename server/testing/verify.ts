import { Webhook } from 'standardwebhooks';

/**
 * Verifies a delivery with the independent `standardwebhooks` package, at the moment the test
 * clock says (the library checks the timestamp against its own now). Throws as the library
 * does when the signature, body or timestamp is wrong; returns the parsed body.
 */
export function verifyDelivery(secret: string, body: string, context: Record<string, unknown>, nowMs: number): unknown {
  const headers = { 'webhook-id': String(context.webhook_id), 'webhook-timestamp': String(context.webhook_timestamp), 'webhook-signature': String(context.webhook_signature) };
  jest.useFakeTimers({ now: nowMs });
  try {
    return new Webhook(secret).verify(body, headers);
  } finally {
    jest.useRealTimers();
  }
}
