import { PlatformError, type Caller, type RequestTemplate } from '../types';
import { renderTemplate, type RenderInputs, type TemplateField } from './render';

const SECRET = 'sk-very-secret-0001';

const inputs = (overrides: Partial<RenderInputs> = {}): RenderInputs => ({
  iparams: { domain: 'demo.myfreshworks.com', api_key: SECRET, region: 'eu', count: 7, flag: true, tags: ['a', 'b'], empty: null },
  secureNames: new Set(['api_key']),
  context: { id: 42, host: 'hooks.partner.example', page: '2', path: '/x', bad: 'a\r\nX-Injected: 1' },
  currentHost: { endpoint_urls: { freshsales: 'https://demo.myfreshworks.com' } },
  appSettings: { tenant: 'acme' },
  ...overrides,
});

const template = (schema: Partial<RequestTemplate['schema']>, options?: RequestTemplate['options']): RequestTemplate => ({
  schema: { method: 'GET', host: 'api.example.com', ...schema },
  ...(options === undefined ? {} : { options }),
});

/** The rejection renderTemplate throws, as the app would receive it. */
function refusal(run: () => unknown): { status: number; message: string; errorSource?: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof PlatformError) return error.shape;
    throw error;
  }
  throw new Error('expected a PlatformError');
}

/** A template with `expression` in one field. */
function placed(field: TemplateField, expression: string): RequestTemplate {
  const placeholder = `<%= ${expression} %>`;
  const schemas: Record<TemplateField, Partial<RequestTemplate['schema']>> = {
    host: { host: `${placeholder}.example.com` },
    path: { path: `/items/${placeholder}` },
    query: { query: { q: placeholder } },
    header: { headers: { 'X-Value': placeholder } },
  };
  return template(schemas[field]);
}

const CALLERS: Caller[] = ['frontend', 'serverless', 'install-page'];
const FIELDS: TemplateField[] = ['host', 'path', 'query', 'header'];

