import * as z from 'zod/mini';
import { parseJson } from '../validation';

/**
 * Why a CRM call through a request template did not give us what we need, in the terms the
 * app acts on. Built from the rejection shape of platform.md §5.5 and the CRM error bodies of
 * freshsales-api.md §8. A rejection without a status is a connection failure when its text
 * names one (the local FDK reports ENOTFOUND, ETIMEDOUT…, platform.md §5.6) and a platform
 * fault otherwise (a missing SDK, a bug): never the CRM's answer.
 */
export type CrmFailureKind =
  | 'unauthorized' // 401: the API key is wrong or revoked
  | 'forbidden' // 403 from the CRM: the key's user lacks a privilege
  | 'not_found' // 404: unknown or deleted record, wrong domain
  | 'invalid' // 400/422 from the CRM: validation, with its messages
  | 'rate_limited' // 429: the CRM's account limit or the platform's 50/min
  | 'server_error' // 5xx from the CRM
  | 'unreachable' // 502 from the platform, DNS, TLS, refused, or no response at all
  | 'timeout' // 504 from the platform
  | 'platform' // other platform refusals: bad template, policy
  | 'bad_response'; // 2xx but not the JSON we expect, or a disallowed content type (415)

export interface CrmFailure {
  kind: CrmFailureKind;
  status?: number;
  /** Who answered: the CRM (`APP`) or the platform's proxy (`PLATFORM`). */
  source?: 'APP' | 'PLATFORM';
  /** The CRM's own messages (`errors.message`), when it gave any. */
  messages: string[];
  /** Seconds to wait before retrying, when a 429 said so. */
  retryAfterSeconds?: number;
  /** For logs and developers; never shown to users verbatim. */
  detail: string;
}

/** An optional field that is dropped, not fatal, when it has an unexpected type. */
const lenient = <T extends z.ZodMiniType>(schema: T) => z.catch(z.optional(schema), undefined);

// Only `status` decides the kind (api §8: key all logic on the status code). A header value
// that is not a string (Node gives `set-cookie` as an array) or `errorSource: null` must not
// turn a CRM 401 into "unreachable".
const failureShapeSchema = z.looseObject({
  status: z.number(),
  headers: lenient(z.record(z.string(), z.unknown())),
  response: lenient(z.string()),
  message: lenient(z.string()),
  errorSource: lenient(z.string()),
});

const messageOnlySchema = z.looseObject({ message: z.string() });

const crmErrorBodySchema = z.looseObject({
  errors: z.looseObject({
    message: z.optional(z.union([z.string(), z.array(z.string())])),
  }),
});

/** `errors.message` is an array of strings, sometimes a bare string (api §8). */
export function crmErrorMessages(body: string | undefined): string[] {
  if (body === undefined || body === '') return [];
  const json = parseJson(body);
  if (!json.ok) return [];
  const parsed = z.safeParse(crmErrorBodySchema, json.value);
  if (!parsed.success) return [];
  const message = parsed.data.errors.message;
  if (message === undefined) return [];
  return typeof message === 'string' ? [message] : message;
}

function headerValue(headers: Record<string, unknown> | undefined, name: string): string | undefined {
  if (headers === undefined) return undefined;
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
  const value = key === undefined ? undefined : headers[key];
  return typeof value === 'string' ? value : undefined;
}

/** Retry-After as delay-seconds: digits only, so "", " ", "0x10" or "1e3" are not read as numbers. */
const DELAY_SECONDS = /^\s*\d+\s*$/;
/** Retry-After as an HTTP date ("Wed, 21 Oct 2015 07:28:00 GMT"; RFC 9110 dates are all in GMT). */
const HTTP_DATE = /^\s*[A-Za-z]{3,9},? [\w\s:-]+ GMT\s*$/;

