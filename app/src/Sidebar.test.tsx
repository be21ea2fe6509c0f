import { act, render, screen } from '@testing-library/react';
import type { EntityType } from '../../common/platform/client';
import { messages } from './i18n/messages';
import { createHost } from './platform/host';
import { Sidebar } from './Sidebar';
import { FakeClient } from './test/fake-client';
import { resizeObservers, triggerResize } from './test/resize-observer';

/** jsdom does no layout: give the sidebar root a height the test controls. */
let sidebarHeight = 0;

beforeEach(() => {
  sidebarHeight = 0;
  jest.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
    const height = this.classList.contains('sidebar') ? sidebarHeight : 0;
    return { x: 0, y: 0, top: 0, left: 0, right: 300, bottom: height, width: 300, height, toJSON: () => ({}) };
  });
});

afterEach(() => {
  jest.restoreAllMocks();
});

function renderSidebar(entityType: EntityType = 'contact') {
  const client = new FakeClient().respondAlways('listOwners', { users: [{ id: 1, display_name: 'Ada' }] });
  const view = render(<Sidebar host={createHost(client)} entityType={entityType} />);
  return { client, ...view };
}

describe('Sidebar', () => {
  it.each([
    ['contact', 'Contact'],
    ['deal', 'Deal'],
    ['sales_account', 'Account'],
  ] as const)('shows the app title and the %s label', async (entityType, label) => {
    renderSidebar(entityType);
    expect(screen.getByRole('heading', { level: 1, name: messages.appTitle })).toBeInTheDocument();
    expect(screen.getByText(label)).toBeInTheDocument();
    expect(await screen.findByText('1 user in this account')).toBeInTheDocument();
  });

  it('sizes the drawer to the content on mount', async () => {
    sidebarHeight = 236.4;
    const { client } = renderSidebar();
    expect(client.resizes[0]).toBe('237px');
    await screen.findByText('1 user in this account');
  });

  it('observes its root and resizes again when the content changes height', async () => {
    const { client, container } = renderSidebar();
    await screen.findByText('1 user in this account');
    const observer = resizeObservers().find((candidate) => candidate.targets.has(container.querySelector('.sidebar') as Element));
    expect(observer).toBeDefined();

    sidebarHeight = 412;
    act(() => triggerResize());
    expect(client.resizes[client.resizes.length - 1]).toBe('412px');

    sidebarHeight = 1200;
    act(() => triggerResize());
    expect(client.resizes[client.resizes.length - 1]).toBe('700px');
  });

  it('disconnects the observer on unmount and resizes no more', async () => {
    const { client, unmount } = renderSidebar();
    await screen.findByText('1 user in this account');
    const observers = resizeObservers();
    expect(observers.length).toBeGreaterThan(0);
    const ours = observers.filter((observer) => [...observer.targets].some((target) => target.classList.contains('sidebar')));
    expect(ours).toHaveLength(1);

    unmount();
    expect(ours[0]?.disconnected).toBe(true);
    const count = client.resizes.length;
    sidebarHeight = 300;
    triggerResize();
    expect(client.resizes).toHaveLength(count);
  });

  it('checks the connection once per open', async () => {
    const { client } = renderSidebar('deal');
    await screen.findByText('1 user in this account');
    expect(client.callsTo('listOwners')).toHaveLength(1);
  });
});
