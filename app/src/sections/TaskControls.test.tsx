import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { format, messages } from '../i18n/messages';
import { localYmd } from '../model/related';
import { CURRENT_USER, contactData, fakeActions, NOW, TASKS } from '../test/section-fixtures';
import { taskDraft } from './TaskControls';
import { TasksSection } from './TasksSection';
import { clickAndSettle } from './testing';

const text = messages.operations.tasks;

function taskItem(title: string): HTMLElement {
  return screen.getAllByTestId('task-item').find((item) => item.textContent?.includes(title)) as HTMLElement;
}

describe('task edit and delete', () => {
  it('edits a task with the quick task form, filled with the task, saving with "Save"', async () => {
    const actions = fakeActions();
    render(<TasksSection data={contactData()} actions={actions} currentUser={CURRENT_USER} now={NOW} />);
    fireEvent.click(within(taskItem('Send proposal')).getByRole('button', { name: format(text.editLabel, { title: 'Send proposal' }) }));
    const editor = screen.getByTestId('task-editor');
    expect((within(editor).getByTestId<HTMLInputElement>('task-title')).value).toBe('Send proposal');
    expect((within(editor).getByTestId<HTMLInputElement>('task-due')).value).toBe('2024-05-14');
    expect(within(editor).getByTestId('task-save')).toHaveTextContent(messages.operations.save);
    fireEvent.change(within(editor).getByTestId('task-title'), { target: { value: 'Send the proposal' } });
    await clickAndSettle(within(editor).getByTestId('task-save'));
    expect(actions.records.updateTask).toHaveBeenCalledWith(TASKS[0], { title: 'Send the proposal', dueDate: '2024-05-14', ownerId: 402000000011 });
    expect(screen.queryByTestId('task-editor')).toBeNull();
  });

  it('keeps the form open with the reason when the CRM refuses', async () => {
    const actions = fakeActions();
    actions.records.updateTask.mockResolvedValue({ status: 'refused', reason: 'Owner is invalid' });
    render(<TasksSection data={contactData()} actions={actions} currentUser={CURRENT_USER} now={NOW} />);
    fireEvent.click(within(taskItem('Send proposal')).getByTestId('task-edit'));
    await clickAndSettle(screen.getByTestId('task-save'));
    expect(screen.getByTestId('form-refusal')).toHaveTextContent(format(messages.operations.refused, { reason: 'Owner is invalid' }));
    expect(screen.getByTestId('task-editor')).toBeInTheDocument();
  });

  it('deletes a task after confirming', async () => {
    const actions = fakeActions();
    render(<TasksSection data={contactData()} actions={actions} currentUser={CURRENT_USER} now={NOW} />);
    fireEvent.click(within(taskItem('Chase signature')).getByRole('button', { name: format(text.deleteLabel, { title: 'Chase signature' }) }));
    await act(async () => {
      fireEvent.click(within(taskItem('Chase signature')).getByTestId('task-delete-confirm'));
      await Promise.resolve();
    });
    expect(actions.records.deleteTask).toHaveBeenCalledWith(TASKS[2]);
  });

  it('fills a task without due date or owner as the form needs', () => {
    expect(taskDraft({ id: 1, status: 0, title: 'x', due_date: null, owner_id: null }, '7')).toEqual({ title: 'x', dueDate: '', ownerId: '7' });
    expect(taskDraft({ id: 1, status: 0, title: 'x', due_date: NOW.toISOString(), owner_id: 5 }, '7')).toEqual({ title: 'x', dueDate: localYmd(NOW), ownerId: '5' });
  });
});
