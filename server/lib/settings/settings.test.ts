import { DEFAULT_WEBHOOK_TYPES } from '../../../common/webhooks/types';
import { AUTOMATION_DEFAULTS, AUTOMATION_IPARAMS as P, ONE_TASK_PATTERN, TASKS_PATTERN, WEBHOOK_SECRET_PATTERN } from './iparams';
import { DEFAULT_MAX_ATTEMPTS, MAX_ATTEMPTS_LIMIT, parseTasks, readSettings, signingKey } from './settings';

/** A `whsec_` secret over `length` known bytes (Node's Buffer is the independent encoder). */
const keyBytes = (length: number): Uint8Array => Uint8Array.from({ length }, (_, index) => (index * 7 + 3) % 256);
const secretOf = (bytes: Uint8Array): string => `whsec_${Buffer.from(bytes).toString('base64')}`;
const KEY = keyBytes(32);
const SECRET = secretOf(KEY);

/** A complete, valid webhook configuration; each test spoils one part. */
const WEBHOOK = {
  [P.webhookHost]: 'hooks.example.com',
  [P.webhookPath]: '/freshsales/events',
  [P.webhookSecret]: SECRET,
  [P.webhookEvents]: ['deal.won', 'contact.created'],
  [P.webhookMaxAttempts]: 5,
};

const TITLE_MESSAGE = /^a task title must have 1 to 200 characters/;
const FORMAT_MESSAGE = 'write tasks as "Title | days", separated by ";"';

describe('parseTasks', () => {
  it('reads tasks separated by ";"', () => {
    expect(parseTasks('Send a welcome pack | 1; Book the kickoff call | 3')).toEqual([
      { title: 'Send a welcome pack', dueInDays: 1 },
      { title: 'Book the kickoff call', dueInDays: 3 },
    ]);
  });

  it('reads tasks on separate lines, with Windows line ends, blank space and a trailing separator', () => {
    expect(parseTasks('  Call back |0\r\nSend contract| 14 ;\nInvoice | 365;')).toEqual([
      { title: 'Call back', dueInDays: 0 },
      { title: 'Send contract', dueInDays: 14 },
      { title: 'Invoice', dueInDays: 365 },
    ]);
  });

  it.each(['', '   ', '\n'])('reads %j as no tasks', (value) => {
    expect(parseTasks(value)).toEqual([]);
  });

  it('reads leading zeros in the day count as a number', () => {
    expect(parseTasks('Follow up | 007')).toEqual([{ title: 'Follow up', dueInDays: 7 }]);
  });

  it.each([
    ['no day count', 'Send a welcome pack'],
    ['a word for the days', 'Send a welcome pack | one'],
    ['a negative day count', 'Send a welcome pack | -1'],
    ['four digits of days', 'Send a welcome pack | 1000'],
    ['two bars', 'Send | pack | 1'],
    ['a comma as separator', 'Welcome | 1, Kickoff | 3'],
    ['a bad second task', 'Welcome | 1; Kickoff'],
  ])('refuses %s with the format', (_case, value) => {
    expect(parseTasks(value)).toBe(FORMAT_MESSAGE);
  });

  it('refuses more than 365 days, naming the task', () => {
    expect(parseTasks('Welcome | 1; Renewal call | 366')).toBe('"Renewal call" needs a due day count from 0 to 365');
  });

  it('names a task with too many days by the first 40 characters of its title', () => {
    const title = `Renewal call ${'x'.repeat(150)}`;
    expect(parseTasks(`${title} | 400`)).toBe(`"${title.slice(0, 40)}" needs a due day count from 0 to 365`);
  });

  it('checks the title before the days', () => {
    const title = `Renewal ${'x'.repeat(300)}`;
    expect(parseTasks(`${title} | 400`)).toBe(`a task title must have 1 to 200 characters ("${title.slice(0, 40)}")`);
  });

  it('accepts a title of 200 characters and refuses one of 201', () => {
    expect(parseTasks(`${'a'.repeat(200)} | 2`)).toEqual([{ title: 'a'.repeat(200), dueInDays: 2 }]);
    const problem = parseTasks(`${'b'.repeat(201)} | 2`);
    expect(problem).toMatch(TITLE_MESSAGE);
    expect(problem).toContain(`("${'b'.repeat(40)}")`);
  });

  it('refuses a title of blanks', () => {
    expect(parseTasks('   | 3')).toMatch(TITLE_MESSAGE);
  });

  it('reports the first problem when several tasks are wrong', () => {
    expect(parseTasks(`Welcome | 1; Renewal | 500; ${'c'.repeat(250)} | 1`)).toBe('"Renewal" needs a due day count from 0 to 365');
  });

  it('re-checks each task even when the pattern given lets it through', () => {
    expect(parseTasks('Welcome pack', '.*')).toBe('"Welcome pack" needs a due day count from 0 to 365');
    expect(parseTasks('Welcome | 2 weeks', '.*')).toBe('"Welcome" needs a due day count from 0 to 365');
  });

  it('takes one task only with ONE_TASK_PATTERN', () => {
    expect(parseTasks('Ask why we lost | 2', ONE_TASK_PATTERN)).toEqual([{ title: 'Ask why we lost', dueInDays: 2 }]);
    expect(parseTasks('Ask why | 2; Update forecast | 3', ONE_TASK_PATTERN)).toBe(FORMAT_MESSAGE);
    expect(parseTasks('Ask why | 2; Update forecast | 3', TASKS_PATTERN)).toHaveLength(2);
  });
});

