import { noProxyRequests } from './no-proxy-requests';
import { fdkRuleTester } from './rule-tester';

const message = (method: string): string =>
  `${method} is no longer supported in Request API. Declare a request template in config/requests.json and call it with invokeTemplate.`;

fdkRuleTester().run('no-proxy-requests', noProxyRequests, {
  valid: [
    "$request.invokeTemplate('getContact', { context: { id: 1 } }).catch(fail);",
    "client.request.invokeTemplate('getContact', {}).catch(fail);",
    "client.request.invoke('syncNow', {}).catch(fail);",
    // A bare `request.get` is the npm package (no-non-client-request-model's business).
    "request.get('https://example.com');",
    'map.get(key);',
    "client.request['invokeTemplate']('x');",
  ],
  invalid: [
    {
      code: "$request.post('https://example.com', { body: '{}' });",
      errors: [{ message: message('post'), line: 1, column: 1 }],
    },
    { code: "client.request.get('https://example.com', {});", errors: [{ message: message('get') }] },
    { code: "this.client.request.delete(url);", errors: [{ message: message('delete') }] },
    { code: "window.client.request['patch'](url);", errors: [{ message: message('patch') }] },
    { code: 'async function f() { await $request.put(url); }', errors: [{ message: message('put') }] },
  ],
});
