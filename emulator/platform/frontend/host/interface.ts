import type { EntityType, NotifyType } from '../../../../common/platform/client';
import { recordPath } from '../pages/kinds';
import { FRAME_PARAMS } from '../protocol';
import { appFrame, appUrl, type HostEnv } from './env';
import { invalid, notHere, objectArg, optionalText, requiredText } from './errors';
import { isModal, type Instance } from './instances';

/**
 * `client.interface.trigger(action, options)` on Freshsales Suite (platform.md §7.4): the six
 * CRM actions, with the platform's limits. Not available inside modals and dialogs.
 *
 * What the promise resolves with is [U] except for showConfirm: the other actions resolve
 * `{message: "success"}` once the product did what was asked (the docs say "success
 * message"); apps should not read it. showConfirm resolves `{message: <clicked label>}`.
 */

type Options = Record<string, unknown>;
type Action = (env: HostEnv, instance: Instance, options: Options) => unknown;

const SUCCESS = { message: 'success' };
const NOTIFY_TYPES: readonly NotifyType[] = ['info', 'success', 'warning', 'danger', 'alert'];
const LEAD = 'leads exist only on Freshsales Classic; Freshsales Suite has contacts, accounts and deals';

function notifyType(value: unknown): NotifyType {
  const type = NOTIFY_TYPES.find((name) => name === value);
  if (type !== undefined) return type;
  const given = value === undefined ? 'is required' : `${JSON.stringify(value)} is not a valid type`;
  throw invalid(`showNotify: "type" ${given}; use one of ${NOTIFY_TYPES.join(', ')}`);
}

function showNotify(env: HostEnv, _instance: Instance, options: Options): unknown {
  const type = notifyType(options.type);
  const title = optionalText('showNotify', options, 'title', 30);
  // Plain text: the toast renders it as text, never as markup.
  const message = requiredText('showNotify', options, 'message', 100);
  env.ui.toast({ type, title, message, source: 'app' });
  return SUCCESS;
}

async function showConfirm(env: HostEnv, _instance: Instance, options: Options): Promise<unknown> {
  const message = requiredText('showConfirm', options, 'message', 100);
  const title = optionalText('showConfirm', options, 'title', 30) ?? 'Confirm';
  const saveLabel = optionalText('showConfirm', options, 'saveLabel', 11) ?? 'Save';
  const cancelLabel = optionalText('showConfirm', options, 'cancelLabel', 11) ?? 'Cancel';
  return { message: await env.ui.confirm({ title, message, saveLabel, cancelLabel }) };
}

/** A path under app/ (`views/modal.html`): no scheme, no absolute path, no climbing out. */
function templatePath(what: string, options: Options): string {
  const template = requiredText(what, options, 'template', 500);
  const unsafe = /^[a-z][a-z0-9+.-]*:|^[/\\]|(^|[/\\])\.\.([/\\]|$)/i.test(template);
  if (unsafe || !/\.html?$/i.test(template.split(/[?#]/)[0] ?? '')) throw invalid(`${what}: "template" must be an HTML file under app/, such as "views/modal.html" (got "${template}")`);
  return template;
}

async function showFrame(kind: 'modal' | 'dialog', env: HostEnv, opener: Instance, options: Options): Promise<unknown> {
  const what = kind === 'modal' ? 'showModal' : 'showDialog';
  const template = templatePath(what, options);
  const title = optionalText(what, options, 'title', 30) ?? 'Modal dialog';
  if (env.ui.hasFrameOverlay()) throw invalid(`${what}: a modal or dialog is already open`);
  const found = await fetch(appUrl(env.boot, template, {}), { cache: 'no-store' }).then((response) => response.ok, () => false);
  if (!found) throw invalid(`${what}: the template "${template}" was not found under app/`);
  const id = env.instances.nextId();
  const src = appUrl(env.boot, template, { [FRAME_PARAMS.instance]: id, [FRAME_PARAMS.location]: kind, [FRAME_PARAMS.parent]: opener.id });
  const frame = appFrame(src, title);
  env.instances.add(id, kind, frame, { parentId: opener.id, modalData: options.data });
  env.ui.openFrame(kind, id, title, frame, () => env.instances.remove(id));
  return SUCCESS;
}

const SHOW_KINDS: Record<string, EntityType> = { contact: 'contact', account: 'sales_account', deal: 'deal' };

function kindOf(action: string, value: unknown, kinds: Record<string, unknown>): string {
  if (value === 'lead') throw invalid(`${action}: ${LEAD}`);
  if (typeof value !== 'string' || !Object.hasOwn(kinds, value)) throw invalid(`${action}: "id" must be one of ${Object.keys(kinds).join(', ')} (got ${JSON.stringify(value)})`);
  return value;
}

/** Record ids go over the wire as numbers or, above 2^53, as digit strings. */
function recordIdOf(value: unknown): string {
  const id = typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? String(value) : value;
  if (typeof id !== 'string' || !/^[1-9]\d*$/.test(id)) throw invalid(`show: "value" must be the record's id (got ${JSON.stringify(value)})`);
  return id;
}

function show(env: HostEnv, _instance: Instance, options: Options): unknown {
  const kind = SHOW_KINDS[kindOf('show', options.id, SHOW_KINDS)] as EntityType;
  env.navigate(recordPath(kind, recordIdOf(options.value)));
  return SUCCESS;
}

const ADD_FORMS: Record<string, { title: string; fields: string[] }> = {
  contact: { title: 'Add contact', fields: ['First name', 'Last name', 'Email'] },
  account: { title: 'Add account', fields: ['Name', 'Website', 'Phone'] },
  deal: { title: 'Add deal', fields: ['Name', 'Deal value', 'Expected close'] },
  calllog: { title: 'Log a call', fields: ['Contact', 'Outcome', 'Notes'] },
};

function open(env: HostEnv, _instance: Instance, options: Options): unknown {
  const form = ADD_FORMS[kindOf('open', options.id, ADD_FORMS)] as { title: string; fields: string[] };
  env.ui.addPanel(form.title, form.fields);
  return SUCCESS;
}

const ACTIONS: Record<string, Action> = {
  showNotify,
  showConfirm,
  showModal: (env, instance, options) => showFrame('modal', env, instance, options),
  showDialog: (env, instance, options) => showFrame('dialog', env, instance, options),
  show,
  open,
};

export function trigger(env: HostEnv, instance: Instance, args: unknown[]): unknown {
  const name = args[0];
  if (typeof name !== 'string' || name === '') throw invalid('interface.trigger: the action must be a non-empty string');
  if (isModal(instance)) throw notHere(`interface.trigger("${name}"): interface methods are not available inside a modal or dialog`);
  const action = Object.hasOwn(ACTIONS, name) ? ACTIONS[name] : undefined;
  if (action === undefined) throw invalid(`interface.trigger: "${name}" is not an action of Freshsales Suite; use ${Object.keys(ACTIONS).join(', ')}`);
  return action(env, instance, objectArg(`interface.trigger("${name}")`, args[1]));
}
