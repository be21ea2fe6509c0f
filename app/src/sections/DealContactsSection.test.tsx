import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { CrmFailure } from '../../../common/crm/failure';
import type { ContactHit } from '../data/types';
import { format, messages } from '../i18n/messages';
import type { Result } from '../../../common/validation';
import { SEARCH_DELAY_MS } from './ContactSearch';
import { DealContactsSection, UNDO_MS } from './DealContactsSection';
import { dealData, fakeActions } from '../test/section-fixtures';

const text = messages.sections.contacts;
const PRIYA = { id: 402000000501, name: 'Priya Nair', email: 'priya@acme.example' };
const MEERA = { id: 402000000503, name: 'Meera Iyer', email: 'meera@acme.example' };
const answer = (hits: ContactHit[]): Promise<Result<ContactHit[], CrmFailure>> => Promise.resolve({ ok: true, value: hits });
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function search(value: string) {
  fireEvent.change(screen.getByTestId('contact-search'), { target: { value } });
}

describe('DealContactsSection list', () => {
  it('lists the contacts with job title and email, and opens one on click', () => {
    const actions = fakeActions();
    render(<DealContactsSection data={dealData()} actions={actions} />);
    expect(screen.getByTestId('section-count')).toHaveTextContent('2');
    const [priya, karan] = screen.getAllByTestId('contact-item');
    expect(priya).toHaveTextContent('Priya Nair');
    expect(priya).toHaveTextContent('CTO');
    expect(priya).toHaveTextContent('priya@acme.example');
    expect(karan).toHaveTextContent('Karan Shah');
    within(priya as HTMLElement).getByRole('button', { name: 'Priya Nair' }).click();
    expect(actions.openRecord).toHaveBeenCalledWith('contact', 402000000501);
  });

  it('removes a contact from the deal, and offers Undo that links it again', async () => {
    const actions = fakeActions();
    render(<DealContactsSection data={dealData()} actions={actions} />);
    const remove = screen.getByRole('button', { name: format(text.remove, { name: 'Karan Shah' }) });
    expect(remove).toHaveAttribute('data-testid', 'contact-remove');
    await act(async () => {
      remove.click();
      await Promise.resolve();
    });
    expect(actions.removeContact).toHaveBeenCalledWith(402000000502);
    const bar = screen.getByTestId('undo-bar');
    expect(bar).toHaveTextContent(format(text.removed, { name: 'Karan Shah' }));
    const undo = within(bar).getByRole('button', { name: text.undo });
    expect(undo).toHaveFocus();
    await act(async () => {
      undo.click();
      await Promise.resolve();
    });
    expect(actions.addContact).toHaveBeenCalledWith({ id: 402000000502, name: 'Karan Shah', email: null });
    expect(screen.queryByTestId('undo-bar')).toBeNull();
  });

  it('takes Undo away after a few seconds, and has nothing to undo when the removal was refused', async () => {
    jest.useFakeTimers();
    try {
      const actions = fakeActions();
      const { unmount } = render(<DealContactsSection data={dealData()} actions={actions} />);
      await act(async () => {
        screen.getAllByTestId('contact-remove')[0]?.click();
        await Promise.resolve();
      });
      expect(screen.getByTestId('undo-bar')).toBeInTheDocument();
      act(() => jest.advanceTimersByTime(UNDO_MS));
      expect(screen.queryByTestId('undo-bar')).toBeNull();
      unmount();

      const refused = fakeActions({ removeContact: jest.fn(() => Promise.resolve(false)) });
      render(<DealContactsSection data={dealData()} actions={refused} />);
      await act(async () => {
        screen.getAllByTestId('contact-remove')[0]?.click();
        await Promise.resolve();
      });
      expect(screen.queryByTestId('undo-bar')).toBeNull();
      expect(refused.addContact).not.toHaveBeenCalled();
    } finally {
      jest.useRealTimers();
    }
  });

  it('says what to do without contacts, names them sensibly, and renders HTML-looking names as text', () => {
    const contacts = [
      { id: 1, first_name: 'Ana', last_name: null },
      { id: 2, email: 'x@example.test' },
      { id: 3 },
      { id: 4, display_name: '<b>x</b>' },
    ];
    const { unmount } = render(<DealContactsSection data={dealData({ contacts: [] })} actions={fakeActions()} />);
    expect(screen.getByTestId('section-empty')).toHaveTextContent(text.emptyDeal);
    unmount();
    render(<DealContactsSection data={dealData({ contacts })} actions={fakeActions()} />);
    const names = screen.getAllByTestId('contact-item').map((item) => within(item).getAllByRole('button')[0]?.textContent);
    expect(names).toEqual(['Ana', 'x@example.test', text.unnamed, '<b>x</b>']);
    expect(screen.getByTestId('section-contacts').querySelector('b')).toBeNull();
  });
});

