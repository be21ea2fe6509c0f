import { noDependencyMismatch } from './no-dependency-mismatch';
import { fdkRuleTester } from './rule-tester';

const options = [{ dependencies: ['dayjs', '@scope/pkg'] }];
const undeclared = (name: string): string => `'${name}' is not declared in manifest.json dependencies`;
const builtin = (name: string): string =>
  `'${name}' is a Node.js built-in module; the platform does not document built-in modules for serverless apps`;

fdkRuleTester().run('no-dependency-mismatch', noDependencyMismatch, {
  valid: [
    { code: "const dayjs = require('dayjs');", options },
    { code: "const utc = require('dayjs/plugin/utc');", options },
    { code: "const p = require('@scope/pkg/sub');", options },
    { code: "const lib = require('./lib/mapping');", options },
    { code: "const up = require('../x');", options },
    { code: 'const m = require(name);', options },
    { code: "const c = load('lodash');", options },
  ],
  invalid: [
    {
      code: "const _ = require('lodash');",
      options,
      errors: [{ message: undeclared('lodash'), line: 1, column: 11 }],
    },
    { code: "const get = require('lodash/get');", options, errors: [{ message: undeclared('lodash') }] },
    { code: "const o = require('@scope/other/x');", options, errors: [{ message: undeclared('@scope/other') }] },
    { code: "const dayjs = require('dayjs');", errors: [{ message: undeclared('dayjs') }] },
    { code: "const fs = require('fs');", options, errors: [{ message: builtin('fs') }] },
    { code: "const c = require('node:crypto');", options, errors: [{ message: builtin('node:crypto') }] },
    { code: "const p = require('fs/promises');", options, errors: [{ message: builtin('fs/promises') }] },
    { code: 'const a = require(`axios`);', options, errors: [{ message: undeclared('axios') }] },
    { code: "import('moment').then(use, fail);", options, errors: [{ message: undeclared('moment') }] },
  ],
});
