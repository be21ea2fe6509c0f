import { noNonClientRequestModel } from './no-non-client-request-model';
import { asModule, fdkRuleTester } from './rule-tester';

const call = (what: string): string =>
  `'${what}' makes a raw HTTP request. Call external APIs through request templates (invokeTemplate).`;
const moduleMessage = (what: string): string =>
  `'${what}' is an HTTP client. Call external APIs through request templates (invokeTemplate).`;

fdkRuleTester().run('no-non-client-request-model', noNonClientRequestModel, {
  valid: [
    "$request.invokeTemplate('getContact', {}).catch(fail);",
    "const lib = require('./lib/http');",
    "const dayjs = require('dayjs');",
    'client.fetch(x);',
    'const req = new Request(url);',
    { code: "import { x } from './axios.js';", ...asModule },
  ],
  invalid: [
    { code: "fetch('https://example.com');", errors: [{ message: call('fetch'), line: 1, column: 1 }] },
    { code: 'window.fetch(url).catch(fail);', errors: [{ message: call('window.fetch') }] },
    { code: 'const xhr = new XMLHttpRequest();', errors: [{ message: call('XMLHttpRequest') }] },
    { code: '$.ajax({ url });', errors: [{ message: call('$.ajax') }] },
    { code: 'jQuery.getJSON(url);', errors: [{ message: call('jQuery.getJSON') }] },
    { code: "const https = require('https');", errors: [{ message: moduleMessage('https') }] },
    { code: "const http = require('node:http');", errors: [{ message: moduleMessage('node:http') }] },
    { code: "const axios = require('axios');", errors: [{ message: moduleMessage('axios') }] },
    { code: "const fetch2 = require('node-fetch');", errors: [{ message: moduleMessage('node-fetch') }] },
    { code: "const { request } = require('undici');", errors: [{ message: moduleMessage('undici') }] },
    { code: "const got = require('got'), sa = require('superagent');", errors: [{ message: moduleMessage('got') }, { message: moduleMessage('superagent') }] },
    { code: "const r = require('request');", errors: [{ message: moduleMessage('request') }] },
    { code: "const a = require('axios/lib/core/Axios');", errors: [{ message: moduleMessage('axios') }] },
    { code: "import axios from 'axios';", ...asModule, errors: [{ message: moduleMessage('axios') }] },
    { code: "import('got').then(use, fail);", errors: [{ message: moduleMessage('got') }] },
  ],
});
