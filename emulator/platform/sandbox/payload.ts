import { stringify } from '../../crm/http/json';
import type { InvocationRequest } from '../types';

const KB = 1024;

interface PayloadCap {
  limit: number;
  what: string;
  measured(payload: Record<string, unknown>): unknown;
}

const whole = (payload: Record<string, unknown>): unknown => payload;
const data = (payload: Record<string, unknown>): unknown => payload.data;

/**
 * Size caps of platform.md §2.7, on the JSON text in bytes. External events: the incoming body
 * is capped at 100 KB, which the HTTP layer checks on the raw body; here the parsed `data` is
 * measured (the envelope's iparams and currentHost are not the sender's). App-setup events
 * have no documented cap.
 */
export const PAYLOAD_CAPS: Partial<Record<InvocationRequest['kind'], PayloadCap>> = {
  product: { limit: 256 * KB, what: 'product event payload', measured: whole },
  smi: { limit: 100 * KB, what: 'SMI payload (including iparams)', measured: whole },
  external: { limit: 100 * KB, what: 'external event data', measured: data },
  scheduled: { limit: 4 * KB, what: 'scheduled event data', measured: data },
};

/**
 * The payload travels as JSON text, int64s (a contact's `mcr_id`) as raw numbers: parsing it in
 * the sandbox loses their precision exactly as on the platform (platform.md §3.2).
 */
function jsonOf(value: unknown, kind: string): string {
  try {
    return stringify(value);
  } catch (error) {
    throw new Error(`The ${kind} payload is not JSON-serialisable: ${(error as Error).message}`, { cause: error });
  }
}

/** The payload as JSON, after the platform's size check; throws the refusal. */
export function checkedPayloadJson(request: InvocationRequest): string {
  const json = jsonOf(request.payload, request.kind);
  const cap = PAYLOAD_CAPS[request.kind];
  if (cap === undefined) return json;
  const measuredJson = cap.measured === whole ? json : jsonOf(cap.measured(request.payload), request.kind);
  const bytes = Buffer.byteLength(measuredJson, 'utf8');
  if (bytes > cap.limit) {
    throw new Error(`Payload too large: the ${cap.what} is ${bytes} bytes; the platform accepts at most ${cap.limit / KB} KB (${cap.limit} bytes)`);
  }
  return json;
}
