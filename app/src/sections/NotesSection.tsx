import { FwButton } from '@freshworks/crayons/react/FwButton';
import { useId, useState, type FormEvent } from 'react';
import type { Note } from '../../../common/crm/records';
import type { CrmUser } from '../../../common/crm/users';
import { formatIsolated } from '../components/Isolate';
import { formatDate } from '../fields/display';
import { format, messages } from '../i18n/messages';
import { notesNewestFirst, userName } from '../model/related';
import { useNoteEditing } from './NoteControls';
import { EmptyState, PagedList, Section, Unavailable } from './Section';
import type { SectionProps } from './types';

const text = messages.sections.notes;
export const NOTE_MAX = 10000;

/** Why a note cannot be saved, or undefined when it can. */
export function noteError(note: string): string | undefined {
  if (note.trim() === '') return text.required;
  if (note.length > NOTE_MAX) return format(text.tooLong, { max: NOTE_MAX.toLocaleString(), count: note.length.toLocaleString() });
  return undefined;
}

function NoteItem({ note, users }: { note: Note; users: CrmUser[] }) {
  return (
    <>
      {/* Plain text with its line breaks (pre-wrap): never interpreted as HTML. */}
      <p className="note-text" dir="auto">
        {note.description}
      </p>
      <span className="muted">{formatIsolated(text.byline, { author: userName(users, note.creater_id), date: formatDate(note.created_at) })}</span>
    </>
  );
}

function NoteComposer({ onSave }: { onSave: (text: string) => Promise<boolean> }) {
  const inputId = useId();
  const errorId = useId();
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);

  const save = async (event?: FormEvent) => {
    event?.preventDefault();
    const problem = noteError(draft);
    setError(problem);
    if (problem !== undefined) return;
    setSaving(true);
    const saved = await onSave(draft.trim());
    setSaving(false);
    if (saved) setDraft('');
  };

  return (
    <form className="note-composer" onSubmit={(event) => void save(event)} noValidate>
      <label htmlFor={inputId} className="visually-hidden">
        {text.inputLabel}
      </label>
      <textarea
        id={inputId}
        className="note-input"
        data-testid="note-input"
        rows={3}
        placeholder={text.placeholder}
        value={draft}
        aria-invalid={error !== undefined}
        aria-describedby={error === undefined ? undefined : errorId}
        onChange={(event) => setDraft(event.target.value)}
      />
      {error === undefined ? null : (
        <span id={errorId} className="form-error" role="alert">
          {error}
        </span>
      )}
      <FwButton size="small" color="secondary" data-testid="note-save" loading={saving} onFwClick={() => void save()}>
        {text.save}
      </FwButton>
    </form>
  );
}

/** Recent notes, newest first, and a box to add one. */
export function NotesSection({ data, actions }: SectionProps) {
  const noteControls = useNoteEditing(actions);
  if (data.notes === null) {
    return (
      <Section name="notes" title={text.title}>
        <Unavailable things={text.things} entity={data.entity} />
      </Section>
    );
  }
  const notes = notesNewestFirst(data.notes);
  return (
    <Section name="notes" title={text.title} count={notes.length}>
      {notes.length === 0 ? (
        <EmptyState text={text.empty} />
      ) : (
        <PagedList
          items={notes}
          keyOf={(note) => note.id}
          itemTestId="note-item"
          render={(note) => (
            <>
              <NoteItem note={note} users={data.users} />
              {noteControls(note)}
            </>
          )}
          textOf={(note) => `${note.description} ${format(text.byline, { author: userName(data.users, note.creater_id), date: formatDate(note.created_at) })}`}
          things={text.things}
        />
      )}
      <NoteComposer onSave={(note) => actions.createNote(note)} />
    </Section>
  );
}
