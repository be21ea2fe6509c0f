import { noEmptyFunction } from './no-empty-function';
import { fdkRuleTester } from './rule-tester';

fdkRuleTester().run('no-empty-function', noEmptyFunction, {
  valid: [
    'function f() { return 1; }',
    'const g = () => 1;',
    'function h() { /* intentionally empty: the platform requires a handler */ }',
  ],
  invalid: [
    {
      code: 'function f() {}',
      errors: [
        {
          message: "Unexpected empty function 'f'.",
          line: 1,
          column: 14,
          suggestions: [{ desc: "Add comment inside empty function 'f'.", output: 'function f() { /* empty */ }' }],
        },
      ],
    },
    {
      code: 'const g = () => {};',
      errors: [
        {
          message: 'Unexpected empty arrow function.',
          suggestions: [{ desc: 'Add comment inside empty arrow function.', output: 'const g = () => { /* empty */ };' }],
        },
      ],
    },
    {
      code: 'exports = { onAppInstall: function () {} };',
      errors: [
        {
          message: "Unexpected empty method 'onAppInstall'.",
          suggestions: [
            {
              desc: "Add comment inside empty method 'onAppInstall'.",
              output: 'exports = { onAppInstall: function () { /* empty */ } };',
            },
          ],
        },
      ],
    },
  ],
});
