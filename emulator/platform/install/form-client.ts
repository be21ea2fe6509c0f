import { typeOf, type IparamField, type SettingsField } from './fields';
import { validateAll, type FieldState } from './rules';

/**
 * Browser script of the generated settings page (bundled by esbuild when served): the same
 * checks as the server before the form is sent, the `change` handlers of
 * config/assets/iparams.js and their `utils.get` / `utils.set` helpers (platform.md §8.1).
 */

interface PageData {
  fields: Record<string, IparamField>;
  secretsSaved: string[];
}

interface SetOptions {
  value?: unknown;
  values?: string[];
  visible?: boolean;
  disabled?: boolean;
  required?: boolean;
  hint?: string;
  label?: string;
}

type Handler = (value: unknown) => unknown;

const data = JSON.parse(document.getElementById('fdk-settings-data')?.textContent ?? '{}') as PageData;
const form = document.getElementById('fdk-settings-form') as HTMLFormElement;
const fields: SettingsField[] = Object.entries(data.fields ?? {}).map(([key, field]) => ({ key, field }));
const overrides: Record<string, FieldState> = {};
/** Latest verdict of each field's change handler; pending ones are promises. */
const dynamicErrors: Record<string, string | undefined> = {};
const pending = new Map<string, Promise<void>>();

function wrapperOf(key: string): HTMLElement | undefined {
  return Array.from(form.querySelectorAll<HTMLElement>('.field[data-key]')).find((element) => element.dataset.key === key);
}

function controlsOf(key: string): Array<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement> {
  return Array.from(form.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('[name]')).filter((element) => element.name === key);
}

const READERS: Record<string, (controls: ReturnType<typeof controlsOf>) => unknown> = {
  checkbox: ([control]) => (control as HTMLInputElement | undefined)?.checked === true,
  multiselect: ([control]) => Array.from((control as HTMLSelectElement | undefined)?.selectedOptions ?? []).map((option) => option.value),
  radio: (controls) => (controls as HTMLInputElement[]).find((control) => control.checked)?.value ?? '',
};

function readValue(key: string): unknown {
  const field = data.fields[key];
  const controls = controlsOf(key);
  if (field === undefined || controls.length === 0) return undefined;
  const reader = controls[0] instanceof HTMLInputElement && controls[0].type === 'password' ? undefined : READERS[typeOf(field)];
  return reader === undefined ? controls[0]?.value : reader(controls);
}

function showError(key: string, message: string | undefined): void {
  const wrapper = wrapperOf(key);
  const slot = wrapper?.querySelector('.error');
  if (wrapper === undefined || slot === null || slot === undefined) return;
  slot.textContent = message ?? '';
  wrapper.classList.toggle('invalid', message !== undefined);
}

function states(): Record<string, FieldState> {
  const result: Record<string, FieldState> = {};
  for (const { key } of fields) result[key] = { ...overrides[key], secretSaved: data.secretsSaved.includes(key) };
  return result;
}

function currentErrors(): Record<string, string> {
  const values = Object.fromEntries(fields.map(({ key }) => [key, readValue(key)]));
  const errors = validateAll(fields, values, states());
  for (const [key, message] of Object.entries(dynamicErrors)) if (message !== undefined && errors[key] === undefined) errors[key] = message;
  return errors;
}

function messageOf(reason: unknown): string {
  if (typeof reason === 'string' && reason !== '') return reason;
  const message = (reason as { message?: unknown } | null)?.message;
  return typeof message === 'string' && message !== '' ? message : 'This value is not valid.';
}

/** A change handler returns "" (or resolves) when valid, an error string (or rejects) when not. */
async function verdict(handler: Handler, value: unknown): Promise<string | undefined> {
  try {
    const result = handler(value);
    if (result instanceof Promise) {
      await result;
      return undefined;
    }
    return typeof result === 'string' && result !== '' ? result : undefined;
  } catch (error) {
    return messageOf(error);
  }
}

