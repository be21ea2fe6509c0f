import { act, waitFor } from '@testing-library/react';
import { contactViewSchema } from '../../../common/crm/records';
import { ok } from '../../../common/validation';
import { contactViewBody, dealViewBody, FIELD_SETTINGS, IDS } from '../test/crm-fixtures';
import { crmRejection, deferred, type FakeClient } from '../test/fake-client';
import { clientFor, flush, renderSidebarHook } from '../test/sidebar-harness';
import { contactData, resetDealActivityFallback } from './load';
import { backoffDelayMs, MAX_BUSY_RETRIES, MAX_RETRY_AFTER_MS, STALE_AFTER_MS } from './useSidebar';

const TOO_MANY = { errors: { code: 429, message: ['Too many requests'] } };

function contactClient(): FakeClient {
  const client = clientFor('contact');
  client.respondBy('getFieldSettings', (options) => FIELD_SETTINGS[options?.context?.entity as 'contacts']());
  return client;
}

const named = (name: string) => {
  const body = contactViewBody();
  return { ...body, contact: { ...body.contact, display_name: name } };
};

/** The other contact's record, under its own id. */
const otherNamed = (name: string) => {
  const body = named(name);
  return { ...body, contact: { ...body.contact, id: IDS.otherContact } };
};

type Rendered = ReturnType<typeof renderSidebarHook<'contact'>>;
const state = (rendered: Rendered) => rendered.result.current.sidebar.state;
const shownName = (rendered: Rendered) => {
  const current = state(rendered);
  return current.status === 'ready' ? current.data.record.display_name : current.status;
};

beforeEach(() => {
  resetDealActivityFallback();
});

afterEach(() => {
  jest.useRealTimers();
});

describe('useSidebar: loading', () => {
  it('goes from loading to ready with the open record', async () => {
    const client = contactClient().respondAlways('getContactView', contactViewBody());
    const rendered = renderSidebarHook('contact', client);
    expect(state(rendered).status).toBe('loading');
    await waitFor(() => expect(state(rendered).status).toBe('ready'));
    expect(shownName(rendered)).toBe('Sarah Thompson');
    expect(client.callsTo('getContactView')[0]?.options?.context).toEqual({ id: IDS.contact });
    expect(rendered.result.current.sidebar.current()?.record.id).toBe(IDS.contact);
  });

  it('uses the load the entry started before React, without asking again', async () => {
    const client = contactClient();
    const data = contactData(contactViewSchema.parse(named('Preloaded')), [], []);
    const preload = deferred<ReturnType<typeof ok<typeof data>>>();
    const rendered = renderSidebarHook('contact', client, { preload: { id: IDS.contact, result: preload.promise } });
    await flush();
    expect(state(rendered).status).toBe('loading');
    preload.resolve(ok(data));
    await waitFor(() => expect(shownName(rendered)).toBe('Preloaded'));
    expect(client.callsTo('getContactView')).toHaveLength(0);
    // The platform was not even asked which record is open.
    expect(client.templateCalls).toHaveLength(0);
  });

  it('shows a preload that threw as an error', async () => {
    const client = contactClient();
    const rendered = renderSidebarHook('contact', client, { preload: { id: IDS.contact, result: Promise.reject(new Error('socket hang up')) } });
    await waitFor(() => expect(state(rendered)).toMatchObject({ status: 'error', failure: { kind: 'unreachable' } }));
  });

  it('shows an error, not an endless skeleton, when the platform will not say which record is open', async () => {
    const client = contactClient();
    client.entityInfo = undefined;
    const rendered = renderSidebarHook('contact', client);
    await waitFor(() => expect(state(rendered)).toMatchObject({ status: 'error', failure: { kind: 'platform' } }));
    expect(client.templateCalls).toHaveLength(0);
  });

  it('drops a stale answer that arrives after a newer one', async () => {
    const client = contactClient();
    const older = client.hold('getContactView');
    const newer = client.hold('getContactView');
    const rendered = renderSidebarHook('contact', client);
    await waitFor(() => expect(older.requested).toBe(true));

    act(() => rendered.result.current.sidebar.reload());
    await waitFor(() => expect(newer.requested).toBe(true));
    newer.resolve(named('Newer'));
    await waitFor(() => expect(shownName(rendered)).toBe('Newer'));
    older.resolve(named('Older'));
    await flush();
    expect(shownName(rendered)).toBe('Newer');
  });

  it('shows a failed load as an error and loads again on reload', async () => {
    const client = contactClient();
    client.reject('getContactView', crmRejection(401, { errors: { code: 401, message: ['Login failed'] } }));
    client.respond('getContactView', contactViewBody());
    const rendered = renderSidebarHook('contact', client);
    await waitFor(() => expect(state(rendered)).toMatchObject({ status: 'error', failure: { kind: 'unauthorized' } }));
    act(() => rendered.result.current.sidebar.reload());
    expect(state(rendered).status).toBe('loading');
    await waitFor(() => expect(state(rendered).status).toBe('ready'));
  });

  it('loads a deal sidebar with its own template', async () => {
    const client = clientFor('deal');
    client.respondBy('getFieldSettings', () => FIELD_SETTINGS.deals());
    client.respond('getDealView', dealViewBody());
    const rendered = renderSidebarHook('deal', client);
    await waitFor(() => expect(rendered.result.current.sidebar.state.status).toBe('ready'));
    expect(client.callsTo('getDealView')[0]?.options?.context).toEqual({ id: IDS.deal });
  });
});

