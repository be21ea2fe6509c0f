import { PlatformError, type Caller, type RequestTemplate } from '../types';

/**
 * Request-template substitution (platform.md §5.2): `<%= expr %>` in host, path, query values
 * and header values, never in method or protocol, with the placement rules per caller.
 */

/** Where a placeholder sits; header names are never substituted. */
export type TemplateField = 'host' | 'path' | 'query' | 'header';

type Source = 'iparam' | 'secure-iparam' | 'context' | 'access_token' | 'current_host' | 'app_settings';

export interface RenderInputs {
  /** Installed iparams, secure ones included; undefined before installation (settings page). */
  iparams: Record<string, unknown> | undefined;
  /** Names of the secure iparams: they may appear in header values only. */
  secureNames: ReadonlySet<string>;
  /** The invocation's `context`. */
  context: Record<string, string | number> | undefined;
  currentHost?: { endpoint_urls: Record<string, string> };
  appSettings?: Record<string, unknown>;
  /**
   * The local FDK 9.0.5 was seen substituting front-end context in a header (platform.md §5.2
   * caveat); the documented rule refuses it. Off by default: the strict rule is emulated.
   */
  frontendContextInHeaders?: boolean;
}

export interface RenderedRequest {
  method: RequestTemplate['schema']['method'];
  /** What the app addressed: `https://host/path?query`. */
  url: string;
  /** Path and query, to append to the base URL the routing picks. */
  target: string;
  headers: Record<string, string>;
  /** Lower-case host name. */
  hostname: string;
}

const EVERYWHERE: readonly TemplateField[] = ['host', 'path', 'query', 'header'];

/**
 * Who may substitute what where (platform.md §5.2 table, strict reading): front-end `context`
 * only in path and query (the docs say no to headers [U]; the stricter reading is emulated);
 * secure iparams only in header values, for every caller; the settings page and server code may
 * use `context` everywhere. `current_host` and `app_settings` are not secrets and the sources
 * disagree on where they may go [P], so they are allowed wherever a non-secure iparam is.
 */
const SERVER_SIDE: Record<Source, readonly TemplateField[]> = {
  iparam: EVERYWHERE,
  'secure-iparam': ['header'],
  context: EVERYWHERE,
  access_token: ['header'],
  current_host: EVERYWHERE,
  app_settings: EVERYWHERE,
};

const PLACEMENT: Record<Caller, Record<Source, readonly TemplateField[]>> = {
  frontend: { ...SERVER_SIDE, context: ['path', 'query'] },
  serverless: SERVER_SIDE,
  'install-page': SERVER_SIDE,
};

const CALLER_NAMES: Record<Caller, string> = {
  frontend: 'the app front end',
  serverless: 'server code',
  'install-page': 'the installation page',
};

const FIELD_NAMES: Record<TemplateField, string> = { host: 'host', path: 'path', query: 'query', header: 'header values' };

/** The platform's own wording, then what exactly went wrong (variable names, never values). */
const SUBSTITUTION = 'Error while substituting the templates';

const fail = (message: string): PlatformError => new PlatformError({ status: 400, message, errorSource: 'PLATFORM' });

const PLACEHOLDER = /<%=\s*([\s\S]*?)\s*%>/g;
const ENCODE = /^encode\(\s*([\s\S]+?)\s*\)$/;
const NAME = '([A-Za-z0-9_]+)';

interface Substitution {
  template: RequestTemplate;
  caller: Caller;
  inputs: RenderInputs;
}

interface Reference {
  source: Source;
  /** e.g. `iparam.domain`, for messages. */
  variable: string;
  value: (inputs: RenderInputs) => unknown;
}

