import { useState, type ReactNode } from 'react';
import type { Note } from '../../../common/crm/records';
import type { SidebarActions } from '../data/types';
import { messages } from '../i18n/messages';
import { ItemActions } from './ItemActions';
import { LazyNoteEditor } from './LazyForms';

const text = messages.operations.notes;

/** Edit and Delete of each note; a note not yet saved (negative id) has neither. */
export function useNoteEditing(actions: SidebarActions): (note: Note) => ReactNode {
  const [editingId, setEditingId] = useState<number>();
  const close = () => setEditingId(undefined);
  return (note) => {
    if (note.id < 0) return null;
    if (editingId === note.id) return <LazyNoteEditor initial={note.description} onSubmit={(description) => actions.records.updateNote(note, description)} onClose={close} />;
    return (
      <ItemActions
        testId="note"
        editLabel={text.editLabel}
        deleteLabel={text.deleteLabel}
        deleteQuestion={text.deleteQuestion}
        onEdit={() => setEditingId(note.id)}
        onDelete={() => actions.records.deleteNote(note)}
      />
    );
  };
}
