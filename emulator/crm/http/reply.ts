import type { ServerResponse } from 'node:http';
import { stringify } from './json';

export interface Outgoing {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Writes a JSON answer; `undefined` body ⇒ an empty body (e.g. the non-numeric-id 404). */
export function send(response: ServerResponse, outgoing: Outgoing, transform?: (text: string) => { text: string; type: string }): void {
  if (response.headersSent || response.destroyed) return;
  const json = outgoing.body === undefined ? '' : stringify(outgoing.body);
  const { text, type } = transform ? transform(json) : { text: json, type: 'application/json; charset=utf-8' };
  const headers: Record<string, string> = { ...outgoing.headers };
  if (text !== '') headers['Content-Type'] = type;
  headers['Content-Length'] = String(Buffer.byteLength(text));
  response.writeHead(outgoing.status, headers);
  response.end(text);
}

/** Half of the body: valid headers, broken JSON, as a dropped connection leaves it. */
export const truncateBody = (text: string) => ({ text: text.slice(0, Math.floor(text.length / 2)), type: 'application/json; charset=utf-8' });

/** What a proxy in front of the service answers when it breaks: HTML, not JSON. */
export const htmlErrorPage = (status: number) => () => ({
  text: `<!DOCTYPE html><html><head><title>${status}</title></head><body><h1>We're sorry, but something went wrong.</h1></body></html>`,
  type: 'text/html; charset=utf-8',
});
