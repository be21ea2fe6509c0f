import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { CrmFailure } from '../../../common/crm/failure';
import type { Result } from '../../../common/validation';
import type { ActivityInput, ActivityType } from '../data/activity-writes';
import { refusalReason, type Written } from '../data/operation-writer';
import { LOCAL_INPUT_MAX, LOCAL_INPUT_MIN, parseLocalInput } from '../data/timestamps';
import { format, messages } from '../i18n/messages';
import { FormButtons, FormField, formKeys, invalidProps, momentsProblems, RefusalNotice, useSubmission } from './form-parts';

const text = messages.operations.activities;
export const ACTIVITY_TITLE_MAX = 255;
export const ACTIVITY_NOTES_MAX = 10_000;

/** The form's values: ids as select values ('' for none), times as datetime-local values. */
export interface ActivityDraft {
  typeId: string;
  outcomeId: string;
  title: string;
  start: string;
  end: string;
  notes: string;
}

type Field = keyof ActivityDraft;
type Problems = Partial<Record<Field, string>>;

const typeOf = (types: readonly ActivityType[], id: string) => types.find((type) => String(type.id) === id);

function choiceProblems(draft: ActivityDraft, types: readonly ActivityType[]): Problems {
  const type = typeOf(types, draft.typeId);
  if (type === undefined) return { typeId: text.typeRequired };
  return type.outcomeRequired && draft.outcomeId === '' ? { outcomeId: format(text.outcomeRequired, { type: type.name }) } : {};
}

function textProblems(draft: ActivityDraft): Problems {
  const problems: Problems = {};
  if (draft.title.trim() === '') problems.title = text.titleRequired;
  if (draft.notes.length > ACTIVITY_NOTES_MAX) problems.notes = format(text.notesTooLong, { max: ACTIVITY_NOTES_MAX.toLocaleString() });
  return problems;
}

/** Everything wrong with a draft; empty when it can be sent. */
export function activityProblems(draft: ActivityDraft, types: readonly ActivityType[]): Problems {
  return { ...choiceProblems(draft, types), ...textProblems(draft), ...momentsProblems(draft.start, draft.end) };
}

export function toActivityInput(draft: ActivityDraft): ActivityInput {
  return {
    title: draft.title.trim(),
    typeId: Number(draft.typeId),
    outcomeId: draft.outcomeId === '' ? null : Number(draft.outcomeId),
    start: parseLocalInput(draft.start) as Date,
    end: parseLocalInput(draft.end) as Date,
    notes: draft.notes.trim(),
  };
}

/** A new type resets the outcome, and the title too while it is still the old type's name. */
export function withType(draft: ActivityDraft, types: readonly ActivityType[], typeId: string): ActivityDraft {
  const before = typeOf(types, draft.typeId)?.name ?? '';
  const title = draft.title === '' || draft.title === before ? (typeOf(types, typeId)?.name ?? '') : draft.title;
  return { ...draft, typeId, outcomeId: '', title };
}

type Types = { state: 'loading' } | { state: 'ready'; types: ActivityType[] } | { state: 'failed'; reason: string };

/** The account's activity types, loaded when the form opens (the first type preselected). */
function useTypes(load: () => Promise<Result<ActivityType[], CrmFailure>>, onReady: (types: ActivityType[]) => void): Types {
  const [types, setTypes] = useState<Types>({ state: 'loading' });
  const ready = useRef(onReady);
  useEffect(() => {
    let live = true;
    void load().then((answer) => {
      if (!live) return;
      setTypes(answer.ok ? { state: 'ready', types: answer.value } : { state: 'failed', reason: refusalReason(answer.failure) });
      if (answer.ok) ready.current(answer.value);
    });
    return () => {
      live = false;
    };
  }, [load]);
  return types;
}

export interface ActivityFormProps {
  loadTypes: () => Promise<Result<ActivityType[], CrmFailure>>;
  initial: ActivityDraft;
  onSubmit: (input: ActivityInput) => Promise<Written>;
  onClose: () => void;
}

interface FieldsProps {
  id: string;
  types: ActivityType[];
  draft: ActivityDraft;
  problems: Problems;
  onChange: (draft: ActivityDraft) => void;
}

