import { join } from 'node:path';
import { ManualClock } from '../../clock';
import type { CrmServer } from '../../crm/crm-server';
import { SEED_LANDMARKS } from '../../crm/seed/index';
import { startStandIn } from '../../crm/stand-in';
import { loadApp } from '../app-loader';
import { Inspector } from '../inspector/inspector';
import { MinuteWindow } from '../minute-window';
import { PlatformError, type LoadedApp } from '../types';
import { RequestEngine } from './engine';
import { createHostRouting } from './routing';
import { startReceiver, type Receiver } from './testing';

/**
 * The fixture app's templates (test/fixtures/apps/minimal) against the Freshsales stand-in,
 * through the routing: `<%= iparam.domain %>` = demo.myfreshworks.com goes to the stand-in.
 */

const FIXTURE = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'apps', 'minimal');
const PARTNER_SECRET = 'partner-secret-77';

let app: LoadedApp;
let crm: CrmServer;
let receiver: Receiver;
let clock: ManualClock;

beforeAll(async () => {
  app = await loadApp(FIXTURE);
  clock = new ManualClock();
  crm = await startStandIn({ clock });
  receiver = await startReceiver();
});

afterAll(async () => {
  await crm.close();
  await receiver.close();
});

function engine(apiKey = crm.apiKey, crmBaseUrl = crm.apiBase): { engine: RequestEngine; inspector: Inspector; delays: number[] } {
  const inspector = new Inspector(clock);
  const delays: number[] = [];
  return {
    inspector,
    delays,
    engine: new RequestEngine({
      app,
      iparams: () => ({ domain: crm.store.account.domain, api_key: apiKey, partner_secret: PARTNER_SECRET, mode: 'manual' }),
      // apiBase ends with /crm/sales/api: the template path carries it, so routing must not repeat it.
      routing: createHostRouting({ crmBaseUrl, overrides: { 'hooks.partner.example': receiver.url } }),
      clock,
      inspector,
      window: new MinuteWindow(clock, 'request method (50/min)', 50),
      delay: (ms) => {
        delays.push(ms);
        return Promise.resolve();
      },
    }),
  };
}

async function rejection(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PlatformError) return JSON.parse(JSON.stringify(error.shape)) as Record<string, unknown>;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('RequestEngine against the Freshsales stand-in', () => {
  const id = SEED_LANDMARKS.contacts.busy;

  it('fetches a contact through getContact from server code and from the front end', async () => {
    const { engine: requests, inspector } = engine();
    for (const caller of ['serverless', 'frontend'] as const) {
      const success = await requests.invoke(caller, 'getContact', { context: { id } });
      expect(success.status).toBe(200);
      expect(typeof success.response).toBe('string');
      expect(success.headers['content-type']).toBe('application/json; charset=utf-8');
      const body = JSON.parse(success.response) as { contact: { id: number } };
      expect(body.contact.id).toBe(id);
    }
    expect(inspector.entries('template')).toMatchObject([
      { caller: 'serverless', status: 200, url: `https://demo.myfreshworks.com/crm/sales/api/contacts/${id}?include=owner` },
      { caller: 'frontend', status: 200 },
    ]);
  });

  it('works the same with a base URL given without /crm/sales/api (a --crm-url server)', async () => {
    const success = await engine(crm.apiKey, crm.url).engine.invoke('serverless', 'getContact', { context: { id } });
    expect(success.status).toBe(200);
  });

  it("passes the CRM's 401 and 404 on as APP rejections with the raw body", async () => {
    const unauthorised = await rejection(engine('wrong-key').engine.invoke('serverless', 'getContact', { context: { id } }));
    expect(unauthorised).toMatchObject({ status: 401, errorSource: 'APP', attempts: 1 });
    expect(typeof unauthorised.response).toBe('string');
    const missing = await rejection(engine().engine.invoke('serverless', 'getContact', { context: { id: 999_999_999 } }));
    expect(missing).toMatchObject({ status: 404, errorSource: 'APP', attempts: 1 });
    expect(JSON.stringify([unauthorised, missing])).not.toContain(crm.apiKey);
  });

  it('retries a 503 from the CRM with the template retryDelay (maxAttempts 2, retryDelay 500)', async () => {
    crm.faults.add({ route: 'GET /contacts/:id', errorRate: 1, errorStatus: 503, times: 1 });
    const { engine: requests, delays } = engine();
    expect(await requests.invoke('serverless', 'getContact', { context: { id } })).toMatchObject({ status: 200, attempts: 2 });
    expect(delays).toEqual([500]);
  });

  it('sends notifyPartner to the overridden webhook receiver with Basic encode(secure iparam) and the body as is', async () => {
    const body = JSON.stringify({ event: 'contact.created', id });
    const success = await engine().engine.invoke('serverless', 'notifyPartner', { body });
    expect(success.status).toBe(200);
    expect(receiver.received.at(-1)).toMatchObject({
      method: 'POST',
      url: '/events',
      body,
      headers: { authorization: `Basic ${Buffer.from(PARTNER_SECRET).toString('base64')}`, 'content-type': 'application/json' },
    });
  });
});
