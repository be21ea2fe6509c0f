import type { AppFiles, IparamField } from '../app-files';
import { platformError, type Finding } from '../findings';
import { describeAjvError, IPARAM_TYPES, validators } from '../schemas';

const FILE = 'config/iparams.json';
const error = (message: string) => platformError('iparam', message, FILE);

const WITH_OPTIONS = ['dropdown', 'radio', 'multiselect'];
const PRODUCT_TYPES = ['domain', 'api_key'];
const PRODUCTS = ['freshdesk', 'freshservice', 'freshsales', 'freshworks_crm'];

function typeFindings(key: string, field: IparamField): Finding[] {
  const type = String(field.type);
  if (!(IPARAM_TYPES as readonly string[]).includes(type)) return [error(`Invalid type, ${type}, found in the '${key}' field`)];
  if (WITH_OPTIONS.includes(type) && field.options === undefined) {
    return [error(`'options' is mandatory for the ${type} field '${key}'`)];
  }
  const product = (field.type_attributes as { product?: unknown } | undefined)?.product;
  if (PRODUCT_TYPES.includes(type) && !PRODUCTS.includes(String(product))) {
    return [error(`'type_attributes.product' is mandatory for the ${type} field '${key}' (one of ${PRODUCTS.join(', ')})`)];
  }
  return [];
}

function singleChoiceFindings(key: string, field: IparamField, options: string[]): Finding[] {
  const value = field.default_value;
  if (value === undefined) {
    return field.type === 'dropdown' ? [error(`default_value is mandatory for the dropdown field '${key}'`)] : [];
  }
  return options.includes(value as string) ? [] : [error(`default_value of '${key}' must be one of its options`)];
}

function multiChoiceFindings(key: string, field: IparamField, options: string[]): Finding[] {
  const value = field.default_value;
  if (value === undefined) return [];
  const ok = Array.isArray(value) && value.every((item) => options.includes(item as string));
  return ok ? [] : [error(`default_value of '${key}' must be an array of its options`)];
}

/** Dropdown defaults are mandatory and must be one of the options, exactly (platform.md §8.1). */
function defaultFindings(key: string, field: IparamField): Finding[] {
  const options = (field.options as string[] | undefined) ?? [];
  if (field.type === 'dropdown' || field.type === 'radio') return singleChoiceFindings(key, field, options);
  if (field.type === 'multiselect') return multiChoiceFindings(key, field, options);
  return [];
}

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}

/** `regex: { name: pattern, "name-error": message }` (FDK samples) or `type_attributes.regex`. */
function regexFindings(key: string, field: IparamField): Finding[] {
  const topLevel = Object.entries((field.regex as Record<string, string> | undefined) ?? {})
    .filter(([name]) => !name.endsWith('-error'))
    .map(([, pattern]) => pattern);
  const nested = (field.type_attributes as { regex?: { pattern?: unknown } } | undefined)?.regex?.pattern;
  const patterns = typeof nested === 'string' ? [...topLevel, nested] : topLevel;
  return patterns.filter((pattern) => !compiles(pattern)).map((pattern) => error(`Invalid regex '${pattern}' in the '${key}' field`));
}

function fieldFindings(key: string, raw: unknown): Finding[] {
  if (!validators.iparamField(raw)) {
    return (validators.iparamField.errors ?? []).map((e) => error(`'${key}' field${e.instancePath} ${describeAjvError(e)}`));
  }
  const field = raw as IparamField;
  const typeProblems = typeFindings(key, field);
  if (typeProblems.length > 0) return typeProblems;
  return [...defaultFindings(key, field), ...regexFindings(key, field)];
}

/** The iparam validator (platform.md §8.1): exactly one settings page, and a valid schema. */
export function checkIparams(app: AppFiles): Finding[] {
  if (app.iparamsJsonExists && app.iparamsHtmlExists) {
    return [error('Use either config/iparams.json or config/iparams.html, not both')];
  }
  if (!app.iparamsJsonExists && !app.iparamsHtmlExists) return [error('iparams.json is mandatory')];
  if (app.iparams === undefined) return [];
  return Object.entries(app.iparams).flatMap(([key, raw]) => fieldFindings(key, raw));
}
