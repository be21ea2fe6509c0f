import type { Appointment, Contact, ContactSummary, Deal, Note, SalesAccount, Task } from '../../../common/crm/records';
import type { CrmFailure } from '../../../common/crm/failure';
import type { CrmUser } from '../../../common/crm/users';
import type { EntityType } from '../../../common/platform/client';
import type { Result } from '../../../common/validation';
import type { FieldDef, FieldValue } from '../model/fields';
import type { RecordOperations } from './record-operations';

/**
 * What one sidebar open loads: the record with its related records (one request template)
 * and the field settings it needs (cached in the page). Sections render from this and change
 * it only through `SidebarActions`.
 */
export interface Related {
  /** Side-loaded users (owners, note authors); look up names here. */
  users: CrmUser[];
  /** `null`: the CRM would not side-load them for this record (deals on some accounts). */
  tasks: Task[] | null;
  appointments: Appointment[] | null;
  notes: Note[] | null;
}

export interface AccountLink {
  id: number;
  name: string;
  website?: string | null;
  isPrimary: boolean;
}

export interface ContactData extends Related {
  entity: 'contact';
  record: Contact;
  /** Primary first. */
  accounts: AccountLink[];
  deals: Deal[];
  /** From the contact_status side-load; lifecycle_stage_id is never echoed on the record. */
  status?: { id: number; name: string; lifecycleStageId?: number };
  /** Contact field settings (labels, owner/lifecycle/status choices, custom fields). */
  fields: FieldDef[];
  /** Deal field settings: stages (with pipeline and forecast), pipelines, currencies, owners. */
  dealFields: FieldDef[];
}

export interface DealData extends Related {
  entity: 'deal';
  record: Deal;
  contacts: ContactSummary[];
  account: SalesAccount | null;
  /** The deal's currency code, from the currency side-load. */
  currencyCode?: string;
  /** Deal field settings. */
  fields: FieldDef[];
}

export interface AccountData extends Related {
  entity: 'sales_account';
  record: SalesAccount;
  contacts: ContactSummary[];
  deals: Deal[];
  /** Account field settings. */
  fields: FieldDef[];
  dealFields: FieldDef[];
}

export type SidebarData = ContactData | DealData | AccountData;

export type DataFor<E extends EntityType> = Extract<SidebarData, { entity: E }>;

export interface ContactHit {
  id: number;
  name: string;
  email?: string | null;
}

export interface NewTask {
  title: string;
  /** `YYYY-MM-DD`; the task is due at the end of the working day (17:00 local). */
  dueDate: string;
  ownerId: number;
}

/**
 * Everything a section may do. Writes are optimistic: the data changes at once, and a failure
 * rolls it back and shows a `danger` notification saying what failed. Each resolves `true`
 * when the CRM accepted the change.
 */
export interface SidebarActions {
  /** Saves one field of the open record (custom fields go under `custom_field`). */
  saveField(field: FieldDef, value: FieldValue): Promise<boolean>;
  /** Moves a deal (the open one or a related one) to another stage of its pipeline; a lost stage may carry the lost reason. */
  changeDealStage(deal: Deal, stageId: number, lostReasonId?: number): Promise<boolean>;
  completeTask(task: Task): Promise<boolean>;
  /** A task on the open record. */
  createTask(task: NewTask): Promise<boolean>;
  /** A note on the open record. */
  createNote(text: string): Promise<boolean>;
  /** A deal linked to the open contact (and its primary account) or account; values by field name. */
  createDeal(values: Record<string, FieldValue>): Promise<boolean>;
  /** A contact linked to the open account; values by field name (first_name, last_name, emails…). */
  createContact(values: Record<string, FieldValue>, onRefused?: (reason: string) => void): Promise<boolean>;
  /** Deal sidebar: link an existing contact to the open deal, or unlink one. */
  addContact(contact: ContactHit): Promise<boolean>;
  removeContact(contactId: number): Promise<boolean>;
  searchContacts(query: string): Promise<Result<ContactHit[], CrmFailure>>;
  /** Contact field settings, fetched on demand (the account's "new contact" form). */
  contactFields(): Promise<Result<FieldDef[], CrmFailure>>;
  /** Navigates the CRM to a record's page. */
  openRecord(kind: 'contact' | 'account' | 'deal', id: number): void;
  /** Appointments, activities, note and task edits, lead conversion (record-operations.ts). */
  records: RecordOperations;
}

/** The signed-in user: the default owner of new tasks and deals. */
export interface CurrentUser {
  id: number;
  name: string;
}
