import { render, screen, waitFor } from '@testing-library/react';
import type { TemplateFailureShape } from '../../../common/platform/request';
import { messages } from '../i18n/messages';
import { createHost } from '../platform/host';
import { clickFwButton, settleInAct } from '../test/crayons';
import { crmRejection, FakeClient, platformRejection } from '../test/fake-client';
import { ConnectionStatus } from './ConnectionStatus';

function users(count: number) {
  return {
    users: Array.from({ length: count }, (_, index) => ({ id: index + 1, display_name: `User ${index + 1}`, email: null })),
  };
}

function renderStatus(client: FakeClient) {
  return render(<ConnectionStatus host={createHost(client)} />);
}

function section(): HTMLElement {
  return screen.getByRole('region', { name: messages.connection.heading });
}

describe('ConnectionStatus', () => {
  it('shows a Crayons skeleton while the check is in flight', async () => {
    const client = new FakeClient();
    const answer = client.hold('listOwners');
    const { container } = renderStatus(client);

    expect(section()).toHaveAttribute('aria-busy', 'true');
    const checking = screen.getByLabelText(messages.connection.checking);
    const skeleton = checking.querySelector('fw-skeleton');
    expect(skeleton).not.toBeNull();
    // Crayons draws one placeholder line per `count` in the skeleton's shadow DOM.
    await waitFor(() => expect(skeleton?.shadowRoot?.querySelectorAll('.skeleton')).toHaveLength(2));
    await waitFor(() => expect(answer.requested).toBe(true));

    await settleInAct(() => answer.resolve(users(2)));
    expect(section()).toHaveAttribute('aria-busy', 'false');
    expect(screen.queryByLabelText(messages.connection.checking)).toBeNull();
    expect(container.querySelector('fw-skeleton')).toBeNull();
  });

  it('says which domain it is connected to and how many users it sees', async () => {
    const client = new FakeClient({ iparams: { domain: 'globex.myfreshworks.com' } }).respond('listOwners', users(3));
    renderStatus(client);
    expect(await screen.findByText('Connected to globex.myfreshworks.com')).toBeInTheDocument();
    expect(screen.getByText('3 users in this account')).toBeInTheDocument();
    // A sidebar open costs one request-method call (design.md, budgets).
    expect(client.templateCalls).toEqual([{ name: 'listOwners', options: { context: {} } }]);
  });

  it('uses the singular for one user', async () => {
    renderStatus(new FakeClient().respond('listOwners', users(1)));
    expect(await screen.findByText(messages.connection.oneUser)).toBeInTheDocument();
  });

  it('uses the plural for no users', async () => {
    renderStatus(new FakeClient().respond('listOwners', users(0)));
    expect(await screen.findByText('0 users in this account')).toBeInTheDocument();
  });

  it('falls back to "Freshsales" when the domain iparam is missing', async () => {
    renderStatus(new FakeClient({ iparams: {} }).respond('listOwners', users(2)));
    expect(await screen.findByText('Connected to Freshsales')).toBeInTheDocument();
  });

  it('still reports the connection when the platform will not give the iparams', async () => {
    const client = new FakeClient().respond('listOwners', users(2));
    client.failIparams = true;
    renderStatus(client);
    expect(await screen.findByText('Connected to Freshsales')).toBeInTheDocument();
  });

  const failures: Array<[string, TemplateFailureShape | 'bad-json', keyof typeof messages.failure]> = [
    ['401 from the CRM', crmRejection(401, { login: 'failed', message: 'Incorrect or expired API key' }), 'unauthorized'],
    ['403 from the CRM', crmRejection(403, { errors: { code: 403, message: ['Access denied'] } }), 'forbidden'],
    ['404 from the CRM', crmRejection(404, { errors: { code: 404, message: ['Not found'] } }), 'not_found'],
    ['429 from the CRM', crmRejection(429, { errors: { code: 429, message: 'Too many' } }, { 'Retry-After': '30' }), 'rate_limited'],
    ['429 from the platform', platformRejection(429, 'Rate limit exceeded'), 'rate_limited'],
    ['500 from the CRM', crmRejection(500, 'Internal Server Error'), 'server_error'],
    ['502 from the platform', platformRejection(502, 'Connection refused'), 'unreachable'],
    ['504 from the platform', platformRejection(504, 'Timeout error'), 'timeout'],
    ['400 from the platform', platformRejection(400, 'Invalid template'), 'platform'],
    ['a 200 that is not JSON', 'bad-json', 'bad_response'],
  ];

  it.each(failures)('explains %s and offers a retry', async (_case, answer, kind) => {
    const client = new FakeClient();
    if (answer === 'bad-json') client.respond('listOwners', '<html>Service unavailable</html>');
    else client.reject('listOwners', answer);
    const { container } = renderStatus(client);

    expect(await screen.findByText(messages.failure[kind])).toBeInTheDocument();
    expect(screen.getByText(messages.actions.retry).tagName).toBe('FW-BUTTON');
    expect(section()).toHaveAttribute('aria-busy', 'false');
    expect(container).not.toHaveTextContent('Connected to');
  });

  it('shows what the CRM said about an invalid request', async () => {
    const client = new FakeClient().reject('listOwners', crmRejection(400, { errors: { code: 400, message: ['Bad filter'] } }));
    const { container } = renderStatus(client);
    await screen.findByText(/Bad filter/);
    expect(container.querySelector('fw-inline-message')).toHaveTextContent(`${messages.failure.invalid} Bad filter`);
  });

  it('retries with a new call when the user clicks Try again, and then connects', async () => {
    const client = new FakeClient()
      .reject('listOwners', platformRejection(502, 'Connection refused'))
      .respond('listOwners', users(4));
    renderStatus(client);
    const retry = await screen.findByText(messages.actions.retry);
    expect(client.callsTo('listOwners')).toHaveLength(1);

    await clickFwButton(retry);
    expect(client.callsTo('listOwners')).toHaveLength(2);
    expect(await screen.findByText('4 users in this account')).toBeInTheDocument();
    expect(screen.queryByText(messages.failure.unreachable)).toBeNull();
  });

  it('shows the skeleton again while a retry is in flight', async () => {
    const client = new FakeClient().reject('listOwners', platformRejection(504, 'Timeout error'));
    const second = client.hold('listOwners');
    renderStatus(client);
    await clickFwButton(await screen.findByText(messages.actions.retry));

    expect(screen.getByLabelText(messages.connection.checking)).toBeInTheDocument();
    expect(screen.queryByText(messages.failure.timeout)).toBeNull();
    await settleInAct(() => second.resolve(users(2)));
    expect(screen.getByText('2 users in this account')).toBeInTheDocument();
  });
});
