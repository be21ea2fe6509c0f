import { badResponse, classifyRejection, crmErrorMessages, outcomeUnknown, retryAfterSeconds } from './failure';

const crmError = (message: unknown, code = 400) => JSON.stringify({ errors: { code, message } });

describe('classifyRejection: the CRM answered (errorSource APP)', () => {
  it('400 with the array of messages → invalid with those messages', () => {
    const failure = classifyRejection({
      status: 400,
      errorSource: 'APP',
      headers: { 'content-type': 'application/json' },
      response: '{"errors":{"code":400,"message":["Name has already been taken"]}}',
    });
    expect(failure).toEqual({
      kind: 'invalid',
      status: 400,
      source: 'APP',
      messages: ['Name has already been taken'],
      retryAfterSeconds: undefined,
      detail: 'HTTP 400 from Freshsales',
    });
  });

  it('400 with a single string message → that message as a list', () => {
    const failure = classifyRejection({ status: 400, errorSource: 'APP', response: crmError('Amount is not a number') });
    expect(failure.kind).toBe('invalid');
    expect(failure.messages).toEqual(['Amount is not a number']);
  });

  it.each([
    [401, 'unauthorized', '{"login":"failed","message":"Invalid API key"}'],
    [403, 'forbidden', crmError(['You do not have permission'], 403)],
    [404, 'not_found', ''],
    [422, 'invalid', crmError(['Invalid authenticity token'], 422)],
    [409, 'invalid', ''],
    [500, 'server_error', '<html>Internal error</html>'],
    [503, 'server_error', ''],
  ] as const)('%i → %s', (status, kind, response) => {
    const failure = classifyRejection({ status, errorSource: 'APP', response });
    expect(failure.kind).toBe(kind);
    expect(failure.status).toBe(status);
    expect(failure.source).toBe('APP');
    expect(failure.detail).toBe(`HTTP ${status} from Freshsales`);
  });

  it('403 keeps the CRM messages; 404 with an empty body has none', () => {
    expect(classifyRejection({ status: 403, errorSource: 'APP', response: crmError(['No access'], 403) }).messages).toEqual([
      'No access',
    ]);
    expect(classifyRejection({ status: 404, errorSource: 'APP', response: '' })).toMatchObject({
      kind: 'not_found',
      messages: [],
    });
  });

  it('a 401 login-failed body is not the error shape → no messages', () => {
    const failure = classifyRejection({ status: 401, response: '{"login":"failed","message":"Invalid API key"}' });
    expect(failure).toMatchObject({ kind: 'unauthorized', messages: [] });
  });

  it('counts a rejection without errorSource as the CRM', () => {
    const failure = classifyRejection({ status: 400, response: crmError(['Stage is invalid']) });
    expect(failure).toMatchObject({ kind: 'invalid', source: 'APP', messages: ['Stage is invalid'] });
    expect(classifyRejection({ status: 503 })).toMatchObject({ kind: 'server_error', source: 'APP' });
  });

  it('adds the platform message to the detail when there is one', () => {
    const failure = classifyRejection({ status: 500, errorSource: 'APP', message: 'Internal Server Error' });
    expect(failure.detail).toBe('HTTP 500 from Freshsales: Internal Server Error');
  });
});

