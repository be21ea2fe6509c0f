import { act, screen, waitFor } from '@testing-library/react';
import { mountSidebar, showBootFailure, type SidebarBoot } from './boot';
import { createMetadataCache } from './data/metadata-cache';
import { messages } from './i18n/messages';
import { createHost } from './platform/host';
import { IDS, scriptOpen } from './test/crm-fixtures';
import { FakeClient } from './test/fake-client';
import { CURRENT_USER } from './test/sidebar-harness';

afterEach(() => {
  document.body.innerHTML = '';
});

function boot(): { client: FakeClient; boot: SidebarBoot } {
  const client = scriptOpen(new FakeClient({ entity: { currentEntityId: IDS.deal, currentEntityType: 'deal' } }), 'deal');
  const host = createHost(client);
  return {
    client,
    boot: { entity: 'deal', host, metadata: createMetadataCache(host, { scope: 'test' }), settings: {}, user: Promise.resolve(CURRENT_USER) },
  };
}

describe('mountSidebar', () => {
  it('renders the sidebar into the existing #root', async () => {
    const root = document.createElement('div');
    root.id = 'root';
    document.body.appendChild(root);
    const { client, boot: prepared } = boot();

    act(() => mountSidebar(prepared));

    await waitFor(() => expect(screen.getByTestId('sidebar')).toHaveAttribute('data-state', 'ready'));
    expect(root).toContainElement(screen.getByTestId('sidebar'));
    expect(root).toHaveTextContent('Deal');
    expect(document.querySelectorAll('#root')).toHaveLength(1);
    expect(client.callsTo('getDealView')).toHaveLength(1);
  });

  it('creates #root when the page has none', async () => {
    expect(document.getElementById('root')).toBeNull();
    act(() => mountSidebar(boot().boot));
    const root = document.getElementById('root');
    expect(root?.parentElement).toBe(document.body);
    await waitFor(() => expect(screen.getByTestId('sidebar')).toHaveAttribute('data-state', 'ready'));
    expect(root).toContainElement(screen.getByTestId('sidebar'));
  });
});

describe('showBootFailure', () => {
  it('says the page must be opened inside Freshsales', async () => {
    act(() => showBootFailure());
    const root = document.getElementById('root');
    await waitFor(() => expect(root).toHaveTextContent(messages.boot.noClient));
    expect(root?.querySelector('p.boot-message')).not.toBeNull();
    expect(screen.queryByTestId('sidebar')).toBeNull();
  });
});
