import type { Appointment } from '../../../common/crm/records';
import { Isolate } from '../components/Isolate';
import { formatDate } from '../fields/display';
import { format, messages } from '../i18n/messages';
import { upcomingAppointments } from '../model/related';
import { useAppointmentEditing } from './AppointmentControls';
import { EmptyState, PagedList, Section, Unavailable } from './Section';
import type { SectionProps } from './types';

const text = messages.sections.appointments;

function formatTime(iso: string): string {
  return new Date(iso).toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' });
}

/** "10 May 2024, 10:00–11:00", or the day alone for all-day appointments. */
export function appointmentWhen(appointment: Appointment): string {
  const date = formatDate(appointment.from_date);
  if (appointment.is_allday === true) return format(text.allDay, { date });
  const from = formatTime(appointment.from_date);
  const end = appointment.end_date;
  if (end === null || end === undefined || end === '') return format(text.from, { date, from });
  return format(text.range, { date, from, to: formatTime(end) });
}

function AppointmentItem({ appointment }: { appointment: Appointment }) {
  return (
    <>
      <span className="item-title">
        <Isolate>{appointment.title}</Isolate>
      </span>
      <span className="muted">{appointmentWhen(appointment)}</span>
      {appointment.location ? (
        <span className="muted">
          <Isolate>{appointment.location}</Isolate>
        </span>
      ) : null}
    </>
  );
}

/** Upcoming appointments, soonest first. */
export function AppointmentsSection({ data, actions, now = new Date() }: SectionProps) {
  const editing = useAppointmentEditing(data, actions, now);
  if (data.appointments === null) {
    return (
      <Section name="appointments" title={text.title}>
        <Unavailable things={text.things} entity={data.entity} />
      </Section>
    );
  }
  const upcoming = upcomingAppointments(data.appointments, now);
  return (
    <Section name="appointments" title={text.title} count={upcoming.length} action={editing.action}>
      {editing.form}
      {upcoming.length === 0 ? (
        <EmptyState text={text.empty} />
      ) : (
        <PagedList
          items={upcoming}
          keyOf={(appointment) => appointment.id}
          itemTestId="appointment-item"
          textOf={(appointment) => [appointment.title, appointmentWhen(appointment), appointment.location ?? ''].join(' ')}
          things={text.things}
          render={(appointment) => (
            <>
              <AppointmentItem appointment={appointment} />
              {editing.itemControls(appointment)}
            </>
          )}
        />
      )}
    </Section>
  );
}
