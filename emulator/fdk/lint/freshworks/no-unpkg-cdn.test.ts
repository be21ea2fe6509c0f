import { noUnpkgCdn } from './no-unpkg-cdn';
import { fdkRuleTester } from './rule-tester';

const message = 'Do not load code from unpkg.com; ship the library inside the app package.';

fdkRuleTester().run('no-unpkg-cdn', noUnpkgCdn, {
  valid: [
    "const url = 'https://cdn.jsdelivr.net/npm/@freshworks/crayons@v4/dist/crayons/crayons.esm.js';",
    "const s = 'unpkg';",
    'const t = `https://example.com/${path}`;',
  ],
  invalid: [
    {
      code: "script.src = 'https://unpkg.com/react@18/umd/react.production.min.js';",
      errors: [{ message, line: 1, column: 14 }],
    },
    { code: 'const u = `https://UNPKG.com/${pkg}@${version}`;', errors: [{ message }] },
    { code: "load(\"//unpkg.com/lodash\");", errors: [{ message }] },
  ],
});
