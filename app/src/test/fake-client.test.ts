import { crmRejection, fakeApp, FakeClient, platformRejection, success } from './fake-client';
import { FakeResizeObserver, resizeObservers, triggerResize } from './resize-observer';

// The fake stands in for the platform in every component test: keep it honest about the shapes.
describe('FakeClient', () => {
  it('answers templates in order, with string bodies, and records the calls', async () => {
    const client = new FakeClient().respond('listOwners', { users: [] }).respond('listOwners', 'plain', 201);
    await expect(client.request.invokeTemplate('listOwners', { context: { id: 1 } })).resolves.toEqual(success({ users: [] }));
    await expect(client.request.invokeTemplate('listOwners')).resolves.toMatchObject({ status: 201, response: 'plain' });
    expect(client.callsTo('listOwners').map((call) => call.options)).toEqual([{ context: { id: 1 } }, undefined]);
  });

  it('rejects with the platform shape, and with a platform 400 when nothing is scripted', async () => {
    const client = new FakeClient().reject('listOwners', crmRejection(404, { errors: { message: 'gone' } }));
    await expect(client.request.invokeTemplate('listOwners')).rejects.toEqual({
      status: 404,
      headers: { 'content-type': 'application/json' },
      response: '{"errors":{"message":"gone"}}',
      errorSource: 'APP',
    });
    await expect(client.request.invokeTemplate('listOwners')).rejects.toMatchObject({ status: 400, errorSource: 'PLATFORM' });
    expect(platformRejection(504)).toMatchObject({ status: 504, errorSource: 'PLATFORM' });
  });

  it('falls back to an always-answer and can hold an answer until released', async () => {
    const client = new FakeClient().respondAlways('listOwners', { users: [] });
    const held = client.hold('listOwners');
    expect(held.requested).toBe(false);
    const first = client.request.invokeTemplate('listOwners');
    expect(held.requested).toBe(true);
    held.resolve({ users: [{ id: 1 }] });
    await expect(first).resolves.toMatchObject({ response: '{"users":[{"id":1}]}' });
    await expect(client.request.invokeTemplate('listOwners')).resolves.toMatchObject({ response: '{"users":[]}' });
  });

  it('serves data, iparams, events, instance and db like the platform', async () => {
    const client = new FakeClient({ iparams: { domain: 'x.myfreshworks.com', region: 'eu' } });
    await expect(client.data.get('currentHost')).resolves.toMatchObject({
      currentHost: { endpoint_urls: { freshworks_crm: 'https://x.myfreshworks.com' } },
    });
    await expect(client.iparams.get('region')).resolves.toEqual({ region: 'eu' });
    await expect(client.instance.context()).resolves.toEqual({ instanceId: '1', location: 'contact_entity_menu' });
    await expect(client.instance.get()).resolves.toHaveLength(1);

    const received: unknown[] = [];
    client.instance.receive((event) => received.push(event.helper.getData()));
    client.deliver({ senderId: '4', message: 'hi' });
    client.instance.send({ message: 'up' });
    client.instance.close();
    expect([received, client.sent, client.closed]).toEqual([[{ senderId: '4', message: 'hi' }], [{ message: 'up' }], 1]);

    await client.db.set('k', { a: 1 });
    await client.db.update('k', 'set', { b: 2 });
    await expect(client.db.get('k')).resolves.toEqual({ a: 1, b: 2 });
    await client.db.delete('k');
    await expect(client.db.get('k')).rejects.toMatchObject({ status: 404 });
    await expect(client.db.update('k', 'set', {})).rejects.toMatchObject({ status: 404 });
    await expect(client.request.invoke('syncNow', {})).rejects.toMatchObject({ status: 404 });
  });

  it('gives the app global the client', async () => {
    const client = new FakeClient();
    await expect(fakeApp(client).initialized()).resolves.toBe(client);
  });
});

describe('FakeResizeObserver', () => {
  it('is the global ResizeObserver and calls back until disconnected', () => {
    const seen: number[] = [];
    const observer = new ResizeObserver((entries) => seen.push(entries.length));
    expect(observer).toBeInstanceOf(FakeResizeObserver);
    const element = document.createElement('div');
    observer.observe(element);
    triggerResize();
    observer.unobserve(element);
    triggerResize();
    observer.disconnect();
    triggerResize();
    expect(seen).toEqual([1, 0]);
    expect(resizeObservers()).toContain(observer);
  });
});
