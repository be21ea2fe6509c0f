import { isRecord } from '../../../common/guards';
import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { appTitle } from '../app-title';
import type { EmulatorContext, EmulatorRoute, InstallOutcome, RegisterEmulatorRoutes } from '../context';
import { bundleBrowserScript } from '../frontend/bundle';
import { readBody, sendJson, sendText } from '../http/dispatch';
import { customPageHtml, renderCustomWrapper, serveAsset } from './custom-page';
import { fieldList, type SettingsField } from './fields';
import { renderFormPage, renderUninstallConfirmation, type InstallStatus } from './form-page';
import {
  customConfigsProblem, displayValues, publicConfigs, secretStates, storedValues, valuesFromForm, valuesFromJson, type Values,
} from './form-values';
import type { BannerKind } from './layout';
import { AFTER_INSTALL_PATH, SETTINGS_PATHS } from './paths';
import { validateAll } from './rules';

/**
 * The installation flow (platform.md §4.1, §8, §11 item 10): the settings page from
 * config/iparams.json or the app's config/iparams.html → validation → save → onAppInstall,
 * whose veto message is shown and stops the install; uninstall, once confirmed →
 * onAppUninstall, which may refuse too.
 */

/** How large a settings submission may be. Not documented; the SMI payload cap is the reading [U]. */
const BODY_LIMIT = 100 * 1024;
const SCRIPTS: Record<string, string> = {
  [SETTINGS_PATHS.formScript]: join(__dirname, 'form-client.ts'),
  [SETTINGS_PATHS.customScript]: join(__dirname, 'custom-client.ts'),
};
const NOTICES: Record<string, string> = { uninstalled: 'The app was uninstalled.' };
/** Nested asset folders: the router matches a fixed number of segments. */
const ASSET_DEPTH = 6;

interface Notice {
  kind: BannerKind;
  text: string;
}

/** What a rejected submission shows on the page. */
interface Rejection {
  message?: string;
  errors: Record<string, string>;
  values?: Values;
}

const isObject = isRecord;

function statusOf(context: EmulatorContext): InstallStatus {
  const installation = context.installation();
  return installation === undefined ? { installed: false } : { installed: true, installationId: installation.id };
}

function fieldsOf(context: EmulatorContext): SettingsField[] {
  return fieldList(context.app.iparamFields);
}

function formPage(context: EmulatorContext, notice?: Notice, rejection?: Rejection): string {
  const fields = fieldsOf(context);
  const saved = context.installation()?.iparams;
  return renderFormPage({
    appName: appTitle(context.app),
    status: statusOf(context),
    fields,
    values: rejection?.values ?? displayValues(fields, saved),
    errors: rejection?.errors ?? {},
    secretsSaved: Object.keys(secretStates(fields, saved)),
    notice,
    dynamicScript: existsSync(join(context.app.dir, 'config', 'assets', 'iparams.js')),
  });
}

function settingsPage(context: EmulatorContext, notice?: Notice, rejection?: Rejection): string {
  if (!context.app.customSettingsPage) return formPage(context, notice, rejection);
  const saved = context.installation()?.iparams;
  return renderCustomWrapper({
    appName: appTitle(context.app),
    status: statusOf(context),
    saved: saved === undefined ? null : publicConfigs(saved, context.app.iparamFields),
    notice,
  });
}

function noticeFrom(request: IncomingMessage): Notice | undefined {
  const key = new URL(request.url ?? '/', 'http://emulator.local').searchParams.get('fdk_notice') ?? '';
  const text = NOTICES[key];
  return text === undefined ? undefined : { kind: 'ok', text };
}

const showSettings: EmulatorRoute = (request, response, _params, context) => {
  sendText(response, 200, settingsPage(context, noticeFrom(request)), 'text/html; charset=utf-8', { 'Cache-Control': 'no-store' });
};

function isJsonRequest(request: IncomingMessage): boolean {
  return (request.headers['content-type'] ?? '').toLowerCase().includes('application/json');
}

