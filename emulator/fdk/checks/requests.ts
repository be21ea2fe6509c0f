import { declaredRequests, type AppFiles, type IparamField } from '../app-files';
import { platformError, type Finding } from '../findings';
import { describeAjvError, validators } from '../schemas';

const FILE = 'config/requests.json';
const error = (message: string) => platformError('requests', message, FILE);

/** `<%= expr %>` with optional whitespace (platform.md §5.2). */
const PLACEHOLDER = /<%=\s*(.*?)\s*%>/g;
const IPARAM = /^iparam\.([A-Za-z0-9_]+)$/;
const CONTEXT = /^context\.[A-Za-z0-9_]+$/;
const OTHER_VALID = [/^access_token$/, /^current_host\.endpoint_urls\.[A-Za-z0-9_]+$/, /^app_settings\.[A-Za-z0-9_]+$/];
const ENCODE = /^encode\((.+)\)$/;
const IP_ADDRESS = /^\d{1,3}(?:\.\d{1,3}){3}$/;

interface TemplateSchema {
  protocol?: string;
  method: string;
  host: string;
  path?: string;
  headers?: Record<string, string>;
  query?: Record<string, string | number>;
}

interface Template {
  schema: TemplateSchema;
  options?: { oauth?: string };
}

type Field = 'host' | 'path' | 'query' | 'headers';

interface Usage {
  field: Field;
  expression: string;
}

function placeholders(field: Field, text: string): Usage[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => ({ field, expression: match[1] ?? '' }));
}

function usages(schema: TemplateSchema): Usage[] {
  return [
    ...placeholders('host', schema.host),
    ...placeholders('path', schema.path ?? ''),
    ...Object.values(schema.query ?? {}).flatMap((value) => placeholders('query', String(value))),
    ...Object.values(schema.headers ?? {}).flatMap((value) => placeholders('headers', value)),
  ];
}

/** `encode(x)` wraps any valid expression; the inner one decides. */
function unwrap(expression: string): string {
  const inner = ENCODE.exec(expression);
  return inner?.[1] === undefined ? expression : unwrap(inner[1].trim());
}

function isKnownExpression(expression: string): boolean {
  const bare = unwrap(expression);
  return IPARAM.test(bare) || CONTEXT.test(bare) || OTHER_VALID.some((pattern) => pattern.test(bare));
}

function iparamFindings(name: string, usage: Usage, iparams: Record<string, IparamField> | undefined): Finding[] {
  const iparam = IPARAM.exec(unwrap(usage.expression))?.[1];
  if (iparam === undefined || iparams === undefined) return [];
  const field = iparams[iparam];
  if (field === undefined) return [error(`Request template '${name}' uses iparam '${iparam}', which config/iparams.json does not define`)];
  if (field.secure === true && usage.field !== 'headers') {
    return [error(`Request template '${name}' uses secure iparam '${iparam}' in ${usage.field}: secure iparams may be used only in header values`)];
  }
  return [];
}

function usageFindings(name: string, template: Template, iparams: Record<string, IparamField> | undefined): Finding[] {
  return usages(template.schema).flatMap((usage) => {
    if (!isKnownExpression(usage.expression)) {
      return [error(`Request template '${name}' has an invalid placeholder '<%= ${usage.expression} %>' in ${usage.field}`)];
    }
    if (unwrap(usage.expression) === 'access_token' && (usage.field !== 'headers' || template.options?.oauth === undefined)) {
      return [error(`Request template '${name}' may use access_token only in headers and with options.oauth`)];
    }
    return iparamFindings(name, usage, iparams);
  });
}

function hostFindings(name: string, schema: TemplateSchema): Finding[] {
  const host = schema.host.replace(PLACEHOLDER, 'x');
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(host)) return [error(`Request template '${name}' schema/host must not have protocol`)];
  if (host.includes('/')) return [error(`Request template '${name}' schema/host must not have path`)];
  if (host.includes(':')) return [error(`Request template '${name}' schema/host must not have port`)];
  if (IP_ADDRESS.test(host)) return [error(`Request template '${name}' schema/host must be a domain name, not an IP address`)];
  return [];
}

function shapeFindings(name: string, schema: TemplateSchema): Finding[] {
  const findings = hostFindings(name, schema);
  if (schema.path !== undefined && !schema.path.startsWith('/')) {
    findings.push(error(`Request template '${name}' schema/path must start with '/'`));
  }
  if (schema.protocol === 'http') {
    findings.push(error(`Request template '${name}' uses protocol http: only https works outside fdk run and http blocks fdk pack`));
  }
  if (/<%/.test(schema.method)) findings.push(error(`Request template '${name}' schema/method cannot be templated`));
  return findings;
}

function templateFindings(name: string, raw: unknown, iparams: Record<string, IparamField> | undefined): Finding[] {
  if (!validators.requestTemplate(raw)) {
    return (validators.requestTemplate.errors ?? []).map((e) =>
      error(`Request template '${name}'${e.instancePath} ${describeAjvError(e)}`),
    );
  }
  const template = raw as Template;
  return [...shapeFindings(name, template.schema), ...usageFindings(name, template, iparams)];
}

function crossReferenceFindings(declared: string[], defined: string[]): Finding[] {
  const missing = declared
    .filter((name) => !defined.includes(name))
    .map((name) => error(`Request template '${name}' is not defined in config/requests.json`));
  // The FDK only warns here, but the template then fails at run time; we fail early.
  const undeclared = defined
    .filter((name) => !declared.includes(name))
    .map((name) => error(`request template '${name}' is declared but not associated with any product`));
  return [...missing, ...undeclared];
}

/** The requests validator (platform.md §5.1–5.2). */
export function checkRequests(app: AppFiles): Finding[] {
  if (app.manifest === undefined) return [];
  const declared = declaredRequests(app.manifest);
  if (app.requestsFileExists && app.requests === undefined) return [];
  const templates = app.requests ?? {};
  const defined = Object.keys(templates);
  return [
    ...crossReferenceFindings(declared, defined),
    ...Object.entries(templates).flatMap(([name, raw]) => templateFindings(name, raw, app.iparams)),
  ];
}
