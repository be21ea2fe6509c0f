import type { AppointmentRow, NoteRow, PhoneCallRow, SalesActivityRow, TargetableType, TaskRow } from '../model/types';
import { at, atOrNull, type SerializeContext } from './context';

/** `targetable_type` CamelCase → the snake_case `targetable.type` of includes (api §4.4). */
export const TARGETABLE_KEY: Record<TargetableType, 'contact' | 'sales_account' | 'deal'> = {
  Contact: 'contact',
  SalesAccount: 'sales_account',
  Deal: 'deal',
};

const targetables = (type: TargetableType | null, id: number | null) =>
  type === null || id === null ? [] : [{ id, type }];

export function taskJson(
  context: SerializeContext,
  row: TaskRow,
  options: { targetable?: boolean; users?: boolean } = {},
): Record<string, unknown> {
  return {
    id: row.id,
    status: row.status,
    title: row.title,
    description: row.description,
    due_date: at(context, row.due_date),
    completed_date: atOrNull(context, row.completed_date),
    owner_id: row.owner_id,
    creater_id: row.creater_id,
    updater_id: row.updater_id,
    outcome_id: row.outcome_id,
    task_type_id: row.task_type_id,
    targetables: targetables(row.targetable_type, row.targetable_id),
    ...(options.targetable ? { targetable: { type: TARGETABLE_KEY[row.targetable_type], id: row.targetable_id } } : {}),
    ...(options.users ? { user_ids: row.user_ids } : {}),
    created_at: at(context, row.created_at),
    updated_at: at(context, row.updated_at),
  };
}

export function appointmentJson(context: SerializeContext, row: AppointmentRow, options: { targetable?: boolean } = {}): Record<string, unknown> {
  const targetable = row.targetable_type === null || row.targetable_id === null
    ? null
    : { type: TARGETABLE_KEY[row.targetable_type], id: row.targetable_id };
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    location: row.location,
    time_zone: row.time_zone,
    is_allday: row.is_allday,
    from_date: at(context, row.from_date),
    end_date: at(context, row.end_date),
    outcome_id: row.outcome_id,
    creater_id: row.creater_id,
    updater_id: row.updater_id,
    provider: 'freshsales',
    conference_id: null,
    note_id: null,
    targetables: targetables(row.targetable_type, row.targetable_id),
    ...(options.targetable ? { targetable } : {}),
    appointment_attendee_ids: row.attendees.map((attendee) => attendee.id),
    latitude: row.latitude,
    longitude: row.longitude,
    checkedin_at: atOrNull(context, row.checkedin_at),
    checkedout_at: null,
    can_checkin: true,
    can_checkin_checkout: false,
    created_at: at(context, row.created_at),
    updated_at: at(context, row.updated_at),
  };
}

/** Side-loaded `appointment_attendees` (api §4.5). */
export function attendeeJson(attendee: AppointmentRow['attendees'][number]): Record<string, unknown> {
  return { id: attendee.id, attendee_type: attendee.attendee_type, attendee_id: attendee.attendee_id };
}

export function salesActivityJson(context: SerializeContext, row: SalesActivityRow): Record<string, unknown> {
  return {
    id: row.id,
    title: row.title,
    notes: row.notes,
    start_date: at(context, row.start_date),
    end_date: at(context, row.end_date),
    owner_id: row.owner_id,
    creater_id: row.creater_id,
    updater_id: row.updater_id,
    sales_activity_type_id: row.sales_activity_type_id,
    sales_activity_outcome_id: row.sales_activity_outcome_id,
    targetable_type: row.targetable_type,
    targetable_id: row.targetable_id,
    targetables: targetables(row.targetable_type, row.targetable_id),
    location: row.location,
    latitude: row.latitude,
    longitude: row.longitude,
    checkedin_at: atOrNull(context, row.checkedin_at),
    checkedout_at: null,
    conversation_time: row.conversation_time,
    completed_date: at(context, row.end_date),
    status: true,
    remote_id: null,
    import_id: null,
    conversation_id: null,
    custom_field: row.custom_field,
    created_at: at(context, row.created_at),
    updated_at: at(context, row.updated_at),
  };
}

export function noteJson(context: SerializeContext, row: NoteRow): Record<string, unknown> {
  return {
    id: row.id,
    description: row.description,
    creater_id: row.creater_id,
    has_access: true,
    url: null,
    duration: null,
    targetables: targetables(row.targetable_type, row.targetable_id),
    created_at: at(context, row.created_at),
    updated_at: at(context, row.updated_at),
  };
}

export function phoneCallJson(context: SerializeContext, row: PhoneCallRow): Record<string, unknown> {
  return {
    id: row.id,
    call_direction: row.call_direction,
    note: row.note,
    outcome_id: row.outcome_id,
    call_duration: row.call_duration,
    recording_url: row.recording_url,
    user_id: row.creater_id,
    targetables: targetables(row.targetable_type, row.targetable_id),
    created_at: at(context, row.created_at),
    updated_at: at(context, row.updated_at),
  };
}
