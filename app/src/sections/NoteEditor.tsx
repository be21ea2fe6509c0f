import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { Written } from '../data/operation-writer';
import { messages } from '../i18n/messages';
import { FieldError, FormButtons, invalidProps, RefusalNotice, useFocusOnOpen, useSubmission } from './form-parts';
import { noteError } from './NotesSection';

const text = messages.operations.notes;

export interface NoteEditorProps {
  initial: string;
  onSubmit: (text: string) => Promise<Written>;
  onClose: () => void;
}

/** A note's text, edited in place: the same rules as a new note, Esc to close, Ctrl/⌘+Enter to save. */
export default function NoteEditor({ initial, onSubmit, onClose }: NoteEditorProps) {
  const id = useId();
  const box = useFocusOnOpen<HTMLTextAreaElement>();
  const [draft, setDraft] = useState(initial);
  const [problem, setProblem] = useState<string>();
  const { saving, refusal, run } = useSubmission(onClose);

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const found = noteError(draft);
    setProblem(found);
    if (found === undefined) void run(() => onSubmit(draft.trim()));
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit();
  };

  return (
    <form className="related-form" data-testid="note-editor" noValidate onSubmit={submit} onKeyDown={onKeyDown}>
      <label htmlFor={id} className="visually-hidden">
        {text.editorLabel}
      </label>
      <textarea ref={box} id={id} className="note-input" data-testid="note-editor-input" rows={3} dir="auto" value={draft} onChange={(event) => setDraft(event.target.value)} {...invalidProps(id, problem)} />
      <FieldError id={`${id}-error`} problem={problem} />
      <RefusalNotice reason={refusal} />
      <FormButtons testId="note-editor" submitLabel={messages.operations.save} saving={saving} onSubmit={submit} onCancel={onClose} />
    </form>
  );
}
