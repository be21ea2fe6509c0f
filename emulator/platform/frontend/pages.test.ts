import axios, { type AxiosResponse } from 'axios';
import type { CrmServer } from '../../crm/crm-server';
import { stringify } from '../../crm/http/json';
import { SEED_COUNTS, SEED_LANDMARKS } from '../../crm/seed/index';
import { startRouteHarness } from '../testing/route-harness';
import { registerHostPages } from './pages';
import { hostTestContext, INSTALLATION_ID, type HostTestContext } from './pages/test-context';
import type { HostBootData } from './protocol';

const http = axios.create({ validateStatus: () => true, maxRedirects: 0, responseType: 'text', transformResponse: (body: unknown) => body });

async function serve(options: Parameters<typeof hostTestContext>[0] = {}) {
  const host = await hostTestContext(options);
  const server = await startRouteHarness([registerHostPages], host.context);
  return { host, url: server.url, close: async () => Promise.all([server.close(), host.close()]) };
}

const get = (url: string) => http.get<string>(url);

function boot(page: string): HostBootData {
  const match = /<script type="application\/json" id="fdk-host-data">(.*?)<\/script>/s.exec(page);
  if (match === null) throw new Error('no boot data in the page');
  return JSON.parse(match[1] as string) as HostBootData;
}

const rowLinks = (page: string, segment: string): string[] => [...page.matchAll(new RegExp(`class="fs-row-link" href="/crm/sales/${segment}/(\\d+)"`, 'g'))].map((match) => match[1] as string);

