import { CLIENT_SCRIPT_PATH } from '../frontend/protocol';
import { html, jsonForScript, type Html } from '../frontend/pages/html';
import {
  descriptionOf, isRequired, isSecret, isVisible, labelOf, optionsOf, typeOf, type IparamField, type SettingsField,
} from './fields';
import type { Values } from './form-values';
import { banner, page, type BannerKind } from './layout';
import { SETTINGS_PATHS } from './paths';

/**
 * The settings page the platform renders from config/iparams.json (platform.md §8.1): one
 * control per field type, labels, help text, required marks, hidden fields, and secrets that
 * are never written back into the page.
 */

export interface InstallStatus {
  installed: boolean;
  installationId?: string;
}

export interface FormPageModel {
  appName: string;
  status: InstallStatus;
  fields: SettingsField[];
  /** What each control shows: saved values, defaults, or what was just posted. */
  values: Values;
  errors: Record<string, string>;
  /** Secret fields that already hold a saved value. */
  secretsSaved: string[];
  notice?: { kind: BannerKind; text: string };
  /** config/assets/iparams.js exists: load it for `events: [{change}]` handlers (§8.1). */
  dynamicScript: boolean;
}

interface Control {
  key: string;
  field: IparamField;
  id: string;
  value: unknown;
  describedBy: string;
  required: boolean;
}

const INPUT_TYPES: Record<string, string> = {
  text: 'text',
  email: 'email',
  number: 'number',
  phone_number: 'tel',
  date: 'date',
  url: 'url',
  domain: 'text',
  api_key: 'password',
};

const asText = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
const asList = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

function input(control: Control): Html {
  const type = INPUT_TYPES[typeOf(control.field)] ?? 'text';
  const step = type === 'number' ? 'any' : undefined;
  return html`<input type="${type}" id="${control.id}" name="${control.key}" value="${asText(control.value)}"${step ? html` step="${step}"` : ''}${
    control.required ? html` required aria-required="true"` : ''
  } aria-describedby="${control.describedBy}">`;
}

/** A secret is typed, never shown: the control starts empty whatever is saved. */
function secretInput(control: Control): Html {
  return html`<input type="password" id="${control.id}" name="${control.key}" value="" autocomplete="new-password"${
    control.required ? html` aria-required="true"` : ''
  } aria-describedby="${control.describedBy}">`;
}

function textarea(control: Control): Html {
  return html`<textarea id="${control.id}" name="${control.key}"${control.required ? html` required aria-required="true"` : ''} aria-describedby="${control.describedBy}">${asText(control.value)}</textarea>`;
}

function options(field: IparamField, selected: string[]): Html[] {
  return optionsOf(field).map((option) => html`<option value="${option}"${selected.includes(option) ? html` selected` : ''}>${option}</option>`);
}

function dropdown(control: Control): Html {
  return html`<select id="${control.id}" name="${control.key}" aria-describedby="${control.describedBy}">${options(control.field, [asText(control.value)])}</select>`;
}

function multiselect(control: Control): Html {
  return html`<select multiple id="${control.id}" name="${control.key}" aria-describedby="${control.describedBy}">${options(control.field, asList(control.value))}</select>`;
}

function radio(control: Control): Html {
  return html`<fieldset id="${control.id}" aria-labelledby="${control.id}-label" aria-describedby="${control.describedBy}">${optionsOf(control.field).map(
    (option) => html`<label class="choice"><input type="radio" name="${control.key}" value="${option}"${option === asText(control.value) ? html` checked` : ''}> ${option}</label>`,
  )}</fieldset>`;
}

function checkbox(control: Control): Html {
  return html`<label class="choice"><input type="checkbox" id="${control.id}" name="${control.key}" value="true"${control.value === true ? html` checked` : ''} aria-describedby="${control.describedBy}"> ${labelOf(control.key, control.field)}${requiredMark(control)}</label>`;
}

const CONTROLS: Record<string, (control: Control) => Html> = { paragraph: textarea, dropdown, multiselect, radio, checkbox };

function controlFor(control: Control): Html {
  if (isSecret(control.field)) return secretInput(control);
  return (CONTROLS[typeOf(control.field)] ?? input)(control);
}

const requiredMark = (control: Control): Html | string => (control.required ? html`<span class="req" aria-hidden="true">*</span>` : '');

