import { fireEvent, render, screen, within } from '@testing-library/react';
import { format, messages } from '../i18n/messages';
import { clickFwButton } from '../test/crayons';
import { pastThrottle } from './testing';
import { EmptyState, FILTER_ABOVE, FIRST_PAGE, HeaderAction, matchingItems, PagedList, RecordLink, Section, Unavailable } from './Section';

const items = Array.from({ length: 17 }, (_, index) => ({ id: index + 1, name: `Item ${index + 1}` }));

function List({ count }: { count: number }) {
  return (
    <Section name="things" title="Things" count={count}>
      <PagedList items={items.slice(0, count)} keyOf={(item) => item.id} itemTestId="thing-item" render={(item) => item.name} textOf={(item) => item.name} />
    </Section>
  );
}

describe('Section', () => {
  it('is a region named by its heading, with a count badge and a root test id', () => {
    render(<List count={3} />);
    const region = screen.getByRole('region', { name: /Things/ });
    expect(region.tagName).toBe('SECTION');
    expect(region).toHaveAttribute('data-testid', 'section-things');
    expect(within(region).getByRole('heading', { level: 2 })).toHaveTextContent('Things');
    expect(within(region).getByTestId('section-count')).toHaveTextContent('3');
    expect(within(region).getAllByRole('listitem')).toHaveLength(3);
  });

  it('has no count badge when nothing was counted', () => {
    render(
      <Section name="tasks" title="Tasks">
        <Unavailable things="tasks" entity="deal" />
      </Section>,
    );
    expect(screen.queryByTestId('section-count')).toBeNull();
    expect(screen.getByTestId('section-unavailable')).toHaveTextContent('Freshsales does not list tasks for deals in this account.');
  });

  it('shows an action button in the header that calls back', async () => {
    const onClick = jest.fn();
    render(
      <Section name="tasks" title="Tasks" count={0} action={<HeaderAction label="+ Task" testId="task-create" onClick={onClick} />}>
        <EmptyState text="No open tasks." />
      </Section>,
    );
    expect(screen.getByTestId('section-empty')).toHaveTextContent('No open tasks.');
    const button = screen.getByTestId('task-create');
    expect(button.tagName).toBe('FW-BUTTON');
    await clickFwButton(button);
    expect(onClick).toHaveBeenCalledTimes(1);
  });
});

describe('PagedList', () => {
  it('shows 5 items, then 10 more per click, saying how many remain', async () => {
    render(<List count={17} />);
    expect(screen.getAllByTestId('thing-item')).toHaveLength(5);
    expect(screen.getByTestId('show-more')).toHaveTextContent(format(messages.sections.showMore, { remaining: 12 }));

    await clickFwButton(screen.getByTestId('show-more'));
    expect(screen.getAllByTestId('thing-item')).toHaveLength(15);
    expect(screen.getByTestId('show-more')).toHaveTextContent(format(messages.sections.showMore, { remaining: 2 }));

    await pastThrottle();
    await clickFwButton(screen.getByTestId('show-more'));
    expect(screen.getAllByTestId('thing-item')).toHaveLength(17);
    expect(screen.queryByTestId('show-more')).toBeNull();
  });

  it('has no "show more" with five items or fewer', () => {
    render(<List count={5} />);
    expect(screen.getAllByTestId('thing-item')).toHaveLength(5);
    expect(screen.queryByTestId('show-more')).toBeNull();
  });
});

it('RecordLink is a button named by the record, calling onOpen', () => {
  const onOpen = jest.fn();
  render(<RecordLink name="<b>Acme</b>" onOpen={onOpen} />);
  const link = screen.getByRole('button', { name: '<b>Acme</b>' });
  expect(link.querySelector('b')).toBeNull();
  link.click();
  expect(onOpen).toHaveBeenCalledTimes(1);
});

describe('PagedList filter (long lists)', () => {
  const people = ['Ana Lima', 'Ben Ortiz', 'Chloé Durand', 'Dev Patel', 'Eli Cohen', 'Fatima Khan', 'Gus Berg', 'Hana Sato', 'Ivan Petrov', 'Jon Berg', 'Kim Ortiz', 'Lea Berg'].map(
    (name, index) => ({ id: index + 1, name }),
  );

  function People({ count }: { count: number }) {
    return <PagedList items={people.slice(0, count)} keyOf={(item) => item.id} itemTestId="person" render={(item) => item.name} textOf={(item) => item.name} things="contacts" />;
  }

  const filter = (query: string) => fireEvent.change(screen.getByTestId('list-filter'), { target: { value: query } });
  const shown = () => screen.queryAllByTestId('person').map((item) => item.textContent);

  it(`has no filter box up to ${FILTER_ABOVE} items, and one above`, () => {
    const { unmount } = render(<People count={FILTER_ABOVE} />);
    expect(screen.queryByTestId('list-filter')).toBeNull();
    unmount();
    render(<People count={FILTER_ABOVE + 1} />);
    expect(screen.getByRole('searchbox', { name: format(messages.sections.filter.label, { things: 'contacts' }) })).toBe(screen.getByTestId('list-filter'));
  });

  it('keeps the items whose shown text matches, ignoring case and surrounding spaces', () => {
    render(<People count={12} />);
    filter('  BERG ');
    expect(shown()).toEqual(['Gus Berg', 'Jon Berg', 'Lea Berg']);
    filter('chloé');
    expect(shown()).toEqual(['Chloé Durand']);
    filter('');
    expect(shown()).toHaveLength(FIRST_PAGE);
  });

  it('says when nothing matches', () => {
    render(<People count={12} />);
    filter('zzz');
    expect(shown()).toEqual([]);
    expect(screen.getByTestId('filter-empty')).toHaveTextContent(format(messages.sections.filter.empty, { query: 'zzz' }));
    expect(screen.queryByTestId('show-more')).toBeNull();
  });

  it('pages what matches with "Show more", counting only the matches', async () => {
    render(<People count={12} />);
    filter('a');
    const matches = people.filter((person) => person.name.toLowerCase().includes('a'));
    expect(shown()).toEqual(matches.slice(0, FIRST_PAGE).map((person) => person.name));
    expect(screen.getByTestId('show-more')).toHaveTextContent(format(messages.sections.showMore, { remaining: matches.length - FIRST_PAGE }));
    await clickFwButton(screen.getByTestId('show-more'));
    expect(shown()).toEqual(matches.map((person) => person.name));
  });

  it('matchingItems returns the list itself for a blank query', () => {
    expect(matchingItems(people, (item) => item.name, '   ')).toBe(people);
  });
});

it('RecordLink isolates the record name', () => {
  render(<RecordLink name={'\u202Eevil'} onOpen={jest.fn()} />);
  expect(screen.getByRole('button').querySelector('bdi')).toHaveTextContent('\u202Eevil');
});

it('a section can take focus, for the skip link', () => {
  render(<List count={1} />);
  expect(screen.getByTestId('section-things')).toHaveAttribute('tabindex', '-1');
});