describe('DealContactsSection search', () => {
  it('searches once after typing stops, leaves out linked contacts, and adds the chosen one', async () => {
    const searchContacts = jest.fn(() => answer([PRIYA, MEERA]));
    const actions = fakeActions({ searchContacts });
    render(<DealContactsSection data={dealData()} actions={actions} />);
    expect(screen.getByLabelText(text.searchLabel)).toBe(screen.getByTestId('contact-search'));
    search('me');
    search('mee');
    expect(screen.getByText(text.searching)).toBeInTheDocument();
    const hits = await screen.findAllByTestId('contact-hit');
    expect(searchContacts).toHaveBeenCalledTimes(1);
    expect(searchContacts).toHaveBeenCalledWith('mee');
    expect(hits).toHaveLength(1);
    expect(hits[0]).toHaveTextContent('Meera Iyer · meera@acme.example');
    expect(Array.from(hits[0]?.querySelectorAll('bdi') ?? []).map((element) => element.textContent)).toEqual(['Meera Iyer', 'meera@acme.example']);
    expect(hits[0]).toHaveAccessibleName(format(text.add, { name: 'Meera Iyer' }));

    fireEvent.click(hits[0] as HTMLElement);
    expect(actions.addContact).toHaveBeenCalledWith(MEERA);
    expect(screen.getByTestId('contact-search')).toHaveValue('');
    expect(screen.queryByTestId('contact-hit')).toBeNull();
  });

  it('waits for two characters before searching', async () => {
    const actions = fakeActions();
    render(<DealContactsSection data={dealData()} actions={actions} />);
    search(' m ');
    expect(screen.getByText(format(text.searchHint, { min: 2 }))).toBeInTheDocument();
    await wait(SEARCH_DELAY_MS + 50);
    expect(actions.searchContacts).not.toHaveBeenCalled();
  });

  it('says when nothing matches', async () => {
    render(<DealContactsSection data={dealData()} actions={fakeActions({ searchContacts: jest.fn(() => answer([])) })} />);
    search('zz');
    expect(await screen.findByTestId('contact-search-empty')).toHaveTextContent(format(text.noHits, { query: 'zz' }));
  });

  it('says when every match is already on the deal', async () => {
    render(<DealContactsSection data={dealData()} actions={fakeActions({ searchContacts: jest.fn(() => answer([PRIYA])) })} />);
    search('priya');
    expect(await screen.findByTestId('contact-search-empty')).toHaveTextContent(format(text.noNewHits, { query: 'priya' }));
  });

  it('says why the search failed', async () => {
    const failure: CrmFailure = { kind: 'rate_limited', messages: [], detail: '429' };
    const searchContacts = jest.fn(() => Promise.resolve({ ok: false as const, failure }));
    render(<DealContactsSection data={dealData()} actions={fakeActions({ searchContacts })} />);
    search('acme');
    expect(await screen.findByTestId('contact-search-error')).toHaveTextContent(format(text.searchFailed, { reason: messages.failure.rate_limited }));
  });

  it('drops the answer to a query the user has since changed', async () => {
    let answerFirst: (value: Result<ContactHit[], CrmFailure>) => void = () => undefined;
    const searchContacts = jest
      .fn<Promise<Result<ContactHit[], CrmFailure>>, [string]>()
      .mockImplementationOnce(() => new Promise((resolve) => (answerFirst = resolve)))
      .mockImplementationOnce(() => answer([MEERA]));
    render(<DealContactsSection data={dealData()} actions={fakeActions({ searchContacts })} />);
    search('pr');
    await waitFor(() => expect(searchContacts).toHaveBeenCalledTimes(1));
    search('me');
    expect(await screen.findByText('Meera Iyer')).toBeInTheDocument();
    answerFirst({ ok: true, value: [{ id: 7, name: 'Old answer' }] });
    await wait(20);
    expect(screen.queryByText('Old answer')).toBeNull();
    expect(screen.getAllByTestId('contact-hit')).toHaveLength(1);
  });
});
