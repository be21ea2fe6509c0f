import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IPARAM_API_KEY, IPARAM_WEBHOOK_SECRET, SECURE_IPARAMS } from '../../common/iparams';
import { templateNames } from '../../common/templates';
import { SETTING_NAMES } from '../../server/lib/settings/check';
import { AUTOMATION_IPARAMS } from '../../server/lib/settings/iparams';

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
const manifest = readJson<Manifest>('manifest.json');
const requests = readJson<Requests>('config/requests.json');

const sorted = (values: Iterable<string>): string[] => [...values].sort();

/** `<%= iparam.x %>` references in a template string. */
function iparamRefs(text: string): string[] {
  return [...text.matchAll(/<%=\s*iparam\.([A-Za-z0-9_]+)\s*%>/g)].map((match) => match[1] ?? '');
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

  const secureIparams: readonly string[] = SECURE_IPARAMS;

  const crmTemplates = Object.entries(requests).filter(([, template]) => template.schema.host === '<%= iparam.domain %>');
  const checkTemplates = Object.entries(requests).filter(([, template]) => template.schema.host === '<%= context.domain %>');
  const otherTemplates = Object.entries(requests).filter(([, template]) => !/^<%= (?:iparam|context)\.domain %>$/.test(template.schema.host));

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

    it('references only settings the settings page saves', () => {
      const all = [schema.host, schema.path ?? '', ...Object.values(schema.headers ?? {}), ...Object.values(schema.query ?? {}).map(String)];
      for (const name of all.flatMap(iparamRefs)) expect(SETTING_NAMES).toContain(name);
    });
  });

  /** The settings page's server method checks the domain and key being saved, so they come in context. */
  describe.each(checkTemplates)('%s', (_name, template) => {
    const { schema } = template;

    it('reads no saved iparam and carries the key only in the Authorization header', () => {
      const everything = [schema.host, schema.path ?? '', ...Object.values(schema.headers ?? {}), ...Object.values(schema.query ?? {}).map(String)];
      expect(everything.flatMap(iparamRefs)).toEqual([]);
      expect(schema.headers?.Authorization).toMatch(/^Token token=<%=\s*context\.api_key\s*%>$/);
      expect([schema.host, schema.path ?? '', ...Object.values(schema.query ?? {}).map(String)].join(' ')).not.toContain('api_key');
    });
  });

  it('has a context twin of the owners and field settings reads, for the settings check', () => {
    expect(checkTemplates.map(([name]) => name).sort()).toEqual(['checkFieldSettings', 'checkOwners']);
    expect(requests.checkOwners?.schema.path).toBe(requests.listOwners?.schema.path);
    expect(requests.checkFieldSettings?.schema.path).toBe(requests.getFieldSettings?.schema.path);
  });

  it('found the secure iparams to guard: the API key and the webhook signing secret', () => {
    expect(secureIparams).toEqual([IPARAM_API_KEY, AUTOMATION_IPARAMS.webhookSecret]);
    expect(IPARAM_WEBHOOK_SECRET).toBe(AUTOMATION_IPARAMS.webhookSecret);
  });
});

describe('the settings page', () => {
  it('is the custom page config/iparams.html with its assets, never beside an iparams.json (platform.md §8.1)', () => {
    expect(existsSync(join(ROOT, 'config/iparams.html'))).toBe(true);
    expect(existsSync(join(ROOT, 'config/assets/iparams.js'))).toBe(true);
    expect(existsSync(join(ROOT, 'config/iparams.json'))).toBe(false);
  });

  it('is checked by a server method the manifest declares', () => {
    expect(manifest.modules.common?.functions).toHaveProperty('checkSettings');
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