function runHandler(key: string, handler: Handler): void {
  const settled = verdict(handler, readValue(key)).then((message) => {
    dynamicErrors[key] = message;
    showError(key, message);
  });
  pending.set(key, settled);
  void settled.finally(() => pending.get(key) === settled && pending.delete(key));
}

function handlersOf(field: IparamField): Handler[] {
  const events = Array.isArray(field.events) ? (field.events as Array<Record<string, unknown>>) : [];
  const globals = window as unknown as Record<string, unknown>;
  return events.map((event) => globals[String(event.change)]).filter((handler): handler is Handler => typeof handler === 'function');
}

function onChange(key: string): void {
  showError(key, undefined);
  const field = data.fields[key];
  if (field !== undefined) handlersOf(field).forEach((handler) => runHandler(key, handler));
}

async function onSubmit(event: SubmitEvent): Promise<void> {
  event.preventDefault();
  await Promise.all(pending.values());
  const errors = currentErrors();
  fields.forEach(({ key }) => showError(key, errors[key]));
  const first = fields.find(({ key }) => errors[key] !== undefined);
  // Through the prototype: a field named `submit` would shadow form.submit.
  if (first === undefined) HTMLFormElement.prototype.submit.call(form);
  else controlsOf(first.key)[0]?.focus();
}

function setOptions(key: string, values: string[]): void {
  const [control] = controlsOf(key);
  if (control instanceof HTMLSelectElement) {
    control.replaceChildren(...values.map((value) => new Option(value, value)));
    return;
  }
  const group = wrapperOf(key)?.querySelector('fieldset');
  group?.replaceChildren(
    ...values.map((value) => {
      const label = document.createElement('label');
      label.className = 'choice';
      const radio = Object.assign(document.createElement('input'), { type: 'radio', name: key, value });
      label.append(radio, ` ${value}`);
      return label;
    }),
  );
}

function writeValue(key: string, value: unknown): void {
  const controls = controlsOf(key);
  const wanted = Array.isArray(value) ? value.map(String) : [String(value)];
  for (const control of controls) {
    if (control instanceof HTMLSelectElement) Array.from(control.options).forEach((option) => (option.selected = wanted.includes(option.value)));
    else if (control instanceof HTMLInputElement && ['checkbox', 'radio'].includes(control.type)) control.checked = control.type === 'checkbox' ? value === true : wanted.includes(control.value);
    else control.value = String(value);
  }
}

function setText(key: string, selector: string, text: string): void {
  const element = wrapperOf(key)?.querySelector(selector);
  if (element === null || element === undefined) return;
  const mark = element.querySelector('.req');
  element.textContent = text;
  if (mark !== null) element.append(mark);
}

const SETTERS: Array<[keyof SetOptions, (key: string, value: never) => void]> = [
  ['values', (key, values: string[]) => setOptions(key, values)],
  ['value', (key, value: unknown) => writeValue(key, value)],
  ['visible', (key, visible: boolean) => ((overrides[key] = { ...overrides[key], visible }), wrapperOf(key)?.toggleAttribute('hidden', !visible))],
  ['disabled', (key, disabled: boolean) => controlsOf(key).forEach((control) => (control.disabled = disabled))],
  ['required', (key, required: boolean) => void (overrides[key] = { ...overrides[key], required })],
  ['hint', (key, hint: string) => setText(key, '.hint', hint)],
  ['label', (key, label: string) => setText(key, 'label:not(.choice), .label', label)],
];

const utils = {
  get: (key: string): unknown => readValue(key),
  set: (key: string, options: SetOptions): void => {
    for (const [name, apply] of SETTERS) if (options[name] !== undefined) apply(key, options[name] as never);
  },
};
(window as unknown as { utils: typeof utils }).utils = utils;

form.addEventListener('submit', (event) => void onSubmit(event));
for (const { key } of fields) {
  const wrapper = wrapperOf(key);
  wrapper?.addEventListener('change', () => onChange(key));
  wrapper?.addEventListener('input', () => showError(key, undefined));
}
