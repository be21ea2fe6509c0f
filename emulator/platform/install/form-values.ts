import { isRecord } from '../../../common/guards';
import { defaultOf, isSecret, typeOf, type IparamField, type SettingsField } from './fields';
import { isEmpty, normalizeValue, type FieldState } from './rules';

/**
 * Turning what the settings page posts into the values the installation saves, and the saved
 * values back into what the page may show. Secrets flow one way only: in.
 */

export type Values = Record<string, unknown>;

const isObject = isRecord;

/** An HTML form sends nothing for an unticked box and one entry per selected option. */
const FORM_READERS: Record<string, (form: URLSearchParams, key: string) => unknown> = {
  checkbox: (form, key) => form.has(key),
  multiselect: (form, key) => form.getAll(key),
};

function readFormField(form: URLSearchParams, { key, field }: SettingsField): unknown {
  const reader = FORM_READERS[typeOf(field)];
  return reader === undefined ? (form.get(key) ?? '') : reader(form, key);
}

/** The page never shows a saved secret, so a secret left blank means "keep what is saved". */
function keepSecret({ key, field }: SettingsField, value: unknown, saved: Values | undefined): unknown {
  const kept = saved?.[key];
  return isSecret(field) && isEmpty(value) && !isEmpty(kept) ? kept : value;
}

export function valuesFromForm(fields: SettingsField[], form: URLSearchParams, saved: Values | undefined): Values {
  return Object.fromEntries(fields.map((entry) => [entry.key, keepSecret(entry, readFormField(form, entry), saved)]));
}

/** JSON posted for an iparams.json app: declared keys only (`__meta` is allowed and dropped). */
export function valuesFromJson(fields: SettingsField[], body: Values, saved: Values | undefined): { values: Values; unknown: string[] } {
  const declared = new Set(fields.map(({ key }) => key));
  const unknown = Object.keys(body).filter((key) => !declared.has(key) && key !== '__meta');
  const values = Object.fromEntries(fields.map((entry) => [entry.key, keepSecret(entry, body[entry.key], saved)]));
  return { values, unknown };
}

/** What is saved: numbers as numbers; an empty number or an absent value is left out. */
export function storedValues(fields: SettingsField[], values: Values): Values {
  const stored: Values = {};
  for (const { key, field } of fields) {
    const value = normalizeValue(field, values[key]);
    const blankNumber = typeOf(field) === 'number' && isEmpty(value);
    if (value !== undefined && !blankNumber) stored[key] = value;
  }
  return stored;
}

/** What the form shows before anything was posted: saved values, else defaults. */
export function displayValues(fields: SettingsField[], saved: Values | undefined): Values {
  return Object.fromEntries(fields.map(({ key, field }) => [key, saved !== undefined && key in saved ? saved[key] : defaultOf(field)]));
}

/** Which secret fields already hold a value (the page says so instead of showing it). */
export function secretStates(fields: SettingsField[], saved: Values | undefined): Record<string, FieldState> {
  const states: Record<string, FieldState> = {};
  for (const { key, field } of fields) {
    if (isSecret(field) && !isEmpty(saved?.[key])) states[key] = { secretSaved: true };
  }
  return states;
}

function valueAt(values: Values, path: string): unknown {
  if (path in values) return values[path];
  return path.split('.').reduce<unknown>((node, part) => (isObject(node) ? node[part] : undefined), values);
}

function deleteAt(values: Values, path: string): void {
  if (path in values) {
    delete values[path];
    return;
  }
  const parts = path.split('.');
  const last = parts.pop() as string;
  const parent = parts.reduce<unknown>((node, part) => (isObject(node) ? node[part] : undefined), values);
  if (isObject(parent)) delete parent[last];
}

function metaSecure(values: Values): string[] {
  const secure = isObject(values.__meta) ? values.__meta.secure : undefined;
  return Array.isArray(secure) ? secure.filter((item): item is string => typeof item === 'string') : [];
}

/**
 * Saved settings as a custom page's `getConfigs` receives them: without secure values, which
 * never go to the browser (§8.1; that getConfigs omits them is [U], the stricter reading),
 * and without `__meta`. Nested secure keys are dotted paths.
 */
export function publicConfigs(saved: Values, fields: Record<string, IparamField> | undefined): Values {
  const copy = structuredClone(saved);
  const declaredSecrets = Object.entries(fields ?? {}).filter(([, field]) => isSecret(field)).map(([key]) => key);
  [...metaSecure(saved), ...declaredSecrets].forEach((path) => deleteAt(copy, path));
  delete copy.__meta;
  return copy;
}

function secureListProblem(body: Values, secure: unknown): string | undefined {
  if (!Array.isArray(secure) || !secure.every((item): item is string => typeof item === 'string')) return '__meta.secure must be an array of field names';
  const missing = secure.find((path) => valueAt(body, path) === undefined);
  return missing === undefined ? undefined : `__meta.secure names '${missing}', which postConfigs() did not return`;
}

/** What postConfigs() returned, as the platform would refuse it (§8.2); undefined when fine. */
export function customConfigsProblem(body: unknown): string | undefined {
  if (!isObject(body)) return 'postConfigs() must return an object of settings';
  const meta = body.__meta;
  if (meta === undefined) return undefined;
  if (!isObject(meta)) return '__meta must be an object';
  return meta.secure === undefined ? undefined : secureListProblem(body, meta.secure);
}