describe('classifyRejection: 429 and Retry-After', () => {
  it.each([
    [{ 'Retry-After': '30' }, 30],
    [{ 'retry-after': '0' }, 0],
    [{ 'RETRY-AFTER': ' 12 ' }, 12],
    [{ 'rEtRy-AfTeR': '7', 'x-ratelimit-remaining': '0' }, 7],
  ])('reads %j as %i seconds', (headers, seconds) => {
    const failure = classifyRejection({ status: 429, errorSource: 'APP', headers, response: '' });
    expect(failure).toMatchObject({ kind: 'rate_limited', status: 429, retryAfterSeconds: seconds });
  });

  it.each([
    { 'Retry-After': 'soon' },
    { 'Retry-After': '-5' },
    { 'Retry-After': '' },
    { 'Retry-After': '   ' },
    { 'Retry-After': '1.5' },
    { 'Retry-After': '0x10' },
    { 'Retry-After': '1e3' },
    { 'Retry-After': '2 GMT' },
    { 'Retry-After': 'Mon, 99 Foo 2015 07:28:00 GMT' },
    { 'X-RateLimit-Reset': '30' },
    {},
  ])('ignores %j', (headers) => {
    const failure = classifyRejection({ status: 429, errorSource: 'APP', headers });
    expect(failure.kind).toBe('rate_limited');
    expect(failure.retryAfterSeconds).toBeUndefined();
  });

  it('reads an HTTP date as the seconds until then, and a date gone by as no wait', () => {
    const now = Date.parse('2026-03-29T01:00:00Z');
    expect(retryAfterSeconds({ 'Retry-After': 'Sun, 29 Mar 2026 01:00:45 GMT' }, now)).toBe(45);
    expect(retryAfterSeconds({ 'retry-after': 'Sun, 29 Mar 2026 01:00:00 GMT' }, now)).toBe(0);
    expect(retryAfterSeconds({ 'Retry-After': 'Wed, 21 Oct 2015 07:28:00 GMT' }, now)).toBe(0);
    // The obsolete RFC 850 form is still an HTTP date.
    expect(retryAfterSeconds({ 'Retry-After': 'Sunday, 29-Mar-26 01:01:00 GMT' }, now)).toBe(60);
    const later = new Date(Date.now() + 20_000).toUTCString();
    expect(classifyRejection({ status: 429, errorSource: 'APP', headers: { 'Retry-After': later } }).retryAfterSeconds).toBeGreaterThan(15);
  });

  it('has no Retry-After without headers', () => {
    expect(classifyRejection({ status: 429 }).retryAfterSeconds).toBeUndefined();
  });

  it('reads Retry-After only on a 429', () => {
    const failure = classifyRejection({ status: 503, errorSource: 'APP', headers: { 'Retry-After': '30' } });
    expect(failure).toMatchObject({ kind: 'server_error', retryAfterSeconds: undefined });
  });
});

describe('classifyRejection: the platform refused (errorSource PLATFORM)', () => {
  it.each([
    [400, 'platform'],
    [403, 'platform'],
    [415, 'bad_response'],
    [429, 'rate_limited'],
    [502, 'unreachable'],
    [503, 'unreachable'],
    [504, 'timeout'],
    [500, 'unreachable'],
    [408, 'platform'],
    [401, 'platform'],
  ] as const)('%i → %s', (status, kind) => {
    const failure = classifyRejection({
      status,
      errorSource: 'PLATFORM',
      response: 'Request failed',
      message: 'Proxy said no',
    });
    expect(failure).toMatchObject({ kind, status, source: 'PLATFORM' });
    expect(failure.detail).toBe(`HTTP ${status} from the platform: Proxy said no`);
  });

  it('never reads CRM messages from a platform body', () => {
    const failure = classifyRejection({ status: 400, errorSource: 'PLATFORM', response: crmError(['looks like the CRM']) });
    expect(failure.messages).toEqual([]);
  });

  it('a platform 429 carries Retry-After too when given', () => {
    const failure = classifyRejection({ status: 429, errorSource: 'PLATFORM', headers: { 'retry-after': '60' } });
    expect(failure).toMatchObject({ kind: 'rate_limited', retryAfterSeconds: 60 });
  });
});

describe('classifyRejection: tolerant of odd but status-bearing rejections', () => {
  it('a header that is not a string (set-cookie array) does not hide the status', () => {
    const failure = classifyRejection({
      status: 401,
      errorSource: 'APP',
      headers: { 'set-cookie': ['a=1', 'b=2'], 'content-length': 12 },
      response: '',
    });
    expect(failure).toMatchObject({ kind: 'unauthorized', status: 401 });
  });

  it('a 429 with an array Retry-After header gets no delay but stays rate_limited', () => {
    const failure = classifyRejection({ status: 429, headers: { 'Retry-After': ['30'] } });
    expect(failure).toMatchObject({ kind: 'rate_limited', retryAfterSeconds: undefined });
  });

  it('errorSource null counts as the CRM; a non-string body or message is dropped', () => {
    const failure = classifyRejection({ status: 404, errorSource: null, response: { oops: true }, message: 42 });
    expect(failure).toMatchObject({ kind: 'not_found', source: 'APP', messages: [], detail: 'HTTP 404 from Freshsales' });
  });
});

