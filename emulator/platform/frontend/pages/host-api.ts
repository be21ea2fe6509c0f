import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EntityType } from '../../../../common/platform/client';
import { stringify } from '../../../crm/http/json';
import type { EmulatorContext } from '../../context';
import { readBody, sendText } from '../../http/dispatch';
import { EDITABLE_FIELDS, KIND_LIST, recordPath, type HostApiAnswer, type KindInfo } from './kinds';
import { displayOf, recordView } from './records';

/**
 * `POST /__fdk/host-api/<contacts|deals|sales_accounts>/:id`: the details page's quick edit.
 * The change goes through the stand-in's own handler (`crm.internal`), as a user's edit in the
 * product would, so the stand-in publishes its product event; the host script then fires
 * `contact.update` / `deal.update` / `account.update` to the app with `record`.
 */

const MAX_BODY = 16 * 1024;

type Changes = Record<string, string | null>;

class EditRefused extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function answer(response: ServerResponse, status: number, body: HostApiAnswer): void {
  // stringify keeps int64 values (mcr_id) as raw numbers, as the API writes them.
  sendText(response, status, stringify(body), 'application/json; charset=utf-8', { 'Cache-Control': 'no-store' });
}

const isForm = (request: IncomingMessage): boolean => (request.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded');

function parseJson(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // Falls through to the refusal below.
  }
  throw new EditRefused(400, 'The body must be a JSON object of field values');
}

function parseValues(request: IncomingMessage, body: string): Record<string, unknown> {
  return isForm(request) ? Object.fromEntries(new URLSearchParams(body)) : parseJson(body);
}

function normalized(name: string, value: unknown): string | null {
  if (value !== null && typeof value !== 'string') throw new EditRefused(400, `Field "${name}" must be a string`);
  return value === null || value.trim() === '' ? null : value.trim();
}

/** Only the quick-edit fields, as strings; an emptied field is cleared (null). */
function changesFor(kind: EntityType, values: Record<string, unknown>): Changes {
  const allowed = EDITABLE_FIELDS[kind];
  const changes: Changes = {};
  for (const [name, value] of Object.entries(values)) {
    if (!allowed.includes(name)) throw new EditRefused(400, `Unknown field "${name}": this form edits ${allowed.join(', ')}`);
    changes[name] = normalized(name, value);
  }
  if (Object.keys(changes).length === 0) throw new EditRefused(400, `Nothing to change: send one of ${allowed.join(', ')}`);
  return changes;
}

/** The stand-in's `{"errors": {"message": [...]}}` as one line. */
function crmMessage(body: unknown, status: number): string {
  const messages = (body as { errors?: { message?: unknown } } | undefined)?.errors?.message;
  return Array.isArray(messages) && messages.length > 0 ? messages.map(String).join('; ') : `The stand-in answered ${status}`;
}

async function readValues(request: IncomingMessage): Promise<Record<string, unknown>> {
  const body = await readBody(request, MAX_BODY);
  if (body === undefined) throw new EditRefused(413, `The body is larger than ${MAX_BODY} bytes`);
  return parseValues(request, body.toString('utf8'));
}

function apply(context: EmulatorContext, info: KindInfo, id: string, changes: Changes): HostApiAnswer {
  const crm = context.crm;
  if (crm === undefined) throw new EditRefused(503, 'Record edits need the in-process Freshsales stand-in (not available with --crm-url or in live mode)');
  const reply = crm.internal('PUT', `/${info.collection}/${id}`, { [info.key]: changes });
  if (reply.status >= 300) throw new EditRefused(reply.status, crmMessage(reply.body, reply.status));
  const view = recordView(crm.store, info.kind, Number(id));
  return { ok: true, record: (reply.body as Record<string, unknown>)[info.key], display: view === undefined ? {} : displayOf(view) };
}

function refuse(request: IncomingMessage, response: ServerResponse, error: unknown): void {
  if (!(error instanceof EditRefused)) throw error;
  if (isForm(request)) sendText(response, error.status, `${error.message}\n`, 'text/plain; charset=utf-8');
  else answer(response, error.status, { ok: false, status: error.status, message: error.message });
}

async function edit(request: IncomingMessage, response: ServerResponse, info: KindInfo, id: string, context: EmulatorContext): Promise<void> {
  const result = apply(context, info, id, changesFor(info.kind, await readValues(request)));
  // A plain form post (no script) goes back to the page, as the product does after a save.
  if (isForm(request)) response.writeHead(303, { Location: recordPath(info.kind, id) }).end();
  else answer(response, 200, result);
}

export async function handleHostEdit(request: IncomingMessage, response: ServerResponse, params: Record<string, string>, context: EmulatorContext): Promise<void> {
  const info = KIND_LIST.find((kind) => kind.collection === params.collection);
  const id = params.id ?? '';
  try {
    if (info === undefined || !/^\d+$/.test(id)) throw new EditRefused(404, `No record at ${request.url ?? ''}`);
    await edit(request, response, info, id, context);
  } catch (error) {
    refuse(request, response, error);
  }
}
