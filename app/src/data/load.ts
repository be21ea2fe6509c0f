import type { CrmFailure } from '../../../common/crm/failure';
import type { AccountView, ContactView, DealView } from '../../../common/crm/records';
import type { EntityType } from '../../../common/platform/client';
import { ok, type Result } from '../../../common/validation';
import type { FieldDef } from '../model/fields';
import { knownUsers, retireInactiveOwners } from '../model/users';
import type { Host } from '../platform/host';
import type { MetadataCache } from './metadata-cache';
import type { AccountData, AccountLink, ContactData, DealData, SidebarData } from './types';

/**
 * One open = one record request (everything related side-loaded) plus field settings from the
 * page cache, all started together so the open costs one call's latency.
 */
export interface LoadDeps {
  host: Host;
  metadata: MetadataCache;
}

type Loaded<T> = Promise<Result<T, CrmFailure>>;

/** The first failure of several parallel answers, or all their values. */
function all<A, B, C>(a: Result<A, CrmFailure>, b: Result<B, CrmFailure>, c: Result<C, CrmFailure>): Result<[A, B, C], CrmFailure> {
  if (!a.ok) return a;
  if (!b.ok) return b;
  if (!c.ok) return c;
  return ok([a.value, b.value, c.value]);
}

const NO_FIELDS: Result<FieldDef[], CrmFailure> = ok([]);

function accountLinks(view: ContactView): AccountLink[] {
  const links = (view.contact.sales_accounts ?? []).map((account) => ({
    id: account.id,
    name: account.name,
    website: account.website,
    isPrimary: account.is_primary === true,
  }));
  return links.sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary));
}

/** The contact's status from the contact_status side-load, with the lifecycle stage it belongs to. */
function contactStatus(view: ContactView): Pick<ContactData, 'status'> {
  const statuses = view.contact_statuses ?? [];
  const status = statuses.find((candidate) => candidate.id === view.contact.contact_status_id) ?? statuses[0];
  if (status === undefined) return {};
  const stage = typeof status.lifecycle_stage_id === 'number' ? { lifecycleStageId: status.lifecycle_stage_id } : {};
  return { status: { id: status.id, name: status.name, ...stage } };
}

/**
 * Side-loads every view shares; absent arrays are empty lists. Users are the side-loaded ones
 * and every owner the cached field settings know, since answers to API writes side-load none.
 */
function related(view: ContactView | DealView | AccountView, fieldSets: ReadonlyArray<readonly FieldDef[]>): Pick<ContactData, 'users' | 'tasks' | 'appointments' | 'notes'> {
  return { users: knownUsers(view.users ?? [], fieldSets), tasks: view.tasks ?? [], appointments: view.appointments ?? [], notes: view.notes ?? [] };
}

/** Field settings with the owners a side-loaded user marks inactive taken out of the choices. */
const offered = (view: ContactView | DealView | AccountView, fields: FieldDef[]) => retireInactiveOwners(fields, view.users ?? []);

const UNAVAILABLE = { tasks: null, appointments: null, notes: null };

export function contactData(view: ContactView, fields: FieldDef[], dealFields: FieldDef[]): ContactData {
  return {
    entity: 'contact',
    record: view.contact,
    accounts: accountLinks(view),
    deals: view.deals ?? [],
    ...contactStatus(view),
    ...related(view, [fields, dealFields]),
    fields: offered(view, fields),
    dealFields: offered(view, dealFields),
  };
}

/** `activities: false` when the account refused the tasks/appointments/notes include. */
export function dealData(view: DealView, fields: FieldDef[], activities: boolean): DealData {
  const currency = (view.currencies ?? []).find((candidate) => candidate.id === view.deal.currency_id);
  const account = (view.sales_accounts ?? []).find((candidate) => candidate.id === view.deal.sales_account_id);
  return {
    entity: 'deal',
    record: view.deal,
    contacts: view.contacts ?? [],
    account: account ?? null,
    ...(currency === undefined ? {} : { currencyCode: currency.currency_code }),
    ...related(view, [fields]),
    ...(activities ? {} : UNAVAILABLE),
    fields: offered(view, fields),
  };
}

export function accountData(view: AccountView, fields: FieldDef[], dealFields: FieldDef[]): AccountData {
  return {
    entity: 'sales_account',
    record: view.sales_account,
    contacts: view.contacts ?? [],
    deals: view.deals ?? [],
    ...related(view, [fields, dealFields]),
    fields: offered(view, fields),
    dealFields: offered(view, dealFields),
  };
}

async function loadContact(deps: LoadDeps, id: number): Loaded<ContactData> {
  const [view, fields, dealFields] = await Promise.all([
    deps.host.call('getContactView', { id }),
    deps.metadata.fields('contacts'),
    deps.metadata.fields('deals'),
  ]);
  const joined = all(view, fields, dealFields);
  return joined.ok ? ok(contactData(...joined.value)) : joined;
}

/**
 * Whether deals side-load their activities is [U] in the reference. The first refusal (a 400
 * naming the include) switches this page to the documented includes, and the deal's activity
 * sections say they are unavailable instead of the whole sidebar failing.
 */
let dealActivitiesRefused = false;

export function resetDealActivityFallback(): void {
  dealActivitiesRefused = false;
}

const refusesInclude = (failure: CrmFailure) => failure.kind === 'invalid' && failure.messages.some((message) => /include/i.test(message));

async function dealView(host: Host, id: number): Loaded<{ view: DealView; activities: boolean }> {
  if (!dealActivitiesRefused) {
    const full = await host.call('getDealView', { id });
    if (full.ok) return ok({ view: full.value, activities: true });
    if (!refusesInclude(full.failure)) return full;
    dealActivitiesRefused = true;
  }
  const core = await host.call('getDealCore', { id });
  return core.ok ? ok({ view: core.value, activities: false }) : core;
}

async function loadDeal(deps: LoadDeps, id: number): Loaded<DealData> {
  const [view, fields] = await Promise.all([dealView(deps.host, id), deps.metadata.fields('deals')]);
  const joined = all(view, fields, NO_FIELDS);
  return joined.ok ? ok(dealData(joined.value[0].view, joined.value[1], joined.value[0].activities)) : joined;
}

async function loadAccount(deps: LoadDeps, id: number): Loaded<AccountData> {
  const [view, fields, dealFields] = await Promise.all([
    deps.host.call('getAccountView', { id }),
    deps.metadata.fields('sales_accounts'),
    deps.metadata.fields('deals'),
  ]);
  const joined = all(view, fields, dealFields);
  return joined.ok ? ok(accountData(...joined.value)) : joined;
}

const LOADERS: { [E in EntityType]: (deps: LoadDeps, id: number) => Loaded<Extract<SidebarData, { entity: E }>> } = {
  contact: loadContact,
  deal: loadDeal,
  sales_account: loadAccount,
};

export function loadSidebarData<E extends EntityType>(entity: E, deps: LoadDeps, id: number): Loaded<Extract<SidebarData, { entity: E }>> {
  return LOADERS[entity](deps, id);
}
