import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BARE_HOST_PATTERN, IPARAM_API_KEY, IPARAM_DOMAIN } from '../../common/iparams';
import { templateNames } from '../../common/templates';
import { WEBHOOK_TYPES } from '../../common/webhooks/types';
import {
  AUTOMATION_DEFAULTS, AUTOMATION_IPARAMS, COUNTRY_PATTERN, ONE_TASK_PATTERN, TASKS_PATTERN, WEBHOOK_HOST_PATTERN, WEBHOOK_PATH_PATTERN, WEBHOOK_SECRET_PATTERN,
} from '../../server/lib/settings/iparams';

const ROOT = join(__dirname, '..', '..');
const readText = (path: string): string => readFileSync(join(ROOT, path), 'utf8');
const readJson = <T>(path: string): T => JSON.parse(readText(path)) as T;

interface Manifest {
  modules: Record<string, { requests?: Record<string, unknown>; events?: Record<string, { handler: string }>; functions?: Record<string, unknown> }>;
}
interface TemplateSchema {
  method: string;
  host: string;
  path?: string;
  headers?: Record<string, string>;
  query?: Record<string, string | number>;
}
type Requests = Record<string, { schema: TemplateSchema; options?: Record<string, unknown> }>;
interface Iparam {
  display_name: string;
  default_value?: unknown;
  options?: string[];
  type: string;
  required?: boolean;
  secure?: boolean;
  regex?: Record<string, string>;
  type_attributes?: { regex?: { pattern?: string } };
}

const manifest = readJson<Manifest>('manifest.json');
const requests = readJson<Requests>('config/requests.json');
const iparams = readJson<Record<string, Iparam>>('config/iparams.json');

const sorted = (values: Iterable<string>): string[] => [...values].sort();

/** `<%= iparam.x %>` references in a template string. */
function iparamRefs(text: string): string[] {
  return [...text.matchAll(/<%=\s*iparam\.([A-Za-z0-9_]+)\s*%>/g)].map((match) => match[1] ?? '');
}

/** The regex patterns an iparam declares, in either of the forms platform.md §8.1 lists. */
function patternsOf(param: Iparam): string[] {
  const topLevel = Object.entries(param.regex ?? {})
    .filter(([key]) => !key.endsWith('-error'))
    .map(([, pattern]) => pattern);
  const nested = param.type_attributes?.regex?.pattern;
  return nested === undefined ? topLevel : [...topLevel, nested];
}