describe('useSidebar: staying fresh', () => {
  async function ready() {
    const client = contactClient().respond('getContactView', contactViewBody());
    const rendered = renderSidebarHook('contact', client);
    await waitFor(() => expect(state(rendered).status).toBe('ready'));
    return { client, rendered };
  }

  it('reloads quietly when the record is updated while the app is shown', async () => {
    const { client, rendered } = await ready();
    const refresh = client.hold('getContactView');
    act(() => client.fire('contact.update'));
    await waitFor(() => expect(refresh.requested).toBe(true));
    // No skeleton while the refresh is on its way.
    expect(shownName(rendered)).toBe('Sarah Thompson');
    refresh.resolve(named('Sarah T.'));
    await waitFor(() => expect(shownName(rendered)).toBe('Sarah T.'));
    expect(client.callsTo('getContactView')).toHaveLength(2);
  });

  it('listens to its own record\'s event only', async () => {
    const { client } = await ready();
    act(() => {
      client.fire('deal.update');
      client.fire('account.update');
    });
    await flush();
    expect(client.callsTo('getContactView')).toHaveLength(1);
  });

  it('only notes an update while hidden, and reloads on the next activation', async () => {
    const { client, rendered } = await ready();
    act(() => {
      client.fire('app.deactivated');
      client.fire('contact.update');
      client.fire('contact.update');
    });
    await flush();
    expect(client.callsTo('getContactView')).toHaveLength(1);

    const refresh = client.hold('getContactView');
    act(() => client.fire('app.activated'));
    await waitFor(() => expect(refresh.requested).toBe(true));
    expect(shownName(rendered)).toBe('Sarah Thompson');
    refresh.resolve(named('Changed while hidden'));
    await waitFor(() => expect(shownName(rendered)).toBe('Changed while hidden'));
    expect(client.callsTo('getContactView')).toHaveLength(2);
  });

  it('does not reload on activation when nothing changed', async () => {
    const { client } = await ready();
    act(() => {
      client.fire('app.deactivated');
      client.fire('app.activated');
    });
    await flush();
    expect(client.callsTo('getContactView')).toHaveLength(1);
  });

  it('shows the cached data at once on reopening and refreshes it in the background when 30 s old (B4)', async () => {
    let clock = 1_000_000;
    const client = contactClient().respond('getContactView', contactViewBody());
    const rendered = renderSidebarHook('contact', client, { now: () => clock });
    await waitFor(() => expect(state(rendered).status).toBe('ready'));
    act(() => client.fire('app.deactivated'));

    clock += STALE_AFTER_MS - 1;
    act(() => client.fire('app.activated'));
    await flush();
    expect(client.callsTo('getContactView')).toHaveLength(1);

    act(() => client.fire('app.deactivated'));
    clock += 1;
    const refresh = client.hold('getContactView');
    act(() => client.fire('app.activated'));
    await waitFor(() => expect(refresh.requested).toBe(true));
    // What was cached stays on screen, marked as being refreshed; no skeleton.
    expect(state(rendered)).toMatchObject({ status: 'ready', refreshing: true });
    expect(shownName(rendered)).toBe('Sarah Thompson');
    refresh.resolve(named('Changed elsewhere'));
    await waitFor(() => expect(shownName(rendered)).toBe('Changed elsewhere'));
    expect(state(rendered)).not.toHaveProperty('refreshing');
    // One call: the field settings came from the page cache.
    expect(client.callsTo('getContactView')).toHaveLength(2);
    expect(client.callsTo('getFieldSettings')).toHaveLength(2);
  });

  it('keeps the cached data when the background refresh fails', async () => {
    let clock = 1_000_000;
    const client = contactClient().respond('getContactView', contactViewBody());
    const rendered = renderSidebarHook('contact', client, { now: () => clock });
    await waitFor(() => expect(state(rendered).status).toBe('ready'));
    clock += STALE_AFTER_MS;
    client.reject('getContactView', crmRejection(500, 'Internal error'));
    act(() => client.fire('app.activated'));
    await waitFor(() => expect(client.callsTo('getContactView')).toHaveLength(2));
    await flush();
    expect(state(rendered)).toEqual({ status: 'ready', data: expect.objectContaining({ entity: 'contact' }) });
  });

  it('does not ask again on activation while the first load is on its way', async () => {
    const client = contactClient();
    const first = client.hold('getContactView');
    const rendered = renderSidebarHook('contact', client, { now: () => 0 });
    await waitFor(() => expect(first.requested).toBe(true));
    act(() => client.fire('app.activated'));
    await flush();
    expect(client.callsTo('getContactView')).toHaveLength(1);
    first.resolve(contactViewBody());
    await waitFor(() => expect(state(rendered).status).toBe('ready'));
  });

  it('shows a record seen before at once when the drawer reopens on it, refreshing it only when stale (B4)', async () => {
    let clock = 1_000_000;
    const client = contactClient().respond('getContactView', contactViewBody());
    const rendered = renderSidebarHook('contact', client, { now: () => clock });
    await waitFor(() => expect(state(rendered).status).toBe('ready'));

    client.entityInfo = { currentEntityId: IDS.otherContact, currentEntityType: 'contact' };
    client.respond('getContactView', otherNamed('Isla Smith'));
    act(() => client.fire('app.activated'));
    await waitFor(() => expect(shownName(rendered)).toBe('Isla Smith'));

    // Back on the first record within 30 s: shown from memory, no call.
    client.entityInfo = { currentEntityId: IDS.contact, currentEntityType: 'contact' };
    act(() => client.fire('app.activated'));
    await waitFor(() => expect(shownName(rendered)).toBe('Sarah Thompson'));
    expect(client.callsTo('getContactView')).toHaveLength(2);

    // Back on the second one later: shown at once, then refreshed.
    clock += STALE_AFTER_MS;
    client.entityInfo = { currentEntityId: IDS.otherContact, currentEntityType: 'contact' };
    const refresh = client.hold('getContactView');
    act(() => client.fire('app.activated'));
    await waitFor(() => expect(refresh.requested).toBe(true));
    expect(shownName(rendered)).toBe('Isla Smith');
    expect(client.callsTo('getContactView')[2]?.options?.context).toEqual({ id: IDS.otherContact });
    refresh.resolve(otherNamed('Isla Smith-Jones'));
    await waitFor(() => expect(shownName(rendered)).toBe('Isla Smith-Jones'));
  });

  it('loads the new record when activated on a different one', async () => {
    const { client, rendered } = await ready();
    client.entityInfo = { currentEntityId: IDS.otherContact, currentEntityType: 'contact' };
    const next = client.hold('getContactView');
    act(() => client.fire('app.activated'));
    await waitFor(() => expect(next.requested).toBe(true));
    expect(state(rendered).status).toBe('loading');
    expect(client.callsTo('getContactView')[1]?.options?.context).toEqual({ id: IDS.otherContact });
    next.resolve(named('Isla Smith'));
    await waitFor(() => expect(shownName(rendered)).toBe('Isla Smith'));
  });

  it('keeps the data when a quiet refresh fails', async () => {
    const { client, rendered } = await ready();
    client.reject('getContactView', crmRejection(500, 'Internal error'));
    act(() => client.fire('contact.update'));
    await waitFor(() => expect(client.callsTo('getContactView')).toHaveLength(2));
    await flush();
    expect(shownName(rendered)).toBe('Sarah Thompson');
  });

  it('shows the error when a quiet refresh finds the record deleted', async () => {
    const { client, rendered } = await ready();
    client.reject('getContactView', crmRejection(404, { errors: { code: 404, message: ['Contact not found'] } }));
    act(() => client.fire('contact.update'));
    await waitFor(() => expect(state(rendered)).toMatchObject({ status: 'error', failure: { kind: 'not_found' } }));
  });

  it('stops listening and drops answers after unmount', async () => {
    const client = contactClient();
    const held = client.hold('getContactView');
    const rendered = renderSidebarHook('contact', client);
    await waitFor(() => expect(held.requested).toBe(true));
    expect(client.listenerCount('contact.update')).toBe(1);
    rendered.unmount();
    expect(client.listenerCount('contact.update')).toBe(0);
    expect(client.listenerCount('app.activated')).toBe(0);
    expect(client.listenerCount('app.deactivated')).toBe(0);
    held.resolve(contactViewBody());
    await flush();
  });
});

