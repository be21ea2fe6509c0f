import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { EntityType } from '../../common/platform/client';
import type { CrmFailure } from '../../common/crm/failure';
import { fail } from '../../common/validation';
import type { SidebarBoot } from './boot';
import { createMetadataCache } from './data/metadata-cache';
import { loadSidebarData, resetDealActivityFallback } from './data/load';
import { format, messages } from './i18n/messages';
import { createHost } from './platform/host';
import { Sidebar } from './Sidebar';
import { clickFwButton } from './test/crayons';
import { dealCoreBody, IDS, INCLUDE_REFUSED, scriptOpen } from './test/crm-fixtures';
import { crmRejection, deferred, FakeClient } from './test/fake-client';
import { resizeObservers, triggerResize } from './test/resize-observer';
import { CURRENT_USER } from './test/sidebar-harness';

/** jsdom does no layout: give the sidebar root a height the test controls. */
let sidebarHeight = 0;

beforeEach(() => {
  resetDealActivityFallback();
  sidebarHeight = 0;
  jest.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
    const height = this.classList.contains('sidebar') ? sidebarHeight : 0;
    return { x: 0, y: 0, top: 0, left: 0, right: 300, bottom: height, width: 300, height, toJSON: () => ({}) };
  });
});

afterEach(() => {
  jest.restoreAllMocks();
});

const RECORD_ID: Record<EntityType, number> = { contact: IDS.contact, deal: IDS.deal, sales_account: IDS.primaryAccount };

function clientFor(entity: EntityType, iparams: Record<string, unknown> = {}): FakeClient {
  return new FakeClient({ entity: { currentEntityId: RECORD_ID[entity], currentEntityType: entity }, iparams: { domain: 'acme.myfreshworks.com', ...iparams } });
}

function bootFor(entity: EntityType, client: FakeClient, extra: Partial<SidebarBoot> = {}): SidebarBoot {
  const host = createHost(client);
  return {
    entity,
    host,
    metadata: createMetadataCache(host, { scope: 'test' }),
    settings: { ...client.params },
    user: Promise.resolve(CURRENT_USER),
    ...extra,
  };
}

function renderSidebar(entity: EntityType, options: { iparams?: Record<string, unknown>; script?: boolean } = {}) {
  const client = clientFor(entity, options.iparams);
  if (options.script !== false) scriptOpen(client, entity);
  const view = render(<Sidebar {...bootFor(entity, client)} />);
  return { client, ...view };
}

const sidebar = () => screen.getByTestId('sidebar');
const ready = () => waitFor(() => expect(sidebar()).toHaveAttribute('data-state', 'ready'));
const sectionOrder = () => Array.from(sidebar().querySelectorAll('section[data-testid^="section-"]')).map((section) => section.getAttribute('data-testid'));

describe('Sidebar: states', () => {
  it.each([
    ['contact', 'Sarah Thompson', 'Contact'],
    ['deal', 'Meridian Global – Data migration', 'Deal'],
    ['sales_account', 'Meridian Global Holdings Inc.', 'Account'],
  ] as const)('shows a skeleton, then the %s named in the title', async (entity, title, label) => {
    renderSidebar(entity);
    expect(sidebar()).toHaveAttribute('data-state', 'loading');
    expect(sidebar()).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByLabelText(format(messages.sidebar.loading, { entity: messages.entityNoun[entity] }))).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: messages.appTitle })).toBeInTheDocument();

    await ready();
    expect(screen.getByRole('heading', { level: 1, name: title })).toBeInTheDocument();
    expect(screen.getByText(label)).toBeInTheDocument();
    expect(sidebar()).toHaveAttribute('aria-busy', 'false');
  });

  it('shows the failure with a retry that loads again', async () => {
    const client = clientFor('contact');
    scriptOpen(client, 'contact');
    client.reject('getContactView', crmRejection(404, { errors: { code: 404, message: ['Contact not found'] } }));
    render(<Sidebar {...bootFor('contact', client)} />);
    await waitFor(() => expect(sidebar()).toHaveAttribute('data-state', 'error'));
    expect(sidebar()).toHaveTextContent(messages.failure.not_found);

    await clickFwButton(await screen.findByText(messages.actions.retry));
    await ready();
    expect(client.callsTo('getContactView')).toHaveLength(2);
  });

  it('says when Freshsales is busy and lets the user try at once', async () => {
    const client = clientFor('deal');
    scriptOpen(client, 'deal');
    client.reject('getDealView', crmRejection(429, { errors: { code: 429, message: ['Too many requests'] } }, { 'Retry-After': '7' }));
    render(<Sidebar {...bootFor('deal', client)} />);
    await waitFor(() => expect(sidebar()).toHaveAttribute('data-state', 'busy'));
    expect(screen.getByTestId('sidebar-busy')).toHaveTextContent(format(messages.sidebar.busy, { seconds: 7 }));

    await clickFwButton(await screen.findByText(messages.sidebar.busyNow));
    await ready();
    expect(client.callsTo('getDealView')).toHaveLength(2);
  });

  it('renders the preloaded data without asking again', async () => {
    const client = clientFor('contact');
    scriptOpen(client, 'contact');
    const early = createHost(client);
    const metadata = createMetadataCache(early, { scope: 'test' });
    const result = loadSidebarData('contact', { host: early, metadata }, IDS.contact);
    render(<Sidebar {...bootFor('contact', client, { host: early, metadata, preload: { id: IDS.contact, result } })} />);
    await ready();
    expect(client.callsTo('getContactView')).toHaveLength(1);
  });

  it('renders before the signed-in user is known', async () => {
    const client = clientFor('contact');
    scriptOpen(client, 'contact');
    const user = deferred<typeof CURRENT_USER | undefined>();
    render(<Sidebar {...bootFor('contact', client, { user: user.promise })} />);
    await ready();
    await act(async () => {
      user.resolve(CURRENT_USER);
      await user.promise;
    });
    expect(sidebar()).toHaveAttribute('data-state', 'ready');
  });

  it('accepts a preload that already failed', async () => {
    const client = clientFor('contact');
    scriptOpen(client, 'contact');
    const failed = Promise.resolve(fail<CrmFailure>({ kind: 'unauthorized', messages: [], detail: 'HTTP 401 from Freshsales' }));
    render(<Sidebar {...bootFor('contact', client, { preload: { id: IDS.contact, result: failed } })} />);
    await waitFor(() => expect(sidebar()).toHaveAttribute('data-state', 'error'));
    expect(sidebar()).toHaveTextContent(messages.failure.unauthorized);
  });
});