describe('renderTemplate', () => {
  it('substitutes host, path, query values and header values, with or without whitespace', () => {
    const rendered = renderTemplate(
      template({
        host: '<%=iparam.domain%>',
        path: '/crm/sales/api/contacts/<%= context.id %>',
        query: { include: 'owner', page: '<%=  context.page  %>' },
        headers: { Authorization: 'Token token=<%= iparam.api_key %>', 'Content-Type': 'application/json' },
      }),
      'serverless',
      inputs(),
    );
    expect(rendered).toEqual({
      method: 'GET',
      url: 'https://demo.myfreshworks.com/crm/sales/api/contacts/42?include=owner&page=2',
      target: '/crm/sales/api/contacts/42?include=owner&page=2',
      headers: { Authorization: `Token token=${SECRET}`, 'Content-Type': 'application/json' },
      hostname: 'demo.myfreshworks.com',
    });
  });

  it('never substitutes the method, the protocol or header names', () => {
    const rendered = renderTemplate(template({ method: 'PATCH', protocol: 'http' }), 'serverless', inputs());
    expect(rendered.method).toBe('PATCH');
    expect(rendered.url).toBe('http://api.example.com/');
    expect(() => renderTemplate(template({ headers: { 'X-<%= iparam.region %>': 'v' } }), 'serverless', inputs())).toThrow(
      "Invalid header name 'X-<%= iparam.region %>'",
    );
  });

  it('defaults the path to / and keeps a literal template as is', () => {
    expect(renderTemplate(template({}), 'frontend', inputs()).url).toBe('https://api.example.com/');
  });

  describe('who may substitute what where (platform.md §5.2)', () => {
    const allowed: Record<Caller, Record<'iparam' | 'secure' | 'context', TemplateField[]>> = {
      frontend: { iparam: FIELDS, secure: ['header'], context: ['path', 'query'] },
      serverless: { iparam: FIELDS, secure: ['header'], context: FIELDS },
      'install-page': { iparam: FIELDS, secure: ['header'], context: FIELDS },
    };
    const expressions = { iparam: 'iparam.region', secure: 'iparam.api_key', context: 'context.page' };
    const cases = CALLERS.flatMap((caller) =>
      (['iparam', 'secure', 'context'] as const).flatMap((kind) =>
        FIELDS.map((field) => ({ caller, kind, field, ok: allowed[caller][kind].includes(field) })),
      ),
    );

    it.each(cases.filter((c) => c.ok))('$caller may use $kind in $field', ({ caller, kind, field }) => {
      // A host label must be a valid DNS label: give the values that go there a host-safe shape.
      const given = inputs({ iparams: { region: 'eu', api_key: 'key' }, context: { page: '2' } });
      expect(() => renderTemplate(placed(field, expressions[kind]), caller, given)).not.toThrow();
    });

    it.each(cases.filter((c) => !c.ok))('$caller may not use $kind in $field: 400 PLATFORM naming the variable', ({ caller, kind, field }) => {
      const shape = refusal(() => renderTemplate(placed(field, expressions[kind]), caller, inputs()));
      expect(shape.status).toBe(400);
      expect(shape.errorSource).toBe('PLATFORM');
      expect(shape.message).toMatch(/^Error while substituting the templates: /);
      expect(shape.message).toContain(expressions[kind]);
      expect(shape.message).not.toContain(SECRET);
    });

    it('says why a secure iparam is refused outside header values', () => {
      expect(refusal(() => renderTemplate(placed('path', 'iparam.api_key'), 'serverless', inputs())).message).toBe(
        'Error while substituting the templates: secure iparam.api_key may not be used in path when the template is invoked ' +
          'from server code (secure iparams may be used only in header values)',
      );
    });

    it('refuses front-end context in a host and in headers, even wrapped in encode()', () => {
      expect(refusal(() => renderTemplate(placed('host', 'context.page'), 'frontend', inputs())).message).toBe(
        'Error while substituting the templates: context.page may not be used in host when the template is invoked from the app front end',
      );
      expect(refusal(() => renderTemplate(placed('header', 'encode(context.page)'), 'frontend', inputs())).message).toContain(
        'context.page may not be used in header values',
      );
    });

    it('can let front-end context into header values, as the local FDK 9.0.5 did, but never into the host', () => {
      const lenient = inputs({ frontendContextInHeaders: true });
      expect(renderTemplate(placed('header', 'context.page'), 'frontend', lenient).headers).toEqual({ 'X-Value': '2' });
      expect(refusal(() => renderTemplate(placed('host', 'context.page'), 'frontend', lenient)).status).toBe(400);
      expect(refusal(() => renderTemplate(placed('path', 'iparam.api_key'), 'frontend', lenient)).status).toBe(400);
    });

    it('lets the installation page and server code put context anywhere (the settings page has no saved iparams)', () => {
      const rendered = renderTemplate(
        template({ host: '<%= context.host %>', headers: { Authorization: 'Token token=<%= context.page %>' } }),
        'install-page',
        inputs({ iparams: undefined }),
      );
      expect(rendered.url).toBe('https://hooks.partner.example/');
      expect(rendered.headers).toEqual({ Authorization: 'Token token=2' });
    });
  });

  it('encode() is Base64 of the inner value, and nests', () => {
    const rendered = renderTemplate(
      template({ headers: { Authorization: 'Basic <%= encode(iparam.api_key) %>', Twice: '<%= encode( encode(iparam.region) ) %>' } }),
      'frontend',
      inputs(),
    );
    expect(rendered.headers.Authorization).toBe(`Basic ${Buffer.from(SECRET).toString('base64')}`);
    expect(rendered.headers.Twice).toBe(Buffer.from(Buffer.from('eu').toString('base64')).toString('base64'));
  });

  it('appends query to a query string already in the path and URL-encodes keys and values', () => {
    const rendered = renderTemplate(
      template({ path: '/search?existing=1', query: { $format: 'json', q: '<%= context.q %>', per_page: 25 } }),
      'frontend',
      inputs({ context: { q: 'a b&c=d/é' } }),
    );
    expect(rendered.target).toBe('/search?existing=1&%24format=json&q=a%20b%26c%3Dd%2F%C3%A9&per_page=25');
    expect(renderTemplate(template({ path: '/search?', query: { a: '1' } }), 'frontend', inputs()).target).toBe('/search?a=1');
    expect(renderTemplate(template({ path: '/search?x=1&', query: { a: '1' } }), 'frontend', inputs()).target).toBe('/search?x=1&a=1');
  });

  it('percent-encodes spaces and non-ASCII characters that a value puts in the path', () => {
    const rendered = renderTemplate(template({ path: '/tags/<%= context.tag %>' }), 'frontend', inputs({ context: { tag: 'Zoë Å' } }));
    expect(rendered.target).toBe('/tags/Zo%C3%AB%20%C3%85');
  });

  it('substitutes numbers and booleans as text, current_host and app_settings', () => {
    const rendered = renderTemplate(
      template({
        path: '/n/<%= iparam.count %>/<%= iparam.flag %>',
        headers: { Origin: '<%= current_host.endpoint_urls.freshsales %>', Tenant: '<%= app_settings.tenant %>' },
      }),
      'serverless',
      inputs(),
    );
    expect(rendered.target).toBe('/n/7/true');
    expect(rendered.headers).toEqual({ Origin: 'https://demo.myfreshworks.com', Tenant: 'acme' });
  });

  describe('missing and unusable values', () => {
    it.each([
      ['iparam.nope', 'path'],
      ['iparam.empty', 'query'],
      ['context.missing', 'path'],
      ['current_host.endpoint_urls.freshdesk', 'header'],
      ['app_settings.nope', 'header'],
    ] as const)('%s in %s → 400 naming the variable', (expression, field) => {
      const shape = refusal(() => renderTemplate(placed(field, expression), 'serverless', inputs()));
      expect(shape).toEqual({ status: 400, errorSource: 'PLATFORM', message: `Error while substituting the templates: ${expression} has no value` });
    });

    it('takes only own properties: context.constructor is missing, not Object', () => {
      expect(refusal(() => renderTemplate(placed('path', 'context.constructor'), 'serverless', inputs())).message).toBe(
        'Error while substituting the templates: context.constructor has no value',
      );
    });

    it('refuses a context without the value, or no context at all', () => {
      expect(refusal(() => renderTemplate(placed('path', 'context.id'), 'frontend', inputs({ context: undefined }))).message).toContain(
        'context.id has no value',
      );
    });

    it('explains that iparams do not exist before installation', () => {
      expect(refusal(() => renderTemplate(placed('path', 'iparam.region'), 'install-page', inputs({ iparams: undefined }))).message).toBe(
        'Error while substituting the templates: iparam.region has no value: the app is not installed yet ' +
          '(the installation page passes values through context)',
      );
    });

    it('refuses values that are not strings or numbers', () => {
      expect(refusal(() => renderTemplate(placed('query', 'iparam.tags'), 'serverless', inputs())).message).toBe(
        'Error while substituting the templates: iparam.tags is not a string or a number',
      );
    });

    it('refuses unknown expressions and malformed placeholders', () => {
      expect(refusal(() => renderTemplate(placed('path', 'process.env.HOME'), 'serverless', inputs())).message).toContain(
        "unsupported expression '<%= process.env.HOME %>'",
      );
      expect(refusal(() => renderTemplate(placed('path', "iparam.region + ':x'"), 'serverless', inputs())).message).toContain('unsupported expression');
      expect(refusal(() => renderTemplate(template({ path: '/a/<% context.id %>' }), 'serverless', inputs())).message).toBe(
        'Error while substituting the templates: malformed placeholder in path (use <%= expression %>)',
      );
    });
  });

  describe('access_token (OAuth)', () => {
    it('needs options.oauth, and the emulator refuses OAuth clearly', () => {
      const header = { headers: { Authorization: 'Bearer <%= access_token %>' } };
      expect(refusal(() => renderTemplate(template(header), 'serverless', inputs())).message).toBe(
        'Error while substituting the templates: access_token needs options.oauth in the template',
      );
      expect(refusal(() => renderTemplate(template(header, { oauth: 'asana' }), 'serverless', inputs()))).toEqual({
        status: 400,
        errorSource: 'PLATFORM',
        message: 'Error while substituting the templates: access_token needs OAuth, which the emulator does not support',
      });
    });

    it('may appear in header values only', () => {
      expect(refusal(() => renderTemplate(template({ path: '/<%= access_token %>' }, { oauth: 'x' }), 'serverless', inputs())).message).toContain(
        'access_token may not be used in path',
      );
    });
  });

  describe('the URL the substitution produces', () => {
    it.each([
      ['https://hooks.partner.example', 'a protocol'],
      ['hooks.partner.example:8443', 'a port'],
      ['hooks.partner.example/path', 'a path'],
      ['10.0.0.1', 'an IP address'],
      ['localhost', 'a name that is not a domain'],
      ['', 'nothing'],
    ])("refuses the host '%s' (%s) with 400", (host) => {
      const shape = refusal(() => renderTemplate(template({ host: '<%= context.host %>' }), 'serverless', inputs({ context: { host } })));
      expect(shape).toEqual({
        status: 400,
        errorSource: 'PLATFORM',
        message: `Invalid URL: the host '${host}' must be a domain name, without protocol, port, path or IP address`,
      });
    });

    it('takes current_host.endpoint_urls.* as the host: its https:// and a trailing / are dropped (platform.md §5.2)', () => {
      const crm = template({ host: '<%= current_host.endpoint_urls.freshworks_crm %>', path: '/crm/sales/api/contacts/<%= context.id %>' });
      for (const endpoint of ['https://acme.myfreshworks.com', 'https://acme.myfreshworks.com/', 'HTTPS://Acme.myfreshworks.com']) {
        for (const caller of CALLERS) {
          const rendered = renderTemplate(crm, caller, inputs({ currentHost: { endpoint_urls: { freshworks_crm: endpoint } } }));
          expect(rendered).toMatchObject({ url: 'https://acme.myfreshworks.com/crm/sales/api/contacts/42', hostname: 'acme.myfreshworks.com' });
        }
      }
    });

    it.each([
      ['http://acme.myfreshworks.com', 'http is not the https the platform uses'],
      ['https://acme.myfreshworks.com/crm', 'a path'],
      ['https://acme.myfreshworks.com:8443', 'a port'],
      ['ftp://acme.myfreshworks.com', 'another scheme'],
    ])("still refuses the endpoint URL '%s' as the host (%s)", (endpoint) => {
      const crm = template({ host: '<%= current_host.endpoint_urls.freshworks_crm %>' });
      expect(refusal(() => renderTemplate(crm, 'serverless', inputs({ currentHost: { endpoint_urls: { freshworks_crm: endpoint } } }))).message).toMatch(
        /^Invalid URL: the host '.+' must be a domain name, without protocol, port, path or IP address$/,
      );
    });

    it('keeps the strict host rule for iparams and context: no https:// there', () => {
      const withScheme = inputs({ iparams: { domain: 'https://acme.myfreshworks.com' }, context: { host: 'https://acme.myfreshworks.com' } });
      for (const host of ['<%= iparam.domain %>', '<%= context.host %>']) {
        expect(refusal(() => renderTemplate(template({ host }), 'serverless', withScheme)).message).toBe(
          "Invalid URL: the host 'https://acme.myfreshworks.com' must be a domain name, without protocol, port, path or IP address",
        );
      }
    });

    it('leaves current_host.endpoint_urls.* as it is outside the host', () => {
      const rendered = renderTemplate(template({ headers: { Origin: '<%= current_host.endpoint_urls.freshsales %>' }, query: { back: '<%= current_host.endpoint_urls.freshsales %>' } }), 'serverless', inputs());
      expect(rendered.headers).toEqual({ Origin: 'https://demo.myfreshworks.com' });
      expect(rendered.target).toBe('/?back=https%3A%2F%2Fdemo.myfreshworks.com');
    });

    it('lower-cases the host name', () => {
      expect(renderTemplate(template({ host: 'API.Example.COM' }), 'frontend', inputs()).hostname).toBe('api.example.com');
    });

    it('refuses a path that does not start with /', () => {
      expect(refusal(() => renderTemplate(template({ path: '<%= context.page %>' }), 'serverless', inputs())).message).toBe(
        "Invalid URL: the path must start with '/'",
      );
      expect(renderTemplate(template({ path: '<%= context.path %>' }), 'serverless', inputs()).target).toBe('/x');
    });

    it('refuses header values with line breaks, without echoing the value', () => {
      const shape = refusal(() => renderTemplate(template({ headers: { 'X-Note': '<%= context.bad %>' } }), 'serverless', inputs()));
      expect(shape.message).toBe("Invalid value for header 'X-Note': line breaks, control or non-Latin-1 characters are not allowed");
      expect(shape.message).not.toContain('Injected');
    });
  });
});