function secondsUntil(raw: string, now: number): number | undefined {
  const at = HTTP_DATE.test(raw) ? Date.parse(raw) : Number.NaN;
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

/**
 * `Retry-After` in seconds, when present and sensible (api §8: honour it if present): a number
 * of seconds, or an HTTP date turned into the seconds from `now` until then (0 when past).
 */
export function retryAfterSeconds(headers: Record<string, unknown> | undefined, now: number = Date.now()): number | undefined {
  const raw = headerValue(headers, 'retry-after');
  if (raw === undefined) return undefined;
  return DELAY_SECONDS.test(raw) ? Number(raw) : secondsUntil(raw, now);
}

const PLATFORM_KINDS: Record<number, CrmFailureKind> = {
  400: 'platform',
  403: 'platform',
  415: 'bad_response',
  429: 'rate_limited',
  502: 'unreachable',
  503: 'unreachable',
  504: 'timeout',
};

const APP_KINDS: Record<number, CrmFailureKind> = {
  400: 'invalid',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  422: 'invalid',
  429: 'rate_limited',
};

function kindFor(status: number, source: 'APP' | 'PLATFORM'): CrmFailureKind {
  const table = source === 'PLATFORM' ? PLATFORM_KINDS : APP_KINDS;
  const known = table[status];
  if (known !== undefined) return known;
  if (status >= 500) return source === 'PLATFORM' ? 'unreachable' : 'server_error';
  return source === 'PLATFORM' ? 'platform' : 'invalid';
}

function describeUnknown(rejection: unknown): string {
  if (rejection instanceof Error) return rejection.message;
  if (typeof rejection === 'string') return rejection;
  const withMessage = z.safeParse(messageOnlySchema, rejection);
  return withMessage.success ? `request failed without a status: ${withMessage.data.message}` : 'request failed without a status';
}

const TIMEOUT_CODES = /\b(?:ETIMEDOUT|ESOCKETTIMEDOUT)\b/;
const CONNECTION_CODES = /\b(?:ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|EHOSTUNREACH|ENETUNREACH|EPIPE)\b|socket hang up/i;

function kindWithoutStatus(detail: string): CrmFailureKind {
  if (TIMEOUT_CODES.test(detail)) return 'timeout';
  return CONNECTION_CODES.test(detail) ? 'unreachable' : 'platform';
}

/** Turn whatever a template invocation rejected with into a `CrmFailure`. */
export function classifyRejection(rejection: unknown): CrmFailure {
  const shape = z.safeParse(failureShapeSchema, rejection);
  if (!shape.success) {
    const detail = describeUnknown(rejection);
    return { kind: kindWithoutStatus(detail), messages: [], detail };
  }
  const { status, headers, response, message } = shape.data;
  // A rejection without an explicit source but with CRM headers came from the CRM.
  const source = shape.data.errorSource === 'PLATFORM' ? 'PLATFORM' : 'APP';
  const messages = source === 'APP' ? crmErrorMessages(response) : [];
  return {
    kind: kindFor(status, source),
    status,
    source,
    messages,
    retryAfterSeconds: status === 429 ? retryAfterSeconds(headers) : undefined,
    detail: `HTTP ${status} from ${source === 'APP' ? 'Freshsales' : 'the platform'}${message ? `: ${message}` : ''}`,
  };
}

/** The connection broke after the request may have gone out (a refused or unknown host never sent it). */
const CUT_AFTER_SENDING = /\b(?:ECONNRESET|EPIPE)\b|socket hang up/i;

/**
 * Whether a write that failed this way may still have been applied: the platform gave up
 * waiting (504, ETIMEDOUT) or the connection was cut once the request was on its way. A CRM
 * answer, a 502 (DNS, TLS, refused: never sent) or a 429 means it was not.
 */
export function outcomeUnknown(failure: CrmFailure): boolean {
  if (failure.kind === 'timeout') return true;
  return failure.kind === 'unreachable' && failure.status === undefined && CUT_AFTER_SENDING.test(failure.detail);
}

/** A 2xx whose body is not what the code depends on. */
export function badResponse(detail: string, status?: number): CrmFailure {
  return { kind: 'bad_response', status, messages: [], detail };
}