describe('Sidebar: sections', () => {
  it.each([
    ['contact', ['section-summary', 'section-accounts', 'section-deals', 'section-tasks', 'section-appointments', 'section-activities', 'section-notes']],
    ['deal', ['section-summary', 'section-contacts', 'section-account', 'section-tasks', 'section-appointments', 'section-activities', 'section-notes']],
    ['sales_account', ['section-summary', 'section-pipeline', 'section-contacts', 'section-deals', 'section-tasks']],
  ] as const)('shows every %s section in the default order without settings', async (entity, expected) => {
    renderSidebar(entity);
    await ready();
    expect(sectionOrder()).toEqual(expected);
  });

  it.each([
    ['contact', { contact_sections: 'notes, summary, deals' }, ['section-notes', 'section-summary', 'section-deals']],
    ['deal', { deal_sections: 'account,contacts', contact_sections: 'notes' }, ['section-account', 'section-contacts']],
    ['sales_account', { account_sections: ' tasks , pipeline ' }, ['section-tasks', 'section-pipeline']],
  ] as const)('follows the admin\'s %s sections and order, hiding the rest', async (entity, iparams, expected) => {
    renderSidebar(entity, { iparams });
    await ready();
    expect(sectionOrder()).toEqual(expected);
  });

  it('lists only the custom fields the admin chose in the summary', async () => {
    renderSidebar('contact', { iparams: { contact_sections: 'summary', contact_custom_fields: 'cf_tier' } });
    await ready();
    const summary = screen.getByTestId('section-summary');
    expect(summary.querySelector('[data-testid="field-cf_tier"]')).not.toBeNull();
    expect(summary.querySelector('[data-testid="field-cf_budget"]')).toBeNull();
  });

  it('shows the deal\'s activities as unavailable when the CRM refused their include', async () => {
    const client = clientFor('deal', { deal_sections: 'tasks, notes' });
    scriptOpen(client, 'deal');
    client.reject('getDealView', crmRejection(400, INCLUDE_REFUSED));
    client.respondAlways('getDealCore', dealCoreBody());
    render(<Sidebar {...bootFor('deal', client)} />);
    await ready();
    expect(screen.getAllByTestId('section-unavailable')).toHaveLength(2);
  });
});

describe('Sidebar: height', () => {
  it('sizes the drawer to the content on mount', async () => {
    sidebarHeight = 236.4;
    const { client } = renderSidebar('contact');
    expect(client.resizes[0]).toBe('237px');
    await ready();
  });

  it('observes its root and resizes again when the content changes height', async () => {
    const { client, container } = renderSidebar('contact');
    await ready();
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
    const { client, unmount } = renderSidebar('deal');
    await ready();
    const ours = resizeObservers().filter((observer) => [...observer.targets].some((target) => target.classList.contains('sidebar')));
    expect(ours).toHaveLength(1);

    unmount();
    expect(ours[0]?.disconnected).toBe(true);
    const count = client.resizes.length;
    sidebarHeight = 300;
    triggerResize();
    expect(client.resizes).toHaveLength(count);
  });
});

describe('Sidebar: keyboard (B11)', () => {
  it('moves focus into the app at once, and offers a skip link past the summary to the sections', async () => {
    renderSidebar('contact');
    expect(screen.getByRole('heading', { level: 1 })).toHaveFocus();
    await ready();
    const skip = screen.getByRole('link', { name: messages.sections.skipToSections });
    expect(skip.compareDocumentPosition(screen.getByTestId('section-summary')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    fireEvent.click(skip);
    expect(screen.getByTestId('section-accounts')).toHaveFocus();
  });

  it('has no skip link when no section follows the summary', async () => {
    renderSidebar('contact', { iparams: { contact_sections: 'deals, summary' } });
    await ready();
    expect(screen.queryByRole('link', { name: messages.sections.skipToSections })).toBeNull();
  });

  it('moves focus back into the app when the drawer is opened again', async () => {
    const { client } = renderSidebar('deal');
    await ready();
    screen.getAllByRole('button')[0]?.focus();
    act(() => client.fire('app.activated'));
    expect(screen.getByRole('heading', { level: 1 })).toHaveFocus();
  });
});
