import type { IncomingMessage } from 'node:http';
import { badRequest, payloadTooLarge, unsupportedMediaType } from './errors';

/** The real limit is not documented; 1 MiB is far above any record write. */
export const DEFAULT_MAX_BODY_BYTES = 1_048_576;

function readRaw(request: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(payloadTooLarge(limit));
        request.resume();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/**
 * The JSON body, or undefined when there is none. A body must say it is JSON: the platform's
 * request method adds no Content-Type of its own (platform.md §5.2), so a template that forgets
 * it must fail here as it would against Rails, not work by accident.
 */
export async function readJsonBody(request: IncomingMessage, limit: number): Promise<unknown> {
  const raw = await readRaw(request, limit);
  if (raw.length === 0) return undefined;
  const type = request.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type)) throw unsupportedMediaType();
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch (error) {
    throw badRequest(`Request body is not valid JSON: ${(error as Error).message}`);
  }
}