function TypeFields({ id, types, draft, problems, onChange }: FieldsProps) {
  const outcomes = typeOf(types, draft.typeId)?.outcomes ?? [];
  return (
    <>
      <FormField id={`${id}-type`} label={text.type} problem={problems.typeId}>
        <select id={`${id}-type`} data-testid="activity-type" value={draft.typeId} onChange={(event) => onChange(withType(draft, types, event.target.value))} {...invalidProps(`${id}-type`, problems.typeId)}>
          {types.map((type) => (
            <option key={type.id} value={String(type.id)}>
              {type.name}
            </option>
          ))}
        </select>
      </FormField>
      <FormField id={`${id}-outcome`} label={text.outcome} problem={problems.outcomeId}>
        <select id={`${id}-outcome`} data-testid="activity-outcome" value={draft.outcomeId} onChange={(event) => onChange({ ...draft, outcomeId: event.target.value })} {...invalidProps(`${id}-outcome`, problems.outcomeId)}>
          <option value="">{text.noOutcome}</option>
          {outcomes.map((outcome) => (
            <option key={outcome.id} value={String(outcome.id)}>
              {outcome.name}
            </option>
          ))}
        </select>
      </FormField>
    </>
  );
}

function DetailFields({ id, draft, problems, onChange }: Omit<FieldsProps, 'types'>) {
  const set = (key: Field) => (event: { target: { value: string } }) => onChange({ ...draft, [key]: event.target.value });
  return (
    <>
      <FormField id={`${id}-title`} label={text.activityTitle} problem={problems.title}>
        <input id={`${id}-title`} data-testid="activity-title" maxLength={ACTIVITY_TITLE_MAX} value={draft.title} onChange={set('title')} {...invalidProps(`${id}-title`, problems.title)} />
      </FormField>
      <FormField id={`${id}-start`} label={text.start} problem={problems.start}>
        <input id={`${id}-start`} data-testid="activity-start" type="datetime-local" min={LOCAL_INPUT_MIN} max={LOCAL_INPUT_MAX} value={draft.start} onChange={set('start')} {...invalidProps(`${id}-start`, problems.start)} />
      </FormField>
      <FormField id={`${id}-end`} label={text.end} problem={problems.end}>
        <input id={`${id}-end`} data-testid="activity-end" type="datetime-local" min={LOCAL_INPUT_MIN} max={LOCAL_INPUT_MAX} value={draft.end} onChange={set('end')} {...invalidProps(`${id}-end`, problems.end)} />
      </FormField>
      <FormField id={`${id}-notes`} label={text.notes} problem={problems.notes}>
        <textarea id={`${id}-notes`} data-testid="activity-notes" className="note-input" rows={3} dir="auto" value={draft.notes} onChange={set('notes')} {...invalidProps(`${id}-notes`, problems.notes)} />
      </FormField>
    </>
  );
}

function TypesNotice({ types }: { types: Types }) {
  if (types.state === 'loading') return <p className="muted" role="status">{messages.operations.loadingForm}</p>;
  const message = types.state === 'failed' ? format(text.typesFailed, { reason: types.reason }) : text.noTypes;
  return (
    <p className="form-error" role="alert" data-testid="activity-types-problem">
      {message}
    </p>
  );
}

/** Type, outcome, title, start, end and notes of a sales activity on the open record. */
export default function ActivityForm({ loadTypes, initial, onSubmit, onClose }: ActivityFormProps) {
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState(initial);
  const [problems, setProblems] = useState<Problems>({});
  const { saving, refusal, run } = useSubmission(onClose);
  const types = useTypes(loadTypes, (loaded) => {
    setDraft((current) => (current.typeId === '' && loaded[0] !== undefined ? withType(current, loaded, String(loaded[0].id)) : current));
  });
  const ready = types.state === 'ready' && types.types.length > 0;
  useEffect(() => {
    if (ready) form.current?.querySelector('select')?.focus();
  }, [ready]);

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (types.state !== 'ready') return;
    const found = activityProblems(draft, types.types);
    setProblems(found);
    if (Object.keys(found).length === 0) void run(() => onSubmit(toActivityInput(draft)));
  };
  const fields = { id, draft, problems, onChange: setDraft };

  return (
    <form ref={form} className="related-form" data-testid="activity-form" aria-label={text.form} noValidate onSubmit={submit} onKeyDown={formKeys(onClose, submit)}>
      {ready ? (
        <>
          <TypeFields {...fields} types={types.types} />
          <DetailFields {...fields} />
        </>
      ) : (
        <TypesNotice types={types} />
      )}
      <RefusalNotice reason={refusal} />
      <FormButtons testId="activity" submitLabel={text.submit} saving={saving} onSubmit={submit} onCancel={onClose} />
    </form>
  );
}
