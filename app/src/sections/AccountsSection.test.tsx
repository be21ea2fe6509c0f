import { render, screen, within } from '@testing-library/react';
import { messages } from '../i18n/messages';
import { AccountsSection } from './AccountsSection';
import { DealAccountSection, websiteHref } from './DealAccountSection';
import { contactData, dealData, fakeActions } from '../test/section-fixtures';

describe('AccountsSection', () => {
  it('lists the accounts, primary first and marked, with a count', () => {
    const data = contactData({
      accounts: [
        { id: 2, name: 'Acme Labs', isPrimary: false },
        { id: 1, name: 'Acme Corp', isPrimary: true },
      ],
    });
    render(<AccountsSection data={data} actions={fakeActions()} />);
    const section = screen.getByTestId('section-accounts');
    expect(within(section).getByTestId('section-count')).toHaveTextContent('2');
    const items = screen.getAllByTestId('account-item');
    expect(items.map((item) => item.textContent)).toEqual([`Acme Corp${messages.sections.accounts.primary}`, 'Acme Labs']);
  });

  it('opens the account page when a name is clicked', () => {
    const actions = fakeActions();
    render(<AccountsSection data={contactData()} actions={actions} />);
    screen.getByRole('button', { name: 'Acme Labs' }).click();
    expect(actions.openRecord).toHaveBeenCalledWith('account', 402000000302);
  });

  it('says what to do when the contact has no account', () => {
    render(<AccountsSection data={contactData({ accounts: [] })} actions={fakeActions()} />);
    expect(screen.getByTestId('section-empty')).toHaveTextContent(messages.sections.accounts.empty);
    expect(screen.getByTestId('section-count')).toHaveTextContent('0');
  });

  it('renders account names that look like HTML as text', () => {
    render(<AccountsSection data={contactData({ accounts: [{ id: 1, name: '<b>x</b>', isPrimary: true }] })} actions={fakeActions()} />);
    expect(screen.getByRole('button', { name: '<b>x</b>' })).toBeInTheDocument();
    expect(screen.getByTestId('section-accounts').querySelector('b')).toBeNull();
  });
});

describe('DealAccountSection', () => {
  it('shows the account with its website, and opens it on click', () => {
    const actions = fakeActions();
    render(<DealAccountSection data={dealData()} actions={actions} />);
    expect(screen.getByTestId('section-account')).toBeInTheDocument();
    const link = screen.getByRole('link', { name: 'https://acme.example' });
    expect(link).toHaveAttribute('href', 'https://acme.example');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    screen.getByRole('button', { name: 'Acme Corp' }).click();
    expect(actions.openRecord).toHaveBeenCalledWith('account', 402000000301);
  });

  it('says what to do when the deal has no account', () => {
    render(<DealAccountSection data={dealData({ account: null })} actions={fakeActions()} />);
    expect(screen.getByTestId('section-empty')).toHaveTextContent(messages.sections.account.empty);
    expect(screen.queryByTestId('account-item')).toBeNull();
  });

  it('never links a website with a non-http scheme', () => {
    render(<DealAccountSection data={dealData({ account: { id: 1, name: 'Evil', website: 'javascript:alert(1)' } })} actions={fakeActions()} />);
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.getByText('javascript:alert(1)')).toBeInTheDocument();
  });

  it.each([
    ['acme.example', 'https://acme.example'],
    ['http://acme.example/x', 'http://acme.example/x'],
    [' HTTPS://A.example ', 'HTTPS://A.example'],
    ['javascript:alert(1)', undefined],
    ['data:text/html,x', undefined],
    ['   ', undefined],
  ])('websiteHref(%j) is %j', (website, href) => {
    expect(websiteHref(website)).toBe(href);
  });
});