/** Checkboxes carry their own label; a radio group is named by a plain heading; the rest get <label for>. */
function heading(control: Control): Html | undefined {
  const type = isSecret(control.field) ? 'secret' : typeOf(control.field);
  if (type === 'checkbox') return undefined;
  const text = html`${labelOf(control.key, control.field)}${requiredMark(control)}`;
  return type === 'radio' ? html`<span class="label" id="${control.id}-label">${text}</span>` : html`<label for="${control.id}">${text}</label>`;
}

function renderField(model: FormPageModel, entry: SettingsField, index: number): Html {
  const { key, field } = entry;
  const id = `fdk-field-${index}`;
  const control: Control = { key, field, id, value: model.values[key], describedBy: `${id}-hint ${id}-error`, required: isRequired(field) };
  const error = model.errors[key];
  const description = descriptionOf(field);
  const saved = isSecret(field) && model.secretsSaved.includes(key);
  return html`<div class="field${error === undefined ? '' : ' invalid'}" data-key="${key}" data-type="${typeOf(field)}"${isVisible(field) ? '' : html` hidden`}>
${heading(control)}
${controlFor(control)}
${saved ? html`<p class="saved-secret" data-saved-secret>A value is saved (hidden). Leave blank to keep it.</p>` : ''}
<p class="hint" id="${id}-hint">${description}</p>
<p class="error" id="${id}-error" aria-live="polite">${error}</p>
</div>`;
}

export function statusCard(appName: string, status: InstallStatus): Html {
  const pill = status.installed ? html`<span class="pill on">Installed</span>` : html`<span class="pill off">Not installed</span>`;
  const id = status.installationId === undefined ? '' : html` <span class="muted">installation ${status.installationId}</span>`;
  return html`<div class="card"><h1>Settings of ${appName}</h1><p id="fdk-install-status">${pill}${id}</p></div>`;
}

const UNINSTALL_EFFECT = "Runs onAppUninstall. Unless it refuses, the installation's stored data, entity records and schedules are deleted; installing again starts from nothing.";

/** The button asks first: it leads to the confirmation page, whose button really uninstalls. */
export function uninstallCard(status: InstallStatus): Html | undefined {
  if (!status.installed) return undefined;
  return html`<div class="card"><h2>Uninstall</h2>
<p class="muted">${UNINSTALL_EFFECT}</p>
<form method="post" action="${SETTINGS_PATHS.uninstall}"><button type="submit" class="danger" id="fdk-uninstall">Uninstall…</button></form></div>`;
}

export function renderUninstallConfirmation(appName: string): string {
  const body = html`<div class="card" role="alertdialog" aria-labelledby="fdk-confirm-title" aria-describedby="fdk-confirm-text">
<h1 id="fdk-confirm-title">Uninstall ${appName}?</h1>
<p id="fdk-confirm-text">${UNINSTALL_EFFECT}</p>
<form method="post" action="${SETTINGS_PATHS.uninstall}" class="actions"><input type="hidden" name="confirm" value="yes">
<button type="submit" class="danger" id="fdk-confirm-uninstall">Uninstall</button><a class="button" id="fdk-cancel-uninstall" href="${SETTINGS_PATHS.settings}" autofocus>Cancel</a></form>
</div>`;
  return page({ title: `Uninstall ${appName}?` }, body);
}

function scripts(model: FormPageModel): Html {
  const dynamic = model.dynamicScript ? html`<script src="${CLIENT_SCRIPT_PATH}"></script><script src="${SETTINGS_PATHS.assets}/iparams.js"></script>` : '';
  const data = { fields: Object.fromEntries(model.fields.map(({ key, field }) => [key, field])), secretsSaved: model.secretsSaved };
  return html`<script type="application/json" id="fdk-settings-data">${jsonForScript(data)}</script>${dynamic}<script src="${SETTINGS_PATHS.formScript}"></script>`;
}

export function renderFormPage(model: FormPageModel): string {
  const fields = model.fields.length === 0 ? html`<p class="muted">This app has no settings.</p>` : model.fields.map((entry, index) => renderField(model, entry, index));
  const body = html`${statusCard(model.appName, model.status)}
${banner(model.notice?.kind ?? 'ok', model.notice?.text)}
<div class="card">
<form method="post" action="${SETTINGS_PATHS.settings}" id="fdk-settings-form" novalidate>
${fields}
<div class="actions"><button type="submit" id="fdk-install">${model.status.installed ? 'Save' : 'Install'}</button></div>
</form>
</div>
${uninstallCard(model.status)}
${scripts(model)}`;
  return page({ title: `Settings of ${model.appName}` }, body);
}
