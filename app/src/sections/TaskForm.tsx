import { FwButton } from '@freshworks/crayons/react/FwButton';
import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useFocusOnMount } from '../components/keyboard';
import type { NewTask } from '../data/types';
import { format, messages } from '../i18n/messages';
import type { Choice } from '../model/fields';

const text = messages.sections.tasks;
export const TASK_TITLE_MAX = 255;

interface Draft {
  title: string;
  dueDate: string;
  ownerId: string;
}

type Problems = Partial<Record<keyof Draft, string>>;

function titleProblem(title: string): string | undefined {
  if (title.trim() === '') return text.titleRequired;
  return title.length > TASK_TITLE_MAX ? format(text.titleTooLong, { max: TASK_TITLE_MAX }) : undefined;
}

/** What is wrong with a draft task; empty when it can be saved. */
export function taskProblems(draft: Draft): Problems {
  const problems: Problems = {
    title: titleProblem(draft.title),
    dueDate: /^\d{4}-\d{2}-\d{2}$/.test(draft.dueDate) ? undefined : text.dueRequired,
    ownerId: /^\d+$/.test(draft.ownerId) ? undefined : text.ownerRequired,
  };
  return Object.fromEntries(Object.entries(problems).filter(([, problem]) => problem !== undefined));
}

function cancelOnEscape(event: KeyboardEvent, onCancel: () => void): void {
  if (event.key !== 'Escape') return;
  event.stopPropagation();
  onCancel();
}

interface TaskFormProps {
  owners: Choice[];
  initial: Draft;
  onSubmit: (task: NewTask) => Promise<boolean>;
  onCancel: () => void;
  /** The save button's text: "Add task" unless editing. */
  submitLabel?: string;
}

function FieldError({ id, problem }: { id: string; problem: string | undefined }) {
  return problem === undefined ? null : (
    <span id={id} className="form-error">
      {problem}
    </span>
  );
}

/** Title, due date and owner: the quick task form of every sidebar; the title has focus, Escape cancels. */
export function TaskForm({ owners, initial, onSubmit, onCancel, submitLabel = text.save }: TaskFormProps) {
  const ids = { title: useId(), dueDate: useId(), ownerId: useId() };
  const title = useFocusOnMount<HTMLInputElement>();
  const [draft, setDraft] = useState(initial);
  const [problems, setProblems] = useState<Problems>({});
  const [saving, setSaving] = useState(false);
  const set = (key: keyof Draft) => (event: { target: { value: string } }) => setDraft({ ...draft, [key]: event.target.value });
  const invalid = (key: keyof Draft) => ({
    'aria-invalid': problems[key] !== undefined,
    'aria-describedby': problems[key] === undefined ? undefined : `${ids[key]}-error`,
  });

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    const found = taskProblems(draft);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    const saved = await onSubmit({ title: draft.title.trim(), dueDate: draft.dueDate, ownerId: Number(draft.ownerId) });
    setSaving(false);
    if (saved) onCancel();
  };

  return (
    <form className="related-form" data-testid="task-form" onSubmit={(event) => void submit(event)} onKeyDown={(event) => cancelOnEscape(event, onCancel)} noValidate>
      <div className="form-field">
        <label htmlFor={ids.title}>{text.formTitle}</label>
        <input id={ids.title} ref={title} data-testid="task-title" required value={draft.title} onChange={set('title')} {...invalid('title')} />
        <FieldError id={`${ids.title}-error`} problem={problems.title} />
      </div>
      <div className="form-field">
        <label htmlFor={ids.dueDate}>{text.formDue}</label>
        <input id={ids.dueDate} data-testid="task-due" type="date" required value={draft.dueDate} onChange={set('dueDate')} {...invalid('dueDate')} />
        <FieldError id={`${ids.dueDate}-error`} problem={problems.dueDate} />
      </div>
      <div className="form-field">
        <label htmlFor={ids.ownerId}>{text.formOwner}</label>
        <select id={ids.ownerId} data-testid="task-owner" value={draft.ownerId} onChange={set('ownerId')} {...invalid('ownerId')}>
          {owners.map((owner) => (
            <option key={owner.id} value={owner.id}>
              {owner.label}
            </option>
          ))}
        </select>
        <FieldError id={`${ids.ownerId}-error`} problem={problems.ownerId} />
      </div>
      <div className="form-buttons">
        <FwButton size="small" color="primary" data-testid="task-save" loading={saving} onFwClick={() => void submit()}>
          {submitLabel}
        </FwButton>
        <FwButton size="small" color="secondary" data-testid="task-cancel" onFwClick={onCancel}>
          {messages.sections.cancel}
        </FwButton>
      </div>
    </form>
  );
}
