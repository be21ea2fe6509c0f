import type { CrmFailure } from '../../../common/crm/failure';
import type { SalesActivity } from '../../../common/crm/operations';
import type { Appointment, Note, Task } from '../../../common/crm/records';
import type { EntityType } from '../../../common/platform/client';
import { ok, type Result } from '../../../common/validation';
import { format, messages } from '../i18n/messages';
import { localYmd } from '../model/related';
import { activityBody, activityTypes, isActivityOf, type ActivityInput, type ActivityType } from './activity-writes';
import {
  appointmentPreview,
  appointmentUpdateBody,
  dropAppointment,
  newAppointmentBody,
  replaceAppointment,
  restoreRow,
  withAppointments,
  type AppointmentInput,
} from './appointment-writes';
import { createLeadOperations, type LeadOperations } from './lead-operations';
import { createWriter, deleted, type OperationDeps, type Written } from './operation-writer';
import { cachedSelector, sharedSelector } from './selector-cache';
import type { DataFor, NewTask, SidebarData } from './types';
import { dueTimestamp, temporaryId, withTasks } from './writes';

/**
 * The record operations of issue #10 beyond quick create: appointments created, edited and
 * deleted; sales activities logged and listed; notes and tasks edited and deleted; leads
 * converted (lead-operations.ts). Every write resolves to a `Written` outcome the forms act on.
 */

/** One page of the account's activity list, narrowed to the open record's. */
export interface ActivityPage {
  activities: SalesActivity[];
  /** The account has older activities to look through. */
  more: boolean;
}

export interface RecordOperations extends LeadOperations {
  createAppointment(input: AppointmentInput): Promise<Written>;
  updateAppointment(appointment: Appointment, input: AppointmentInput): Promise<Written>;
  deleteAppointment(appointment: Appointment): Promise<Written>;
  updateNote(note: Note, text: string): Promise<Written>;
  deleteNote(note: Note): Promise<Written>;
  updateTask(task: Task, input: NewTask): Promise<Written>;
  deleteTask(task: Task): Promise<Written>;
  /** The account's activity types with their outcomes (cached). */
  activityTypes(): Promise<Result<ActivityType[], CrmFailure>>;
  logActivity(input: ActivityInput): Promise<Written<SalesActivity>>;
  /** Page `page` (from 1) of the account's activities, the open record's only. */
  recordActivities(page: number): Promise<Result<ActivityPage, CrmFailure>>;
}

/** `per_page` of the listSalesActivities template (the documented maximum, api §7). */
export const ACTIVITY_PAGE_SIZE = 100;

function morePages(page: number, received: number, meta: { total?: number; total_pages?: number } | null | undefined): boolean {
  if (typeof meta?.total_pages === 'number') return page < meta.total_pages;
  if (typeof meta?.total === 'number') return page * ACTIVITY_PAGE_SIZE < meta.total;
  return received >= ACTIVITY_PAGE_SIZE;
}

type Rows<T> = (rows: T[]) => T[];

function withNotes<D extends SidebarData>(data: D, change: Rows<Note>): D {
  return data.notes === null ? data : { ...data, notes: change(data.notes) };
}

const replaceRow =
  <T extends { id: number }>(row: T): Rows<T> =>
  (rows) =>
    rows.map((candidate) => (candidate.id === row.id ? row : candidate));
const dropRow =
  <T extends { id: number }>(id: number): Rows<T> =>
  (rows) =>
    rows.filter((candidate) => candidate.id !== id);

/** Only what changed: a due date on the same day keeps its time. */
export function taskUpdateBody(task: Task, input: NewTask): Record<string, unknown> {
  const sameDay = task.due_date !== null && task.due_date !== undefined && localYmd(new Date(task.due_date)) === input.dueDate;
  return { task: { title: input.title, owner_id: input.ownerId, ...(sameDay ? {} : { due_date: dueTimestamp(input.dueDate) }) } };
}

function taskPreview(task: Task, input: NewTask): Task {
  const sameDay = task.due_date !== null && task.due_date !== undefined && localYmd(new Date(task.due_date)) === input.dueDate;
  return { ...task, title: input.title, owner_id: input.ownerId, due_date: sameDay ? task.due_date : dueTimestamp(input.dueDate) };
}

const text = () => messages.operations;

type Listed = 'appointments' | 'notes' | 'tasks';
type Row = { id: number };

/**
 * Verdicts on a re-read after an unknown outcome (unknown-outcome.ts): whether the record's
 * list holds the change; undefined when the CRM does not list those records.
 */
function holds(key: Listed, check: (rows: Row[]) => boolean) {
  return (data: SidebarData): boolean | undefined => {
    const rows = data[key] as Row[] | null;
    return rows === null ? undefined : check(rows);
  };
}

const goneFrom = (key: Listed, id: number) => holds(key, (rows) => !rows.some((row) => row.id === id));

function rowWhere<T extends Row>(key: Listed, test: (row: T) => boolean) {
  return holds(key, (rows) => (rows as T[]).some(test));
}

const sameMoment = (iso: string | null | undefined, moment: Date) => iso !== null && iso !== undefined && new Date(iso).getTime() === moment.getTime();

