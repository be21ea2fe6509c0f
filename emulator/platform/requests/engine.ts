import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import axios, { type AxiosRequestConfig, type RawAxiosRequestHeaders } from 'axios';
import type { TemplateFailureShape, TemplateInvokeOptions, TemplateSuccess } from '../../../common/platform/request';
import type { Clock } from '../../clock';
import { declaredRequests } from '../../fdk/app-files';
import { templateArgumentError } from '../frontend/client/checks';
import { isSecret } from '../install/fields';
import type { Inspector } from '../inspector/inspector';
import type { MinuteWindow } from '../minute-window';
import { PlatformError, type Caller, type LoadedApp, type PlatformErrorShape, type RequestTemplate } from '../types';
import { renderTemplate, type RenderedRequest } from './render';
import type { HostRouting } from './routing';

/**
 * The request method (platform.md §5): renders a declared template for its caller, enforces the
 * per-installation budget, sends it with axios, retries the way the platform's proxy does, and
 * answers with the platform's success and rejection shapes.
 *
 * `invoke` rejects with a PlatformError whose `shape` is exactly what the app receives:
 * - third party answered non-2xx: `{status, headers, response, errorSource: 'APP', attempts}`;
 * - the platform refused or failed: `{status, headers: {}, response: message, message,
 *   errorSource: 'PLATFORM', attempts}` (the FDK puts its text in `response` for some errors
 *   and in `message` for others, so both carry it).
 */

export interface RequestEngineOptions {
  app: LoadedApp;
  /** Installed iparams (secure ones included); undefined before installation. */
  iparams: () => Record<string, unknown> | undefined;
  routing: HostRouting;
  clock: Clock;
  inspector: Inspector;
  /** The installation's request-method budget, 50 a minute (platform.md §5.6). */
  window: MinuteWindow;
  /** Per-attempt timeout, 15 s like the platform (§5.6). */
  timeoutMs?: number;
  /** Waits between retries; tests inject a fake. */
  delay?: (ms: number) => Promise<void>;
  /** Secure iparam names; by default the `secure: true` fields of config/iparams.json. */
  secureNames?: () => ReadonlySet<string>;
  currentHost?: () => { endpoint_urls: Record<string, string> } | undefined;
  appSettings?: () => Record<string, unknown> | undefined;
  /** Let front-end context into header values, as the local FDK 9.0.5 did; off = the documented rule (platform.md §5.2). */
  frontendContextInHeaders?: boolean;
}

const KB = 1024;
/** Request body limit [P: one secondary source says 6 MB; the stricter 100 KB is emulated]. */
const REQUEST_BODY_LIMIT = 100 * KB;
const RESPONSE_LIMIT = 6 * KB * KB;
const DEFAULT_TIMEOUT_MS = 15_000;
const MAX_ATTEMPTS = 5;
const MAX_RETRY_DELAY_MS = 1500;
const DEFAULT_TTL_MS = 60_000;

/** Response content types the platform passes on (platform.md §5.5); a missing one is tolerated. */
const ALLOWED_CONTENT_TYPES = new Set([
  'application/json',
  'application/xml',
  'text/html',
  'text/xml',
  'application/jsonp',
  'text/plain',
  'application/javascript',
  'application/vnd.api+json',
  'text/javascript',
]);

/** Headers axios would add on its own; the platform adds none (platform.md §5.2), so they are suppressed unless the template sets them. */
const AXIOS_OWN_HEADERS = ['Accept', 'User-Agent', 'Accept-Encoding', 'Content-Type'];

// Fresh connections per request: no pooled sockets outliving a test's server.
const httpAgent = new HttpAgent({ keepAlive: false });
const httpsAgent = new HttpsAgent({ keepAlive: false });

type Outcome =
  | { kind: 'response'; status: number; headers: Record<string, string>; body: string }
  | { kind: 'network'; code: string }
  | { kind: 'timeout' }
  | { kind: 'too-large' };

/** What the inspector needs about one invocation. */
interface Trace {
  attempts: number;
  url?: string;
  cached?: boolean;
}

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const clamp = (value: number | undefined, low: number, high: number, fallback: number): number =>
  value === undefined || !Number.isFinite(value) ? fallback : Math.min(high, Math.max(low, Math.trunc(value)));