describe('signingKey', () => {
  it.each([24, 32, 64])('reads the %i bytes of a whsec_ secret', (length) => {
    const bytes = keyBytes(length);
    expect(signingKey(secretOf(bytes))).toEqual(bytes);
  });

  it.each([24, 25, 26, 32, 48, 63, 64])('accepts a secret of %i bytes on the settings page too', (length) => {
    expect(new RegExp(WEBHOOK_SECRET_PATTERN).test(secretOf(keyBytes(length)))).toBe(true);
  });

  it.each([23, 65, 66])('refuses a secret of %i bytes on the settings page, as the server does', (length) => {
    expect(new RegExp(WEBHOOK_SECRET_PATTERN).test(secretOf(keyBytes(length)))).toBe(false);
  });

  it.each([
    ['23 bytes (too short)', secretOf(keyBytes(23))],
    ['65 bytes (too long)', secretOf(keyBytes(65))],
    ['no whsec_ prefix', Buffer.from(KEY).toString('base64')],
    ['another prefix', `whsk_${Buffer.from(KEY).toString('base64')}`],
    ['text that is not Base64', `whsec_${'!'.repeat(44)}`],
    ['unpadded Base64', SECRET.replace(/=+$/, '')],
    ['URL-safe Base64', `whsec_${Buffer.from(keyBytes(48).fill(0xfb)).toString('base64url')}`],
    ['nothing after the prefix', 'whsec_'],
    ['nothing at all', ''],
  ])('refuses %s', (_case, secret) => {
    expect(signingKey(secret)).toBeUndefined();
  });
});

describe('readSettings: defaults', () => {
  it('applies AUTOMATION_DEFAULTS to absent parameters and leaves webhooks off', () => {
    const settings = readSettings({});
    expect(settings.problems).toEqual([]);
    expect(settings.dealWon).toEqual({
      enabled: true,
      tasks: [
        { title: 'Send a welcome pack', dueInDays: 1 },
        { title: 'Book the kickoff call', dueInDays: 3 },
      ],
      lifecycleStage: AUTOMATION_DEFAULTS[P.dealWonLifecycleStage],
    });
    expect(settings.dealLost).toEqual({ enabled: true, task: null });
    expect(settings.hygiene).toEqual({ enabled: true, defaultCountry: null });
    expect(settings.webhooks.enabled).toBe(false);
    expect(settings.webhooks.events.size).toBe(0);
    expect(settings.webhooks.key).toHaveLength(0);
  });

  it('reads the default events and attempts when only the host, path and secret are given', () => {
    const settings = readSettings({ [P.webhookHost]: 'hooks.example.com', [P.webhookSecret]: SECRET });
    expect(settings.problems).toEqual([]);
    expect(settings.webhooks).toEqual({
      enabled: true,
      host: 'hooks.example.com',
      path: '/',
      key: KEY,
      events: new Set(AUTOMATION_DEFAULTS[P.webhookEvents]),
      maxAttempts: DEFAULT_MAX_ATTEMPTS,
    });
  });

  it('reads what the admin saved over the defaults', () => {
    const settings = readSettings({
      [P.dealWonTasks]: 'Ship hardware | 2',
      [P.dealWonLifecycleStage]: '  Customer - VIP ',
      [P.dealLostTask]: 'Ask why we lost | 1',
      [P.phoneCountry]: ' de ',
    });
    expect(settings.problems).toEqual([]);
    expect(settings.dealWon).toEqual({ enabled: true, tasks: [{ title: 'Ship hardware', dueInDays: 2 }], lifecycleStage: 'Customer - VIP' });
    expect(settings.dealLost).toEqual({ enabled: true, task: { title: 'Ask why we lost', dueInDays: 1 } });
    expect(settings.hygiene).toEqual({ enabled: true, defaultCountry: 'DE' });
  });

  it('reads a blank lifecycle stage as leaving contacts alone and blank tasks as none', () => {
    const settings = readSettings({ [P.dealWonLifecycleStage]: '  ', [P.dealWonTasks]: '' });
    expect(settings.dealWon).toEqual({ enabled: true, tasks: [], lifecycleStage: null });
    expect(settings.problems).toEqual([]);
  });

  it('reads a non-text value of a text parameter as empty', () => {
    const settings = readSettings({ [P.dealWonLifecycleStage]: 42, [P.dealLostTask]: ['Call | 1'] });
    expect(settings.dealWon.lifecycleStage).toBeNull();
    expect(settings.dealLost).toEqual({ enabled: true, task: null });
  });
});

