import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

/**
 * A customer's webhook endpoint for the tests: it verifies every delivery with the independent
 * `standardwebhooks` package (as a receiver would), answers 401 to anything that does not
 * verify, and records what came. Its clock is the test's (the library compares the
 * timestamp with Date.now(), swapped for the call). `mode` makes it fail, vanish or hang.
 */
export type ReceiverMode = 'ok' | 'fail' | 'gone' | 'hold';

export interface Delivery {
  id: string;
  timestamp: string;
  signature: string;
  body: string;
  verified: boolean;
  error?: string;
}

export interface WebhookReceiver {
  url: string;
  deliveries: Delivery[];
  mode: ReceiverMode;
  /** Verified bodies, one per webhook id (receivers drop repeats by id). */
  events(): Array<{ id: string; type: string; timestamp: string; data: Record<string, any> }>;
  /** Answers every held request (with 200) and stops holding. */
  release(): void;
  /** Resends a recorded delivery, optionally changed, as an attacker or a replay would. */
  resend(delivery: Delivery, change?: Partial<Delivery>): Promise<number>;
  close(): Promise<void>;
}

function verifyAt(secret: string, now: number, delivery: Delivery): { verified: boolean; error?: string } {
  const realNow = Date.now;
  Date.now = () => now;
  try {
    new Webhook(secret).verify(delivery.body, { 'webhook-id': delivery.id, 'webhook-timestamp': delivery.timestamp, 'webhook-signature': delivery.signature });
    return { verified: true };
  } catch (error) {
    return { verified: false, error: error instanceof Error ? error.message : String(error) };
  } finally {
    Date.now = realNow;
  }
}

const ANSWERS: Record<Exclude<ReceiverMode, 'hold'>, [number, string]> = { ok: [200, '{"ok":true}'], fail: [503, 'busy'], gone: [410, 'gone'] };

export async function startWebhookReceiver(secret: string, now: () => number): Promise<WebhookReceiver> {
  const held: ServerResponse[] = [];
  const deliveries: Delivery[] = [];
  const receiver = { mode: 'ok' as ReceiverMode };
  const header = (request: IncomingMessage, name: string) => String(request.headers[name] ?? '');
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const delivery: Delivery = { id: header(request, 'webhook-id'), timestamp: header(request, 'webhook-timestamp'), signature: header(request, 'webhook-signature'), body: Buffer.concat(chunks).toString('utf8'), verified: false };
      Object.assign(delivery, verifyAt(secret, now(), delivery));
      deliveries.push(delivery);
      if (!delivery.verified) return void response.writeHead(401, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: delivery.error }));
      if (receiver.mode === 'hold') return void held.push(response);
      const [status, text] = ANSWERS[receiver.mode];
      response.writeHead(status, { 'Content-Type': 'application/json' }).end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(receiver, {
    url,
    deliveries,
    events: () => {
      const seen = new Map<string, { id: string; type: string; timestamp: string; data: Record<string, any> }>();
      deliveries.filter((delivery) => delivery.verified).forEach((delivery) => seen.set(delivery.id, JSON.parse(delivery.body)));
      return [...seen.values()];
    },
    release: () => {
      receiver.mode = 'ok';
      held.splice(0).forEach((response) => response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}'));
    },
    resend: async (delivery: Delivery, change: Partial<Delivery> = {}) => {
      const sent = { ...delivery, ...change };
      const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', 'webhook-id': sent.id, 'webhook-timestamp': sent.timestamp, 'webhook-signature': sent.signature }, body: sent.body });
      await response.text();
      return response.status;
    },
    close: () =>
      new Promise<void>((resolve) => {
        held.splice(0).forEach((response) => response.destroy());
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