describe('product pages over the stand-in', () => {
  let env: Awaited<ReturnType<typeof serve>>;
  let host: HostTestContext;
  let crm: CrmServer;

  beforeAll(async () => {
    env = await serve();
    host = env.host;
    crm = host.crm as CrmServer;
  });
  afterAll(async () => {
    await env.close();
  });

  it('sends / to the contacts list', async () => {
    const response = await get(`${env.url}/`);
    expect(response.status).toBe(302);
    expect(response.headers.location).toBe('/crm/sales/contacts');
  });

  describe('lists', () => {
    it('pages contacts 25 at a time with previous/next links', async () => {
      const first = await get(`${env.url}/crm/sales/contacts`);
      expect(first.status).toBe(200);
      expect(rowLinks(first.data, 'contacts')).toHaveLength(25);
      expect(first.data).toContain(`Showing 1–25 of ${SEED_COUNTS.contacts}`);
      expect(first.data).toContain('rel="next" href="?page=2"');
      expect(first.data).not.toContain('rel="prev"');
      const last = await get(`${env.url}/crm/sales/contacts?page=12`);
      expect(last.data).toContain('Showing 276–300 of 300');
      expect(last.data).toContain('rel="prev" href="?page=11"');
      expect(last.data).not.toContain('rel="next"');
      // Past the end: the last page, not an empty one.
      const beyond = await get(`${env.url}/crm/sales/contacts?page=99`);
      expect(rowLinks(beyond.data, 'contacts')).toEqual(rowLinks(last.data, 'contacts'));
    });

    it('hides soft-deleted records from every page', async () => {
      const pages = await Promise.all(Array.from({ length: 12 }, (_, index) => get(`${env.url}/crm/sales/contacts?page=${index + 1}`)));
      const ids = pages.flatMap((page) => rowLinks(page.data, 'contacts'));
      expect(new Set(ids).size).toBe(SEED_COUNTS.contacts);
      SEED_LANDMARKS.contacts.deleted.forEach((id) => expect(ids).not.toContain(String(id)));
    });

    it('lists deals and accounts with their columns', async () => {
      const deals = await get(`${env.url}/crm/sales/deals?page=6`);
      expect(deals.data).toContain(`of ${SEED_COUNTS.deals}`);
      expect(rowLinks(deals.data, 'deals')).toHaveLength(SEED_COUNTS.deals - 125);
      expect(deals.data).toContain('<th scope="col">Stage</th>');
      const accounts = await get(`${env.url}/crm/sales/accounts`);
      expect(accounts.data).toContain(`${SEED_COUNTS.accounts} accounts`);
      expect(accounts.data).toContain('<th scope="col">Website</th>');
      SEED_LANDMARKS.accounts.deleted.forEach((id) => expect(accounts.data).not.toContain(`/crm/sales/accounts/${id}"`));
    });
  });

  describe('details pages', () => {
    it('shows a contact with owner, fields, custom fields, related accounts and deals, and the drawer', async () => {
      const id = SEED_LANDMARKS.contacts.busy;
      const row = crm.store.contacts.get(id);
      const response = await get(`${env.url}/crm/sales/contacts/${id}`);
      expect(response.status).toBe(200);
      expect(response.data).toContain(`<h1 data-field="title">${row?.first_name} ${row?.last_name}</h1>`);
      expect(response.data).toContain('<dt>Owner</dt>');
      expect(response.data).toContain('<dt>Tier</dt>');
      expect(response.data).toContain(`href="/crm/sales/accounts/${SEED_LANDMARKS.accounts.busy}"`);
      expect(response.data).toContain(`Deals <span class="fs-badge">${SEED_COUNTS.busyContactDeals}</span>`);
      expect(boot(response.data)).toEqual({
        installationId: INSTALLATION_ID,
        entity: { type: 'contact', id },
        loggedInUser: host.context.loggedInUser(),
        currentHost: host.context.identity().currentHost,
        placements: [{ placeholder: 'contact_entity_menu', url: 'contact.html', icon: 'styles/images/icon.svg' }],
      });
      expect(response.data).toContain('<script src="/__fdk/host.js" defer></script>');
    });

    it('offers only the page module entity-menu placement (no quick actions, no other module)', async () => {
      const contact = await get(`${env.url}/crm/sales/contacts/${SEED_LANDMARKS.contacts.busy}`);
      expect([...contact.data.matchAll(/data-testid="fdk-app-icon" data-placeholder="([^"]+)"/g)].map((match) => match[1])).toEqual(['contact_entity_menu']);
      expect(contact.data).toContain(`src="/__fdk/app/${INSTALLATION_ID}/styles/images/icon.svg"`);
      const deal = await get(`${env.url}/crm/sales/deals/${SEED_LANDMARKS.deals.nullAmount}`);
      expect(boot(deal.data).placements.map((placement) => placement.placeholder)).toEqual(['deal_entity_menu']);
      const account = await get(`${env.url}/crm/sales/accounts/${SEED_LANDMARKS.accounts.bare}`);
      expect(boot(account.data).placements.map((placement) => placement.url)).toEqual(['account.html']);
    });

    it('shows a deal with its account and contacts', async () => {
      const deal = crm.store.deals.all().find((row) => row.contact_ids.length > 1 && row.sales_account_id !== null);
      const response = await get(`${env.url}/crm/sales/deals/${deal?.id}`);
      expect(response.status).toBe(200);
      expect(response.data).toContain('<h2>Account <span class="fs-badge">1</span></h2>');
      expect(response.data).toContain(`href="/crm/sales/accounts/${deal?.sales_account_id}"`);
      deal?.contact_ids.forEach((contactId) => expect(response.data).toContain(`href="/crm/sales/contacts/${contactId}"`));
      expect(boot(response.data).entity).toEqual({ type: 'deal', id: deal?.id });
    });

    it('shows an account with its contacts and deals, the long lists cut at 25', async () => {
      const response = await get(`${env.url}/crm/sales/accounts/${SEED_LANDMARKS.accounts.busy}`);
      expect(response.data).toContain(`Contacts <span class="fs-badge">${SEED_COUNTS.busyAccountContacts}</span>`);
      expect(response.data).toContain(`and ${SEED_COUNTS.busyAccountContacts - 25} more`);
      expect(response.data).toContain(`Deals <span class="fs-badge">${SEED_COUNTS.busyAccountDeals}</span>`);
      expect(boot(response.data).entity).toEqual({ type: 'sales_account', id: SEED_LANDMARKS.accounts.busy });
    });

    it('escapes HTML-looking record text everywhere it appears', async () => {
      const contact = await get(`${env.url}/crm/sales/contacts/${SEED_LANDMARKS.contacts.html}`);
      expect(contact.data).not.toContain('<img src=x');
      expect(contact.data).toContain('&lt;img src=x onerror=alert(1)&gt;');
      const list = await get(`${env.url}/crm/sales/contacts`);
      expect(list.data).not.toContain('<img src=x');
      const account = await get(`${env.url}/crm/sales/accounts/${SEED_LANDMARKS.accounts.html}`);
      expect(account.data).toContain('O&#39;Brien &amp;amp; Sons &quot;Quality&quot; Tools');
      expect(account.data).not.toContain('"Quality"');
    });

    it('answers 404 for unknown, soft-deleted and malformed ids', async () => {
      const urls = [
        `/crm/sales/contacts/${SEED_LANDMARKS.contacts.deleted[0]}`,
        `/crm/sales/deals/${SEED_LANDMARKS.deals.deleted[0]}`,
        `/crm/sales/accounts/${SEED_LANDMARKS.accounts.deleted[0]}`,
        '/crm/sales/contacts/1',
        '/crm/sales/deals/not-a-number',
      ];
      for (const url of urls) {
        const response = await get(`${env.url}${url}`);
        expect(response.status).toBe(404);
        expect(response.data).toContain('does not exist or was deleted');
        expect(response.data).not.toContain('fdk-host-data');
      }
    });

    it('serves the host script and its styles', async () => {
      const script = await get(`${env.url}/__fdk/host.js`);
      expect(script.headers['content-type']).toContain('javascript');
      expect(script.data).toContain('fdk-host');
      const style = await get(`${env.url}/__fdk/host.css`);
      expect(style.headers['content-type']).toContain('text/css');
      expect(style.data).toContain('.fs-drawer');
    });
  });

  describe('quick edit (host API)', () => {
    const post = (path: string, body: unknown) => http.post<string>(`${env.url}/__fdk/host-api/${path}`, JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });

    it('edits a contact through the stand-in, which publishes onContactUpdate', async () => {
      const id = SEED_LANDMARKS.contacts.noEmail;
      const before = crm.feed.recent().length;
      const response = await post(`contacts/${id}`, { job_title: 'Chief <Widget> Officer' });
      expect(response.status).toBe(200);
      const answer = JSON.parse(response.data) as { ok: boolean; record: { id: number; job_title: string }; display: Record<string, string> };
      expect(answer).toMatchObject({ ok: true, record: { id, job_title: 'Chief <Widget> Officer' }, display: { job_title: 'Chief <Widget> Officer' } });
      expect(crm.store.contacts.get(id)?.job_title).toBe('Chief <Widget> Officer');
      const events = crm.feed.recent().slice(before);
      expect(events.map((event) => event.name)).toEqual(['onContactUpdate']);
      expect(stringify(events[0]?.data)).toContain('Chief <Widget> Officer');
      // The page shows the new value, escaped.
      const page = await get(`${env.url}/crm/sales/contacts/${id}`);
      expect(page.data).toContain('Chief &lt;Widget&gt; Officer');
    });

    it('edits a deal amount and an account name, each with its product event', async () => {
      const before = crm.feed.recent().length;
      const deal = await post(`deals/${SEED_LANDMARKS.deals.nullAmount}`, { amount: '1234.5' });
      expect(JSON.parse(deal.data)).toMatchObject({ ok: true, record: { amount: '1234.5' } });
      const account = await post(`sales_accounts/${SEED_LANDMARKS.accounts.bare}`, { name: 'Bare Renamed Ltd' });
      expect(JSON.parse(account.data)).toMatchObject({ ok: true, record: { name: 'Bare Renamed Ltd' }, display: { title: 'Bare Renamed Ltd' } });
      expect(crm.feed.recent().slice(before).map((event) => event.name)).toEqual(['onDealUpdate', 'onSalesAccountUpdate']);
    });

    it('refuses unknown fields, values the stand-in rejects, deleted records and unknown kinds', async () => {
      const unknown = await post(`contacts/${SEED_LANDMARKS.contacts.busy}`, { owner_id: 1 });
      expect(unknown.status).toBe(400);
      expect(JSON.parse(unknown.data)).toEqual({ ok: false, status: 400, message: 'Unknown field "owner_id": this form edits first_name, last_name, job_title' });
      const amount = await post(`deals/${SEED_LANDMARKS.deals.longName}`, { amount: 'lots' });
      expect(amount.status).toBe(400);
      expect(JSON.parse(amount.data)).toMatchObject({ ok: false, message: expect.stringContaining('not a number') as unknown });
      const deleted = await post(`contacts/${SEED_LANDMARKS.contacts.deleted[0]}`, { job_title: 'x' });
      expect(deleted.status).toBe(404);
      expect((await post(`leads/${SEED_LANDMARKS.contacts.busy}`, { name: 'x' })).status).toBe(404);
      expect((await post(`contacts/${SEED_LANDMARKS.contacts.busy}`, {})).status).toBe(400);
      expect((await http.post(`${env.url}/__fdk/host-api/contacts/${SEED_LANDMARKS.contacts.busy}`, '[1]', { headers: { 'Content-Type': 'application/json' } })).status).toBe(400);
    });

    it('takes a plain form post and sends the browser back to the record', async () => {
      const id = SEED_LANDMARKS.contacts.longText;
      const response = await http.post(`${env.url}/__fdk/host-api/contacts/${id}`, 'job_title=Form+Title', { headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
      expect(response.status).toBe(303);
      expect(response.headers.location).toBe(`/crm/sales/contacts/${id}`);
      expect(crm.store.contacts.get(id)?.job_title).toBe('Form Title');
    });
  });
});

describe('product pages without an installation or without the stand-in', () => {
  it('shows no placements before the app is installed', async () => {
    const env = await serve({ installed: false });
    try {
      const page = await get(`${env.url}/crm/sales/contacts/${SEED_LANDMARKS.contacts.busy}`);
      expect(boot(page.data)).toMatchObject({ installationId: null, placements: [] });
      expect(page.data).not.toContain('data-testid="fdk-app-icon"');
      expect(page.data).toContain('No app installed');
    } finally {
      await env.close();
    }
  });

  it('explains record pages need the stand-in, and still hosts the app for the id in the URL', async () => {
    const env = await serve({ standIn: false });
    try {
      const details: AxiosResponse<string> = await get(`${env.url}/crm/sales/deals/402000401001`);
      expect(details.status).toBe(200);
      expect(details.data).toContain('Record pages read the in-process Freshsales stand-in');
      expect(boot(details.data)).toMatchObject({ entity: { type: 'deal', id: 402000401001 }, placements: [{ placeholder: 'deal_entity_menu' }] });
      const list = await get(`${env.url}/crm/sales/contacts`);
      expect(list.data).toContain('Contacts need the stand-in');
      expect((await get(`${env.url}/crm/sales/deals/abc`)).status).toBe(404);
      const edit = await http.post<string>(`${env.url}/__fdk/host-api/deals/402000401001`, '{"name":"x"}', { headers: { 'Content-Type': 'application/json' } });
      expect(edit.status).toBe(503);
      expect(edit.data).toContain('need the in-process Freshsales stand-in');
    } finally {
      await env.close();
    }
  });
});
