import { noDeprecatedApis } from './no-deprecated-apis';
import { fdkRuleTester } from './rule-tester';

const isOAuth =
  "'isOAuth' belongs to the removed Platform 2.x request API. Declare OAuth on the request template (options.oauth) instead.";
const placeholder =
  "'<%= … %>' placeholders in code belong to the removed Platform 2.x request API. Use them in config/requests.json templates only.";

fdkRuleTester().run('no-deprecated-apis', noDeprecatedApis, {
  valid: [
    "client.request.invoke('syncNow', {}).catch(fail);",
    "renderData('oops');",
    "client.data.get('domainName').catch(fail);",
    "$db.set('key', { a: 1 }).catch(fail);",
    'const o = { oauth: true };',
    'const { isOAuth } = options;',
    "const html = '<%= name %>';",
  ],
  invalid: [
    {
      code: "client.request.get(url, { isOAuth: true });",
      errors: [{ message: isOAuth, line: 1, column: 27 }],
    },
    { code: "const opts = { 'isOAuth': true };", errors: [{ message: isOAuth }] },
    {
      code: "const headers = { Authorization: 'Bearer <%= access_token %>' };",
      errors: [{ message: placeholder }],
    },
    { code: "const h = { key: '<%= iparam.api_key %>' };", errors: [{ message: placeholder }] },
    { code: 'const h = `Basic <%= encode(iparam.key) %>`;', errors: [{ message: placeholder }] },
  ],
});
