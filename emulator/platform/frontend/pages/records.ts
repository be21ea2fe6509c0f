import type { EntityType } from '../../../../common/platform/client';
import type { ContactRow, DealRow, Id, SalesAccountRow } from '../../../crm/model/types';
import { contactsOfAccount, dealsOfAccount, dealsOfContact } from '../../../crm/resources/shared/relations';
import { displayName, primaryEmail } from '../../../crm/serialize/contact';
import type { CrmStore } from '../../../crm/store';
import { choiceName, customFields, date, EMPTY, joined, money, safeHref, text, userName } from './format';
import { EDITABLE_FIELDS, recordPath } from './kinds';

/**
 * What a details page shows of one record, read from the stand-in's rows directly (the
 * product UI is not a rate-limited API client). Soft-deleted rows are never found.
 */
export interface FieldView {
  label: string;
  value: string;
  /** Set for fields the quick-edit form changes: the host script updates them in place. */
  name?: string;
  href?: string;
  long?: boolean;
}

export interface LinkItem {
  href: string;
  title: string;
  meta: string;
}

export interface RelatedView {
  title: string;
  total: number;
  items: LinkItem[];
  empty: string;
}

export interface EditFieldView {
  name: string;
  label: string;
  value: string;
}

export interface RecordView {
  kind: EntityType;
  id: Id;
  title: string;
  subtitle: string;
  owner: string;
  facts: FieldView[];
  fields: FieldView[];
  customFields: FieldView[];
  related: RelatedView[];
  edit: EditFieldView[];
}

/** Related lists show this many links, with the total. */
export const RELATED_LIMIT = 25;

const LABELS: Record<string, string> = {
  first_name: 'First name',
  last_name: 'Last name',
  job_title: 'Job title',
  name: 'Name',
  amount: 'Deal value',
  website: 'Website',
};

function related(title: string, items: LinkItem[], empty: string): RelatedView {
  return { title, total: items.length, items: items.slice(0, RELATED_LIMIT), empty };
}

const inputValue = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

function editOf(kind: EntityType, row: object): EditFieldView[] {
  const values = row as Record<string, unknown>;
  return EDITABLE_FIELDS[kind].map((name) => ({ name, label: LABELS[name] ?? name, value: inputValue(values[name]) }));
}

const currencyCode = (store: CrmStore, id: Id): string =>
  store.metadata.currencies.find((currency) => currency.id === id)?.currency_code ?? '';

const stageName = (store: CrmStore, deal: DealRow): string => choiceName(store.metadata.deal_stages, deal.deal_stage_id);

export const accountName = (store: CrmStore, id: Id | null): string =>
  id === null ? EMPTY : (store.sales_accounts.get(id)?.name ?? EMPTY);

function primaryAccount(store: CrmStore, contact: ContactRow): SalesAccountRow | undefined {
  const link = contact.sales_accounts.find((entry) => entry.is_primary) ?? contact.sales_accounts[0];
  return link === undefined ? undefined : store.sales_accounts.get(link.id);
}

const contactLink = (store: CrmStore, contact: ContactRow): LinkItem => ({
  href: recordPath('contact', contact.id),
  title: displayName(contact),
  meta: joined([contact.job_title, primaryAccount(store, contact)?.name], ' · '),
});

const dealLink = (store: CrmStore, deal: DealRow): LinkItem => ({
  href: recordPath('deal', deal.id),
  title: deal.name,
  meta: `${money(deal.amount, currencyCode(store, deal.currency_id))} · ${stageName(store, deal)}`,
});

const accountLink = (store: CrmStore, account: SalesAccountRow): LinkItem => ({
  href: recordPath('sales_account', account.id),
  title: account.name,
  meta: joined([account.city, account.country]),
});

function contactSubtitle(store: CrmStore, row: ContactRow): string {
  const account = primaryAccount(store, row);
  if (row.job_title === null || row.job_title === '') return account?.name ?? '';
  return account === undefined ? row.job_title : `${row.job_title} at ${account.name}`;
}

