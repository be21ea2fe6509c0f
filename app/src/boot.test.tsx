import { act, screen, waitFor } from '@testing-library/react';
import type { AppGlobal } from '../../common/platform/client';
import { mountSidebar } from './boot';
import { messages } from './i18n/messages';
import { fakeApp, FakeClient } from './test/fake-client';

const scope = window as { app?: AppGlobal };

afterEach(() => {
  delete scope.app;
  document.body.innerHTML = '';
});

describe('mountSidebar', () => {
  it('renders the sidebar into the existing #root once the platform client is ready', async () => {
    const root = document.createElement('div');
    root.id = 'root';
    document.body.appendChild(root);
    const client = new FakeClient({ entity: { currentEntityId: 5, currentEntityType: 'deal' } }).respond('listOwners', {
      users: [{ id: 1, display_name: 'Ada' }, { id: 2, display_name: 'Grace' }],
    });
    const app = fakeApp(client);
    scope.app = app;

    await act(() => mountSidebar('deal'));

    await waitFor(() => expect(root).toHaveTextContent(messages.appTitle));
    expect(root).toHaveTextContent('Deal');
    expect(document.querySelectorAll('#root')).toHaveLength(1);
    expect(app.initializedCalls).toBe(1);
    expect(await screen.findByText('2 users in this account')).toBeInTheDocument();
    expect(client.callsTo('listOwners')).toHaveLength(1);
  });

  it('creates #root when the page has none', async () => {
    scope.app = fakeApp(new FakeClient().respondAlways('listOwners', { users: [] }));
    expect(document.getElementById('root')).toBeNull();

    await act(() => mountSidebar('sales_account'));

    const root = document.getElementById('root');
    expect(root?.parentElement).toBe(document.body);
    await waitFor(() => expect(root).toHaveTextContent('Account'));
    expect(await screen.findByText('0 users in this account')).toBeInTheDocument();
  });

  it('says the page must be opened inside Freshsales when there is no app client', async () => {
    await act(() => mountSidebar('contact'));

    const root = document.getElementById('root');
    await waitFor(() => expect(root).toHaveTextContent(messages.boot.noClient));
    expect(root?.querySelector('p.boot-message')).not.toBeNull();
    expect(screen.queryByText(messages.appTitle)).toBeNull();
  });

  it('says the same when the platform client fails to initialise', async () => {
    scope.app = { initialized: () => Promise.reject(new Error('handshake failed')) };
    await act(() => mountSidebar('contact'));
    await waitFor(() => expect(document.getElementById('root')).toHaveTextContent(messages.boot.noClient));
  });
});