describe('readSettings: checkboxes', () => {
  const switches = [P.dealWonEnabled, P.dealLostEnabled, P.hygieneEnabled] as const;
  const enabled = (iparams: Record<string, unknown>) => {
    const settings = readSettings(iparams);
    return [settings.dealWon.enabled, settings.dealLost.enabled, settings.hygiene.enabled];
  };

  it.each([
    [false, [false, false, false]],
    [true, [true, true, true]],
    ['false', [false, false, false]],
    ['true', [true, true, true]],
  ])('reads %p', (value, expected) => {
    expect(enabled(Object.fromEntries(switches.map((name) => [name, value])))).toEqual(expected);
  });

  it.each([null, 'yes', 'FALSE', 0, 1, ''])('falls back to on for the unreadable %p', (value) => {
    expect(enabled(Object.fromEntries(switches.map((name) => [name, value])))).toEqual([true, true, true]);
  });

  it('switches each automation on its own', () => {
    expect(enabled({ [P.dealWonEnabled]: false })).toEqual([false, true, true]);
    expect(enabled({ [P.dealLostEnabled]: 'false' })).toEqual([true, false, true]);
    expect(enabled({ [P.hygieneEnabled]: false })).toEqual([true, true, false]);
  });

  it('keeps a switched-off automation configured', () => {
    const settings = readSettings({ [P.dealWonEnabled]: false, [P.dealWonTasks]: 'Welcome | 1' });
    expect(settings.dealWon).toEqual({ enabled: false, tasks: [{ title: 'Welcome', dueInDays: 1 }], lifecycleStage: 'Customer' });
    expect(settings.problems).toEqual([]);
  });
});

describe('readSettings: a misconfigured automation is off, the others stay on', () => {
  it('switches off deal-won tasks it cannot read', () => {
    const settings = readSettings({ [P.dealWonTasks]: 'Welcome pack' });
    expect(settings.problems).toEqual([`deal_won_tasks: ${FORMAT_MESSAGE}`]);
    expect(settings.dealWon).toEqual({ enabled: false, tasks: [], lifecycleStage: 'Customer' });
    expect(settings.dealLost.enabled).toBe(true);
    expect(settings.hygiene.enabled).toBe(true);
  });

  it('switches off the deal-lost task when it holds two tasks', () => {
    const settings = readSettings({ [P.dealLostTask]: 'Ask why | 1; Update forecast | 2' });
    expect(settings.problems).toEqual([`deal_lost_task: ${FORMAT_MESSAGE}`]);
    expect(settings.dealLost).toEqual({ enabled: false, task: null });
    expect(settings.dealWon.enabled).toBe(true);
    expect(settings.hygiene.enabled).toBe(true);
  });

  it('switches off the deal-lost task when its day count is out of range', () => {
    const settings = readSettings({ [P.dealLostTask]: 'Ask why | 900' });
    expect(settings.problems).toEqual(['deal_lost_task: "Ask why" needs a due day count from 0 to 365']);
    expect(settings.dealLost.enabled).toBe(false);
  });

  it.each(['Germany', 'D', 'DEU', '49'])('switches off hygiene for the country %j', (country) => {
    const settings = readSettings({ [P.phoneCountry]: country });
    expect(settings.problems).toEqual(['phone_default_country: use a two-letter country code such as US or DE']);
    expect(settings.hygiene).toEqual({ enabled: false, defaultCountry: null });
    expect(settings.dealWon.enabled).toBe(true);
    expect(settings.dealLost.enabled).toBe(true);
  });

  it('names every problem in the order of the settings page', () => {
    const settings = readSettings({ [P.dealWonTasks]: 'x', [P.dealLostTask]: 'y', [P.phoneCountry]: 'zzz', [P.webhookHost]: 'https://x.example.com' });
    expect(settings.problems.map((problem) => problem.split(':')[0])).toEqual([P.dealWonTasks, P.dealLostTask, P.phoneCountry, P.webhookHost, P.webhookSecret]);
  });
});

