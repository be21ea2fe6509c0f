import type { Appointment } from '../../../common/crm/records';
import type { EntityType } from '../../../common/platform/client';
import { isoWithOffset } from './timestamps';
import type { SidebarData } from './types';
import { TARGETABLE_TYPE } from './writes';

/**
 * Request bodies and optimistic changes for appointments on the open record
 * (freshsales-api.md §4.5): wrapped in `appointment`, times as ISO with the offset, the
 * zone as the Rails name the CRM uses ("Chennai"), contacts as attendees.
 */

export interface AppointmentInput {
  title: string;
  from: Date;
  end: Date;
  location: string;
  /** Contacts of the open record who attend; only sent on create. */
  attendeeIds: number[];
}

/** A zone the CRM is sure to know when the signed-in user's own is not available. */
export const FALLBACK_TIME_ZONE = 'UTC';

/** The fields both create and update send. */
function appointmentFields(input: AppointmentInput): Record<string, unknown> {
  return {
    title: input.title,
    from_date: isoWithOffset(input.from),
    end_date: isoWithOffset(input.end),
    location: input.location === '' ? null : input.location,
  };
}

/** `POST /appointments`: on the open record, with its chosen contacts as attendees. */
export function newAppointmentBody(entity: EntityType, recordId: number, input: AppointmentInput, timeZone: string | undefined): Record<string, unknown> {
  const attendees = input.attendeeIds.map((id) => ({ attendee_type: 'Contact', attendee_id: String(id) }));
  return {
    appointment: {
      ...appointmentFields(input),
      time_zone: timeZone === undefined || timeZone === '' ? FALLBACK_TIME_ZONE : timeZone,
      is_allday: false,
      targetable_type: TARGETABLE_TYPE[entity],
      targetable_id: recordId,
      ...(attendees.length > 0 ? { appointment_attendees_attributes: attendees } : {}),
    },
  };
}

/** `PUT /appointments/:id`: what the form edits; attendees, zone and all-day stay as they are. */
export function appointmentUpdateBody(input: AppointmentInput): Record<string, unknown> {
  return { appointment: appointmentFields(input) };
}

/** The appointment as the list shows it before the CRM answers. */
export function appointmentPreview(id: number, input: AppointmentInput, base: Partial<Appointment> = {}): Appointment {
  return { ...base, id, title: input.title, location: input.location === '' ? null : input.location, is_allday: false, from_date: isoWithOffset(input.from), end_date: isoWithOffset(input.end) };
}

export function withAppointments<D extends SidebarData>(data: D, change: (appointments: Appointment[]) => Appointment[]): D {
  return data.appointments === null ? data : { ...data, appointments: change(data.appointments) };
}

export const replaceAppointment = (appointment: Appointment) => (rows: Appointment[]) =>
  rows.map((row) => (row.id === appointment.id ? appointment : row));

export const dropAppointment = (id: number) => (rows: Appointment[]) => rows.filter((row) => row.id !== id);

/** Puts a row back where it was (or first), unless it is already there. */
export function restoreRow<T extends { id: number }>(rows: T[], row: T, index: number): T[] {
  if (rows.some((candidate) => candidate.id === row.id)) return rows;
  const at = Math.min(Math.max(index, 0), rows.length);
  return [...rows.slice(0, at), row, ...rows.slice(at)];
}

/** The contacts an appointment on this record may invite: the contact itself, or the deal's. */
export function attendeeChoices(data: SidebarData): Array<{ id: number; name: string }> {
  if (data.entity === 'contact') {
    const name = data.record.display_name ?? [data.record.first_name, data.record.last_name].filter(Boolean).join(' ');
    return [{ id: data.record.id, name: name === '' ? String(data.record.id) : name }];
  }
  return data.contacts.map((contact) => ({ id: contact.id, name: contact.display_name ?? contact.email ?? String(contact.id) }));
}
