import type { AppGlobal } from '../../common/platform/client';
import type * as Boot from './boot';
import type { SidebarBoot } from './boot';
import { resetDealActivityFallback } from './data/load';
import { startSidebar } from './start';
import { IDS, scriptOpen } from './test/crm-fixtures';
import { deferred, fakeApp, FakeClient } from './test/fake-client';

type BootModule = typeof Boot;

const scope = window as { app?: AppGlobal };

/** A UI chunk the test releases when it wants, with spies for what the entry calls. */
function uiChunk() {
  const chunk = deferred<BootModule>();
  const mountSidebar = jest.fn<void, [SidebarBoot]>();
  const showBootFailure = jest.fn<void, []>();
  const loadUi = jest.fn(() => chunk.promise);
  const release = () => chunk.resolve({ mountSidebar, showBootFailure });
  return { loadUi, release, mountSidebar, showBootFailure };
}

/** Let every pending promise callback run. */
const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function mounted(ui: ReturnType<typeof uiChunk>): SidebarBoot {
  const boot = ui.mountSidebar.mock.calls[0]?.[0];
  if (boot === undefined) throw new Error('mountSidebar was not called');
  return boot;
}

beforeEach(() => {
  resetDealActivityFallback();
  localStorage.clear();
});

afterEach(() => {
  delete scope.app;
});

describe('startSidebar', () => {
  it('starts the record request before the UI chunk has loaded, then mounts with it', async () => {
    const client = scriptOpen(new FakeClient({ entity: { currentEntityId: IDS.contact, currentEntityType: 'contact' } }), 'contact');
    scope.app = fakeApp(client);
    const ui = uiChunk();

    const started = startSidebar('contact', ui.loadUi);
    await flush();
    expect(ui.loadUi).toHaveBeenCalledTimes(1);
    expect(client.callsTo('getContactView')).toHaveLength(1);
    expect(client.callsTo('getFieldSettings').map((call) => call.options?.context?.entity)).toEqual(['contacts', 'deals']);
    expect(ui.mountSidebar).not.toHaveBeenCalled();

    ui.release();
    await started;
    const boot = mounted(ui);
    expect(boot.entity).toBe('contact');
    expect(boot.settings).toEqual({ domain: 'acme.myfreshworks.com' });
    expect(boot.preload?.id).toBe(IDS.contact);
    const preloaded = await boot.preload?.result;
    expect(preloaded?.ok).toBe(true);
    expect(await boot.user).toEqual({ id: 7, name: 'Ada Lovelace' });
    expect(ui.showBootFailure).not.toHaveBeenCalled();
    // The record was asked for once: the sidebar will use the preload.
    expect(client.callsTo('getContactView')).toHaveLength(1);
  });

  it('sends the record request without waiting for the iparams, and mounts once they come', async () => {
    const client = scriptOpen(new FakeClient({ entity: { currentEntityId: IDS.contact, currentEntityType: 'contact' } }), 'contact');
    const iparams = deferred<Record<string, unknown>>();
    client.iparams.get = () => iparams.promise;
    scope.app = fakeApp(client);
    const ui = uiChunk();

    const started = startSidebar('contact', ui.loadUi);
    ui.release();
    await flush();
    expect(client.callsTo('getContactView')).toHaveLength(1);
    // Nothing is stored yet, so the field settings go too: the domain only names where they are kept.
    expect(client.callsTo('getFieldSettings')).toHaveLength(2);
    expect(ui.mountSidebar).not.toHaveBeenCalled();

    iparams.resolve({ domain: 'acme.myfreshworks.com', contact_sections: 'summary' });
    await started;
    expect(mounted(ui).settings).toEqual({ domain: 'acme.myfreshworks.com', contact_sections: 'summary' });
    expect(client.callsTo('getFieldSettings')).toHaveLength(2);
  });

  it('asks for the UI chunk just after the record request, so its scripts do not hold the request up', async () => {
    const client = scriptOpen(new FakeClient({ entity: { currentEntityId: IDS.deal, currentEntityType: 'deal' } }), 'deal');
    scope.app = fakeApp(client);
    const ui = uiChunk();
    const requestsWhenAsked: number[] = [];
    ui.loadUi.mockImplementation(() => {
      requestsWhenAsked.push(client.callsTo('getDealView').length);
      return new Promise(() => undefined);
    });
    void startSidebar('deal', ui.loadUi);
    await flush();
    expect(requestsWhenAsked).toEqual([1]);
  });


  it('keeps the field settings under the account\'s domain in the page storage', async () => {
    const client = scriptOpen(new FakeClient({ entity: { currentEntityId: IDS.deal, currentEntityType: 'deal' }, iparams: { domain: 'globex.myfreshworks.com' } }), 'deal');
    scope.app = fakeApp(client);
    const ui = uiChunk();
    ui.release();
    await startSidebar('deal', ui.loadUi);
    await mounted(ui).preload?.result;
    expect(localStorage.getItem('companion:fields:v2:globex.myfreshworks.com:deals')).not.toBeNull();
    expect(client.callsTo('getDealView')[0]?.options?.context).toEqual({ id: IDS.deal });
  });

  it('mounts without a preload when the platform will not say which record is open', async () => {
    const client = new FakeClient({ iparams: { domain: 'acme.myfreshworks.com', contact_sections: 'notes' } });
    client.entityInfo = undefined;
    scope.app = fakeApp(client);
    const ui = uiChunk();
    ui.release();
    await startSidebar('contact', ui.loadUi);
    const boot = mounted(ui);
    expect(boot.preload).toBeUndefined();
    expect(boot.settings).toEqual({ domain: 'acme.myfreshworks.com', contact_sections: 'notes' });
    expect(client.templateCalls).toHaveLength(0);
  });

  it('carries on without settings or a user when the platform will not give them', async () => {
    const client = scriptOpen(new FakeClient({ entity: { currentEntityId: IDS.primaryAccount, currentEntityType: 'sales_account' } }), 'sales_account');
    client.failIparams = true;
    jest.spyOn(client.data, 'get').mockImplementation((name) =>
      name === 'loggedInUser'
        ? Promise.reject(new Error('not available'))
        : Promise.resolve({ currentEntityInfo: { currentEntityId: IDS.primaryAccount, currentEntityType: 'sales_account' } } as never),
    );
    scope.app = fakeApp(client);
    const ui = uiChunk();
    ui.release();
    await startSidebar('sales_account', ui.loadUi);
    const boot = mounted(ui);
    expect(boot.settings).toEqual({});
    expect(await boot.user).toBeUndefined();
    expect((await boot.preload?.result)?.ok).toBe(true);
    // Without a domain the field settings are kept under a shared default scope.
    expect(localStorage.getItem('companion:fields:v2:default:sales_accounts')).not.toBeNull();
  });

  it('shows the boot failure when there is no platform client', async () => {
    const ui = uiChunk();
    ui.release();
    await startSidebar('contact', ui.loadUi);
    expect(ui.showBootFailure).toHaveBeenCalledTimes(1);
    expect(ui.mountSidebar).not.toHaveBeenCalled();
  });

  it('shows the boot failure when the platform client fails to start', async () => {
    scope.app = { initialized: () => Promise.reject(new Error('handshake failed')) };
    const ui = uiChunk();
    ui.release();
    await startSidebar('deal', ui.loadUi);
    expect(ui.showBootFailure).toHaveBeenCalledTimes(1);
    expect(ui.mountSidebar).not.toHaveBeenCalled();
  });
});
