import { noCrossScopeAssign } from './no-cross-scope-assign';
import { fdkRuleTester } from './rule-tester';

const message = (name: string): string =>
  `'${name}' declared and assigned in different scopes. Possible asynchronous race condition.`;
const script = { languageOptions: { ecmaVersion: 2020, sourceType: 'script' } } as const;

fdkRuleTester().run('no-cross-scope-assign', noCrossScopeAssign, {
  valid: [
    { code: 'let a = 1; a = 2;', ...script },
    { code: 'function f() { let a; if (x) { a = 1; } for (let i = 0; i < 3; i++) { a += i; } return a; }', ...script },
    { code: 'const client = {}; function f() { client.x = 1; }', ...script },
    { code: 'function f(a) { return () => a; }', ...script },
    { code: 'function outer() { return function () { let inner = 1; inner = 2; return inner; }; }', ...script },
  ],
  invalid: [
    {
      code: 'let client;\napp.initialized().then(function (c) { client = c; });',
      ...script,
      errors: [{ message: message('client'), line: 2, column: 39 }],
    },
    {
      code: 'var count = 0; items.forEach((item) => { count += item; });',
      ...script,
      errors: [{ message: message('count') }],
    },
    {
      code: 'function f() { let done = false; return () => { done = true; done++; }; }',
      ...script,
      errors: [{ message: message('done') }, { message: message('done') }],
    },
    {
      code: 'let state; export function set(s) { state = s; }',
      languageOptions: { ecmaVersion: 2020, sourceType: 'module' },
      errors: [{ message: message('state') }],
    },
  ],
});
