import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorRoute, RegisterEmulatorRoutes } from '../context';
import { readBody, sendJson } from '../http/dispatch';
import type { Platform } from '../platform';
import { mediaType, parseExternalBody } from './external-body';

/** Body cap for incoming webhooks (platform.md §4.2; older docs said 128 KB: the stricter one). */
export const EXTERNAL_MAX_BYTES = 100 * 1024;

export const EXTERNAL_PATH = '/__fdk/events/:installationId/:token';

/** Header names as the sender wrote them (casing is unconfirmed, §4.2: keep what arrived). */
function rawHeaders(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (let index = 0; index + 1 < request.rawHeaders.length; index += 2) {
    headers[request.rawHeaders[index] as string] = request.rawHeaders[index + 1] as string;
  }
  return headers;
}

function refuse(platform: Platform, response: ServerResponse, status: number, message: string, request: IncomingMessage): void {
  platform.inspector.record({ kind: 'external', status, contentType: request.headers['content-type'] ?? '', bytes: 0, error: message });
  sendJson(response, status, { message });
}

/**
 * The per-installation webhook URL (platform.md §4.2): JSON, XML and form bodies up to 100 KB,
 * 250 a minute; acknowledged with an empty 200 as soon as accepted, then dispatched to
 * onExternalEvent. The sender cannot see what the handler does.
 */
function receive(platform: Platform): EmulatorRoute {
  return async (request, response, params) => {
    const installation = platform.installation();
    if (installation === undefined || installation.id !== params.installationId || installation.token !== params.token) {
      return refuse(platform, response, 404, 'No installation listens at this URL', request);
    }
    if (!installation.windows.external.take()) return refuse(platform, response, 429, 'Too many external events: 250 a minute per installation', request);
    const body = await readBody(request, EXTERNAL_MAX_BYTES);
    if (body === undefined) return refuse(platform, response, 413, `The body is larger than ${EXTERNAL_MAX_BYTES} bytes`, request);
    const parsed = parseExternalBody(request.headers['content-type'], body);
    if (!parsed.ok) return refuse(platform, response, parsed.status, parsed.message, request);
    response.writeHead(200, { 'Content-Length': '0' }).end();
    platform.inspector.record({ kind: 'external', status: 200, contentType: mediaType(request.headers['content-type']), bytes: body.length });
    void platform.dispatchExternal(installation, { headers: rawHeaders(request), data: parsed.data });
  };
}

export function externalEventRoutes(platform: Platform): RegisterEmulatorRoutes {
  return (router) => router.add('POST', EXTERNAL_PATH, receive(platform));
}
