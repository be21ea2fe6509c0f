import { fireEvent, render, screen, within } from '@testing-library/react';
import { format, messages } from '../i18n/messages';
import { clickFwButton } from '../test/crayons';
import { ACCOUNT_FIELDS, CURRENT_USER, NOW, TASKS, accountData, contactData, dealData, fakeActions, task } from '../test/section-fixtures';
import { taskProblems } from './TaskForm';
import { TasksSection, ownerChoices } from './TasksSection';
import { clickAndSettle } from './testing';

const text = messages.sections.tasks;

async function openForm() {
  await clickFwButton(screen.getByTestId('task-create'));
  return screen.findByTestId('task-form');
}

describe('TasksSection list', () => {
  it('lists open tasks: overdue first, then due today, then later, with markers', () => {
    render(<TasksSection data={contactData()} actions={fakeActions()} currentUser={CURRENT_USER} now={NOW} />);
    expect(screen.getByTestId('section-count')).toHaveTextContent('3');
    const items = screen.getAllByTestId('task-item');
    expect(items.map((item) => item.querySelector('.item-title')?.textContent)).toEqual(['Chase signature', 'Call back about pricing', 'Send proposal']);
    expect(within(items[0] as HTMLElement).getByText(text.overdue)).toHaveClass('marker--overdue');
    expect(within(items[1] as HTMLElement).getByText(text.today)).toHaveClass('marker--today');
    expect(items[2]).not.toHaveTextContent(text.overdue);
    expect(items[2]).not.toHaveTextContent(text.today);
    expect(items[0]).toHaveTextContent('Asha Rao');
  });

  it('completes a task in one click', () => {
    const actions = fakeActions();
    render(<TasksSection data={contactData()} actions={actions} now={NOW} />);
    const box = screen.getByRole('checkbox', { name: format(text.complete, { title: 'Send proposal' }) });
    expect(box).toHaveAttribute('data-testid', 'task-complete');
    fireEvent.click(box);
    expect(actions.completeTask).toHaveBeenCalledWith(TASKS[0]);
  });

  it('says what to do when there are no open tasks', () => {
    render(<TasksSection data={accountData({ tasks: [task({ id: 1, title: 'done', status: 1 })] })} actions={fakeActions()} now={NOW} />);
    expect(screen.getByTestId('section-empty')).toHaveTextContent(text.empty);
    expect(screen.getByTestId('section-count')).toHaveTextContent('0');
  });

  it('says when Freshsales does not list tasks for the record, and offers no form', () => {
    render(<TasksSection data={dealData({ tasks: null })} actions={fakeActions()} now={NOW} />);
    expect(screen.getByTestId('section-unavailable')).toHaveTextContent('Freshsales does not list tasks for deals in this account.');
    expect(screen.queryByTestId('task-create')).toBeNull();
  });

  it('pages long lists and shows titles that look like HTML as text', async () => {
    const many = Array.from({ length: 7 }, (_, index) => task({ id: index + 1, title: `<b>Task ${index + 1}</b>`, due_date: null }));
    render(<TasksSection data={contactData({ tasks: many })} actions={fakeActions()} now={NOW} />);
    expect(screen.getAllByTestId('task-item')).toHaveLength(5);
    expect(screen.getByText('<b>Task 1</b>')).toBeInTheDocument();
    expect(screen.getByTestId('section-tasks').querySelector('b')).toBeNull();
    expect(screen.getAllByTestId('task-item')[0]).toHaveTextContent(text.noDue);
    await clickFwButton(screen.getByTestId('show-more'));
    expect(screen.getAllByTestId('task-item')).toHaveLength(7);
  });
});