function platformShape(status: number, message: string, attempts: number): PlatformErrorShape {
  return { status, headers: {}, response: message, message, errorSource: 'PLATFORM', attempts };
}

function appFailure(status: number, headers: Record<string, string>, body: string, attempts: number): PlatformError {
  const shape: TemplateFailureShape = { status, headers, response: body, errorSource: 'APP', attempts };
  // The platform's APP rejection has no `message` [U]. PlatformError needs one for Error.message,
  // so it is set non-enumerable: the copy the app receives (JSON, structured clone) has none.
  Object.defineProperty(shape, 'message', { value: `The third party answered HTTP ${status}`, enumerable: false });
  return new PlatformError(shape as PlatformErrorShape);
}

/** Lower-case names, string values (repeated headers joined with ', '). */
function flatHeaders(headers: object): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers as Record<string, unknown>)) {
    if (value === undefined || value === null) continue;
    flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : `${value as string | number | boolean}`;
  }
  return flat;
}

function requestHeaders(headers: Record<string, string>): RawAxiosRequestHeaders {
  const given = new Set(Object.keys(headers).map((name) => name.toLowerCase()));
  const suppressed = AXIOS_OWN_HEADERS.filter((name) => !given.has(name.toLowerCase())).map((name) => [name, false]);
  return { ...Object.fromEntries(suppressed), ...headers } as RawAxiosRequestHeaders;
}

function errorCode(error: unknown): string {
  const { code, cause } = (error ?? {}) as { code?: unknown; cause?: { code?: unknown } };
  const found = typeof code === 'string' ? code : cause?.code;
  return typeof found === 'string' ? found : 'ECONNERROR';
}

function failedOutcome(error: unknown, timedOut: boolean): Outcome {
  if (timedOut) return { kind: 'timeout' };
  if (error instanceof Error && error.message.includes('maxContentLength')) return { kind: 'too-large' };
  return { kind: 'network', code: errorCode(error) };
}

/** The proxy resends on network errors (timeouts included), 429 and 5xx only (platform.md §5.5). */
function retryable(outcome: Outcome): boolean {
  if (outcome.kind === 'response') return outcome.status === 429 || outcome.status >= 500;
  return outcome.kind !== 'too-large';
}