function wantsJson(request: IncomingMessage): boolean {
  const accept = (request.headers.accept ?? '').toLowerCase();
  return isJsonRequest(request) || (accept.includes('application/json') && !accept.includes('text/html'));
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

type Submission = { values: Values; rejection?: Rejection };

function judged(values: Values, errors: Record<string, string>, message?: string): Submission {
  const refused = message !== undefined || Object.keys(errors).length > 0;
  return refused ? { values, rejection: { message, errors, values } } : { values };
}

function jsonSubmission(fields: SettingsField[], body: Buffer, saved: Values | undefined): Submission {
  const json = parseJson(body);
  if (!isObject(json)) return { values: {}, rejection: { message: 'The settings must be a JSON object', errors: {} } };
  const { values, unknown } = valuesFromJson(fields, json, saved);
  return judged(values, validateAll(fields, values), unknown.length > 0 ? `Not fields of config/iparams.json: ${unknown.join(', ')}` : undefined);
}

/** Values from the generated form (form-encoded) or posted as JSON, checked like the page checks them. */
function formSubmission(context: EmulatorContext, request: IncomingMessage, body: Buffer): Submission {
  const fields = fieldsOf(context);
  const saved = context.installation()?.iparams;
  if (isJsonRequest(request)) return jsonSubmission(fields, body, saved);
  const values = valuesFromForm(fields, new URLSearchParams(body.toString('utf8')), saved);
  return judged(values, validateAll(fields, values));
}

/** What the custom page's postConfigs() returned, posted by custom-client.ts. */
function customSubmission(request: IncomingMessage, body: Buffer): Submission {
  if (!isJsonRequest(request)) return { values: {}, rejection: { message: 'The custom settings page posts its configs as JSON', errors: {} } };
  const json = parseJson(body);
  const message = customConfigsProblem(json);
  return message === undefined ? { values: json as Values } : { values: {}, rejection: { message, errors: {} } };
}

function rejectionNotice(rejection: Rejection): Notice {
  return { kind: 'error', text: rejection.message ?? 'The settings were not saved: correct the fields marked below.' };
}

/** A refused submission: the page again with the messages, or JSON for the custom page and API callers. */
function reject(request: IncomingMessage, response: ServerResponse, context: EmulatorContext, rejection: Rejection): void {
  if (wantsJson(request)) {
    sendJson(response, 400, { ok: false, message: rejectionNotice(rejection).text, errors: rejection.errors });
    return;
  }
  sendText(response, 400, settingsPage(context, rejectionNotice(rejection), rejection));
}

function accepted(request: IncomingMessage, response: ServerResponse): void {
  if (wantsJson(request)) sendJson(response, 200, { ok: true, redirect: AFTER_INSTALL_PATH });
  else response.writeHead(303, { Location: AFTER_INSTALL_PATH, 'Content-Length': '0' }).end();
}

/** Saves the values and runs onAppInstall (through context.install). */
async function installWith(request: IncomingMessage, response: ServerResponse, context: EmulatorContext, submission: Submission): Promise<void> {
  const custom = context.app.customSettingsPage;
  const outcome = await context.install(custom ? submission.values : storedValues(fieldsOf(context), submission.values));
  if (outcome.ok) return accepted(request, response);
  // A veto (renderData({message}) in onAppInstall) or the platform's refusal: nothing was installed.
  reject(request, response, context, { message: outcome.message ?? 'The app was not installed', errors: {}, values: custom ? undefined : submission.values });
}

const saveSettings: EmulatorRoute = async (request, response, _params, context) => {
  const body = await readBody(request, BODY_LIMIT);
  if (body === undefined) return reject(request, response, context, { message: `The settings are larger than ${BODY_LIMIT / 1024} KB`, errors: {} });
  const submission = context.app.customSettingsPage ? customSubmission(request, body) : formSubmission(context, request, body);
  if (submission.rejection !== undefined) return reject(request, response, context, submission.rejection);
  await installWith(request, response, context, submission);
};

/** A form post must carry `confirm=yes`, which only the confirmation page sends. */
async function confirmed(request: IncomingMessage): Promise<boolean> {
  if (wantsJson(request)) return true;
  const body = await readBody(request, BODY_LIMIT);
  return new URLSearchParams(body?.toString('utf8') ?? '').get('confirm') === 'yes';
}

function answerUninstall(request: IncomingMessage, response: ServerResponse, context: EmulatorContext, outcome: InstallOutcome): void {
  if (wantsJson(request)) return sendJson(response, outcome.ok ? 200 : 400, { ok: outcome.ok, ...(outcome.message === undefined ? {} : { message: outcome.message }) });
  if (outcome.ok) return void response.writeHead(303, { Location: `${SETTINGS_PATHS.settings}?fdk_notice=uninstalled`, 'Content-Length': '0' }).end();
  // onAppUninstall refused (§2.5): the app stays installed and the page says why.
  sendText(response, 400, settingsPage(context, { kind: 'error', text: outcome.message ?? 'The app was not uninstalled' }));
}

const uninstall: EmulatorRoute = async (request, response, _params, context) => {
  if (context.installation() !== undefined && !(await confirmed(request))) {
    return sendText(response, 200, renderUninstallConfirmation(appTitle(context.app)), 'text/html; charset=utf-8', { 'Cache-Control': 'no-store' });
  }
  answerUninstall(request, response, context, await context.uninstall());
};

const customPage: EmulatorRoute = (_request, response, _params, context) => {
  if (!context.app.customSettingsPage) return sendJson(response, 404, { message: 'This app has no config/iparams.html' });
  sendText(response, 200, customPageHtml(context.app.dir), 'text/html; charset=utf-8', { 'Cache-Control': 'no-store' });
};

const asset: EmulatorRoute = (_request, response, params, context) => {
  const segments = Array.from({ length: ASSET_DEPTH }, (_, index) => params[`p${index}`]).filter((part): part is string => part !== undefined);
  serveAsset(response, context.app.dir, segments.join('/'));
};

const script: EmulatorRoute = async (request, response) => {
  const path = new URL(request.url ?? '/', 'http://emulator.local').pathname;
  const entry = SCRIPTS[path] as string;
  sendText(response, 200, await bundleBrowserScript(entry), 'text/javascript; charset=utf-8');
};

export const registerSettingsPages: RegisterEmulatorRoutes = (router) => {
  router.add('GET', SETTINGS_PATHS.settings, showSettings);
  router.add('POST', SETTINGS_PATHS.settings, saveSettings);
  router.add('POST', SETTINGS_PATHS.uninstall, uninstall);
  router.add('GET', SETTINGS_PATHS.customPage, customPage);
  Object.keys(SCRIPTS).forEach((path) => router.add('GET', path, script));
  for (let depth = 1; depth <= ASSET_DEPTH; depth += 1) {
    const pattern = Array.from({ length: depth }, (_, index) => `:p${index}`).join('/');
    router.add('GET', `${SETTINGS_PATHS.assets}/${pattern}`, asset);
  }
};
