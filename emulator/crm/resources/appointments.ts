import { badRequest } from '../http/errors';
import { created, ok, type CrmContext, type CrmHandler, type CrmRequest } from '../context';
import type { AppointmentRow, AttendeeRow, Id, UserRow } from '../model/types';
import { appointmentJson, attendeeJson } from '../serialize/activities';
import type { SerializeContext } from '../serialize/context';
import type { CrmStore } from '../store';
import {
  coordinateProblems, DELETED_BODY, differs, isActiveUser, isOutcome, LONG_TEXT, parseFilter, refuseBlank, serializeContext,
  throwIfAny, withSideLoads,
} from './activity-common';
import type { RegisterRoutes } from './index';
import { isObject, unwrap, type JsonObject } from './shared/body';
import { parseFields, requirePresent, toId, type FieldRules } from './shared/fields';
import { parseId } from './shared/ids';
import { parseIncludes, SideLoads } from './shared/includes';
import { paginate, parsePage, sortRows } from './shared/paging';
import { findOr404, newBase, publish, snapshotOf, touch } from './shared/records';
import { sideLoadUser } from './shared/side-loads';
import { contactPartial, parseTargetable, sideLoadTargetable, targetFields, touchTargetables } from './targetables';

/**
 * Appointments (freshsales-api.md §2, §3, §4.5): `upcoming` / `past` lists, CRUD with
 * attendees. Single-record answers always side-load `appointment_attendees`, `conferences`,
 * `notes` and `contacts`, even on create and update [C].
 */

export const APPOINTMENT_INCLUDES = ['creater', 'targetable', 'appointment_attendees', 'conference', 'note'] as const;
type AppointmentInclude = (typeof APPOINTMENT_INCLUDES)[number];

export const APPOINTMENT_FILTERS = ['upcoming', 'past'] as const;
type AppointmentFilter = (typeof APPOINTMENT_FILTERS)[number];

/**
 * Rails (ActiveSupport) zone names [C: "Chennai", "Eastern Time (US & Canada)"]. A small
 * allow-list: anything else, IANA names such as "Asia/Kolkata" included, is refused, so
 * clients send the Rails form.
 */
export const RAILS_TIME_ZONES = [
  'International Date Line West', 'Hawaii', 'Alaska', 'Pacific Time (US & Canada)', 'Arizona',
  'Mountain Time (US & Canada)', 'Central Time (US & Canada)', 'Eastern Time (US & Canada)', 'Brasilia',
  'Buenos Aires', 'UTC', 'London', 'Edinburgh', 'Dublin', 'Lisbon', 'Madrid', 'Paris', 'Berlin', 'Amsterdam',
  'Rome', 'Stockholm', 'Cairo', 'Istanbul', 'Moscow', 'Nairobi', 'Abu Dhabi', 'Karachi', 'Chennai', 'Kolkata',
  'Mumbai', 'New Delhi', 'Kathmandu', 'Dhaka', 'Bangkok', 'Jakarta', 'Singapore', 'Beijing', 'Hong Kong',
  'Seoul', 'Tokyo', 'Sydney', 'Auckland',
] as const;

export const ATTENDEE_TYPES = ['FdMultitenant::User', 'Contact'] as const;
type AttendeeType = AttendeeRow['attendee_type'];

const APPOINTMENT_RULES: FieldRules = {
  title: { type: 'string', required: true },
  description: { type: 'string', max: LONG_TEXT },
  location: { type: 'string' },
  time_zone: { type: 'enum', values: RAILS_TIME_ZONES },
  is_allday: { type: 'boolean' },
  from_date: { type: 'timestamp', required: true, dateString: true },
  end_date: { type: 'timestamp', required: true, dateString: true },
  outcome_id: { type: 'ref', exists: isOutcome, label: 'Outcome' },
  latitude: { type: 'number' },
  longitude: { type: 'number' },
};

const HANDLED = ['targetable_type', 'targetable_id', 'appointment_attendees_attributes'] as const;
const NOT_NULL = ['time_zone', 'is_allday'] as const;
/** [U] `time_zone` is required on create (the documented body always sends it). */
const REQUIRED = ['title', 'from_date', 'end_date', 'time_zone'] as const;

// --- Attendees ----------------------------------------------------------------------------

interface AttendeeInput {
  attendee_type: AttendeeType;
  attendee_id: Id;
}

const ATTENDEE_EXISTS: Record<AttendeeType, (store: CrmStore, id: Id) => boolean> = {
  'FdMultitenant::User': isActiveUser,
  Contact: (store, id) => store.contacts.get(id) !== undefined,
};

const ATTENDEE_KEYS = ['attendee_type', 'attendee_id'];

