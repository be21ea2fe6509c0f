import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { EmulatorContext, EmulatorRoute, InstallationRuntime, RegisterEmulatorRoutes } from '../context';
import { readBody, sendJson } from '../http/dispatch';
import { PlatformError, type LoadedApp, type PlatformErrorShape } from '../types';
import { dbKeyError, entityArgumentError, invokeArgumentError, iparamKeyError, isObject, templateArgumentError } from './client/checks';
import type { TemplateInvokeOptions } from '../../../common/platform/request';
import { API_PREFIX, SETTINGS_INSTALLATION, type ApiAnswer, type ApiOperation, type ApiRequestBodies } from './protocol';

/**
 * `POST /__fdk/api/<installationId>/<op>`: what the browser client asks of the platform
 * (protocol.ts). Always HTTP 200 with `{ok, value}` or `{ok: false, error}`; the client turns
 * the error into the rejection the app sees. Secure iparams never leave this file: templates
 * are rendered server side and `iparams` answers only the non-secure ones (platform.md §8.3).
 */

/** SMI payload incl. iparams ≤ 100 KB (platform.md §2.7, §7.8); no other front-end call carries more. */
export const API_BODY_LIMIT = 100 * 1024;

type Body = Record<string, unknown>;
/** Returns the value or its promise; throws or rejects with a PlatformError. */
type Operation = (body: Body, runtime: InstallationRuntime, context: EmulatorContext) => unknown;
type AnyMethod = (...args: unknown[]) => Promise<unknown>;

const fail = (status: number, message: string): PlatformError => new PlatformError({ status, message });

function check(error: string | undefined): void {
  if (error !== undefined) throw fail(400, error);
}

/**
 * Own enumerable fields only: what a JSON copy keeps, so the browser sees exactly what server
 * code sees (an APP rejection's non-enumerable `message` stays behind in both).
 */
function pick(source: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  const visible = (field: string) => Object.prototype.propertyIsEnumerable.call(source, field) && source[field] !== undefined;
  return Object.fromEntries(fields.filter(visible).map((field) => [field, source[field]]));
}

const ERROR_FIELDS = ['status', 'message', 'headers', 'response', 'errorSource', 'attempts', 'errors'] as const;
const TEMPLATE_ERROR_FIELDS = ['status', 'message', 'headers', 'response', 'errorSource', 'attempts'] as const;
const TEMPLATE_SUCCESS_FIELDS = ['status', 'headers', 'response', 'attempts'] as const;

/** A rejection as the browser may see it: only the fields the platform documents, never a stack. */
function shapeOf(error: unknown): PlatformErrorShape {
  if (error instanceof PlatformError) return error.shape;
  if (isObject(error) && typeof error.status === 'number') return pick(error, ERROR_FIELDS) as PlatformErrorShape;
  return { status: 500, message: error instanceof Error ? error.message : String(error) };
}

// --- template -----------------------------------------------------------------------------

async function template(body: Body, _runtime: InstallationRuntime, context: EmulatorContext): Promise<unknown> {
  check(templateArgumentError(body.name, body.options));
  const { name, options } = body as ApiRequestBodies['template'];
  try {
    return pick({ ...(await context.invokeTemplate('frontend', name, options)) }, TEMPLATE_SUCCESS_FIELDS);
  } catch (error) {
    // Picked, so nothing the engine keeps on its errors (resolved headers…) reaches the page.
    throw new PlatformError(pick(shapeOf(error), TEMPLATE_ERROR_FIELDS) as PlatformErrorShape);
  }
}

// --- invoke (SMI) ---------------------------------------------------------------------------

/** The server receives `{...payload, iparams}`; the cap covers both (platform.md §7.8). */
function checkSmiSize(payload: unknown, runtime: InstallationRuntime): void {
  const bytes = Buffer.byteLength(JSON.stringify({ ...(payload as Body), iparams: runtime.iparams }));
  if (bytes > API_BODY_LIMIT) throw fail(413, `The server method payload is ${bytes} bytes with iparams; the limit is 100 KB`);
}

/** Success carries `response` (+ metadata, [U] — apps read only `.response`); failure `{status, message, requestID}`. */
async function invoke(body: Body, runtime: InstallationRuntime, context: EmulatorContext): Promise<unknown> {
  check(invokeArgumentError(body.name, body.payload));
  const requestID = randomUUID();
  try {
    checkSmiSize(body.payload, runtime);
    const { response } = await context.invokeFunction(body.name as string, body.payload);
    return { requestID, status: 200, response };
  } catch (error) {
    const { status, message } = shapeOf(error);
    throw new PlatformError({ requestID, status, message });
  }
}

// --- key-value store and entity storage ----------------------------------------------------

const DB_METHODS = new Set<string>(['set', 'get', 'update', 'delete']);
const ENTITY_METHODS = new Set<string>(['schema', 'create', 'get', 'update', 'delete', 'getAll']);

function argsOf(body: Body): unknown[] {
  if (!Array.isArray(body.args)) throw fail(400, 'args must be an array');
  return body.args as unknown[];
}

function db(body: Body, runtime: InstallationRuntime): Promise<unknown> {
  const method = String(body.method);
  if (!DB_METHODS.has(method)) throw fail(400, `db: unknown method '${method}'`);
  const args = argsOf(body);
  check(dbKeyError(method, args[0]));
  const store = runtime.services.db;
  return (store[method as ApiRequestBodies['db']['method']].bind(store) as AnyMethod)(...args);
}