describe('readSettings: webhook attempts as text', () => {
  it.each([[' 7 ', 7], ['20', 20]])('reads %j as %i', (value, attempts) => {
    expect(readSettings({ webhook_host: 'hooks.example.com', webhook_secret: `whsec_${Buffer.alloc(32, 1).toString('base64')}`, webhook_max_attempts: value }).webhooks.maxAttempts).toBe(attempts);
  });

  it.each(['0x10', '1e1', '7.0'])('refuses %j, which only looks like a whole number', (value) => {
    const settings = readSettings({ webhook_host: 'hooks.example.com', webhook_secret: `whsec_${Buffer.alloc(32, 1).toString('base64')}`, webhook_max_attempts: value });
    expect(settings.webhooks.enabled).toBe(false);
    expect(settings.problems.join()).toContain('webhook_max_attempts');
  });
});

describe('readSettings: webhooks', () => {
  const webhooks = (overrides: Record<string, unknown>) => readSettings({ ...WEBHOOK, ...overrides });

  it('reads a complete configuration', () => {
    const settings = readSettings(WEBHOOK);
    expect(settings.problems).toEqual([]);
    expect(settings.webhooks).toEqual({
      enabled: true,
      host: 'hooks.example.com',
      path: '/freshsales/events',
      key: KEY,
      events: new Set(['deal.won', 'contact.created']),
      maxAttempts: 5,
    });
  });

  it('lower-cases and trims the host', () => {
    expect(webhooks({ [P.webhookHost]: '  Hooks.Example.COM ' }).webhooks.host).toBe('hooks.example.com');
  });

  it.each(['', '   ', undefined])('is off without a host (%p), whatever else is wrong', (host) => {
    const settings = readSettings({ [P.webhookHost]: host, [P.webhookPath]: 'no-slash', [P.webhookSecret]: 'nope', [P.webhookEvents]: ['deal.deleted'], [P.webhookMaxAttempts]: 0 });
    expect(settings.webhooks.enabled).toBe(false);
    expect(settings.problems).toEqual([]);
  });

  it.each([
    ['a scheme', 'https://hooks.example.com'],
    ['a path', 'hooks.example.com/events'],
    ['a port', 'hooks.example.com:8443'],
    ['an IP address', '192.168.10.20'],
    ['a single label', 'localhost'],
    ['blanks inside', 'hooks example.com'],
    ['a leading hyphen', '-hooks.example.com'],
    ['an underscore', 'hooks_in.example.com'],
  ])('refuses a host with %s', (_case, host) => {
    const settings = webhooks({ [P.webhookHost]: host });
    expect(settings.problems).toEqual(['webhook_host: enter a host name only, like hooks.example.com']);
    expect(settings.webhooks.enabled).toBe(false);
  });

  it.each(['hooks.example.com', 'a.b', 'xn--bcher-kva.example', 'api-1.eu.hooks.example.co.uk'])('accepts the host %j', (host) => {
    expect(webhooks({ [P.webhookHost]: host }).problems).toEqual([]);
  });

  it.each(['events', '/with space', '/a#fragment'])('refuses the path %j', (path) => {
    const settings = webhooks({ [P.webhookPath]: path });
    expect(settings.problems).toEqual(['webhook_path: the path must start with /']);
    expect(settings.webhooks.enabled).toBe(false);
  });

  it.each([
    ['', '/'],
    ['  ', '/'],
    ['/', '/'],
    ['/v1/hooks?tenant=acme', '/v1/hooks?tenant=acme'],
  ])('reads the path %j as %j', (path, expected) => {
    const settings = webhooks({ [P.webhookPath]: path });
    expect(settings.problems).toEqual([]);
    expect(settings.webhooks.path).toBe(expected);
  });

  it.each([
    ['absent', undefined],
    ['without whsec_', Buffer.from(KEY).toString('base64')],
    ['of 23 bytes', secretOf(keyBytes(23))],
    ['of 65 bytes', secretOf(keyBytes(65))],
    ['not Base64', 'whsec_this is not base64 at all!!'],
  ])('refuses a secret %s', (_case, secret) => {
    const settings = webhooks({ [P.webhookSecret]: secret });
    expect(settings.problems).toEqual(['webhook_secret: enter a signing secret like whsec_ followed by 32+ Base64 characters']);
    expect(settings.webhooks.enabled).toBe(false);
  });

  it('reads a secret with blanks around it', () => {
    expect(webhooks({ [P.webhookSecret]: `  ${SECRET}\n` }).webhooks.key).toEqual(KEY);
  });

  it.each([
    ['an array', ['deal.lost', 'account.updated'], ['deal.lost', 'account.updated']],
    ['a comma-separated string', ' deal.lost, account.updated ,', ['deal.lost', 'account.updated']],
    ['an empty array', [], []],
    ['null (the default choice)', null, DEFAULT_WEBHOOK_TYPES],
  ])('reads events given as %s', (_case, events, expected) => {
    const settings = webhooks({ [P.webhookEvents]: events });
    expect(settings.problems).toEqual([]);
    expect([...settings.webhooks.events].sort()).toEqual([...expected].sort());
  });

  it.each([
    [['deal.won', 'deal.deleted'], 'webhook_events: unknown event "deal.deleted"'],
    ['deal.won,Deal.Lost', 'webhook_events: unknown event "Deal.Lost"'],
    [['deal.won', 7], 'webhook_events: unknown event 7'],
    [42, 'webhook_events: unknown event 42'],
    [{ 'deal.won': true }, 'webhook_events: unknown event {"deal.won":true}'],
  ])('refuses the events %j', (events, problem) => {
    const settings = webhooks({ [P.webhookEvents]: events });
    expect(settings.problems).toEqual([problem]);
    expect(settings.webhooks.enabled).toBe(false);
  });

  it.each([
    [1, 1],
    [MAX_ATTEMPTS_LIMIT, 20],
    ['7', 7],
    [' 12 ', 12],
    ['', DEFAULT_MAX_ATTEMPTS],
    [null, DEFAULT_MAX_ATTEMPTS],
    [undefined, AUTOMATION_DEFAULTS[P.webhookMaxAttempts]],
  ])('reads max attempts %p as %i', (value, expected) => {
    const settings = webhooks({ [P.webhookMaxAttempts]: value });
    expect(settings.problems).toEqual([]);
    expect(settings.webhooks.maxAttempts).toBe(expected);
  });

  it.each([0, 21, 3.5, -1, '3.5', 'eight', true, Number.NaN])('refuses max attempts %p', (value) => {
    const settings = webhooks({ [P.webhookMaxAttempts]: value });
    expect(settings.problems).toEqual(['webhook_max_attempts: use a whole number from 1 to 20']);
    expect(settings.webhooks.enabled).toBe(false);
  });

  it('reports every webhook problem at once and keeps the automations on', () => {
    const settings = readSettings({
      [P.webhookHost]: 'http://hooks.example.com',
      [P.webhookPath]: 'events',
      [P.webhookSecret]: 'secret',
      [P.webhookEvents]: 'deal.won,deal.deleted',
      [P.webhookMaxAttempts]: 0,
    });
    expect(settings.problems).toEqual([
      'webhook_host: enter a host name only, like hooks.example.com',
      'webhook_path: the path must start with /',
      'webhook_secret: enter a signing secret like whsec_ followed by 32+ Base64 characters',
      'webhook_events: unknown event "deal.deleted"',
      'webhook_max_attempts: use a whole number from 1 to 20',
    ]);
    expect(settings.webhooks).toMatchObject({ enabled: false, host: '', key: new Uint8Array(0) });
    expect([settings.dealWon.enabled, settings.dealLost.enabled, settings.hygiene.enabled]).toEqual([true, true, true]);
  });
});
