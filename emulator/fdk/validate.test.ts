import { FixtureApp } from '../../test/support/fixture-app';
import type { Finding } from './findings';
import { isValid, validateApp } from './validate';

type Json = Record<string, any>;

interface Case {
  name: string;
  breakIt: (app: FixtureApp) => void;
  /** The message the FDK (or our stricter reading of it) prints. */
  message: string;
  as?: 'platform' | 'lint' | 'warning';
}

const manifest = (app: FixtureApp, edit: (m: Json) => void) => app.json('manifest.json', edit);
const requests = (app: FixtureApp, edit: (r: Json) => void) => app.json('config/requests.json', edit);
const iparams = (app: FixtureApp, edit: (i: Json) => void) => app.json('config/iparams.json', edit);

const cases: Case[] = [
  // json
  { name: 'manifest syntax', breakIt: (a) => a.write('manifest.json', '{ "platform-version": "3.0", }'), message: 'manifest.json: invalid JSON (PropertyNameExpected) at line 1, column 30' },
  { name: 'duplicate key', breakIt: (a) => a.replace('manifest.json', '"platform-version": "3.0",', '"platform-version": "3.0", "platform-version": "3.0",'), message: "Found duplicate key 'platform-version' in manifest.json", as: 'warning' },
  { name: 'requests.json not an object', breakIt: (a) => a.write('config/requests.json', '[]'), message: 'config/requests.json must hold a JSON object' },
  // app-dir
  { name: 'no manifest', breakIt: (a) => a.remove('manifest.json'), message: 'manifest.json is missing' },
  { name: 'no app folder', breakIt: (a) => a.remove('app'), message: 'Mandatory folder(s) missing: app' },
  { name: 'no server folder', breakIt: (a) => a.remove('server'), message: 'Mandatory folder(s) missing: server' },
  // manifest
  { name: 'only common', breakIt: (a) => manifest(a, (m) => { delete m.modules.contact; }), message: 'At least one module apart from common must be mentioned' },
  { name: 'empty location', breakIt: (a) => manifest(a, (m) => { m.modules.contact.location = {}; }), message: 'manifest.json/modules/contact/location must NOT have fewer than 1 properties' },
  { name: 'placeholder in common', breakIt: (a) => manifest(a, (m) => { m.modules.common.location = m.modules.contact.location; }), message: 'Invalid location(s) mentioned in modules: contact_entity_menu (module: common)' },
  { name: 'placeholder of another module', breakIt: (a) => manifest(a, (m) => { m.modules.contact.location = { deal_entity_menu: { url: 'index.html', icon: 'styles/images/icon.svg' } }; }), message: 'Invalid location(s) mentioned in modules: deal_entity_menu (module: contact)' },
  { name: 'unknown event', breakIt: (a) => manifest(a, (m) => { m.modules.common.events.onAppUpdate = { handler: 'onAppInstallHandler' }; }), message: "Invalid event: 'onAppUpdate' for module: common" },
  { name: 'event of another module', breakIt: (a) => manifest(a, (m) => { m.modules.contact.events.onDealCreate = { handler: 'onContactCreateHandler' }; }), message: "Invalid event: 'onDealCreate' for module: contact" },
  { name: 'unknown module', breakIt: (a) => manifest(a, (m) => { m.modules.widgets = {}; }), message: 'Invalid module(s) mentioned in manifest.json: widgets' },
  { name: 'requests under a product', breakIt: (a) => manifest(a, (m) => { m.modules.contact.requests = { getContact: {} }; }), message: "'requests' must be declared in modules.common in platform-version 3.0, not in modules.contact" },
  { name: 'whitelisted-domains', breakIt: (a) => manifest(a, (m) => { m['whitelisted-domains'] = ['https://x.example']; }), message: "'whitelisted-domains' has been deprecated in platform-version 3.0" },
  { name: 'platform 2.3', breakIt: (a) => manifest(a, (m) => { m['platform-version'] = '2.3'; }), message: 'platform-version "2.3" is not supported: use "3.0"' },
  { name: 'no engines', breakIt: (a) => manifest(a, (m) => { delete m.engines; }), message: "manifest.json must have required property 'engines'" },
  { name: 'engines mismatch', breakIt: (a) => manifest(a, (m) => { m.engines.node = '18.20.8'; }), message: 'Node.js version of 24.x.x is required to run this SDK (engines.node is 18.20.8, engines.fdk 10.1.2)' },
  { name: 'old fdk', breakIt: (a) => manifest(a, (m) => { m.engines = { node: '14.0.0', fdk: '7.0.0' }; }), message: 'engines.fdk 7.0.0 is not supported: use FDK 10.x (or 9.x)' },
  { name: 'unknown manifest key', breakIt: (a) => manifest(a, (m) => { m.color = 'red'; }), message: "manifest.json must NOT have additional properties 'color'" },
  { name: 'function name', breakIt: (a) => manifest(a, (m) => { m.modules.common.functions['1lookup'] = {}; }), message: 'Function "1lookup" in manifest.json has invalid name' },
  { name: 'function timeout', breakIt: (a) => manifest(a, (m) => { m.modules.common.functions.lookupContact.timeout = 7; }), message: 'Function "lookupContact": Timeout should be one of the allowed values. (5, 10, 15, 20, 25, 30)' },
  // requests
  { name: 'declared, not defined', breakIt: (a) => manifest(a, (m) => { m.modules.common.requests.getDeal = {}; }), message: "Request template 'getDeal' is not defined in config/requests.json" },
  { name: 'defined, not declared', breakIt: (a) => requests(a, (r) => { r.extra = r.getContact; }), message: "request template 'extra' is declared but not associated with any product" },
  { name: 'body in template', breakIt: (a) => requests(a, (r) => { r.getContact.schema.body = '{}'; }), message: "Request template 'getContact'/schema must NOT have additional properties 'body'" },
  { name: 'host with path', breakIt: (a) => requests(a, (r) => { r.notifyPartner.schema.host = 'hooks.partner.example/v1'; }), message: "Request template 'notifyPartner' schema/host must not have path" },
  { name: 'host with scheme', breakIt: (a) => requests(a, (r) => { r.notifyPartner.schema.host = 'https://hooks.partner.example'; }), message: "Request template 'notifyPartner' schema/host must not have protocol" },
  { name: 'host is an IP', breakIt: (a) => requests(a, (r) => { r.notifyPartner.schema.host = '10.0.0.1'; }), message: "Request template 'notifyPartner' schema/host must be a domain name, not an IP address" },
  { name: 'relative path', breakIt: (a) => requests(a, (r) => { r.notifyPartner.schema.path = 'events'; }), message: "Request template 'notifyPartner' schema/path must start with '/'" },
  { name: 'http', breakIt: (a) => requests(a, (r) => { r.notifyPartner.schema.protocol = 'http'; }), message: "Request template 'notifyPartner' uses protocol http: only https works outside fdk run and http blocks fdk pack" },
  { name: 'bad method', breakIt: (a) => requests(a, (r) => { r.notifyPartner.schema.method = 'FETCH'; }), message: "Request template 'notifyPartner'/schema/method must be equal to one of the allowed values: GET, POST, PUT, DELETE, PATCH" },
  { name: 'too many attempts', breakIt: (a) => requests(a, (r) => { r.getContact.options.maxAttempts = 9; }), message: "Request template 'getContact'/options/maxAttempts must be <= 5" },
  { name: 'secure iparam in path', breakIt: (a) => requests(a, (r) => { r.getContact.schema.path = '/crm/sales/api/contacts/<%= iparam.api_key %>'; }), message: "Request template 'getContact' uses secure iparam 'api_key' in path: secure iparams may be used only in header values" },
  { name: 'secure iparam in query', breakIt: (a) => requests(a, (r) => { r.getContact.schema.query.key = '<%= iparam.api_key %>'; }), message: "Request template 'getContact' uses secure iparam 'api_key' in query: secure iparams may be used only in header values" },
  { name: 'secure iparam in host', breakIt: (a) => requests(a, (r) => { r.notifyPartner.schema.host = '<%= iparam.partner_secret %>.example'; }), message: "Request template 'notifyPartner' uses secure iparam 'partner_secret' in host: secure iparams may be used only in header values" },
  { name: 'unknown iparam', breakIt: (a) => requests(a, (r) => { r.getContact.schema.headers.Authorization = 'Token token=<%= iparam.nope %>'; }), message: "Request template 'getContact' uses iparam 'nope', which config/iparams.json does not define" },
  { name: 'unknown placeholder', breakIt: (a) => requests(a, (r) => { r.getContact.schema.path = '/x/<%= foo %>'; }), message: "Request template 'getContact' has an invalid placeholder '<%= foo %>' in path" },
  { name: 'access_token without oauth', breakIt: (a) => requests(a, (r) => { r.notifyPartner.schema.headers.Authorization = 'Bearer <%= access_token %>'; }), message: "Request template 'notifyPartner' may use access_token only in headers and with options.oauth" },
  // iparams
  { name: 'both settings pages', breakIt: (a) => a.write('config/iparams.html', '<script src="{{{appclient}}}"></script>'), message: 'Use either config/iparams.json or config/iparams.html, not both' },
  { name: 'no settings page', breakIt: (a) => a.remove('config/iparams.json'), message: 'iparams.json is mandatory' },
  { name: 'iparam type', breakIt: (a) => iparams(a, (i) => { i.api_key.type = 'secret'; }), message: "Invalid type, secret, found in the 'api_key' field" },
  { name: 'iparam display_name', breakIt: (a) => iparams(a, (i) => { delete i.domain.display_name; }), message: "'domain' field must have required property 'display_name'" },
  { name: 'dropdown default', breakIt: (a) => iparams(a, (i) => { i.mode.default_value = 'sometimes'; }), message: "default_value of 'mode' must be one of its options" },
  { name: 'dropdown without default', breakIt: (a) => iparams(a, (i) => { delete i.mode.default_value; }), message: "default_value is mandatory for the dropdown field 'mode'" },
  { name: 'dropdown without options', breakIt: (a) => iparams(a, (i) => { delete i.mode.options; }), message: "'options' is mandatory for the dropdown field 'mode'" },
  { name: 'domain type without product', breakIt: (a) => iparams(a, (i) => { i.domain.type = 'domain'; }), message: "'type_attributes.product' is mandatory for the domain field 'domain' (one of freshdesk, freshservice, freshsales, freshworks_crm)" },
  { name: 'bad regex', breakIt: (a) => iparams(a, (i) => { i.domain.regex.host = '(['; }), message: "Invalid regex '([' in the 'domain' field" },
  { name: 'secure not boolean', breakIt: (a) => iparams(a, (i) => { i.api_key.secure = 'yes'; }), message: "'api_key' field/secure must be boolean" },
  // events and functions
  { name: 'handler not exported', breakIt: (a) => a.replace('server/server.js', 'onContactCreateHandler:', 'onContactCreated:'), message: "Handler 'onContactCreateHandler' for event 'onContactCreate' of module contact is not exported by server/server.js" },
  { name: 'function not exported', breakIt: (a) => a.replace('server/server.js', 'lookupContact:', 'findContact:'), message: "Handler 'lookupContact' for function 'lookupContact' is not exported by server/server.js" },
  { name: 'handler not a function', breakIt: (a) => a.replace('server/server.js', /onAppInstallHandler: function \(\) \{\n\s+renderData\(\);\n\s+\},/, 'onAppInstallHandler: 42,'), message: "Handler 'onAppInstallHandler' for event 'onAppInstall' of module common is exported but is not a function" },
  { name: 'module.exports', breakIt: (a) => a.replace('server/server.js', 'exports = {', 'module.exports = {'), message: 'server/server.js assigns module.exports; the platform reads `exports = { … }`' },
  { name: 'no server.js', breakIt: (a) => a.remove('server/server.js'), message: 'server/server.js is missing, but manifest.json declares events or functions' },
  // locations and icons
  { name: 'missing icon', breakIt: (a) => a.remove('app/styles/images/icon.svg'), message: "Icon 'styles/images/icon.svg' of placeholder 'contact_entity_menu' is missing in app/" },
  { name: 'missing page', breakIt: (a) => a.remove('app/index.html'), message: "Page 'index.html' of placeholder 'contact_entity_menu' is missing in app/" },
  { name: 'page without app client', breakIt: (a) => a.replace('app/index.html', '<script src="{{{appclient}}}"></script>', ''), message: 'app/index.html does not load the app client: add <script src="{{{appclient}}}"></script>' },
  // custom objects
  { name: 'entity field type', breakIt: (a) => a.write('config/entities.json', JSON.stringify({ orders: { fields: [{ name: 'total', type: 'money' }] } })), message: 'config/entities.json/orders/fields/0/type must be equal to one of the allowed values: text, paragraph, integer, float, datetime, date, boolean, enum, section' },
  { name: 'entity enum without choices', breakIt: (a) => a.write('config/entities.json', JSON.stringify({ orders: { fields: [{ name: 'state', type: 'enum' }] } })), message: "Entity 'orders': enum field 'state' needs choices" },
  // lint
  { name: 'var in server', breakIt: (a) => a.replace('server/lib/format.js', 'const contactSchema', 'var contactSchema'), message: 'Unexpected var, use let or const instead.', as: 'lint' },
  { name: 'var in app/scripts', breakIt: (a) => a.replace('app/scripts/app.js', "document.addEventListener", 'var unused = 1;\nconsole.log(unused);\ndocument.addEventListener'), message: 'Unexpected var, use let or const instead.', as: 'lint' },
  { name: 'eqeqeq', breakIt: (a) => a.replace('server/lib/format.js', 'return contactSchema', 'if (contact == null) return "";\n  return contactSchema'), message: "Expected '===' and instead saw '=='.", as: 'lint' },
  { name: 'unused variable', breakIt: (a) => a.replace('server/lib/format.js', 'function contactLabel', 'const unused = 1;\n\nfunction contactLabel'), message: "'unused' is assigned a value but never used.", as: 'lint' },
  { name: 'async without await', breakIt: (a) => a.replace('server/server.js', 'onAppInstallHandler: function ()', 'onAppInstallHandler: async function ()'), message: "Async method 'onAppInstallHandler' has no 'await' expression.", as: 'lint' },
  { name: 'undeclared dependency', breakIt: (a) => a.replace('server/lib/format.js', "const z = require('zod');", "const z = require('zod');\nconst _ = require('lodash');\nexports.pick = _.pick;"), message: "'lodash' is not declared in manifest.json dependencies", as: 'lint' },
  { name: 'ES2021 syntax', breakIt: (a) => a.replace('server/lib/format.js', 'exports.contactLabel = contactLabel;', 'exports.limit = 1_000;\nexports.contactLabel = contactLabel;'), message: 'Parsing error', as: 'lint' },
];

function bucket(report: Awaited<ReturnType<typeof validateApp>>, as: Case['as']): Finding[] {
  if (as === 'lint') return report.lintErrors;
  if (as === 'warning') return report.warnings;
  return report.platformErrors;
}

describe('validateApp on the minimal fixture app', () => {
  it('accepts the app as it is, with no errors and no warnings', async () => {
    const app = new FixtureApp();
    try {
      const report = await validateApp(app.dir);
      expect(report.platformErrors).toEqual([]);
      expect(report.lintErrors).toEqual([]);
      expect(report.warnings).toEqual([]);
      expect(isValid(report)).toBe(true);
    } finally {
      app.dispose();
    }
  });

  it.each(cases)('reports $name', async ({ breakIt, message, as }) => {
    const app = new FixtureApp();
    try {
      breakIt(app);
      const report = await validateApp(app.dir);
      const messages = bucket(report, as).map((finding) => finding.message);
      // On failure jest prints every message it did get.
      expect(messages).toEqual(expect.arrayContaining([expect.stringContaining(message)]));
      expect(isValid(report)).toBe(as === 'warning');
    } finally {
      app.dispose();
    }
  });
});
