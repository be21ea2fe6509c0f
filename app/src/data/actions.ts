import { outcomeUnknown, type CrmFailure } from '../../../common/crm/failure';
import type { ContactSummary, Deal, Note, Task } from '../../../common/crm/records';
import type { EntityType } from '../../../common/platform/client';
import { ok, type Result } from '../../../common/validation';
import { toRequestValue } from '../fields/validate';
import { format, messages } from '../i18n/messages';
import type { FieldDef, FieldValue } from '../model/fields';
import { refusalReason, type OperationDeps } from './operation-writer';
import { createRecordOperations } from './record-operations';
import { settleUnknownOutcome, type Verdict } from './unknown-outcome';
import { appearsVerdict, fieldVerdict, linkVerdict, stageVerdict, taskDoneVerdict } from './verdicts';
import type { Mutation } from './useSidebar';
import type { ContactHit, DataFor, SidebarActions, SidebarData } from './types';
import {
  contactBody,
  dealBody,
  fieldBody,
  fieldValueOf,
  findDeal,
  noteBody,
  recordFields,
  replaceDeal,
  taskBody,
  temporaryId,
  withField,
  withTasks,
} from './writes';

/** The sidebar's writes need what the record operations need. */
export type ActionDeps<E extends EntityType> = OperationDeps<E>;

const UPDATE_TEMPLATE = { contact: 'updateContact', deal: 'updateDeal', sales_account: 'updateAccount' } as const;

/** A search hit's id is a string (api §5); one that is not a safe integer is skipped. */
function toHit(result: { id: string | number; type: string; name?: string | null; email?: string | null }): ContactHit[] {
  const id = Number(result.id);
  if (result.type !== 'contact' || !Number.isSafeInteger(id)) return [];
  return [{ id, name: result.name ?? String(id), email: result.email ?? null }];
}

