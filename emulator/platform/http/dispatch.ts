import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Router } from '../../crm/http/router';
import type { EmulatorContext, EmulatorRoute } from '../context';

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (response.headersSent) return;
  const text = JSON.stringify(body);
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(Buffer.byteLength(text)), ...headers });
  response.end(text);
}

export function sendText(response: ServerResponse, status: number, text: string, type = 'text/html; charset=utf-8', headers: Record<string, string> = {}): void {
  if (response.headersSent) return;
  response.writeHead(status, { 'Content-Type': type, 'Content-Length': String(Buffer.byteLength(text)), ...headers });
  response.end(text);
}

/** Reads a request body up to `limit` bytes; undefined when the limit was passed. */
export function readBody(request: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(over ? undefined : Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** Routes one request; unknown paths get 404, wrong methods 405, crashes 500. */
async function run(route: EmulatorRoute, params: Record<string, string>, context: EmulatorContext, request: IncomingMessage, response: ServerResponse): Promise<void> {
  try {
    await route(request, response, params, context);
  } catch (error) {
    console.error('[emulator] route failed:', error);
    sendJson(response, 500, { message: error instanceof Error ? error.message : 'internal error' });
  }
}

export async function dispatch(router: Router<EmulatorRoute>, context: EmulatorContext, request: IncomingMessage, response: ServerResponse): Promise<boolean> {
  const method = request.method ?? 'GET';
  const path = new URL(request.url ?? '/', 'http://emulator.local').pathname;
  const matched = router.match(method, path);
  if (matched === undefined) return false;
  if (matched === 'method-not-allowed') sendJson(response, 405, { message: `${method} is not allowed on ${path}` });
  else await run(matched.handler, matched.params, context, request, response);
  return true;
}