/** One `appointment_attendees_attributes` entry, or what is wrong with it. */
function parseAttendee(store: CrmStore, entry: unknown): AttendeeInput | string {
  if (!isObject(entry)) return 'must be an object';
  const unknown = Object.keys(entry).filter((key) => !ATTENDEE_KEYS.includes(key));
  if (unknown.length > 0) return `unknown attribute '${unknown.join("', '")}'`;
  const type = entry.attendee_type as AttendeeType;
  if (!ATTENDEE_TYPES.includes(type)) return `attendee_type is not included in the list (${ATTENDEE_TYPES.join(', ')})`;
  // Attendee ids are strings in the documented body (api §4.5); numbers are taken too.
  const id = toId(entry.attendee_id);
  if (id === undefined) return 'attendee_id is not a number';
  return ATTENDEE_EXISTS[type](store, id) ? { attendee_type: type, attendee_id: id } : `${type} ${id} must exist`;
}

const attendeeKey = (attendee: AttendeeInput) => `${attendee.attendee_type}:${attendee.attendee_id}`;

function attendeeProblems(store: CrmStore, entries: unknown[]): { parsed: AttendeeInput[]; problems: string[] } {
  const parsed: AttendeeInput[] = [];
  const problems: string[] = [];
  entries.forEach((entry, index) => {
    const result = parseAttendee(store, entry);
    if (typeof result === 'string') problems.push(`Appointment attendee ${index + 1}: ${result}`);
    else parsed.push(result);
  });
  // [U] Refused rather than merged: a client should not send the same attendee twice.
  const keys = parsed.map(attendeeKey);
  if (new Set(keys).size !== keys.length) problems.push('Appointment attendees must not repeat an attendee');
  return { parsed, problems };
}

/** `undefined` when not sent; on update a sent list replaces the attendees. */
function parseAttendees(store: CrmStore, value: unknown): AttendeeInput[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw badRequest('Appointment attendees attributes must be an array');
  const { parsed, problems } = attendeeProblems(store, value);
  throwIfAny(problems);
  return parsed;
}

/** Attendees kept across an update keep their ids; new ones get ids from their own sequence. */
function attendeeRows(store: CrmStore, inputs: AttendeeInput[], existing: AttendeeRow[]): AttendeeRow[] {
  return inputs.map((input) => {
    const kept = existing.find((row) => attendeeKey(row) === attendeeKey(input));
    return kept ?? { id: store.nextNestedId('attendees'), ...input };
  });
}

// --- Answers ------------------------------------------------------------------------------

const ATTENDEE_LOADERS: Record<AttendeeType, (sideLoads: SideLoads, context: SerializeContext, id: Id) => void> = {
  'FdMultitenant::User': (sideLoads, context, id) => sideLoadUser(sideLoads, context.store, id),
  Contact: (sideLoads, context, id) => {
    const contact = context.store.contacts.get(id);
    if (contact !== undefined) sideLoads.add('contacts', id, () => contactPartial(context, contact));
  },
};

/** `appointment_attendees`, with attendee contacts under `contacts` and, when asked, users under `users`. */
function loadAttendees(sideLoads: SideLoads, context: SerializeContext, row: AppointmentRow, withUsers: boolean): void {
  sideLoads.touch('appointment_attendees');
  sideLoads.touch('contacts');
  row.attendees.forEach((attendee) => {
    sideLoads.add('appointment_attendees', attendee.id, () => attendeeJson(attendee));
    if (withUsers || attendee.attendee_type === 'Contact') ATTENDEE_LOADERS[attendee.attendee_type](sideLoads, context, attendee.attendee_id);
  });
}

type Loader = (sideLoads: SideLoads, context: SerializeContext, row: AppointmentRow) => void;

/** [U] The appointment has no conference or note records here: those keys stay empty arrays. */
const LOADERS: Record<AppointmentInclude, Loader> = {
  creater: (sideLoads, context, row) => sideLoadUser(sideLoads, context.store, row.creater_id),
  targetable: (sideLoads, context, row) => {
    touchTargetables(sideLoads);
    sideLoadTargetable(sideLoads, context, row.targetable_type, row.targetable_id);
  },
  appointment_attendees: (sideLoads, context, row) => loadAttendees(sideLoads, context, row, true),
  conference: (sideLoads) => sideLoads.touch('conferences'),
  note: (sideLoads) => sideLoads.touch('notes'),
};

function serialize(sideLoads: SideLoads, context: SerializeContext, row: AppointmentRow, includes: Set<AppointmentInclude>): Record<string, unknown> {
  includes.forEach((name) => LOADERS[name](sideLoads, context, row));
  return appointmentJson(context, row, { targetable: includes.has('targetable') });
}

function appointmentAnswer(context: CrmContext, row: AppointmentRow, includes: Set<AppointmentInclude>): Record<string, unknown> {
  const sideLoads = new SideLoads();
  const serializing = serializeContext(context);
  loadAttendees(sideLoads, serializing, row, includes.has('appointment_attendees'));
  ['conferences', 'notes'].forEach((key) => sideLoads.touch(key));
  const appointment = serialize(sideLoads, serializing, row, includes);
  return withSideLoads(sideLoads, { appointment });
}

const includesOf = (request: CrmRequest) => parseIncludes(request.query, APPOINTMENT_INCLUDES) as Set<AppointmentInclude>;