describe('TasksSection form', () => {
  it('opens with today as due date and the current user as owner, and creates the task', async () => {
    const actions = fakeActions();
    render(<TasksSection data={contactData()} actions={actions} currentUser={CURRENT_USER} now={NOW} />);
    await openForm();
    expect(screen.getByLabelText(text.formDue)).toHaveValue('2024-05-10');
    const owner = screen.getByLabelText(text.formOwner);
    expect(owner).toHaveValue(String(CURRENT_USER.id));
    expect(within(owner).getAllByRole('option').map((option) => option.textContent)).toEqual(['Asha Rao', 'Ben Ortiz']);

    fireEvent.change(screen.getByLabelText(text.formTitle), { target: { value: ' Send v2 pricing ' } });
    fireEvent.change(screen.getByLabelText(text.formDue), { target: { value: '2024-05-17' } });
    fireEvent.change(owner, { target: { value: '402000000011' } });
    await clickAndSettle(screen.getByTestId('task-save'));

    expect(actions.createTask).toHaveBeenCalledWith({ title: 'Send v2 pricing', dueDate: '2024-05-17', ownerId: 402000000011 });
    expect(screen.queryByTestId('task-form')).toBeNull();
  });

  it('says what is missing and does not call the CRM', async () => {
    const actions = fakeActions();
    render(<TasksSection data={contactData()} actions={actions} currentUser={CURRENT_USER} now={NOW} />);
    await openForm();
    fireEvent.change(screen.getByLabelText(text.formDue), { target: { value: '' } });
    await clickAndSettle(screen.getByTestId('task-save'));
    expect(screen.getByText(text.titleRequired)).toBeInTheDocument();
    expect(screen.getByText(text.dueRequired)).toBeInTheDocument();
    expect(screen.getByLabelText(text.formTitle)).toHaveAttribute('aria-invalid', 'true');
    expect(actions.createTask).not.toHaveBeenCalled();
  });

  it('stays open with what was typed when the CRM refuses the task', async () => {
    const actions = fakeActions({ createTask: jest.fn(() => Promise.resolve(false)) });
    render(<TasksSection data={contactData()} actions={actions} currentUser={CURRENT_USER} now={NOW} />);
    await openForm();
    fireEvent.change(screen.getByLabelText(text.formTitle), { target: { value: 'Call' } });
    fireEvent.submit(screen.getByTestId('task-form'));
    await clickAndSettle(screen.getByTestId('task-save'));
    expect(screen.getByTestId('task-form')).toBeInTheDocument();
    expect(screen.getByLabelText(text.formTitle)).toHaveValue('Call');
  });

  it('closes on cancel', async () => {
    render(<TasksSection data={contactData()} actions={fakeActions()} now={NOW} />);
    await openForm();
    await clickFwButton(screen.getByTestId('task-cancel'));
    expect(screen.queryByTestId('task-form')).toBeNull();
  });
});

describe('ownerChoices', () => {
  it('adds the current user when the owner field does not list them', () => {
    const owners = ownerChoices(ACCOUNT_FIELDS, { id: 5, name: 'New Hire' });
    expect(owners.map((owner) => owner.label)).toEqual(['New Hire', 'Asha Rao', 'Ben Ortiz']);
    expect(ownerChoices(ACCOUNT_FIELDS, CURRENT_USER)).toHaveLength(2);
    expect(ownerChoices([], undefined)).toEqual([]);
  });
});

describe('taskProblems', () => {
  it('wants a title of at most 255 characters, a date and an owner', () => {
    expect(taskProblems({ title: 'Call', dueDate: '2024-05-10', ownerId: '1' })).toEqual({});
    expect(taskProblems({ title: 'x'.repeat(256), dueDate: '10/05/2024', ownerId: '' })).toEqual({
      title: format(text.titleTooLong, { max: 255 }),
      dueDate: text.dueRequired,
      ownerId: text.ownerRequired,
    });
  });
});

describe('TasksSection keyboard (B11)', () => {
  it('"+ Task" puts focus in the title, and Escape closes the form', async () => {
    const actions = fakeActions();
    render(<TasksSection data={contactData()} actions={actions} currentUser={CURRENT_USER} now={NOW} />);
    const form = await openForm();
    expect(within(form).getByTestId('task-title')).toHaveFocus();
    fireEvent.keyDown(within(form).getByTestId('task-due'), { key: 'Escape' });
    expect(screen.queryByTestId('task-form')).toBeNull();
    expect(actions.createTask).not.toHaveBeenCalled();
  });

  it('filters a long task list by title and owner', () => {
    const many = Array.from({ length: 11 }, (_, index) => task({ id: index + 1, title: index === 4 ? 'Send the contract' : `Call ${index + 1}` }));
    render(<TasksSection data={contactData({ tasks: many })} actions={fakeActions()} currentUser={CURRENT_USER} now={NOW} />);
    fireEvent.change(screen.getByTestId('list-filter'), { target: { value: 'CONTRACT' } });
    expect(screen.getAllByTestId('task-item').map((item) => item.querySelector('.item-title')?.textContent)).toEqual(['Send the contract']);
  });
});