function contactView(store: CrmStore, row: ContactRow): RecordView {
  const meta = store.metadata;
  const accounts = row.sales_accounts.flatMap((link) => store.sales_accounts.get(link.id) ?? []);
  return {
    kind: 'contact',
    id: row.id,
    title: displayName(row),
    subtitle: contactSubtitle(store, row),
    owner: userName(store, row.owner_id),
    facts: [
      { label: 'Email', value: text(primaryEmail(row)) },
      { label: 'Phone', value: text(row.mobile_number ?? row.work_number) },
      { label: 'Lead score', value: String(row.lead_score) },
    ],
    fields: [
      { label: 'First name', value: text(row.first_name), name: 'first_name' },
      { label: 'Last name', value: text(row.last_name), name: 'last_name' },
      { label: 'Job title', value: text(row.job_title), name: 'job_title' },
      { label: 'Department', value: text(row.department) },
      { label: 'Emails', value: joined(row.emails.map((email) => email.value)) },
      { label: 'Work phone', value: text(row.work_number) },
      { label: 'Mobile', value: text(row.mobile_number) },
      { label: 'Address', value: joined([row.address, row.city, row.state, row.zipcode, row.country]) },
      { label: 'Status', value: choiceName(meta.contact_statuses, row.contact_status_id) },
      { label: 'Lifecycle stage', value: choiceName(meta.lifecycle_stages, row.lifecycle_stage_id) },
      { label: 'Source', value: choiceName(meta.lead_sources, row.lead_source_id) },
      { label: 'Territory', value: choiceName(meta.territories, row.territory_id) },
      { label: 'Tags', value: joined(row.tags) },
      { label: 'Created', value: date(row.created_at) },
      { label: 'Updated', value: date(row.updated_at) },
    ],
    customFields: customFields(store.fields.contacts, row.custom_field),
    related: [
      related('Accounts', accounts.map((account) => accountLink(store, account)), 'No account linked'),
      related('Deals', dealsOfContact(store, row.id).map((deal) => dealLink(store, deal)), 'No deals yet'),
    ],
    edit: editOf('contact', row),
  };
}

function dealView(store: CrmStore, row: DealRow): RecordView {
  const meta = store.metadata;
  const account = row.sales_account_id === null ? undefined : store.sales_accounts.get(row.sales_account_id);
  const contacts = row.contact_ids.flatMap((id) => store.contacts.get(id) ?? []);
  const currency = currencyCode(store, row.currency_id);
  return {
    kind: 'deal',
    id: row.id,
    title: row.name,
    subtitle: `${money(row.amount, currency)} · ${stageName(store, row)}`,
    owner: userName(store, row.owner_id),
    facts: [
      { label: 'Stage', value: stageName(store, row) },
      { label: 'Expected close', value: text(row.expected_close) },
      { label: 'Probability', value: row.probability === null ? EMPTY : `${row.probability}%` },
    ],
    fields: [
      { label: 'Name', value: row.name, name: 'name' },
      { label: 'Deal value', value: money(row.amount, currency), name: 'amount' },
      { label: 'Currency', value: text(currency) },
      { label: 'Pipeline', value: choiceName(meta.deal_pipelines, row.deal_pipeline_id) },
      { label: 'Stage', value: stageName(store, row) },
      { label: 'Expected close', value: text(row.expected_close) },
      { label: 'Closed date', value: text(row.closed_date) },
      { label: 'Type', value: choiceName(meta.deal_types, row.deal_type_id) },
      { label: 'Source', value: choiceName(meta.lead_sources, row.lead_source_id) },
      { label: 'Territory', value: choiceName(meta.territories, row.territory_id) },
      { label: 'Tags', value: joined(row.tags) },
      { label: 'Created', value: date(row.created_at) },
      { label: 'Updated', value: date(row.updated_at) },
    ],
    customFields: customFields(store.fields.deals, row.custom_field),
    related: [
      related('Account', account === undefined ? [] : [accountLink(store, account)], 'No account linked'),
      related('Contacts', contacts.map((contact) => contactLink(store, contact)), 'No contacts linked'),
    ],
    edit: editOf('deal', row),
  };
}

function accountView(store: CrmStore, row: SalesAccountRow): RecordView {
  const meta = store.metadata;
  return {
    kind: 'sales_account',
    id: row.id,
    title: row.name,
    subtitle: joined([choiceName(meta.industry_types, row.industry_type_id), row.city, row.country].filter((part) => part !== EMPTY), ' · '),
    owner: userName(store, row.owner_id),
    facts: [
      { label: 'Website', value: text(row.website), href: safeHref(row.website) },
      { label: 'Phone', value: text(row.phone) },
      { label: 'Employees', value: text(row.number_of_employees) },
    ],
    fields: [
      { label: 'Name', value: row.name, name: 'name' },
      { label: 'Website', value: text(row.website), name: 'website', href: safeHref(row.website) },
      { label: 'Phone', value: text(row.phone) },
      { label: 'Address', value: joined([row.address, row.city, row.state, row.zipcode, row.country]) },
      { label: 'Employees', value: text(row.number_of_employees) },
      { label: 'Annual revenue', value: money(row.annual_revenue) },
      { label: 'Industry', value: choiceName(meta.industry_types, row.industry_type_id) },
      { label: 'Business type', value: choiceName(meta.business_types, row.business_type_id) },
      { label: 'Territory', value: choiceName(meta.territories, row.territory_id) },
      parentField(store, row),
      { label: 'Tags', value: joined(row.tags) },
      { label: 'Created', value: date(row.created_at) },
      { label: 'Updated', value: date(row.updated_at) },
    ],
    customFields: customFields(store.fields.sales_accounts, row.custom_field),
    related: [
      related('Contacts', contactsOfAccount(store, row.id).map((contact) => contactLink(store, contact)), 'No contacts yet'),
      related('Deals', dealsOfAccount(store, row.id).map((deal) => dealLink(store, deal)), 'No deals yet'),
    ],
    edit: editOf('sales_account', row),
  };
}