export function createActions<E extends EntityType>(deps: ActionDeps<E>): SidebarActions {
  const { entity, host, sidebar } = deps;
  type D = DataFor<E>;
  const recordId = () => sidebar.current()?.record.id ?? 0;

  /**
   * Runs an optimistic write; on failure the sidebar has rolled back and the user is told what
   * failed. When the answer never came (a timeout), the record is read again and `verdict` says
   * whether the change is in it (B3).
   */
  async function write<T>(what: string, mutation: Mutation<E, T>, verdict?: Verdict<E>, onRefused?: (reason: string) => void): Promise<boolean> {
    const result = await sidebar.mutate(mutation);
    if (result.ok) return true;
    if (outcomeUnknown(result.failure)) return settleUnknownOutcome(deps, what, verdict);
    // A form shows the reason in full; the notification below is cut at 100 characters.
    onRefused?.(refusalReason(result.failure));
    await host.notify('danger', format(messages.writes.failed, { what, reason: refusalReason(result.failure) }), messages.writes.failedTitle);
    return false;
  }

  const call = host.call.bind(host);

  const actions: SidebarActions = {
    saveField: (field: FieldDef, value: FieldValue) => {
      const current = sidebar.current();
      if (current === undefined) return Promise.resolve(false);
      const before = fieldValueOf(current.record, field);
      const sent = toRequestValue(field, value);
      const id = current.record.id;
      return write(format(messages.writes.field, { label: field.label }), {
        apply: (data) => ({ ...data, record: withField(data.record, field, sent) }),
        revert: (data) => ({ ...data, record: withField(data.record, field, before) }),
        request: () => call(UPDATE_TEMPLATE[entity], { id }, fieldBody(entity, field, sent)),
      }, fieldVerdict(field, sent, before));
    },

    changeDealStage: (deal: Deal, stageId: number, lostReasonId?: number) => {
      const before = deal.deal_stage_id;
      const reason = lostReasonId === undefined ? {} : { deal_reason_id: lostReasonId };
      return write(format(messages.writes.stage, { name: deal.name }), {
        apply: (data) => replaceDeal(data as SidebarData, { ...deal, deal_stage_id: stageId }) as D,
        revert: (data) => replaceDeal(data as SidebarData, { ...(findDeal(data as SidebarData, deal.id) ?? deal), deal_stage_id: before }) as D,
        request: () => call('updateDeal', { id: deal.id }, { deal: { deal_stage_id: stageId, ...reason } }),
        // The CRM recomputes probability and the closed date when the stage changes.
        commit: (data, answer) => replaceDeal(data as SidebarData, answer.deal) as D,
      }, stageVerdict(deal, stageId));
    },

    completeTask: (task: Task) =>
      write(format(messages.writes.task, { title: task.title }), {
        apply: (data) => withTasks(data as SidebarData, (tasks) => tasks.map((row) => (row.id === task.id ? { ...row, status: 1 } : row))) as D,
        revert: (data) => withTasks(data as SidebarData, (tasks) => tasks.map((row) => (row.id === task.id ? { ...row, status: task.status } : row))) as D,
        request: () => call('updateTask', { id: task.id }, { task: { status: 1 } }),
      }, taskDoneVerdict(task)),

    createTask: (input) => {
      const placeholder: Task = { id: temporaryId(), status: 0, title: input.title, due_date: `${input.dueDate}T17:00:00`, owner_id: input.ownerId };
      return write(format(messages.writes.newTask, { title: input.title }), {
        apply: (data) => withTasks(data as SidebarData, (tasks) => [placeholder, ...tasks]) as D,
        revert: (data) => withTasks(data as SidebarData, (tasks) => tasks.filter((row) => row.id !== placeholder.id)) as D,
        request: () => call('createTask', {}, taskBody(entity, recordId(), input)),
        commit: (data, answer) => withTasks(data as SidebarData, (tasks) => tasks.map((row) => (row.id === placeholder.id ? answer.task : row))) as D,
      }, appearsVerdict((data) => data.tasks, sidebar.current()?.tasks, (row) => row.title === input.title));
    },

    createNote: (text: string) => {
      const placeholder: Note = { id: temporaryId(), description: text, creater_id: deps.currentUser()?.id ?? null, created_at: new Date().toISOString() };
      const withNotes = (data: D, change: (notes: Note[]) => Note[]) => (data.notes === null ? data : ({ ...data, notes: change(data.notes) } as D));
      return write(messages.writes.note, {
        apply: (data) => withNotes(data, (notes) => [placeholder, ...notes]),
        revert: (data) => withNotes(data, (notes) => notes.filter((row) => row.id !== placeholder.id)),
        request: () => call('createNote', {}, noteBody(entity, recordId(), text)),
        commit: (data, answer) => withNotes(data, (notes) => notes.map((row) => (row.id === placeholder.id ? answer.note : row))),
      }, appearsVerdict((data) => data.notes, sidebar.current()?.notes, (row) => row.description === text));
    },

    createDeal: async (values) => {
      const current = sidebar.current() as SidebarData | undefined;
      if (current === undefined || current.entity === 'deal') return false;
      const body = dealBody(current, recordFields(current.dealFields, values));
      return write(format(messages.writes.newDeal, { name: String(values.name ?? '') }), {
        apply: (data) => data,
        revert: (data) => data,
        request: () => call('createDeal', {}, body),
        commit: (data, answer) => ({ ...data, deals: [answer.deal, ...(data as DataFor<'contact'>).deals] }),
      }, appearsVerdict((data) => (data as DataFor<'contact'>).deals, current.deals, (row) => row.name === values.name));
    },

    createContact: async (values, onRefused) => {
      const contactFields = await deps.metadata.fields('contacts');
      const fields = contactFields.ok ? contactFields.value : [];
      const body = contactBody(recordId(), recordFields(fields, values));
      const name = [values.first_name, values.last_name].filter((part) => typeof part === 'string' && part !== '').join(' ');
      return write(format(messages.writes.newContact, { name }), {
        apply: (data) => data,
        revert: (data) => data,
        request: () => call('createContact', {}, body),
        commit: (data, answer) => ({ ...data, contacts: [answer.contact, ...(data as DataFor<'sales_account'>).contacts] }),
      }, appearsVerdict((data) => (data as DataFor<'sales_account'>).contacts, (sidebar.current() as DataFor<'sales_account'> | undefined)?.contacts, (row) => row.display_name === name || row.last_name === values.last_name), onRefused);
    },

    addContact: (hit: ContactHit) => {
      const summary: ContactSummary = { id: hit.id, display_name: hit.name, email: hit.email ?? null };
      const contactsOf = (data: D) => (data as DataFor<'deal'>).contacts;
      return write(format(messages.writes.addContact, { name: hit.name }), {
        apply: (data) => ({ ...data, contacts: [...contactsOf(data).filter((row) => row.id !== hit.id), summary] }),
        revert: (data) => ({ ...data, contacts: contactsOf(data).filter((row) => row.id !== hit.id) }),
        request: () => call('updateDeal', { id: recordId() }, { deal: { contacts_added_list: [hit.id] } }),
      }, linkVerdict(hit.id, true));
    },

    removeContact: (contactId: number) => {
      const removed = (sidebar.current() as DataFor<'deal'> | undefined)?.contacts.find((row) => row.id === contactId);
      const contactsOf = (data: D) => (data as DataFor<'deal'>).contacts;
      return write(format(messages.writes.removeContact, { name: removed?.display_name ?? String(contactId) }), {
        apply: (data) => ({ ...data, contacts: contactsOf(data).filter((row) => row.id !== contactId) }),
        revert: (data) => ({ ...data, contacts: removed === undefined ? contactsOf(data) : [...contactsOf(data), removed] }),
        request: () => call('updateDeal', { id: recordId() }, { deal: { contacts_removed_list: [contactId] } }),
      }, linkVerdict(contactId, false));
    },

    searchContacts: async (query: string): Promise<Result<ContactHit[], CrmFailure>> => {
      const answer = await call('searchContacts', { q: query });
      return answer.ok ? ok(answer.value.flatMap(toHit)) : answer;
    },

    contactFields: () => deps.metadata.fields('contacts'),

    openRecord: (kind, id) => {
      void host.show(kind, id).catch(() => undefined);
    },

    records: createRecordOperations(deps),
  };
  return actions;
}