describe('classifyRejection: no status at all', () => {
  it.each([
    [new Error('getaddrinfo ENOTFOUND acme.myfreshworks.com'), 'unreachable', 'getaddrinfo ENOTFOUND acme.myfreshworks.com'],
    [new Error('connect ECONNREFUSED 127.0.0.1:443'), 'unreachable', 'connect ECONNREFUSED 127.0.0.1:443'],
    [new Error('socket hang up'), 'unreachable', 'socket hang up'],
    ['ETIMEDOUT', 'timeout', 'ETIMEDOUT'],
    [{ message: 'ESOCKETTIMEDOUT' }, 'timeout', 'request failed without a status: ESOCKETTIMEDOUT'],
    [undefined, 'platform', 'request failed without a status'],
    [null, 'platform', 'request failed without a status'],
    [42, 'platform', 'request failed without a status'],
    [new TypeError("Cannot read properties of undefined (reading 'invokeTemplate')"), 'platform', "Cannot read properties of undefined (reading 'invokeTemplate')"],
    [{ status: '401', message: 'status as text' }, 'platform', 'request failed without a status: status as text'],
    [{}, 'platform', 'request failed without a status'],
  ])('%p → %s', (rejection, kind, detail) => {
    expect(classifyRejection(rejection)).toEqual({ kind, messages: [], detail });
  });
});

describe('crmErrorMessages', () => {
  it('reads an array or a string message', () => {
    expect(crmErrorMessages(crmError(['a', 'b']))).toEqual(['a', 'b']);
    expect(crmErrorMessages(crmError('only one'))).toEqual(['only one']);
  });

  it.each([
    undefined,
    '',
    'not json',
    '<html><body>Bad gateway</body></html>',
    'true',
    'null',
    '[]',
    '{"errors":"no"}',
    '{"errors":{"code":400}}',
    '{"errors":{"code":400,"message":[1,2]}}',
    '{"message":"Name has already been taken"}',
  ])('gives no messages for %j', (body) => {
    expect(crmErrorMessages(body)).toEqual([]);
  });
});

describe('retryAfterSeconds', () => {
  it('is undefined without headers', () => {
    expect(retryAfterSeconds(undefined)).toBeUndefined();
  });

  it('takes delay-seconds in any header-name casing', () => {
    expect(retryAfterSeconds({ 'Retry-after': '120' })).toBe(120);
  });
});

describe('badResponse', () => {
  it('builds a bad_response failure with its detail and optional status', () => {
    expect(badResponse('listOwners: not JSON', 200)).toEqual({
      kind: 'bad_response',
      status: 200,
      messages: [],
      detail: 'listOwners: not JSON',
    });
    expect(badResponse('no status')).toEqual({ kind: 'bad_response', status: undefined, messages: [], detail: 'no status' });
  });
});

describe('outcomeUnknown: a write that may have been applied', () => {
  it.each([
    ['a platform 504', { status: 504, errorSource: 'PLATFORM' }],
    ['ETIMEDOUT', new Error('connect ETIMEDOUT 10.0.0.1:443')],
    ['ESOCKETTIMEDOUT', { message: 'ESOCKETTIMEDOUT' }],
    ['a connection reset once sent', new Error('read ECONNRESET')],
    ['a socket hang up', new Error('socket hang up')],
  ])('%s: unknown', (_name, rejection) => {
    expect(outcomeUnknown(classifyRejection(rejection))).toBe(true);
  });

  it.each([
    ['a platform 502 (DNS, TLS, refused: never sent)', { status: 502, errorSource: 'PLATFORM' }],
    ['an unknown host', new Error('getaddrinfo ENOTFOUND acme.myfreshworks.com')],
    ['a refused connection', new Error('connect ECONNREFUSED 127.0.0.1:443')],
    ['a CRM refusal', { status: 400, errorSource: 'APP', response: '{"errors":{"code":400,"message":["Name is blank"]}}' }],
    ['a CRM 500', { status: 500, errorSource: 'APP' }],
    ['a 429', { status: 429, errorSource: 'APP' }],
  ])('%s: known not applied', (_name, rejection) => {
    expect(outcomeUnknown(classifyRejection(rejection))).toBe(false);
  });
});
