import { useState, type ReactNode } from 'react';
import type { Appointment } from '../../../common/crm/records';
import { attendeeChoices } from '../data/appointment-writes';
import { addMinutes, nextHalfHour, timestampToLocalInput, toLocalInput } from '../data/timestamps';
import type { SidebarActions, SidebarData } from '../data/types';
import { format, messages } from '../i18n/messages';
import type { AppointmentDraft } from './AppointmentForm';
import { ItemActions } from './ItemActions';
import { LazyAppointmentForm } from './LazyForms';
import { HeaderAction } from './Section';

const text = messages.operations.appointments;

/** Half an hour, starting at the next full or half hour; the open contact attends. */
export function newAppointmentDraft(data: SidebarData, now: Date): AppointmentDraft {
  const start = nextHalfHour(now);
  return {
    title: '',
    start: toLocalInput(start),
    end: toLocalInput(addMinutes(start, 30)),
    location: '',
    attendeeIds: data.entity === 'contact' ? [data.record.id] : [],
  };
}

export function appointmentDraft(appointment: Appointment): AppointmentDraft {
  const start = timestampToLocalInput(appointment.from_date);
  const end = timestampToLocalInput(appointment.end_date);
  const from = new Date(appointment.from_date);
  return {
    title: appointment.title,
    start,
    end: end === '' && start !== '' ? toLocalInput(addMinutes(from, 30)) : end,
    location: appointment.location ?? '',
    attendeeIds: [],
  };
}

type Editing = { mode: 'create' } | { mode: 'edit'; id: number } | null;

export interface AppointmentEditing {
  /** "+ Appointment" for the section header; none when the CRM does not list appointments. */
  action: ReactNode;
  /** The new-appointment form, while open. */
  form: ReactNode;
  /** Edit and Delete of one appointment, or its edit form while open. */
  itemControls: (appointment: Appointment) => ReactNode;
}

/** Create, edit and delete for the appointments section of contact and deal sidebars. */
export function useAppointmentEditing(data: SidebarData, actions: SidebarActions, now: Date): AppointmentEditing {
  const [editing, setEditing] = useState<Editing>(null);
  const close = () => setEditing(null);
  const records = actions.records;
  const attendees = attendeeChoices(data);
  const action = data.appointments === null ? null : <HeaderAction label={text.create} testId="appointment-create" onClick={() => setEditing({ mode: 'create' })} />;
  const form =
    editing?.mode === 'create' ? <LazyAppointmentForm mode="create" initial={newAppointmentDraft(data, now)} attendees={attendees} onSubmit={(input) => records.createAppointment(input)} onClose={close} /> : null;
  const itemControls = (appointment: Appointment) =>
    editing?.mode === 'edit' && editing.id === appointment.id ? (
      <LazyAppointmentForm mode="edit" initial={appointmentDraft(appointment)} attendees={[]} onSubmit={(input) => records.updateAppointment(appointment, input)} onClose={close} />
    ) : (
      <ItemActions
        testId="appointment"
        editLabel={format(text.editLabel, { title: appointment.title })}
        deleteLabel={format(text.deleteLabel, { title: appointment.title })}
        deleteQuestion={format(text.deleteQuestion, { title: appointment.title })}
        onEdit={() => setEditing({ mode: 'edit', id: appointment.id })}
        onDelete={() => records.deleteAppointment(appointment)}
      />
    );
  return { action, form, itemControls };
}