export function createRecordOperations<E extends EntityType>(deps: OperationDeps<E>): RecordOperations {
  const { entity, host, sidebar } = deps;
  type D = DataFor<E>;
  const writer = createWriter(deps);
  const call = host.call.bind(host);
  const recordId = () => sidebar.current()?.record.id ?? 0;
  const indexIn = <T extends { id: number }>(rows: T[] | null | undefined, id: number) => rows?.findIndex((row) => row.id === id) ?? -1;

  const loadTypes = sharedSelector(host, 'activityTypes', () =>
    cachedSelector(async () => {
      const [types, outcomes] = await Promise.all([call('listSalesActivityTypes', {}), call('listSalesActivityOutcomes', {})]);
      if (!types.ok) return types;
      return outcomes.ok ? ok(activityTypes(types.value, outcomes.value)) : outcomes;
    }),
  );

  const appointments = {
    createAppointment: async (input: AppointmentInput) => {
      const zone = (await host.loggedInUser().catch(() => undefined))?.time_zone;
      const preview = appointmentPreview(temporaryId(), input);
      return writer.write(format(text().appointmentCreate, { title: input.title }), {
        apply: (data: D) => withAppointments(data as SidebarData, (rows) => [...rows, preview]) as D,
        revert: (data: D) => withAppointments(data as SidebarData, dropAppointment(preview.id)) as D,
        request: () => call('createAppointment', {}, newAppointmentBody(entity, recordId(), input, zone)),
        commit: (data: D, answer) => withAppointments(data as SidebarData, (rows) => rows.map((row) => (row.id === preview.id ? answer.appointment : row))) as D,
      }, rowWhere<Appointment>('appointments', (row) => row.title === input.title && sameMoment(row.from_date, input.from)));
    },
    updateAppointment: (appointment: Appointment, input: AppointmentInput) =>
      writer.write(format(text().appointmentUpdate, { title: appointment.title }), {
        apply: (data: D) => withAppointments(data as SidebarData, replaceAppointment(appointmentPreview(appointment.id, input, appointment))) as D,
        revert: (data: D) => withAppointments(data as SidebarData, replaceAppointment(appointment)) as D,
        request: () => call('updateAppointment', { id: appointment.id }, appointmentUpdateBody(input)),
        commit: (data: D, answer) => withAppointments(data as SidebarData, replaceAppointment(answer.appointment)) as D,
      }, rowWhere<Appointment>('appointments', (row) => row.id === appointment.id && row.title === input.title && sameMoment(row.from_date, input.from))),
    deleteAppointment: (appointment: Appointment) => {
      const index = indexIn(sidebar.current()?.appointments, appointment.id);
      return writer.write(format(text().appointmentDelete, { title: appointment.title }), {
        apply: (data: D) => withAppointments(data as SidebarData, dropAppointment(appointment.id)) as D,
        revert: (data: D) => withAppointments(data as SidebarData, (rows) => restoreRow(rows, appointment, index)) as D,
        request: () => deleted(call('deleteAppointment', { id: appointment.id })),
      }, goneFrom('appointments', appointment.id));
    },
  };

  const notes = {
    updateNote: (note: Note, description: string) =>
      writer.write(text().noteUpdate, {
        apply: (data: D) => withNotes(data as SidebarData, replaceRow({ ...note, description })) as D,
        revert: (data: D) => withNotes(data as SidebarData, replaceRow(note)) as D,
        request: () => call('updateNote', { id: note.id }, { note: { description } }),
        commit: (data: D, answer) => withNotes(data as SidebarData, replaceRow({ ...note, ...answer.note })) as D,
      }, rowWhere<Note>('notes', (row) => row.id === note.id && row.description === description)),
    deleteNote: (note: Note) => {
      const index = indexIn(sidebar.current()?.notes, note.id);
      return writer.write(text().noteDelete, {
        apply: (data: D) => withNotes(data as SidebarData, dropRow(note.id)) as D,
        revert: (data: D) => withNotes(data as SidebarData, (rows) => restoreRow(rows, note, index)) as D,
        request: () => deleted(call('deleteNote', { id: note.id })),
      }, goneFrom('notes', note.id));
    },
  };

  const tasks = {
    updateTask: (task: Task, input: NewTask) =>
      writer.write(format(text().taskUpdate, { title: task.title }), {
        apply: (data: D) => withTasks(data as SidebarData, replaceRow(taskPreview(task, input))) as D,
        revert: (data: D) => withTasks(data as SidebarData, replaceRow(task)) as D,
        request: () => call('updateTask', { id: task.id }, taskUpdateBody(task, input)),
        commit: (data: D, answer) => withTasks(data as SidebarData, replaceRow({ ...task, ...answer.task })) as D,
      }, rowWhere<Task>('tasks', (row) => row.id === task.id && row.title === input.title && row.owner_id === input.ownerId)),
    deleteTask: (task: Task) => {
      const index = indexIn(sidebar.current()?.tasks, task.id);
      return writer.write(format(text().taskDelete, { title: task.title }), {
        apply: (data: D) => withTasks(data as SidebarData, dropRow(task.id)) as D,
        revert: (data: D) => withTasks(data as SidebarData, (rows) => restoreRow(rows, task, index)) as D,
        request: () => deleted(call('deleteTask', { id: task.id })),
      }, goneFrom('tasks', task.id));
    },
  };

  const activities = {
    activityTypes: loadTypes,
    logActivity: async (input: ActivityInput): Promise<Written<SalesActivity>> => {
      const answer = await call('createSalesActivity', {}, activityBody(entity, recordId(), input, deps.currentUser()?.id));
      if (answer.ok) return { status: 'saved', value: answer.value.sales_activity };
      return writer.settle(format(text().activityLog, { title: input.title }), answer.failure);
    },
    recordActivities: async (page: number): Promise<Result<ActivityPage, CrmFailure>> => {
      const answer = await call('listSalesActivities', { page });
      if (!answer.ok) return answer;
      const { sales_activities: rows, meta } = answer.value;
      return ok({ activities: rows.filter((row) => isActivityOf(row, entity, recordId())), more: morePages(page, rows.length, meta) });
    },
  };

  return { ...appointments, ...notes, ...tasks, ...activities, ...createLeadOperations(deps, writer) };
}
