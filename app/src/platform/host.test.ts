import type { AppGlobal, ClientEvent } from '../../../common/platform/client';
import { crmRejection, fakeApp, FakeClient, platformRejection } from '../test/fake-client';
import { connectToPlatform, createHost, MAX_HEIGHT_PX, NOTIFY_TITLE_MAX, NOTIFY_MESSAGE_MAX } from './host';

const OWNERS = { users: [{ id: 1, display_name: 'Ada', email: 'ada@example.com' }] };

/** The test runner's Node process (the app's tsconfig has no Node types). */
interface RunnerProcess {
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  off(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
}
const runner = (globalThis as unknown as { process: RunnerProcess }).process;

/** Let promise callbacks (and the platform's rejection handling) run. */
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createHost: data', () => {
  it('unwraps currentEntityInfo', async () => {
    const client = new FakeClient({ entity: { currentEntityId: 42, currentEntityType: 'deal' } });
    await expect(createHost(client).entity()).resolves.toEqual({ currentEntityId: 42, currentEntityType: 'deal' });
  });

  it('passes on the rejection when the page is not a record page', async () => {
    const client = new FakeClient();
    client.entityInfo = undefined;
    await expect(createHost(client).entity()).rejects.toThrow('currentEntityInfo is not available here');
  });

  it('unwraps loggedInUser', async () => {
    const client = new FakeClient({ loggedInUser: { id: 3, display_name: 'Grace', email: 'grace@example.com' } });
    await expect(createHost(client).loggedInUser()).resolves.toEqual({ id: 3, display_name: 'Grace', email: 'grace@example.com' });
  });

  it('reads the domain from the non-secure iparams', async () => {
    const client = new FakeClient({ iparams: { domain: 'globex.myfreshworks.com', other: 1 } });
    await expect(createHost(client).domain()).resolves.toBe('globex.myfreshworks.com');
  });

  it.each([
    ['missing', {}],
    ['not a string', { domain: 42 }],
  ])('has no domain when the iparam is %s', async (_case, iparams) => {
    await expect(createHost(new FakeClient({ iparams })).domain()).resolves.toBeUndefined();
  });

  it('has no domain, rather than failing, when the platform refuses the iparams', async () => {
    const client = new FakeClient();
    client.failIparams = true;
    await expect(createHost(client).domain()).resolves.toBeUndefined();
  });
});

describe('createHost: call', () => {
  it('invokes the template with its context and no body, and returns the validated response', async () => {
    const client = new FakeClient().respond('listOwners', OWNERS);
    const result = await createHost(client).call('listOwners', {});
    expect(result).toEqual({ ok: true, value: OWNERS });
    expect(client.templateCalls).toEqual([{ name: 'listOwners', options: { context: {} } }]);
  });

  it('serialises a body to the string the platform expects', async () => {
    const client = new FakeClient().respond('listOwners', OWNERS);
    await createHost(client).call('listOwners', {}, { filter: 'active' });
    expect(client.templateCalls[0]?.options).toEqual({ context: {}, body: '{"filter":"active"}' });
  });

  it('turns a response of the wrong shape into bad_response', async () => {
    const client = new FakeClient().respond('listOwners', { owners: [] });
    const result = await createHost(client).call('listOwners', {});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.failure.kind).toBe('bad_response');
    expect(result.failure.detail).toContain('users');
  });

  it('turns a body that is not JSON into bad_response', async () => {
    const client = new FakeClient().respond('listOwners', '<html>maintenance</html>');
    const result = await createHost(client).call('listOwners', {});
    expect(result).toMatchObject({ ok: false, failure: { kind: 'bad_response', status: 200 } });
  });

  it('turns a CRM rejection into a failure with the CRM messages', async () => {
    const client = new FakeClient().reject('listOwners', crmRejection(422, { errors: { code: 422, message: ['Email is taken'] } }));
    const result = await createHost(client).call('listOwners', {});
    expect(result).toEqual({
      ok: false,
      failure: expect.objectContaining({ kind: 'invalid', status: 422, source: 'APP', messages: ['Email is taken'] }) as unknown,
    });
  });

  it('turns a platform rejection into a failure of the platform', async () => {
    const client = new FakeClient().reject('listOwners', platformRejection(504, 'Timeout'));
    const result = await createHost(client).call('listOwners', {});
    expect(result).toMatchObject({ ok: false, failure: { kind: 'timeout', status: 504, source: 'PLATFORM', messages: [] } });
  });
});

