import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LoadedApp, RequestTemplate } from '../types';

/**
 * Test helpers for the request method: a real local HTTP server that records what it receives
 * and answers from a script, and a LoadedApp built in memory.
 */

export interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export type Reply = (response: ServerResponse, request: IncomingMessage) => void;

export interface Receiver {
  url: string;
  received: Received[];
  /** Answers used in order, one per request; then `fallback`. */
  script(...replies: Reply[]): void;
  fallback: Reply;
  close(): Promise<void>;
}

export const replyJson =
  (status: number, body: unknown, headers: Record<string, string> = {}): Reply =>
  (response) => {
    response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
    response.end(JSON.stringify(body));
  };

/** Any content type, or none at all when `type` is undefined. */
export const replyText =
  (status: number, type: string | undefined, body: string | Buffer): Reply =>
  (response) => {
    response.writeHead(status, type === undefined ? {} : { 'Content-Type': type });
    response.end(body);
  };

/** Never answers (for timeouts). */
export const hang: Reply = () => undefined;

/** Drops the connection without an answer (a network error, ECONNRESET). */
export const dropConnection: Reply = (_response, request) => {
  request.socket.destroy();
};

export async function startReceiver(): Promise<Receiver> {
  const received: Received[] = [];
  const queue: Reply[] = [];
  const receiver = {
    url: '',
    received,
    script: (...replies: Reply[]) => void queue.push(...replies),
    fallback: replyJson(200, { ok: true }),
    close: () => Promise.resolve(),
  };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      (queue.shift() ?? receiver.fallback)(response, request);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  receiver.close = () => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return receiver;
}

/** A port nothing listens on (for connection errors). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** An app with these templates; all declared in the manifest unless `declared` says otherwise. */
export function appWith(
  templates: Record<string, RequestTemplate>,
  options: { declared?: string[]; secure?: string[] } = {},
): LoadedApp {
  const declared = options.declared ?? Object.keys(templates);
  const secure = new Set(options.secure ?? ['api_key']);
  const iparamNames = ['domain', 'api_key', 'region', ...secure];
  return {
    dir: '/apps/test',
    name: 'test',
    manifest: {
      'platform-version': '3.0',
      modules: { common: { requests: Object.fromEntries(declared.map((name) => [name, {}])) } },
      engines: { node: '24.11.0', fdk: '10.1.2' },
    },
    templates,
    iparamFields: Object.fromEntries(iparamNames.map((name) => [name, { display_name: name, type: 'text', secure: secure.has(name) }])),
    customSettingsPage: false,
    locations: [],
    events: [],
    functions: {},
    dependencies: {},
  };
}