function parentField(store: CrmStore, row: SalesAccountRow): FieldView {
  const parent = row.parent_sales_account_id === null ? undefined : store.sales_accounts.get(row.parent_sales_account_id);
  return { label: 'Parent account', value: text(parent?.name), href: parent === undefined ? undefined : recordPath('sales_account', parent.id) };
}

const VIEWS: { [K in EntityType]: (store: CrmStore, id: Id) => RecordView | undefined } = {
  contact: (store, id) => {
    const row = store.contacts.get(id);
    return row === undefined ? undefined : contactView(store, row);
  },
  deal: (store, id) => {
    const row = store.deals.get(id);
    return row === undefined ? undefined : dealView(store, row);
  },
  sales_account: (store, id) => {
    const row = store.sales_accounts.get(id);
    return row === undefined ? undefined : accountView(store, row);
  },
};

/** The details of a live record, or undefined for an unknown or soft-deleted one. */
export function recordView(store: CrmStore, kind: EntityType, id: Id): RecordView | undefined {
  return VIEWS[kind](store, id);
}

/** The display text of the fields the host script updates after an edit (`data-field`). */
export function displayOf(view: RecordView): Record<string, string> {
  const display: Record<string, string> = { title: view.title, subtitle: view.subtitle };
  view.fields.forEach((field) => {
    if (field.name !== undefined) display[field.name] = field.value;
  });
  return display;
}

// ---- List pages ----

export interface ListRow {
  href: string;
  cells: string[];
}

export interface ListView {
  kind: EntityType;
  columns: string[];
  rows: ListRow[];
  total: number;
  page: number;
  pages: number;
}

export const PAGE_SIZE = 25;

interface ListSpec<R> {
  columns: string[];
  rows(store: CrmStore): R[];
  cells(store: CrmStore, row: R): string[];
}

const CONTACT_LIST: ListSpec<ContactRow> = {
  columns: ['Name', 'Email', 'Job title', 'Account', 'Owner', 'Updated'],
  rows: (store) => store.contacts.all(),
  cells: (store, row) => [displayName(row), text(primaryEmail(row)), text(row.job_title), text(primaryAccount(store, row)?.name), userName(store, row.owner_id), date(row.updated_at)],
};

const DEAL_LIST: ListSpec<DealRow> = {
  columns: ['Name', 'Deal value', 'Stage', 'Account', 'Owner', 'Expected close'],
  rows: (store) => store.deals.all(),
  cells: (store, row) => [row.name, money(row.amount, currencyCode(store, row.currency_id)), stageName(store, row), accountName(store, row.sales_account_id), userName(store, row.owner_id), text(row.expected_close)],
};

const ACCOUNT_LIST: ListSpec<SalesAccountRow> = {
  columns: ['Name', 'Website', 'Phone', 'City', 'Owner', 'Updated'],
  rows: (store) => store.sales_accounts.all(),
  cells: (store, row) => [row.name, text(row.website), text(row.phone), text(row.city), userName(store, row.owner_id), date(row.updated_at)],
};

function listOf<R extends { id: Id }>(store: CrmStore, kind: EntityType, spec: ListSpec<R>, page: number): ListView {
  const all = spec.rows(store);
  const pages = Math.max(1, Math.ceil(all.length / PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const rows = all.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE).map((row) => ({ href: recordPath(kind, row.id), cells: spec.cells(store, row) }));
  return { kind, columns: spec.columns, rows, total: all.length, page: current, pages };
}

const LISTS: { [K in EntityType]: (store: CrmStore, page: number) => ListView } = {
  contact: (store, page) => listOf(store, 'contact', CONTACT_LIST, page),
  deal: (store, page) => listOf(store, 'deal', DEAL_LIST, page),
  sales_account: (store, page) => listOf(store, 'sales_account', ACCOUNT_LIST, page),
};

/** One page (1-based, clamped) of a kind's live records in creation order. */
export function listView(store: CrmStore, kind: EntityType, page: number): ListView {
  return LISTS[kind](store, page);
}