function mediaType(headers: Record<string, string>): string {
  return (headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** Applies to every response received, error statuses included [U: stricter reading]. */
function checkContentType(headers: Record<string, string>, attempts: number): void {
  const type = mediaType(headers);
  if (type === '' || ALLOWED_CONTENT_TYPES.has(type)) return;
  throw new PlatformError(platformShape(415, `Unsupported content type: the third party answered '${type}'`, attempts));
}

function settle(outcome: Outcome, attempts: number, request: RenderedRequest, timeoutMs: number): TemplateSuccess {
  const host = request.hostname;
  if (outcome.kind === 'timeout') {
    throw new PlatformError(platformShape(504, `Timeout error while processing the request: no answer from ${host} within ${timeoutMs} ms`, attempts));
  }
  if (outcome.kind === 'network') throw new PlatformError(platformShape(502, `Error in establishing connection to ${host}: ${outcome.code}`, attempts));
  if (outcome.kind === 'too-large') throw new PlatformError(platformShape(400, `The response from ${host} exceeds the 6 MB limit`, attempts));
  checkContentType(outcome.headers, attempts);
  if (outcome.status < 200 || outcome.status > 299) throw appFailure(outcome.status, outcome.headers, outcome.body, attempts);
  return { status: outcome.status, headers: outcome.headers, response: outcome.body, attempts };
}

/** Front-end callers may cache successful answers (platform.md §5.3); the key is what the call sends. */
function cacheKey(caller: Caller, name: string, options: TemplateInvokeOptions): string | undefined {
  if (caller === 'serverless' || options.cache !== true) return undefined;
  const context = Object.entries(options.context ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([caller, name, context, options.body ?? null]);
}

/** A nested secure path (`auth.key`) protects its whole top-level iparam. */
function metaSecure(iparams: Record<string, unknown> | undefined): string[] {
  const meta = iparams?.__meta as { secure?: unknown } | undefined;
  const secure = Array.isArray(meta?.secure) ? (meta.secure as unknown[]) : [];
  return secure.filter((path): path is string => typeof path === 'string').map((path) => path.split('.')[0] ?? path);
}

const copy = (success: TemplateSuccess): TemplateSuccess => ({ ...success, headers: { ...success.headers } });

function asPlatformError(error: unknown, attempts: number): PlatformError {
  if (!(error instanceof PlatformError)) throw error;
  if (error.shape.errorSource === 'APP') return error;
  return new PlatformError(platformShape(error.shape.status, error.shape.message, Math.max(1, attempts)));
}

export class RequestEngine {
  private readonly cache = new Map<string, { value: TemplateSuccess; expiresAt: number }>();
  private readonly timeoutMs: number;
  private readonly delay: (ms: number) => Promise<void>;

  constructor(private readonly options: RequestEngineOptions) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.delay = options.delay ?? wait;
  }

  /**
   * Invokes template `name` for `caller`. Resolves `{status, headers, response, attempts}` on 2xx;
   * rejects with a PlatformError (see the module comment). Every call is recorded in the
   * inspector, without header values (they carry the API keys).
   */
  async invoke(caller: Caller, name: string, options: TemplateInvokeOptions = {}): Promise<TemplateSuccess> {
    const started = performance.now();
    const trace: Trace = { attempts: 0 };
    try {
      const success = await this.perform(caller, name, options, trace);
      this.record(caller, name, started, trace, success.status);
      return success;
    } catch (error) {
      const failure = asPlatformError(error, trace.attempts);
      const detail = failure.shape.errorSource === 'APP' ? `HTTP ${failure.shape.status}` : failure.shape.message;
      this.record(caller, name, started, trace, failure.shape.status, detail);
      throw failure;
    }
  }

  /** Forgets cached front-end answers (e.g. when the settings change). */
  clearCache(): void {
    this.cache.clear();
  }

  private async perform(caller: Caller, name: string, options: TemplateInvokeOptions, trace: Trace): Promise<TemplateSuccess> {
    const template = this.templateFor(name, options);
    const key = cacheKey(caller, name, options);
    const hit = this.cached(key);
    if (hit !== undefined) {
      trace.cached = true;
      return hit;
    }
    this.take(trace);
    const request = renderTemplate(template, caller, this.inputs(options));
    trace.url = request.url;
    const base = this.options.routing.resolve(request.hostname, template.schema.protocol);
    const success = await this.send(template, request, { ...this.config(request, options.body), url: `${base}${request.target}` }, trace);
    this.store(key, options, success);
    return success;
  }

  /** A template defined in config/requests.json and declared in the manifest (platform.md §5.3). */
  private templateFor(name: string, options: TemplateInvokeOptions): RequestTemplate {
    const argumentError = templateArgumentError(name, options);
    if (argumentError !== undefined) throw new PlatformError({ status: 400, message: argumentError, errorSource: 'PLATFORM' });
    if (Buffer.byteLength(options.body ?? '', 'utf8') > REQUEST_BODY_LIMIT) {
      throw new PlatformError({ status: 400, message: 'invokeTemplate: the request body exceeds the 100 KB limit', errorSource: 'PLATFORM' });
    }
    const template = Object.prototype.hasOwnProperty.call(this.options.app.templates, name) ? this.options.app.templates[name] : undefined;
    if (template === undefined) throw new PlatformError({ status: 400, message: `Request template '${name}' is not defined in config/requests.json`, errorSource: 'PLATFORM' });
    if (!declaredRequests(this.options.app.manifest).includes(name)) {
      throw new PlatformError({ status: 400, message: `Request template '${name}' is declared but not associated with the current product in manifest.json`, errorSource: 'PLATFORM' });
    }
    return template;
  }

  /**
   * Every attempt sent counts against the 50/min budget, retries included [U: stricter reading];
   * when the budget is spent, the call stops with the platform's 429 and the third party is not called.
   */
  private take(trace: Trace): void {
    trace.attempts += 1;
    if (this.options.window.take()) return;
    throw new PlatformError({ status: 429, message: `You have exceeded the limit of ${this.options.window.limit} requests per minute`, errorSource: 'PLATFORM' });
  }

  /** Secure fields of config/iparams.json, and those a custom settings page listed in `__meta.secure` (§8.2). */
  private secureNames(iparams: Record<string, unknown> | undefined): ReadonlySet<string> {
    if (this.options.secureNames !== undefined) return this.options.secureNames();
    const declared = Object.entries(this.options.app.iparamFields ?? {}).filter(([, field]) => isSecret(field)).map(([name]) => name);
    return new Set([...declared, ...metaSecure(iparams)]);
  }

  private inputs(options: TemplateInvokeOptions): Parameters<typeof renderTemplate>[2] {
    const iparams = this.options.iparams();
    return {
      iparams,
      secureNames: this.secureNames(iparams),
      context: options.context,
      currentHost: this.options.currentHost?.(),
      appSettings: this.options.appSettings?.(),
      frontendContextInHeaders: this.options.frontendContextInHeaders,
    };
  }

  private config(request: RenderedRequest, body: string | undefined): AxiosRequestConfig<string> {
    return {
      method: request.method,
      headers: requestHeaders(request.headers),
      data: body,
      // The body goes out as given and the answer comes back as text: no JSON in either direction.
      transformRequest: [(data: unknown) => data],
      transformResponse: [(data: unknown) => data],
      responseType: 'text',
      responseEncoding: 'utf8',
      validateStatus: () => true,
      maxRedirects: 0,
      maxContentLength: RESPONSE_LIMIT,
      maxBodyLength: REQUEST_BODY_LIMIT,
      proxy: false,
      httpAgent,
      httpsAgent,
    };
  }

  private async send(template: RequestTemplate, request: RenderedRequest, config: AxiosRequestConfig<string>, trace: Trace): Promise<TemplateSuccess> {
    const maxAttempts = clamp(template.options?.maxAttempts, 1, MAX_ATTEMPTS, 1);
    // The FDK sends retryDelay 0 when the template sets none (platform.md §5.1).
    const retryDelay = clamp(template.options?.retryDelay, 0, MAX_RETRY_DELAY_MS, 0);
    let outcome = await this.attempt(config);
    while (retryable(outcome) && trace.attempts < maxAttempts) {
      await this.delay(retryDelay);
      this.take(trace);
      outcome = await this.attempt(config);
    }
    return settle(outcome, trace.attempts, request, this.timeoutMs);
  }

  /** One HTTP exchange; the timeout covers the whole exchange, not just socket inactivity. */
  private async attempt(config: AxiosRequestConfig<string>): Promise<Outcome> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    try {
      const response = await axios.request<string>({ ...config, signal: controller.signal });
      const body = typeof response.data === 'string' ? response.data : String(response.data ?? '');
      return { kind: 'response', status: response.status, headers: flatHeaders(response.headers), body };
    } catch (error) {
      return failedOutcome(error, controller.signal.aborted);
    } finally {
      clearTimeout(timer);
    }
  }

  private cached(key: string | undefined): TemplateSuccess | undefined {
    const entry = key === undefined ? undefined : this.cache.get(key);
    if (entry === undefined || key === undefined) return undefined;
    if (entry.expiresAt > this.options.clock.now()) return copy(entry.value);
    this.cache.delete(key);
    return undefined;
  }

  private store(key: string | undefined, options: TemplateInvokeOptions, success: TemplateSuccess): void {
    if (key === undefined) return;
    this.cache.set(key, { value: copy(success), expiresAt: this.options.clock.now() + (options.ttl ?? DEFAULT_TTL_MS) });
  }

  /** Never header values: they carry the API key. The URL holds no secure iparam by the placement rules. */
  private record(caller: Caller, name: string, started: number, trace: Trace, status: number, error?: string): void {
    this.options.inspector.record({
      kind: 'template',
      caller,
      name,
      status,
      durationMs: Math.round(performance.now() - started),
      // 0 marks an answer from the front-end cache: nothing was sent.
      attempts: trace.cached === true ? 0 : Math.max(1, trace.attempts),
      ...(trace.url === undefined ? {} : { url: trace.url }),
      ...(error === undefined ? {} : { error }),
    });
  }
}
