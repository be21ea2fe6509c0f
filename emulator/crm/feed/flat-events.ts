import type { AppointmentRow, AttendeeRow, SalesActivityRow, TaskRow } from '../model/types';
import type { SerializeContext } from '../serialize/context';
import { brief, choiceOrNull, people, targetable } from './associations';
import { isoUtc, isoUtcOrNull } from './wrap';

/**
 * Tasks, appointments and sales activities: flat records, no field wrappers (platform.md
 * §3.6). Field names follow the event (`creator_id`), timestamps are UTC ISO with "Z".
 */

const TASK_STATUS: Record<TaskRow['status'], string> = { 0: 'Open', 1: 'Completed' };

export function taskRecord(_context: SerializeContext, row: TaskRow): Record<string, unknown> {
  return {
    id: row.id,
    status: TASK_STATUS[row.status],
    due_date: isoUtc(row.due_date),
    title: row.title,
    description: row.description,
    is_deleted: row.is_deleted,
    completed_date: isoUtcOrNull(row.completed_date),
    created_at: isoUtc(row.created_at),
    updated_at: isoUtc(row.updated_at),
    task_type_id: row.task_type_id,
    owner_id: row.owner_id,
    creator_id: row.creater_id,
    updater_id: row.updater_id,
    outcome_id: row.outcome_id,
    targetable_id: row.targetable_id,
    targetable_type: row.targetable_type,
    source_additional_info: {},
  };
}

/** §3.6 lists `{name, position, sales_activity_type_id}` for the task type (no id: the record has task_type_id). */
function taskType(context: SerializeContext, row: TaskRow): Record<string, unknown> | null {
  const type = context.store.metadata.sales_activity_entity_types.find((candidate) => candidate.id === row.task_type_id);
  return type === undefined ? null : { name: type.name, position: type.position, sales_activity_type_id: type.sales_activity_type_id ?? null };
}

/**
 * The stand-in keeps task users as plain ids, with no join rows: the join row's id
 * (`_association_id`) is derived from the task id and the position, stable while the list is.
 */
const taskUsers = (row: TaskRow) =>
  row.user_ids.map((user_id, index) => ({ _association_id: row.id * 1000 + index + 1, user_id }));

export function taskAssociations(context: SerializeContext, row: TaskRow): Record<string, unknown> {
  return {
    ...people(context.store, row),
    task_type: taskType(context, row),
    task_users: taskUsers(row),
    outcome: choiceOrNull(context.store.metadata.sales_activity_outcomes, row.outcome_id),
    targetable: targetable(context.store, row.targetable_type, row.targetable_id),
  };
}

export function appointmentRecord(_context: SerializeContext, row: AppointmentRow): Record<string, unknown> {
  return {
    id: row.id,
    targetable_id: row.targetable_id,
    targetable_type: row.targetable_type,
    title: row.title,
    description: row.description,
    from_date: isoUtc(row.from_date),
    end_date: isoUtc(row.end_date),
    time_zone: row.time_zone,
    creator_id: row.creater_id,
    updater_id: row.updater_id,
    created_at: isoUtc(row.created_at),
    updated_at: isoUtc(row.updated_at),
    latitude: row.latitude,
    longitude: row.longitude,
    location: row.location,
    is_deleted: row.is_deleted,
    checkedin_at: isoUtcOrNull(row.checkedin_at),
    is_allday: row.is_allday,
    outcome_id: row.outcome_id,
  };
}

/** `_model` of an attendee: the REST `attendee_type` "FdMultitenant::User" is a "User" here (reading chosen; undocumented). */
const ATTENDEE_MODEL: Record<AttendeeRow['attendee_type'], string> = { 'FdMultitenant::User': 'User', Contact: 'Contact' };

export function appointmentAssociations(context: SerializeContext, row: AppointmentRow): Record<string, unknown> {
  const { creator, updater } = people(context.store, row);
  return {
    outcome: choiceOrNull(context.store.metadata.sales_activity_outcomes, row.outcome_id),
    updater,
    targetable: targetable(context.store, row.targetable_type, row.targetable_id),
    creator,
    appointment_attendees: row.attendees.map((attendee) => ({
      _association_id: attendee.id,
      id: attendee.attendee_id,
      _model: ATTENDEE_MODEL[attendee.attendee_type],
    })),
  };
}

/**
 * The §3.6 field list has no notes and no custom fields; the stand-in sends exactly the
 * listed fields, so an app cannot come to depend on more.
 */
export function salesActivityRecord(_context: SerializeContext, row: SalesActivityRow): Record<string, unknown> {
  return {
    id: row.id,
    title: row.title,
    start_date: isoUtc(row.start_date),
    end_date: isoUtc(row.end_date),
    owner_id: row.owner_id,
    targetable_id: row.targetable_id,
    targetable_type: row.targetable_type,
    remote_id: null,
    import_id: null,
    is_deleted: row.is_deleted,
    creator_id: row.creater_id,
    updater_id: row.updater_id,
    created_at: isoUtc(row.created_at),
    updated_at: isoUtc(row.updated_at),
    checkedin_at: isoUtcOrNull(row.checkedin_at),
    latitude: row.latitude,
    longitude: row.longitude,
    location: row.location,
    sales_activity_type_id: row.sales_activity_type_id,
    sales_activity_outcome_id: row.sales_activity_outcome_id,
  };
}

export function salesActivityAssociations(context: SerializeContext, row: SalesActivityRow): Record<string, unknown> {
  const { metadata } = context.store;
  return {
    sales_activity_type: brief(metadata.sales_activity_types, row.sales_activity_type_id),
    sales_activity_outcome: brief(metadata.sales_activity_outcomes, row.sales_activity_outcome_id),
    ...people(context.store, row),
    targetable: targetable(context.store, row.targetable_type, row.targetable_id),
  };
}