describe('createHost: notify', () => {
  it('passes the title when given', async () => {
    const client = new FakeClient();
    await createHost(client).notify('success', 'Saved', 'Contact');
    expect(client.triggers).toEqual([{ action: 'showNotify', options: { type: 'success', message: 'Saved', title: 'Contact' } }]);
  });

  it.each([['undefined', undefined], ['empty', '']])('leaves the title out when it is %s', async (_case, title) => {
    const client = new FakeClient();
    await createHost(client).notify('danger', 'Could not save', title);
    expect(client.notifications).toEqual([{ type: 'danger', message: 'Could not save' }]);
    expect(client.notifications[0]).not.toHaveProperty('title');
  });

  it('clips the title to 30 and the message to 100 characters, which showNotify accepts', async () => {
    const client = new FakeClient();
    await createHost(client).notify('danger', 'm'.repeat(140), 't'.repeat(45));
    const [sent] = client.notifications;
    expect(sent?.title).toBe(`${'t'.repeat(NOTIFY_TITLE_MAX - 1)}…`);
    expect(sent?.message).toHaveLength(NOTIFY_MESSAGE_MAX);
    expect(sent?.message.endsWith('…')).toBe(true);
  });
});

describe('createHost: resize', () => {
  it.each([
    [240, '240px'],
    [240.2, '241px'],
    [0, '1px'],
    [-30, '1px'],
    [MAX_HEIGHT_PX, '700px'],
    [5000, '700px'],
    [Number.NaN, '700px'],
    [Number.POSITIVE_INFINITY, '700px'],
  ])('asks for %p px as %s', (height, expected) => {
    const client = new FakeClient();
    createHost(client).resize(height);
    expect(client.resizes).toEqual([expected]);
  });

  it('swallows a rejected resize', async () => {
    const unhandled = jest.fn();
    runner.on('unhandledRejection', unhandled);
    try {
      const client = new FakeClient();
      client.failResize = true;
      expect(() => createHost(client).resize(100)).not.toThrow();
      await flush();
      await flush();
      expect(client.resizes).toEqual(['100px']);
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      runner.off('unhandledRejection', unhandled);
    }
  });

  it('accepts a platform whose resize returns nothing', () => {
    const client = new FakeClient();
    const calls: string[] = [];
    client.instance.resize = ({ height }) => {
      calls.push(height);
      return undefined;
    };
    createHost(client).resize(50);
    expect(calls).toEqual(['50px']);
  });
});

describe('createHost: events', () => {
  it('subscribes, and the returned function unsubscribes with events.off', () => {
    const client = new FakeClient();
    const seen: ClientEvent[] = [];
    const handler = (event: ClientEvent) => seen.push(event);
    const off = createHost(client).on('contact.update', handler);

    client.fire('contact.update', { id: 12 });
    expect(seen.map((event) => [event.type, event.helper.getData()])).toEqual([['contact.update', { id: 12 }]]);

    off();
    expect(client.subscriptions.map(({ action, name, handler: h }) => [action, name, h === handler])).toEqual([
      ['on', 'contact.update', true],
      ['off', 'contact.update', true],
    ]);
    client.fire('contact.update', { id: 13 });
    expect(seen).toHaveLength(1);
    expect(client.listenerCount('contact.update')).toBe(0);
  });
});

describe('connectToPlatform', () => {
  afterEach(() => {
    delete (window as { app?: AppGlobal }).app;
  });

  it('resolves with the client of the given app global', async () => {
    const client = new FakeClient();
    const app = fakeApp(client);
    await expect(connectToPlatform({ app })).resolves.toBe(client);
    expect(app.initializedCalls).toBe(1);
  });

  it('uses window.app by default', async () => {
    const client = new FakeClient();
    (window as { app?: AppGlobal }).app = fakeApp(client);
    await expect(connectToPlatform()).resolves.toBe(client);
  });

  it('rejects when the app client script did not load', async () => {
    await expect(connectToPlatform({})).rejects.toThrow('The Freshworks app client is not loaded.');
    await expect(connectToPlatform()).rejects.toThrow('not loaded');
  });

  it('passes on a failing initialisation', async () => {
    const app: AppGlobal = { initialized: () => Promise.reject(new Error('handshake failed')) };
    await expect(connectToPlatform({ app })).rejects.toThrow('handshake failed');
  });
});
