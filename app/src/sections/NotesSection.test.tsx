import { act, fireEvent, render, screen } from '@testing-library/react';
import { formatDate } from '../fields/display';
import { format, messages } from '../i18n/messages';
import { clickFwButton } from '../test/crayons';
import { NOTES, contactData, dealData, fakeActions } from '../test/section-fixtures';
import { clickAndSettle } from './testing';
import { NOTE_MAX, NotesSection, noteError } from './NotesSection';

const text = messages.sections.notes;

function typeNote(value: string) {
  fireEvent.change(screen.getByTestId('note-input'), { target: { value } });
}

describe('NotesSection', () => {
  it('lists notes newest first with author and date, text kept as text with its line breaks', () => {
    render(<NotesSection data={contactData()} actions={fakeActions()} />);
    expect(screen.getByTestId('section-count')).toHaveTextContent('2');
    const items = screen.getAllByTestId('note-item');
    const newest = items[0];
    const body = newest?.querySelector('.note-text');
    expect(body?.textContent).toBe('Line one\nLine two <b>x</b>');
    expect(body).toHaveClass('note-text');
    expect(newest?.querySelector('b')).toBeNull();
    expect(newest).toHaveTextContent(format(text.byline, { author: messages.sections.unknownUser, date: formatDate(NOTES[1]?.created_at) }));
    expect(items[1]).toHaveTextContent(format(text.byline, { author: 'Asha Rao', date: formatDate(NOTES[0]?.created_at) }));
  });

  it('says what to do when there are no notes, and still offers the note box', () => {
    render(<NotesSection data={contactData({ notes: [] })} actions={fakeActions()} />);
    expect(screen.getByTestId('section-empty')).toHaveTextContent(text.empty);
    expect(screen.getByLabelText(text.inputLabel)).toBe(screen.getByTestId('note-input'));
  });

  it('says when Freshsales does not list notes for the record', () => {
    render(<NotesSection data={dealData({ notes: null })} actions={fakeActions()} />);
    expect(screen.getByTestId('section-unavailable')).toHaveTextContent('Freshsales does not list notes for deals in this account.');
    expect(screen.queryByTestId('note-input')).toBeNull();
  });

  it('adds a note and clears the box when the CRM accepts it', async () => {
    const actions = fakeActions();
    render(<NotesSection data={contactData()} actions={actions} />);
    typeNote('  Called, <i>keen</i> on v2  ');
    await clickAndSettle(screen.getByTestId('note-save'));
    expect(screen.getByTestId('note-input')).toHaveValue('');
    expect(actions.createNote).toHaveBeenCalledWith('Called, <i>keen</i> on v2');
  });

  it('keeps the text when the CRM refuses the note', async () => {
    let finish: (saved: boolean) => void = () => undefined;
    const createNote = jest.fn(() => new Promise<boolean>((resolve) => (finish = resolve)));
    render(<NotesSection data={contactData()} actions={fakeActions({ createNote })} />);
    typeNote('Keep me');
    await clickAndSettle(screen.getByTestId('note-save'));
    expect(createNote).toHaveBeenCalledWith('Keep me');
    await act(async () => {
      finish(false);
      await Promise.resolve();
    });
    expect(screen.getByTestId('note-input')).toHaveValue('Keep me');
  });

  it('refuses an empty note with a message, without calling the CRM', async () => {
    const actions = fakeActions();
    render(<NotesSection data={contactData()} actions={actions} />);
    typeNote('   ');
    await clickFwButton(screen.getByTestId('note-save'));
    expect(await screen.findByRole('alert')).toHaveTextContent(text.required);
    expect(screen.getByTestId('note-input')).toHaveAttribute('aria-invalid', 'true');
    expect(actions.createNote).not.toHaveBeenCalled();
  });

  it('refuses a note over 10,000 characters', async () => {
    const actions = fakeActions();
    render(<NotesSection data={contactData()} actions={actions} />);
    typeNote('x'.repeat(NOTE_MAX + 1));
    fireEvent.submit(screen.getByTestId('note-input').closest('form') as HTMLFormElement);
    expect(await screen.findByRole('alert')).toHaveTextContent('10,000');
    expect(actions.createNote).not.toHaveBeenCalled();
  });
});

describe('noteError', () => {
  it('accepts 1 to 10,000 characters of text', () => {
    expect(noteError('a')).toBeUndefined();
    expect(noteError('x'.repeat(NOTE_MAX))).toBeUndefined();
    expect(noteError('')).toBe(text.required);
    expect(noteError('\n\t ')).toBe(text.required);
    expect(noteError('x'.repeat(NOTE_MAX + 1))).toBe(format(text.tooLong, { max: '10,000', count: '10,001' }));
  });
});