function entity(body: Body, runtime: InstallationRuntime): Promise<unknown> {
  const method = String(body.method);
  if (!ENTITY_METHODS.has(method)) throw fail(400, `db.entity: unknown method '${method}'`);
  check(entityArgumentError('v1', body.entity));
  const args = argsOf(body);
  const records = runtime.services.db.entity({ version: 'v1' }).get(body.entity as string);
  return (records[method as ApiRequestBodies['entity']['method']].bind(records) as AnyMethod)(...args);
}

// --- iparams ---------------------------------------------------------------------------------

/**
 * Secure names: fields declared `secure: true` in config/iparams.json, and for a custom
 * settings page the `__meta.secure` list it saved (platform.md §8.2). Both are honoured
 * whichever page the app has: hiding more is the stricter reading.
 */
function secureNames(app: LoadedApp, iparams: Record<string, unknown>): string[] {
  const declared = Object.entries(app.iparamFields ?? {}).filter(([, field]) => Boolean(field.secure));
  const meta = iparams.__meta;
  const listed = isObject(meta) && Array.isArray(meta.secure) ? (meta.secure as unknown[]) : [];
  return [...declared.map(([name]) => name), ...listed.filter((name): name is string => typeof name === 'string')];
}

/** `__meta.secure` may name nested keys (`"a.b"`): remove the literal key and the nested path. */
function removePath(target: Record<string, unknown>, path: string): void {
  delete target[path];
  const [head = '', ...rest] = path.split('.');
  const child = target[head];
  if (rest.length > 0 && isObject(child)) removePath(child, rest.join('.'));
}

export function visibleIparams(app: LoadedApp, iparams: Record<string, unknown>): Record<string, unknown> {
  const visible = structuredClone(iparams);
  delete visible.__meta;
  secureNames(app, iparams).forEach((name) => removePath(visible, name));
  return visible;
}

function iparams(body: Body, runtime: InstallationRuntime, context: EmulatorContext): unknown {
  check(iparamKeyError(body.key));
  const visible = visibleIparams(context.app, runtime.iparams);
  const key = body.key as string | undefined;
  if (key === undefined) return visible;
  return Object.prototype.hasOwnProperty.call(visible, key) ? visible[key] : undefined;
}

// --- the route -------------------------------------------------------------------------------

const OPERATIONS = new Map<string, Operation>([
  ['template', template],
  ['invoke', invoke],
  ['db', db],
  ['entity', entity],
  ['iparams', iparams],
] satisfies Array<[ApiOperation, Operation]>);

function installed(context: EmulatorContext, installationId: string): InstallationRuntime {
  const runtime = context.installation();
  if (runtime === undefined) throw fail(404, 'The app is not installed');
  if (runtime.id !== installationId) throw fail(404, `No installation '${installationId}': the app is installed as '${runtime.id}'`);
  return runtime;
}

async function readJson(request: IncomingMessage): Promise<Body> {
  const raw = await readBody(request, API_BODY_LIMIT);
  if (raw === undefined) throw fail(413, 'The request body exceeds the 100 KB limit');
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    throw fail(400, 'The request body must be JSON');
  }
  if (!isObject(body)) throw fail(400, 'The request body must be a JSON object');
  return body;
}

// --- the settings page, before installation (platform.md §8.2) -----------------------------

/**
 * A custom settings page may call templates (with `context`, as nothing is saved yet), server
 * methods and `data.get('currentHost')`; the store and iparams need an installation.
 */
const SETTINGS_OPERATIONS = new Map<string, (body: Body, context: EmulatorContext) => unknown>([
  ['template', async (body, context) => {
    check(templateArgumentError(body.name, body.options));
    return pick({ ...(await context.invokeTemplate('install-page', body.name as string, body.options as TemplateInvokeOptions)) }, TEMPLATE_SUCCESS_FIELDS);
  }],
  ['invoke', async (body, context) => {
    check(invokeArgumentError(body.name, body.payload));
    return { requestID: randomUUID(), status: 200, ...(await context.invokeFunction(body.name as string, body.payload)) };
  }],
  ['data', (body, context) => {
    if (body.name !== 'currentHost') throw fail(400, `data.get('${String(body.name)}') is not available on the settings page`);
    return { currentHost: context.identity().currentHost };
  }],
]);

async function answerSettingsPage(request: IncomingMessage, op: string, context: EmulatorContext): Promise<unknown> {
  const operation = SETTINGS_OPERATIONS.get(op);
  if (operation === undefined) throw fail(403, `${op} is not available on the settings page before installation`);
  return operation(await readJson(request), context);
}

async function answerInstalled(request: IncomingMessage, params: Record<string, string>, context: EmulatorContext): Promise<unknown> {
  const runtime = installed(context, params.installationId ?? '');
  const operation = OPERATIONS.get(params.op ?? '');
  if (operation === undefined) throw fail(404, `Unknown operation '${params.op}'`);
  return operation(await readJson(request), runtime, context);
}

async function answer(request: IncomingMessage, params: Record<string, string>, context: EmulatorContext): Promise<ApiAnswer> {
  try {
    const value = params.installationId === SETTINGS_INSTALLATION
      ? await answerSettingsPage(request, params.op ?? '', context)
      : await answerInstalled(request, params, context);
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: shapeOf(error) };
  }
}

const serveApi: EmulatorRoute = async (request, response, params, context) => {
  sendJson(response, 200, await answer(request, params, context));
};

export const registerFrontendApi: RegisterEmulatorRoutes = (router) => {
  router.add('POST', `${API_PREFIX}/:installationId/:op`, serveApi);
};
