import { noUnhandledPromise } from './no-unhandled-promise';
import { fdkRuleTester } from './rule-tester';

const platform = (api: string): string =>
  `The promise returned by '${api}' is not handled. Await it, return it, or add a rejection handler (.catch).`;
const chain = 'This promise chain has no rejection handler. Add .catch(…) or a second argument to .then(…).';

fdkRuleTester().run('no-unhandled-promise', noUnhandledPromise, {
  valid: [
    "async function f() { await $db.set('k', { a: 1 }); }",
    "function f() { return $request.invokeTemplate('t', {}); }",
    "const p = $schedule.create({ name: 'n' });",
    "let r; r = client.data.get('loggedInUser');",
    "$db.get('k').catch(handle);",
    "$db.get('k').then(use, handle);",
    "$db.get('k').then(use).catch(handle);",
    "$db.get('k').catch(handle).then(use);",
    "$db.delete('k').finally(done);",
    "client.request.invokeTemplate('t', {}).then(use).then(more).catch(handle);",
    "client?.interface.trigger('showNotify', {}).catch(handle);",
    "Promise.all([$db.get('a'), $db.get('b')]).catch(handle);",
    "const f = () => $db.get('k');",
    "client.db.entity('orders');",
    "list.get(1);",
    'doSomething();',
    "use(client.iparams.get('apiKey'));",
  ],
  invalid: [
    {
      code: "$db.set('k', { a: 1 });",
      errors: [{ message: platform('$db.set'), line: 1, column: 1 }],
    },
    { code: "async function f() { $request.invokeTemplate('t', {}); }", errors: [{ message: platform('$request.invokeTemplate') }] },
    { code: "$request.invoke('other', {});", errors: [{ message: platform('$request.invoke') }] },
    { code: "$schedule.fetch({ name: 'n' });", errors: [{ message: platform('$schedule.fetch') }] },
    { code: 'generateTargetUrl();', errors: [{ message: platform('generateTargetUrl') }] },
    { code: "client.request.invokeTemplate('t', {});", errors: [{ message: platform('client.request.invokeTemplate') }] },
    { code: "this.client.request.invoke('syncNow', {});", errors: [{ message: platform('this.client.request.invoke') }] },
    { code: "client.data.get('currentEntityInfo').then(render);", errors: [{ message: platform('client.data.get') }] },
    { code: "client.interface.trigger('showNotify', {});", errors: [{ message: platform('client.interface.trigger') }] },
    { code: 'client.iparams.get();', errors: [{ message: platform('client.iparams.get') }] },
    { code: "client.db.update('k', 'increment', { n: 1 });", errors: [{ message: platform('client.db.update') }] },
    { code: "client?.db.get('k');", errors: [{ message: platform('client.db.get') }] },
    { code: "void $db.set('k', { a: 1 });", errors: [{ message: platform('$db.set') }] },
    { code: "client.request.invokeTemplate('t', {}).catch();", errors: [{ message: platform('client.request.invokeTemplate') }] },
    { code: 'app.initialized().then(start);', errors: [{ message: chain, line: 1, column: 1 }] },
    { code: 'load().then(a).then(b);', errors: [{ message: chain }] },
  ],
});
