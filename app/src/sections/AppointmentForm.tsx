import { useId, useState, type FormEvent } from 'react';
import type { AppointmentInput } from '../data/appointment-writes';
import type { Written } from '../data/operation-writer';
import { LOCAL_INPUT_MAX, LOCAL_INPUT_MIN, parseLocalInput } from '../data/timestamps';
import { format, messages } from '../i18n/messages';
import { FormButtons, FormField, formKeys, invalidProps, momentsProblems, RefusalNotice, useFocusOnOpen, useSubmission } from './form-parts';

const text = messages.operations.appointments;
export const APPOINTMENT_TITLE_MAX = 255;

/** What the form holds: datetime-local values, contact ids ticked as attendees. */
export interface AppointmentDraft {
  title: string;
  start: string;
  end: string;
  location: string;
  attendeeIds: number[];
}

type Problems = Partial<Record<'title' | 'start' | 'end', string>>;

function titleProblem(title: string): string | undefined {
  if (title.trim() === '') return text.titleRequired;
  return title.length > APPOINTMENT_TITLE_MAX ? format(text.titleTooLong, { max: APPOINTMENT_TITLE_MAX }) : undefined;
}

/** Everything wrong with a draft; empty when it can be sent. */
export function appointmentProblems(draft: AppointmentDraft): Problems {
  const title = titleProblem(draft.title);
  return { ...(title === undefined ? {} : { title }), ...momentsProblems(draft.start, draft.end) };
}

/** A valid draft as the operation's input. */
export function toAppointmentInput(draft: AppointmentDraft): AppointmentInput {
  return {
    title: draft.title.trim(),
    from: parseLocalInput(draft.start) as Date,
    end: parseLocalInput(draft.end) as Date,
    location: draft.location.trim(),
    attendeeIds: draft.attendeeIds,
  };
}

export interface AppointmentFormProps {
  mode: 'create' | 'edit';
  initial: AppointmentDraft;
  /** Contacts of the record that can attend; only offered when creating. */
  attendees: Array<{ id: number; name: string }>;
  onSubmit: (input: AppointmentInput) => Promise<Written>;
  onClose: () => void;
}

function toggle(ids: number[], id: number): number[] {
  return ids.includes(id) ? ids.filter((candidate) => candidate !== id) : [...ids, id];
}

function Attendees({ attendees, chosen, onToggle }: { attendees: AppointmentFormProps['attendees']; chosen: number[]; onToggle: (id: number) => void }) {
  return (
    <fieldset className="form-field form-choices">
      <legend>{text.attendees}</legend>
      {attendees.length === 0 ? <span className="muted">{text.noAttendees}</span> : null}
      {attendees.map((attendee) => (
        <label key={attendee.id} className="form-choice">
          <input type="checkbox" data-testid="appointment-attendee" checked={chosen.includes(attendee.id)} onChange={() => onToggle(attendee.id)} />
          <bdi>{attendee.name}</bdi>
        </label>
      ))}
    </fieldset>
  );
}

/** Title, start, end, location and (when creating) attendees of an appointment on the record. */
export default function AppointmentForm({ mode, initial, attendees, onSubmit, onClose }: AppointmentFormProps) {
  const id = useId();
  const first = useFocusOnOpen<HTMLInputElement>();
  const [draft, setDraft] = useState(initial);
  const [problems, setProblems] = useState<Problems>({});
  const { saving, refusal, run } = useSubmission(onClose);
  const set = (key: 'title' | 'start' | 'end' | 'location') => (event: { target: { value: string } }) => setDraft({ ...draft, [key]: event.target.value });

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const found = appointmentProblems(draft);
    setProblems(found);
    if (Object.keys(found).length === 0) void run(() => onSubmit(toAppointmentInput(draft)));
  };

  return (
    <form className="related-form" data-testid="appointment-form" aria-label={mode === 'create' ? text.form : text.editForm} noValidate onSubmit={submit} onKeyDown={formKeys(onClose, submit)}>
      <FormField id={`${id}-title`} label={text.title} problem={problems.title}>
        <input ref={first} id={`${id}-title`} data-testid="appointment-title" required maxLength={APPOINTMENT_TITLE_MAX} value={draft.title} onChange={set('title')} {...invalidProps(`${id}-title`, problems.title)} />
      </FormField>
      <FormField id={`${id}-start`} label={text.start} problem={problems.start}>
        <input id={`${id}-start`} data-testid="appointment-start" type="datetime-local" required min={LOCAL_INPUT_MIN} max={LOCAL_INPUT_MAX} value={draft.start} onChange={set('start')} {...invalidProps(`${id}-start`, problems.start)} />
      </FormField>
      <FormField id={`${id}-end`} label={text.end} problem={problems.end}>
        <input id={`${id}-end`} data-testid="appointment-end" type="datetime-local" required min={LOCAL_INPUT_MIN} max={LOCAL_INPUT_MAX} value={draft.end} onChange={set('end')} {...invalidProps(`${id}-end`, problems.end)} />
      </FormField>
      <FormField id={`${id}-location`} label={text.location} problem={undefined}>
        <input id={`${id}-location`} data-testid="appointment-location" maxLength={APPOINTMENT_TITLE_MAX} value={draft.location} onChange={set('location')} />
      </FormField>
      {mode === 'create' ? <Attendees attendees={attendees} chosen={draft.attendeeIds} onToggle={(contact) => setDraft({ ...draft, attendeeIds: toggle(draft.attendeeIds, contact) })} /> : null}
      <RefusalNotice reason={refusal} />
      <FormButtons testId="appointment" submitLabel={mode === 'create' ? text.submit : messages.operations.save} saving={saving} onSubmit={submit} onCancel={onClose} />
    </form>
  );
}
