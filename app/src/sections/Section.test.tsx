import { render, screen, within } from '@testing-library/react';
import { format, messages } from '../i18n/messages';
import { clickFwButton } from '../test/crayons';
import { pastThrottle } from './testing';
import { EmptyState, HeaderAction, PagedList, RecordLink, Section, Unavailable } from './Section';

const items = Array.from({ length: 17 }, (_, index) => ({ id: index + 1, name: `Item ${index + 1}` }));

function List({ count }: { count: number }) {
  return (
    <Section name="things" title="Things" count={count}>
      <PagedList items={items.slice(0, count)} keyOf={(item) => item.id} itemTestId="thing-item" render={(item) => item.name} />
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