/** An own property only: `context.constructor` is a missing value, not Object. */
function own(record: Record<string, unknown> | undefined, key: string): unknown {
  return record !== undefined && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

function iparamReference(name: string, inputs: RenderInputs): Reference {
  if (inputs.iparams === undefined) {
    throw fail(`${SUBSTITUTION}: iparam.${name} has no value: the app is not installed yet (the installation page passes values through context)`);
  }
  const source: Source = inputs.secureNames.has(name) ? 'secure-iparam' : 'iparam';
  return { source, variable: `iparam.${name}`, value: (given) => own(given.iparams, name) };
}

type ReferenceRule = [RegExp, (name: string, inputs: RenderInputs) => Reference];

const REFERENCES: ReferenceRule[] = [
  [new RegExp(`^iparam\\.${NAME}$`), iparamReference],
  [new RegExp(`^context\\.${NAME}$`), (name) => ({ source: 'context', variable: `context.${name}`, value: (given) => own(given.context, name) })],
  [/^access_token()$/, () => ({ source: 'access_token', variable: 'access_token', value: () => undefined })],
  [
    new RegExp(`^current_host\\.endpoint_urls\\.${NAME}$`),
    (name) => ({ source: 'current_host', variable: `current_host.endpoint_urls.${name}`, value: (given) => own(given.currentHost?.endpoint_urls, name) }),
  ],
  [new RegExp(`^app_settings\\.${NAME}$`), (name) => ({ source: 'app_settings', variable: `app_settings.${name}`, value: (given) => own(given.appSettings, name) })],
];

/** `encode(encode(x))` → x with two encodings. */
function unwrap(expression: string, encodings = 0): { bare: string; encodings: number } {
  const inner = ENCODE.exec(expression)?.[1];
  return inner === undefined ? { bare: expression, encodings } : unwrap(inner, encodings + 1);
}

function referenceOf(bare: string, inputs: RenderInputs): Reference {
  for (const [pattern, make] of REFERENCES) {
    const match = pattern.exec(bare);
    if (match !== null) return make(match[1] ?? '', inputs);
  }
  throw fail(`${SUBSTITUTION}: unsupported expression '<%= ${bare} %>' (use iparam.x, context.x, encode(…), access_token, current_host.endpoint_urls.x or app_settings.x)`);
}

const LENIENT: Record<Caller, Record<Source, readonly TemplateField[]>> = {
  ...PLACEMENT,
  frontend: { ...PLACEMENT.frontend, context: ['path', 'query', 'header'] },
};

function checkPlacement(reference: Reference, field: TemplateField, at: Substitution): void {
  const { caller } = at;
  const table = at.inputs.frontendContextInHeaders === true ? LENIENT : PLACEMENT;
  if (table[caller][reference.source].includes(field)) return;
  const what = reference.source === 'secure-iparam' ? `secure ${reference.variable}` : reference.variable;
  const rule = reference.source === 'secure-iparam' ? ' (secure iparams may be used only in header values)' : '';
  throw fail(`${SUBSTITUTION}: ${what} may not be used in ${FIELD_NAMES[field]} when the template is invoked from ${CALLER_NAMES[caller]}${rule}`);
}

const SCALARS: Record<string, (value: unknown) => string | undefined> = {
  string: (value) => value as string,
  number: (value) => (Number.isFinite(value) ? String(value) : undefined),
  boolean: (value) => String(value),
};

function text(reference: Reference, inputs: RenderInputs): string {
  const value = reference.value(inputs);
  if (value === undefined || value === null) throw fail(`${SUBSTITUTION}: ${reference.variable} has no value`);
  const converted = SCALARS[typeof value]?.(value);
  if (converted === undefined) throw fail(`${SUBSTITUTION}: ${reference.variable} is not a string or a number`);
  return converted;
}

/** `encode()` is Base64 of the UTF-8 text (platform.md §5.2, used for Basic auth). */
function encodeTimes(value: string, times: number): string {
  return times === 0 ? value : encodeTimes(Buffer.from(value, 'utf8').toString('base64'), times - 1);
}

function evaluate(expression: string, field: TemplateField, at: Substitution): string {
  const { bare, encodings } = unwrap(expression);
  const reference = referenceOf(bare, at.inputs);
  checkPlacement(reference, field, at);
  if (reference.source === 'access_token') {
    // OAuth needs the platform's token store and the provider; the emulator has neither.
    const why = at.template.options?.oauth === undefined ? 'needs options.oauth in the template' : 'needs OAuth, which the emulator does not support';
    throw fail(`${SUBSTITUTION}: access_token ${why}`);
  }
  const value = text(reference, at.inputs);
  return encodeTimes(field === 'host' && reference.source === 'current_host' ? endpointHost(value) : value, encodings);
}

/**
 * `current_host.endpoint_urls.*` is an account URL that includes `https://` (platform.md §5.2),
 * yet it is documented for the host, an FQDN: there the platform uses its host name. Only that
 * scheme and a trailing `/` go; `http://`, a port or a path still fail the host check.
 */
function endpointHost(url: string): string {
  return url.replace(/^https:\/\//i, '').replace(/\/$/, '');
}

function substitute(raw: string, field: TemplateField, at: Substitution): string {
  // Only `<%= %>` exists here: `<% %>` / `<%- %>` (code, escaping) would be a broken template.
  if (raw.replace(PLACEHOLDER, '').includes('<%')) throw fail(`${SUBSTITUTION}: malformed placeholder in ${FIELD_NAMES[field]} (use <%= expression %>)`);
  return raw.replace(PLACEHOLDER, (_match, expression: string) => evaluate(expression, field, at));
}

const HOST_NAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const IPV4 = /^\d+(?:\.\d+){3}$/;

/** The host is an FQDN: no protocol, port, path or IP address (platform.md §5.1). */
function checkHost(host: string): string {
  const hostname = host.toLowerCase();
  if (HOST_NAME.test(hostname) && !IPV4.test(hostname)) return hostname;
  throw fail(`Invalid URL: the host '${host}' must be a domain name, without protocol, port, path or IP address`);
}

/** Percent-encodes what may not appear raw in a request line (spaces, non-ASCII). */
function escapeUnsafe(value: string): string {
  return value.replace(/[^!-~]/gu, (character) =>
    [...Buffer.from(character, 'utf8')].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
}

function renderPath(at: Substitution): string {
  const path = substitute(at.template.schema.path ?? '/', 'path', at);
  if (!path.startsWith('/')) throw fail(`Invalid URL: the path must start with '/'`);
  return escapeUnsafe(path);
}

/** `query` is appended to a query string already in the path, keys and values URL-encoded. */
function withQuery(path: string, at: Substitution): string {
  const pairs = Object.entries(at.template.schema.query ?? {}).map(
    ([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(substitute(String(value), 'query', at))}`,
  );
  if (pairs.length === 0) return path;
  const separator = !path.includes('?') ? '?' : /[?&]$/.test(path) ? '' : '&';
  return `${path}${separator}${pairs.join('&')}`;
}

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// HTTP allows tab and Latin-1 text in field values, nothing else.
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

function renderHeader([name, raw]: [string, string], at: Substitution): [string, string] {
  if (!HEADER_NAME.test(name)) throw fail(`Invalid header name '${name}'`);
  const value = substitute(String(raw), 'header', at);
  // The message names the header, never its value: header values carry the API keys.
  if (!HEADER_VALUE.test(value)) throw fail(`Invalid value for header '${name}': line breaks, control or non-Latin-1 characters are not allowed`);
  return [name, value];
}

/**
 * Renders a template for one invocation: the URL the app addressed, its headers and host, or a
 * PlatformError 400 naming the variable or field at fault.
 */
export function renderTemplate(template: RequestTemplate, caller: Caller, inputs: RenderInputs): RenderedRequest {
  const at: Substitution = { template, caller, inputs };
  const hostname = checkHost(substitute(template.schema.host, 'host', at));
  const target = withQuery(renderPath(at), at);
  const headers = Object.fromEntries(Object.entries(template.schema.headers ?? {}).map((entry) => renderHeader(entry, at)));
  const protocol = template.schema.protocol ?? 'https';
  return { method: template.schema.method, url: `${protocol}://${hostname}${target}`, target, headers, hostname };
}