/**
 * [U] An appointment is upcoming until it ends and past once it has ended, so one in progress
 * is still upcoming. Upcoming lists soonest first, past lists most recent first.
 */
const FILTERS: Record<AppointmentFilter, { keep: (row: AppointmentRow, now: number) => boolean; order: 'asc' | 'desc' }> = {
  upcoming: { keep: (row, now) => row.end_date > now, order: 'asc' },
  past: { keep: (row, now) => row.end_date <= now, order: 'desc' },
};

/** `GET /appointments`: `meta` has `total` only (api §4.5, §7). */
const listAppointments: CrmHandler = (request, context) => {
  const filter = FILTERS[parseFilter(request.query, APPOINTMENT_FILTERS, 'upcoming')];
  const includes = includesOf(request);
  const page = parsePage(request.query);
  const now = context.clock.now();
  const rows = context.store.appointments.all().filter((row) => filter.keep(row, now));
  const { items, total } = paginate(sortRows(rows, (row) => row.from_date, filter.order), page);
  const sideLoads = new SideLoads();
  const serializing = serializeContext(context);
  const appointments = items.map((row) => serialize(sideLoads, serializing, row, includes));
  return ok(withSideLoads(sideLoads, { appointments, meta: { total } }));
};

// --- Writing ------------------------------------------------------------------------------

interface ParsedAppointment {
  values: Partial<AppointmentRow>;
  attendees: AttendeeInput[] | undefined;
}

function parseAppointment(store: CrmStore, input: JsonObject): ParsedAppointment {
  refuseBlank(input, NOT_NULL);
  const values = parseFields(store, input, APPOINTMENT_RULES, HANDLED) as Partial<AppointmentRow>;
  throwIfAny(coordinateProblems(values));
  const target = parseTargetable(store, input, { required: false, creating: false });
  const attendees = parseAttendees(store, input.appointment_attendees_attributes);
  return { values: { ...values, ...targetFields(target) }, attendees };
}

/** The end must come after the start (equal is refused too). */
function checkTimes(row: Pick<AppointmentRow, 'from_date' | 'end_date'>): void {
  if (row.end_date <= row.from_date) throw badRequest('End date must be after the start date');
}

function newAppointment(context: CrmContext, actor: UserRow, parsed: ParsedAppointment): AppointmentRow {
  const now = context.clock.now();
  return {
    ...newBase(context.store.appointments, actor, now),
    title: '',
    description: null,
    location: null,
    time_zone: 'UTC',
    is_allday: false,
    from_date: now,
    end_date: now,
    outcome_id: null,
    targetable_type: null,
    targetable_id: null,
    latitude: null,
    longitude: null,
    checkedin_at: null,
    ...parsed.values,
    attendees: attendeeRows(context.store, parsed.attendees ?? [], []),
  };
}

/** `POST /appointments` → 201 with the always-present side-loads. */
const createAppointment: CrmHandler = (request, context) => {
  const includes = includesOf(request);
  const input = unwrap(request.body, 'appointment');
  requirePresent(input, REQUIRED);
  const parsed = parseAppointment(context.store, input);
  checkTimes(parsed.values as AppointmentRow);
  const row = context.store.appointments.put(newAppointment(context, request.actor, parsed));
  publish(context, { entity: 'appointment', after: row }, request.actor);
  return created(appointmentAnswer(context, row, includes));
};

const findAppointment = (request: CrmRequest, context: CrmContext) =>
  findOr404(context.store.appointments, parseId(request.params.id), 'Appointment');

const getAppointment: CrmHandler = (request, context) => {
  const row = findAppointment(request, context);
  return ok(appointmentAnswer(context, row, includesOf(request)));
};

/** `PUT /appointments/:id`: partial; a sent `appointment_attendees_attributes` replaces the attendees. */
const updateAppointment: CrmHandler = (request, context) => {
  const row = findAppointment(request, context);
  const includes = includesOf(request);
  const parsed = parseAppointment(context.store, unwrap(request.body, 'appointment'));
  const next: AppointmentRow = { ...row, ...parsed.values };
  checkTimes(next);
  const before = snapshotOf(row);
  if (parsed.attendees !== undefined) next.attendees = attendeeRows(context.store, parsed.attendees, row.attendees);
  if (differs(before, next)) {
    touch(Object.assign(row, next), request.actor, context.clock.now());
    publish(context, { entity: 'appointment', before, after: row }, request.actor);
  }
  return ok(appointmentAnswer(context, row, includes));
};

const deleteAppointment: CrmHandler = (request, context) => {
  findAppointment(request, context).is_deleted = true;
  return ok(DELETED_BODY);
};

export const registerAppointments: RegisterRoutes = (router) => {
  router.add('GET', '/appointments', listAppointments);
  router.add('POST', '/appointments', createAppointment);
  router.add('GET', '/appointments/:id', getAppointment);
  router.add('PUT', '/appointments/:id', updateAppointment);
  router.add('DELETE', '/appointments/:id', deleteAppointment);
};
