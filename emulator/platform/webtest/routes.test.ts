import { rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FixtureApp } from '../../../test/support/fixture-app';
import { startEmulator, type Emulator } from '../emulator';
import { WEBTEST_PATHS, type EventsResponse } from './protocol';

/** The serverless test API on an in-process emulator running test/fixtures/apps/webtest. */

// Nothing here calls a request template: no stand-in, and a CRM address nobody listens at.
const NO_CRM = { kind: 'url', url: 'http://127.0.0.1:9' } as const;

let fixture: FixtureApp;
let emulator: Emulator;

beforeAll(async () => {
  fixture = new FixtureApp('webtest');
  emulator = await startEmulator({ appDir: fixture.dir, port: 0, crm: NO_CRM });
});

afterAll(async () => {
  await emulator?.close();
  fixture?.dispose();
});

async function events(): Promise<EventsResponse> {
  const response = await fetch(`${emulator.url}${WEBTEST_PATHS.events}`);
  expect(response.status).toBe(200);
  return (await response.json()) as EventsResponse;
}

async function simulate(body: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(`${emulator.url}${WEBTEST_PATHS.simulate}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

async function pageText(query = ''): Promise<string> {
  const response = await fetch(`${emulator.url}${WEBTEST_PATHS.page}${query}`);
  expect(response.headers.get('content-type')).toContain('text/html');
  return response.text();
}

describe('before the app is installed', () => {
  it('lists the events but refuses to simulate, saying how to install', async () => {
    expect((await events()).installed).toBe(false);
    const refused = await simulate({ event: 'onContactCreate' });
    expect(refused).toEqual({ status: 409, body: { message: 'The app is not installed: install it at /__fdk/settings, then simulate events' } });
    expect(await pageText()).toContain('The app is not installed');
  });
});

describe('GET /web/test/events', () => {
  it('lists Common events first, then each product module, with their test data files (3.0, then the 2.3 flat layout)', async () => {
    const answer = await events();
    expect(answer.app).toBe(fixture.dir.split('/').pop());
    expect(answer.events.map((event) => [event.group, event.module, event.event, event.handler, event.testDataFile])).toEqual([
      ['Common', 'common', 'onAppInstall', 'onAppInstallHandler', 'server/test_data/common/onAppInstall.json'],
      ['Common', 'common', 'onExternalEvent', 'onExternalEventHandler', 'server/test_data/common/onExternalEvent.json'],
      ['Common', 'common', 'onScheduledEvent', 'onScheduledEventHandler', 'server/test_data/common/onScheduledEvent.json'],
      ['contact', 'contact', 'onContactCreate', 'onContactCreateHandler', 'server/test_data/contact/onContactCreate.json'],
      ['deal', 'deal', 'onDealUpdate', 'onDealUpdateHandler', 'server/test_data/onDealUpdate.json'],
    ]);
    const byName = Object.fromEntries(answer.events.map((event) => [event.event, event]));
    expect(byName.onContactCreate?.testData).toMatchObject({ event: 'onContactCreate', data: { contact: { id: 42 } } });
    expect(byName.onContactCreate?.testDataText).toContain('"first_name": "Zoë <b>Ångström</b>"');
    expect(byName.onDealUpdate?.testData).toEqual({ deal: { id: 7, amount: '1200.50' } });
    expect(byName.onScheduledEvent).not.toHaveProperty('testDataText');
    expect(byName.onScheduledEvent).not.toHaveProperty('testData');
  });
});

describe('POST /web/test/simulate', () => {
  beforeAll(async () => {
    expect(await emulator.install({ greeting: 'Hej' })).toEqual({ ok: true });
  });

  it('runs the handler with the test data file, iparams and currentHost injected', async () => {
    const { status, body } = await simulate({ event: 'onContactCreate' });
    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: true, outcome: 'completed', event: 'onContactCreate', module: 'contact', handler: 'onContactCreateHandler', payloadSource: 'server/test_data/contact/onContactCreate.json' });
    expect(body.durationMs).toEqual(expect.any(Number));
    expect(body.logs).toEqual([expect.objectContaining({ level: 'info', message: 'Hej, Zoë <b>Ångström</b> on https://demo.myfreshworks.com' })]);
    const recorded = emulator.inspector.entries('event').at(-1);
    expect(recorded).toMatchObject({ event: 'onContactCreate', handler: 'onContactCreateHandler', outcome: 'completed' });
  });

  it('reads the 2.3 flat layout as the event data, and a setup event reports its renderData', async () => {
    expect((await simulate({ event: 'onDealUpdate' })).body).toMatchObject({ ok: true, payloadSource: 'server/test_data/onDealUpdate.json', logs: [expect.anything(), expect.objectContaining({ message: 'deal 7 is now 1200.50' })] });
    expect((await simulate({ event: 'onAppInstall', module: 'Common' })).body).toMatchObject({ ok: true, outcome: 'rendered', rendered: { error: null }, logs: [expect.objectContaining({ message: 'installing on acme.myfreshworks.com' })] });
    expect(emulator.platform.installation()).toBeDefined();
  });

  it('takes a pasted payload as JSON text or as an object', async () => {
    const asText = await simulate({ event: 'onScheduledEvent', payload: '{"data": {"n": 1}}' });
    expect(asText.body).toMatchObject({ ok: true, payloadSource: 'request', logs: [expect.objectContaining({ message: 'scheduled {"n":1}' })] });
    const asObject = await simulate({ event: 'onExternalEvent', module: 'common', payload: { data: { order: 'A-1' } } });
    expect(asObject.body).toMatchObject({ ok: true, logs: [expect.objectContaining({ message: 'webhook {"order":"A-1"}' })] });
  });

  it('answers 200 with ok false, the error and the log lines so far when the handler throws', async () => {
    const { status, body } = await simulate({ event: 'onDealUpdate', module: 'deal', payload: { data: {} } });
    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: false, outcome: 'error', error: 'the payload has no deal', payloadSource: 'request' });
    expect(body.logs.map((line: { message: string }) => line.message)).toEqual(['deal update for account 1967183444532229946']);
  });

  it.each([
    ['a body that is not JSON', '{event', /^The request body is not valid JSON: /],
    ['no event', { module: 'contact' }, /^Send a JSON object \{"event"/],
    ['a module that is not a string', { event: 'onContactCreate', module: 3 }, /^"module" must be a string$/],
    ['an unknown event', { event: 'onTicketCreate' }, /^Unknown event onTicketCreate: the app declares common\/onAppInstall, .*deal\/onDealUpdate$/],
    ['an event in another module', { event: 'onContactCreate', module: 'deal' }, /^The app declares no onContactCreate in module deal: it is in contact$/],
    ['a payload that is not valid JSON', { event: 'onContactCreate', payload: '{ "data": ' }, /^The payload is not valid JSON: /],
    ['a payload that is not an object', { event: 'onContactCreate', payload: [1, 2] }, /^The payload must be a JSON object/],
    ['a JSON null payload', { event: 'onContactCreate', payload: 'null' }, /^The payload must be a JSON object/],
    ['no payload and no test data file', { event: 'onScheduledEvent' }, /^No test data for common\/onScheduledEvent: write server\/test_data\/common\/onScheduledEvent\.json or send a payload$/],
    ['a path in the event name', { event: '../../../etc/passwd' }, /^Event and module names are letters, digits and underscores only$/],
    ['a path in the module name', { event: 'onContactCreate', module: '../contact' }, /^Event and module names are letters, digits and underscores only$/],
  ])('refuses %s with 400 and a specific message', async (_what, body, message) => {
    const answer = await simulate(body);
    expect(answer.status).toBe(400);
    expect(answer.body.message).toMatch(message);
  });

  it('reports a test data file that is not valid JSON, in the list and when simulating', async () => {
    fixture.write('server/test_data/common/onExternalEvent.json', '{ "data": { oops } }');
    try {
      const listed = (await events()).events.find((event) => event.event === 'onExternalEvent');
      expect(listed?.testDataText).toBe('{ "data": { oops } }');
      expect(listed?.testDataError).toMatch(/^server\/test_data\/common\/onExternalEvent\.json is not valid JSON: /);
      const answer = await simulate({ event: 'onExternalEvent' });
      expect(answer.status).toBe(400);
      expect(answer.body.message).toBe(listed?.testDataError);
    } finally {
      fixture.remove('server/test_data/common/onExternalEvent.json');
    }
  });

  it('never reads a test data file that links outside server/test_data', async () => {
    const outside = join(tmpdir(), `webtest-outside-${process.pid}.json`);
    writeFileSync(outside, '{"data": {"secret": true}}');
    symlinkSync(outside, fixture.path('server/test_data/common/onScheduledEvent.json'));
    try {
      const listed = (await events()).events.find((event) => event.event === 'onScheduledEvent');
      expect(listed).not.toHaveProperty('testDataText');
      expect((await simulate({ event: 'onScheduledEvent' })).status).toBe(400);
    } finally {
      fixture.remove('server/test_data/common/onScheduledEvent.json');
      rmSync(outside, { force: true });
    }
  });
});

describe('GET /web/test', () => {
  it('renders the events grouped as the FDK does, with the first event’s test data escaped in the editor', async () => {
    const text = await pageText();
    expect(text).toContain('<optgroup label="Common"><option value="common/onAppInstall" selected>onAppInstall → onAppInstallHandler</option>');
    expect(text).toContain('<optgroup label="Module: contact"><option value="contact/onContactCreate">');
    expect(text).toContain('<a href="/web/test">Test events</a>');
    expect(text).toContain(`<script src="${WEBTEST_PATHS.script}"></script>`);
  });

  it('preselects ?module=&event= and never lets test data close a tag', async () => {
    const text = await pageText('?module=contact&event=onContactCreate');
    expect(text).toContain('<option value="contact/onContactCreate" selected>');
    expect(text).toContain('&quot;first_name&quot;: &quot;Zoë &lt;b&gt;Ångström&lt;/b&gt;&quot;');
    expect(text).not.toContain('<b>Ångström');
    expect(text).toContain('Handler <code>onContactCreateHandler</code> · test data <code>server/test_data/contact/onContactCreate.json</code>');
  });

  it('serves its browser script', async () => {
    const response = await fetch(`${emulator.url}${WEBTEST_PATHS.script}`);
    expect(response.headers.get('content-type')).toContain('text/javascript');
    expect(await response.text()).toContain('/web/test/simulate');
  });
});
