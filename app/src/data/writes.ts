import type { Deal, Task } from '../../../common/crm/records';
import type { EntityType } from '../../../common/platform/client';
import type { FieldDef, FieldValue } from '../model/fields';
import type { DataFor, NewTask, SidebarData } from './types';

/**
 * Pure pieces of the sidebar's writes: request bodies in the CRM's shapes (freshsales-api.md
 * §1 data conventions, §4) and the optimistic changes to the loaded data, each with its undo.
 */

export const TARGETABLE_TYPE: Record<EntityType, 'Contact' | 'Deal' | 'SalesAccount'> = {
  contact: 'Contact',
  deal: 'Deal',
  sales_account: 'SalesAccount',
};

export const RECORD_KEY: Record<EntityType, 'contact' | 'deal' | 'sales_account'> = {
  contact: 'contact',
  deal: 'deal',
  sales_account: 'sales_account',
};

/** `{"contact": {"job_title": "x"}}` or `{"contact": {"custom_field": {"cf_tier": "Gold"}}}`. */
export function fieldBody(entity: EntityType, field: FieldDef, value: unknown): Record<string, unknown> {
  const fields = field.custom ? { custom_field: { [field.name]: value } } : { [field.name]: value };
  return { [RECORD_KEY[entity]]: fields };
}

type AnyRecord = SidebarData['record'];

/** The record with one field set, as the CRM would echo it. */
export function withField<R extends AnyRecord>(record: R, field: FieldDef, value: unknown): R {
  if (field.custom) return { ...record, custom_field: { ...(record.custom_field ?? {}), [field.name]: value as FieldValue } };
  const next: Record<string, unknown> = { ...record, [field.name]: value };
  if (field.name === 'first_name' || field.name === 'last_name') {
    next.display_name = [next.first_name, next.last_name].filter((part) => typeof part === 'string' && part !== '').join(' ');
  }
  return next as R;
}

export function fieldValueOf(record: AnyRecord, field: FieldDef): unknown {
  if (field.custom) return record.custom_field?.[field.name] ?? null;
  return (record as Record<string, unknown>)[field.name] ?? null;
}

/** `17:00` on the due day in the browser's zone, with its UTC offset (api §1 timestamps). */
export function dueTimestamp(dueDate: string): string {
  const local = new Date(`${dueDate}T17:00:00`);
  const offset = -local.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const pad = (value: number) => String(Math.floor(Math.abs(value))).padStart(2, '0');
  return `${dueDate}T17:00:00${sign}${pad(offset / 60)}:${pad(offset % 60)}`;
}

export function taskBody(entity: EntityType, recordId: number, task: NewTask): Record<string, unknown> {
  return {
    task: {
      title: task.title,
      due_date: dueTimestamp(task.dueDate),
      owner_id: task.ownerId,
      targetable_type: TARGETABLE_TYPE[entity],
      targetable_id: recordId,
    },
  };
}

export function noteBody(entity: EntityType, recordId: number, text: string): Record<string, unknown> {
  return { note: { description: text, targetable_type: TARGETABLE_TYPE[entity], targetable_id: recordId } };
}

const isBlank = (value: unknown) => value === null || value === '' || value === undefined;

/** Field values from a form, split into built-in fields and `custom_field`. */
export function recordFields(fields: readonly FieldDef[], values: Record<string, unknown>): Record<string, unknown> {
  const builtIn: Record<string, unknown> = {};
  const custom: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values).filter(([, entry]) => !isBlank(entry))) {
    const field = fields.find((candidate) => candidate.name === name);
    if (field?.custom === true) custom[name] = value;
    else builtIn[name] = value;
  }
  return Object.keys(custom).length > 0 ? { ...builtIn, custom_field: custom } : builtIn;
}

/** A new deal tied to the open contact (and its primary account) or account. */
export function dealBody(data: DataFor<'contact'> | DataFor<'sales_account'>, fields: Record<string, unknown>): Record<string, unknown> {
  if (data.entity === 'sales_account') return { deal: { ...fields, sales_account_id: data.record.id } };
  const primary = data.accounts.find((account) => account.isPrimary) ?? data.accounts[0];
  return {
    deal: { ...fields, contacts_added_list: [data.record.id], ...(primary === undefined ? {} : { sales_account_id: primary.id }) },
  };
}

/** A new contact tied to the open account as its primary account. */
export function contactBody(accountId: number, fields: Record<string, unknown>): Record<string, unknown> {
  return { contact: { ...fields, sales_accounts: [{ id: accountId, is_primary: true }] } };
}

// ---- optimistic changes -------------------------------------------------------------------

export function replaceDeal(data: SidebarData, deal: Deal): SidebarData {
  if (data.entity === 'deal') return data.record.id === deal.id ? { ...data, record: { ...data.record, ...deal } } : data;
  return { ...data, deals: data.deals.map((candidate) => (candidate.id === deal.id ? { ...candidate, ...deal } : candidate)) };
}

export function findDeal(data: SidebarData, dealId: number): Deal | undefined {
  if (data.entity === 'deal') return data.record.id === dealId ? data.record : undefined;
  return data.deals.find((deal) => deal.id === dealId);
}

export function withTasks<D extends SidebarData>(data: D, change: (tasks: Task[]) => Task[]): D {
  return data.tasks === null ? data : { ...data, tasks: change(data.tasks) };
}

let nextTemporaryId = -1;

/** Ids for rows shown before the CRM has answered; negative so they never clash. */
export function temporaryId(): number {
  nextTemporaryId -= 1;
  return nextTemporaryId;
}
