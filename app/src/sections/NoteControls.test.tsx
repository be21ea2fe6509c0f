import { act, fireEvent, render, screen, within } from '@testing-library/react';
import type { Written } from '../data/operation-writer';
import { messages } from '../i18n/messages';
import { deferred } from '../test/fake-client';
import { contactData, fakeActions, NOTES } from '../test/section-fixtures';
import { NotesSection } from './NotesSection';
import { clickAndSettle } from './testing';

const text = messages.operations.notes;

function noteItem(description: string): HTMLElement {
  return screen.getAllByTestId('note-item').find((item) => item.textContent?.includes(description)) as HTMLElement;
}

async function editNote(description: string) {
  fireEvent.click(within(noteItem(description)).getByRole('button', { name: text.editLabel }));
  return await screen.findByTestId<HTMLTextAreaElement>('note-editor-input');
}

describe('note edit and delete', () => {
  it('edits a note in place: its text, focused; the same rules as a new note', async () => {
    const actions = fakeActions();
    render(<NotesSection data={contactData()} actions={actions} />);
    const box = await editNote('Asked for v2 pricing');
    expect(box).toHaveFocus();
    expect(box.value).toBe('Asked for v2 pricing');
    fireEvent.change(box, { target: { value: '   ' } });
    await clickAndSettle(screen.getByTestId('note-editor-save'));
    expect(screen.getByText(messages.sections.notes.required)).toBeInTheDocument();
    expect(actions.records.updateNote).not.toHaveBeenCalled();
    fireEvent.change(box, { target: { value: ' v2 pricing sent ' } });
    await act(async () => {
      fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true });
      await Promise.resolve();
    });
    expect(actions.records.updateNote).toHaveBeenCalledWith(NOTES[0], 'v2 pricing sent');
    expect(screen.queryByTestId('note-editor')).toBeNull();
  });

  it('Esc leaves the note as it was', async () => {
    const actions = fakeActions();
    render(<NotesSection data={contactData()} actions={actions} />);
    const box = await editNote('Asked for v2 pricing');
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(screen.queryByTestId('note-editor')).toBeNull();
    expect(actions.records.updateNote).not.toHaveBeenCalled();
  });

  it('keeps the editor open with the reason when the CRM refuses', async () => {
    const answer = deferred<Written>();
    const actions = fakeActions();
    actions.records.updateNote.mockImplementation(() => answer.promise);
    render(<NotesSection data={contactData()} actions={actions} />);
    await editNote('Asked for v2 pricing');
    await clickAndSettle(screen.getByTestId('note-editor-save'));
    await act(async () => {
      answer.resolve({ status: 'refused', reason: 'Description is too long' });
      await answer.promise;
    });
    expect(screen.getByTestId('form-refusal')).toHaveTextContent('Description is too long');
  });

  it('deletes a note only after confirming', async () => {
    const actions = fakeActions();
    render(<NotesSection data={contactData()} actions={actions} />);
    fireEvent.click(within(noteItem('Asked for v2 pricing')).getByRole('button', { name: text.deleteLabel }));
    expect(screen.getByRole('group', { name: text.deleteQuestion })).toBeInTheDocument();
    await act(async () => {
      fireEvent.click(screen.getByTestId('note-delete-confirm'));
      await Promise.resolve();
    });
    expect(actions.records.deleteNote).toHaveBeenCalledWith(NOTES[0]);
  });

  it('offers neither on a note the CRM has not saved yet', () => {
    render(<NotesSection data={contactData({ notes: [{ id: -2, description: 'Saving…', creater_id: null, created_at: '2024-05-10T12:00:00Z' }] })} actions={fakeActions()} />);
    expect(screen.queryByTestId('note-edit')).toBeNull();
    expect(screen.queryByTestId('note-delete')).toBeNull();
  });
});