describe('useSidebar: rate limits', () => {
  it('waits out a 429 for as long as Retry-After asks, then shows the record', async () => {
    jest.useFakeTimers();
    const client = contactClient();
    client.reject('getContactView', crmRejection(429, TOO_MANY, { 'Retry-After': '5' }));
    client.respond('getContactView', contactViewBody());
    const rendered = renderSidebarHook('contact', client);
    await flush();
    expect(state(rendered)).toEqual({ status: 'busy', retryInMs: 5000, attempt: 1 });

    await act(() => jest.advanceTimersByTimeAsync(4999));
    expect(client.callsTo('getContactView')).toHaveLength(1);
    await act(() => jest.advanceTimersByTimeAsync(1));
    await flush();
    expect(client.callsTo('getContactView')).toHaveLength(2);
    expect(shownName(rendered)).toBe('Sarah Thompson');
  });

  it('backs off exponentially and gives up with an error after the last retry', async () => {
    jest.useFakeTimers();
    const client = contactClient();
    for (let attempt = 0; attempt <= MAX_BUSY_RETRIES; attempt += 1) client.reject('getContactView', crmRejection(429, TOO_MANY));
    const rendered = renderSidebarHook('contact', client);
    await flush();

    const waits: number[] = [];
    for (let attempt = 1; attempt <= MAX_BUSY_RETRIES; attempt += 1) {
      const current = state(rendered);
      if (current.status !== 'busy') throw new Error(`expected busy, got ${current.status}`);
      expect(current.attempt).toBe(attempt);
      waits.push(current.retryInMs);
      await act(() => jest.advanceTimersByTimeAsync(current.retryInMs));
      await flush();
    }
    expect(waits).toEqual([2000, 4000, 8000, 16000]);
    expect(state(rendered)).toMatchObject({ status: 'error', failure: { kind: 'rate_limited' } });
    expect(client.callsTo('getContactView')).toHaveLength(MAX_BUSY_RETRIES + 1);

    // The retry button starts counting again.
    client.reject('getContactView', crmRejection(429, TOO_MANY));
    act(() => rendered.result.current.sidebar.reload());
    await flush();
    expect(state(rendered)).toMatchObject({ status: 'busy', attempt: 1, retryInMs: 2000 });
  });

  it('retries at once when asked, cancelling the pending timer', async () => {
    jest.useFakeTimers();
    const client = contactClient();
    client.reject('getContactView', crmRejection(429, TOO_MANY));
    client.respond('getContactView', contactViewBody());
    const rendered = renderSidebarHook('contact', client);
    await flush();
    expect(state(rendered).status).toBe('busy');
    act(() => rendered.result.current.sidebar.reload());
    await flush();
    expect(state(rendered).status).toBe('ready');
    await act(() => jest.advanceTimersByTimeAsync(60_000));
    expect(client.callsTo('getContactView')).toHaveLength(2);
  });

  it('waits out an HTTP-date Retry-After until that moment (A6)', async () => {
    jest.useFakeTimers();
    const client = contactClient();
    const in20s = new Date(Date.now() + 20_000).toUTCString();
    client.reject('getContactView', crmRejection(429, TOO_MANY, { 'Retry-After': in20s }));
    client.respond('getContactView', contactViewBody());
    const rendered = renderSidebarHook('contact', client);
    await flush();
    const busy = state(rendered);
    if (busy.status !== 'busy') throw new Error(`expected busy, got ${busy.status}`);
    expect(busy.retryInMs).toBeGreaterThanOrEqual(19_000);
    expect(busy.retryInMs).toBeLessThanOrEqual(20_000);
    await act(() => jest.advanceTimersByTimeAsync(busy.retryInMs - 1));
    expect(client.callsTo('getContactView')).toHaveLength(1);
    await act(() => jest.advanceTimersByTimeAsync(1));
    await flush();
    expect(shownName(rendered)).toBe('Sarah Thompson');
  });

  it('does not wait out an hour: a Retry-After beyond a minute becomes the busy error with its retry button', async () => {
    jest.useFakeTimers();
    const client = contactClient();
    client.reject('getContactView', crmRejection(429, TOO_MANY, { 'Retry-After': '3600' }));
    const rendered = renderSidebarHook('contact', client);
    await flush();
    expect(state(rendered)).toMatchObject({ status: 'error', failure: { kind: 'rate_limited', retryAfterSeconds: 3600 } });
    await act(() => jest.advanceTimersByTimeAsync(MAX_RETRY_AFTER_MS * 2));
    expect(client.callsTo('getContactView')).toHaveLength(1);
  });

  it('does not retry after unmount', async () => {
    jest.useFakeTimers();
    const client = contactClient();
    client.reject('getContactView', crmRejection(429, TOO_MANY));
    const rendered = renderSidebarHook('contact', client);
    await flush();
    rendered.unmount();
    await act(() => jest.advanceTimersByTimeAsync(60_000));
    expect(client.callsTo('getContactView')).toHaveLength(1);
  });
});

describe('backoffDelayMs', () => {
  const limited = { kind: 'rate_limited' as const, messages: [], detail: '429' };

  it('doubles from two seconds up to thirty', () => {
    expect([1, 2, 3, 4, 5, 6].map((attempt) => backoffDelayMs(attempt, limited))).toEqual([2000, 4000, 8000, 16000, 30000, 30000]);
    expect(backoffDelayMs(0, limited)).toBe(2000);
  });

  it('never retries sooner than Retry-After (A6)', () => {
    expect(backoffDelayMs(1, { ...limited, retryAfterSeconds: 10 })).toBe(10_000);
    expect(backoffDelayMs(3, { ...limited, retryAfterSeconds: 1 })).toBe(8000);
    expect(backoffDelayMs(1, { ...limited, retryAfterSeconds: 45 })).toBe(45_000);
    expect(backoffDelayMs(6, { ...limited, retryAfterSeconds: 0 })).toBe(30_000);
    expect(backoffDelayMs(1, { ...limited, retryAfterSeconds: 0 })).toBe(2000);
  });
});