/** Property names of the literal object assigned to `exports` in server/server.ts. */
function exportedHandlers(source: string): string[] {
  const start = source.search(/^exports = \{/m);
  if (start < 0) return [];
  const body = source.slice(start, source.indexOf('\n};', start));
  return [...body.matchAll(/^ {2}([A-Za-z_$][\w$]*)\s*:\s*(?:async\s+)?function\b/gm)].map((match) => match[1] ?? '');
}

describe('request templates', () => {
  const manifestRequests = Object.keys(manifest.modules.common?.requests ?? {});

  it('common/templates.ts, manifest.json and config/requests.json name the same templates', () => {
    expect(templateNames.length).toBeGreaterThan(0);
    expect(sorted(templateNames)).toEqual(sorted(manifestRequests));
    expect(sorted(templateNames)).toEqual(sorted(Object.keys(requests)));
  });

  it('declares templates only in the common module', () => {
    const elsewhere = Object.entries(manifest.modules).filter(([name, module]) => name !== 'common' && module.requests);
    expect(elsewhere).toEqual([]);
  });

  const secureIparams = Object.entries(iparams)
    .filter(([, param]) => param.secure === true)
    .map(([name]) => name);

  const crmTemplates = Object.entries(requests).filter(([, template]) => template.schema.host === '<%= iparam.domain %>');
  const otherTemplates = Object.entries(requests).filter(([, template]) => template.schema.host !== '<%= iparam.domain %>');

  it('sends every template but the outbound webhook to the Freshsales domain', () => {
    expect(otherTemplates.map(([name]) => name)).toEqual(['sendWebhook']);
  });

  describe('sendWebhook', () => {
    const schema = requests.sendWebhook?.schema as TemplateSchema;
    const everything = [schema.host, schema.path ?? '', ...Object.values(schema.headers ?? {}), ...Object.values(schema.query ?? {}).map(String)];

    it('goes to the host the admin configured, never carrying the API key or the signing secret', () => {
      expect(schema.host).toBe('<%= iparam.webhook_host %>');
      expect(everything.flatMap(iparamRefs)).toEqual(['webhook_host']);
      expect(everything.join(' ')).not.toMatch(/api_key|webhook_secret|Authorization/);
    });

    it('is a POST of JSON with the three Standard Webhooks headers from the signer', () => {
      expect(schema.method).toBe('POST');
      expect(schema.headers).toMatchObject({
        'Content-Type': 'application/json',
        'webhook-id': '<%= context.webhook_id %>',
        'webhook-timestamp': '<%= context.webhook_timestamp %>',
        'webhook-signature': '<%= context.webhook_signature %>',
      });
    });

    it('retries nothing itself: the outbox decides (default maxAttempts 1)', () => {
      expect(requests.sendWebhook?.options?.maxAttempts ?? 1).toBe(1);
    });
  });

  describe.each(crmTemplates)('%s', (_name, template) => {
    const { schema } = template;

    it('authorises with the api_key iparam as Token token=', () => {
      const authorization = schema.headers?.Authorization ?? '';
      expect(iparamRefs(authorization)).toEqual([IPARAM_API_KEY]);
      expect(authorization).toMatch(/^Token token=<%=\s*iparam\.api_key\s*%>$/);
    });

    it('uses no secure iparam in host, path or query', () => {
      const exposed = [schema.host, schema.path ?? '', ...Object.values(schema.query ?? {}).map(String)].flatMap(iparamRefs);
      expect(exposed.filter((name) => secureIparams.includes(name))).toEqual([]);
    });

    it('has a bare host and a path starting with /', () => {
      expect(schema.host).not.toMatch(/^https?:|\/|:\d+$/);
      expect(schema.path ?? '/').toMatch(/^\//);
    });

    it('references only declared iparams', () => {
      const all = [schema.host, schema.path ?? '', ...Object.values(schema.headers ?? {}), ...Object.values(schema.query ?? {}).map(String)];
      for (const name of all.flatMap(iparamRefs)) expect(Object.keys(iparams)).toContain(name);
    });
  });

  it('found the secure iparams to guard: the API key and the webhook signing secret', () => {
    expect(secureIparams).toEqual([IPARAM_API_KEY, AUTOMATION_IPARAMS.webhookSecret]);
  });
});

describe('config/iparams.json', () => {
  it('declares the domain: required, not secure, with the same pattern as BARE_HOST_PATTERN', () => {
    const domain = iparams[IPARAM_DOMAIN];
    expect(domain).toBeDefined();
    expect(domain?.required).toBe(true);
    expect(domain?.secure).not.toBe(true);
    expect(patternsOf(domain as Iparam)).toEqual([BARE_HOST_PATTERN]);
  });

  it('gives the domain pattern an error message', () => {
    const regex = iparams[IPARAM_DOMAIN]?.regex ?? {};
    const names = Object.keys(regex).filter((key) => !key.endsWith('-error'));
    for (const name of names) expect(regex[`${name}-error`]).toEqual(expect.any(String));
  });

  it('declares the api key: required and secure', () => {
    const apiKey = iparams[IPARAM_API_KEY];
    expect(apiKey).toBeDefined();
    expect(apiKey?.required).toBe(true);
    expect(apiKey?.secure).toBe(true);
  });

  it('gives every iparam a display name and a type', () => {
    for (const param of Object.values(iparams)) {
      expect(param.display_name).toEqual(expect.any(String));
      expect(param.type).toEqual(expect.any(String));
    }
  });
});

describe('config/iparams.json and the automation settings', () => {
  const P = AUTOMATION_IPARAMS;

  it('declares every parameter the server reads, with the default the server assumes when it is absent', () => {
    for (const name of Object.values(P)) expect(iparams[name]).toBeDefined();
    for (const [name, value] of Object.entries(AUTOMATION_DEFAULTS)) expect(iparams[name]?.default_value).toEqual(value);
  });

  it.each([
    [P.dealWonTasks, TASKS_PATTERN],
    [P.dealLostTask, ONE_TASK_PATTERN],
    [P.phoneCountry, COUNTRY_PATTERN],
    [P.webhookHost, WEBHOOK_HOST_PATTERN],
    [P.webhookPath, WEBHOOK_PATH_PATTERN],
    [P.webhookSecret, WEBHOOK_SECRET_PATTERN],
  ])('checks %s on the settings page with the pattern the server re-checks', (name, pattern) => {
    expect(patternsOf(iparams[name] as Iparam)).toEqual([pattern]);
  });

  it('offers exactly the webhook events the server knows', () => {
    expect(iparams[P.webhookEvents]?.type).toBe('multiselect');
    expect(iparams[P.webhookEvents]?.options).toEqual([...WEBHOOK_TYPES]);
  });

  it('keeps the signing secret secure and out of every request template', () => {
    expect(iparams[P.webhookSecret]?.secure).toBe(true);
    expect(JSON.stringify(requests)).not.toContain(P.webhookSecret);
  });

  it('the switches are checkboxes', () => {
    for (const name of [P.dealWonEnabled, P.dealLostEnabled, P.hygieneEnabled]) expect(iparams[name]?.type).toBe('checkbox');
  });
});

describe('server/server.ts', () => {
  const handlers = exportedHandlers(readText('server/server.ts'));

  it('assigns a literal object of functions to exports', () => {
    expect(handlers.length).toBeGreaterThan(0);
  });

  it('exports every handler the manifest names', () => {
    const named = Object.values(manifest.modules).flatMap((module) => [
      ...Object.values(module.events ?? {}).map((event) => event.handler),
      ...Object.keys(module.functions ?? {}),
    ]);
    expect(named.length).toBeGreaterThan(0);
    for (const handler of named) expect(handlers).toContain(handler);
  });
});

describe('the parser of server.ts used above', () => {
  it('reads function properties, async or not, and ignores nested ones', () => {
    const source = [
      "import { x } from './lib/x';",
      'exports = {',
      '  first: function (args) {',
      '    const inner = { nested: function () {} };',
      '  },',
      '  second: async function (args) {},',
      '};',
      'function after() {}',
    ].join('\n');
    expect(exportedHandlers(source)).toEqual(['first', 'second']);
    expect(exportedHandlers('module.exports = {};')).toEqual([]);
  });
});
