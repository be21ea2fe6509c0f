import { ok } from '../context';
import { badRequest } from '../http/errors';
import type { ContactRow, DealRow, Id, UserRow } from '../model/types';
import { CONTACT_INCLUDE_IDS, contactJson, displayName } from '../serialize/contact';
import type { SerializeContext } from '../serialize/context';
import { nestedAccountJson } from '../serialize/sales-account';
import type { CrmStore } from '../store';
import { blankContact, contactDraft, findContactByEmail, assignNestedIds, storeNewContact } from './contact-writes';
import type { RegisterRoutes } from './index';
import { activitiesJson, emittedIds, registerRecordRoutes, sideLoadDeals, sideLoadRelated, type RecordKind } from './record-includes';
import { isObject, type JsonObject } from './shared/body';
import { applyCustomFields, customFieldSettings } from './shared/custom-fields';
import { parseId } from './shared/ids';
import type { SideLoads } from './shared/includes';
import { findOr404, publish, snapshotOf } from './shared/records';
import { dealsOfContact, dealTotals } from './shared/relations';
import { sideLoadSelector } from './shared/selector-items';
import { sideLoadUser } from './shared/side-loads';

/**
 * Contacts (freshsales-api.md §2, §3, §4.1): create, view, update, soft delete, forget, clone,
 * upsert, bulk delete and owner assignment, filters and views, and the activity timeline.
 */

export const CONTACT_INCLUDES = [
  'sales_accounts', 'owner', 'creater', 'updater', 'source', 'campaign', 'contact_status', 'territory',
  'deals', 'tasks', 'appointments', 'notes',
] as const;

interface Related {
  ctx: SerializeContext;
  row: ContactRow;
  deals: DealRow[];
  sideLoads: SideLoads;
}

/** Side-loads per include (api §3); `sales_accounts` is nested instead (see renderContact). */
const SIDE_LOADS: Record<string, (related: Related) => void> = {
  owner: ({ ctx, row, sideLoads }) => sideLoadUser(sideLoads, ctx.store, row.owner_id),
  creater: ({ ctx, row, sideLoads }) => sideLoadUser(sideLoads, ctx.store, row.creater_id),
  updater: ({ ctx, row, sideLoads }) => sideLoadUser(sideLoads, ctx.store, row.updater_id),
  source: ({ ctx, row, sideLoads }) => sideLoadSelector(sideLoads, ctx.store, 'lead_sources', row.lead_source_id),
  campaign: ({ ctx, row, sideLoads }) => sideLoadSelector(sideLoads, ctx.store, 'campaigns', row.campaign_id),
  contact_status: ({ ctx, row, sideLoads }) => sideLoadSelector(sideLoads, ctx.store, 'contact_statuses', row.contact_status_id),
  territory: ({ ctx, row, sideLoads }) => sideLoadSelector(sideLoads, ctx.store, 'territories', row.territory_id),
  deals: ({ ctx, deals, sideLoads }) => sideLoadDeals(sideLoads, ctx, deals),
  tasks: ({ ctx, row, sideLoads }) => sideLoadRelated(sideLoads, ctx, 'tasks', 'Contact', row.id),
  appointments: ({ ctx, row, sideLoads }) => sideLoadRelated(sideLoads, ctx, 'appointments', 'Contact', row.id),
  notes: ({ ctx, row, sideLoads }) => sideLoadRelated(sideLoads, ctx, 'notes', 'Contact', row.id),
};

/** `include=sales_accounts` nests the live accounts in the contact, primary first (api §3 rule 3). */
function nestedAccounts(ctx: SerializeContext, row: ContactRow): JsonObject[] {
  const links = [...row.sales_accounts].sort((a, b) => Number(b.is_primary) - Number(a.is_primary));
  return links.flatMap((link) => {
    const account = ctx.store.sales_accounts.get(link.id);
    return account === undefined ? [] : [nestedAccountJson(ctx, account, link.is_primary)];
  });
}

function renderContact(ctx: SerializeContext, row: ContactRow, includes: ReadonlySet<string>, sideLoads: SideLoads): JsonObject {
  const deals = dealsOfContact(ctx.store, row.id);
  const aggregates = { ...dealTotals(ctx.store, deals, ctx.now), deal_ids: deals.map((deal) => deal.id) };
  const json = contactJson(ctx, row, emittedIds(includes, CONTACT_INCLUDE_IDS), aggregates);
  includes.forEach((name) => SIDE_LOADS[name]?.({ ctx, row, deals, sideLoads }));
  return includes.has('sales_accounts') ? { ...json, sales_accounts: nestedAccounts(ctx, row) } : json;
}

const lower = (value: string | null) => (value === null ? null : value.toLowerCase());
const amount = (value: string | null) => (value === null ? null : Number(value));

function sortable(ctx: SerializeContext): Record<string, (row: ContactRow) => string | number | null> {
  // Computed once per row: the sort asks for a key at every comparison.
  const cache = new Map<number, ReturnType<typeof dealTotals>>();
  const totals = (row: ContactRow) => {
    const known = cache.get(row.id) ?? dealTotals(ctx.store, dealsOfContact(ctx.store, row.id), ctx.now);
    cache.set(row.id, known);
    return known;
  };
  return {
    updated_at: (row) => row.updated_at,
    created_at: (row) => row.created_at,
    first_name: (row) => lower(row.first_name),
    last_name: (row) => lower(row.last_name),
    display_name: (row) => displayName(row).toLowerCase(),
    lead_score: (row) => row.lead_score,
    last_contacted: (row) => row.last_contacted,
    open_deals_amount: (row) => amount(totals(row).open_deals_amount),
    won_deals_amount: (row) => amount(totals(row).won_deals_amount),
  };
}

/**
 * A clone copies the contact but not what identifies it: emails and external_id are unique
 * (upsert keys), so the copy starts without them unless the overrides give new ones ([U]).
 */
function cloneBase(source: ContactRow, actor: UserRow, now: number): ContactRow {
  const copy = structuredClone(source);
  return {
    ...copy,
    id: 0, mcr_id: 0n, created_at: now, updated_at: now, creater_id: actor.id, updater_id: actor.id,
    emails: [], external_id: null, phone_numbers: copy.phone_numbers.map((phone) => ({ ...phone, id: 0 })),
    last_contacted: null, last_contacted_mode: null, last_assigned_at: null, recent_note: null,
  };
}

/** Custom field types that can hold a unique value (text-like, numbers). */
const UNIQUE_TYPES = ['text', 'number', 'email', 'phone_number', 'url'];

function findByCustomField(store: CrmStore, name: string, value: unknown): ContactRow | undefined {
  const field = customFieldSettings(store, 'contacts').find((candidate) => candidate.name === name);
  if (field === undefined || !UNIQUE_TYPES.includes(field.type)) throw badRequest(`Unique identifier '${name}' is not a unique field`);
  const parsed = applyCustomFields(store, 'contacts', { [name]: value }, {})[name];
  if (parsed === null) throw badRequest(`Unique identifier ${name} can't be blank`);
  const matches = store.contacts.all().filter((contact) => contact.custom_field[name] === parsed);
  if (matches.length > 1) throw badRequest(`More than one contact has ${name} ${String(parsed)}`);
  return matches[0];
}

function findByExternalId(store: CrmStore, value: unknown): ContactRow | undefined {
  if (typeof value !== 'string' || value.trim() === '') throw badRequest('Unique identifier external_id must be a non-blank string');
  return store.contacts.all().find((contact) => contact.external_id === value);
}

function findByEmails(store: CrmStore, value: unknown): ContactRow | undefined {
  if (typeof value !== 'string' || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim())) throw badRequest('Unique identifier emails must be an email address');
  return findContactByEmail(store, value);
}

/** A create from an upsert starts with the identifier's value unless the body sets that field. */
function withIdentifier(input: JsonObject, name: string, value: unknown): JsonObject {
  if (!name.startsWith('cf_')) return input[name] === undefined ? { ...input, [name]: value } : input;
  const custom = isObject(input.custom_field) ? input.custom_field : {};
  return input.custom_field === undefined || isObject(input.custom_field) ? { ...input, custom_field: { [name]: value, ...custom } } : input;
}

const FINDERS: Record<string, (store: CrmStore, value: unknown) => ContactRow | undefined> = {
  emails: findByEmails,
  external_id: findByExternalId,
};

/**
 * `unique_identifier` names one field: `emails` (plural, api §4.1), `external_id`, or a
 * text-like `cf_` field. `email` (singular) is refused, as it is not the key the API takes.
 */
function identify(store: CrmStore, identifier: unknown, input: JsonObject): { found?: ContactRow; createInput: JsonObject } {
  const entries = isObject(identifier) ? Object.entries(identifier) : [];
  const [name, value] = entries[0] ?? ['', undefined];
  if (entries.length !== 1) throw badRequest('unique_identifier must be an object with exactly one field: emails, external_id or a cf_ field');
  const finder = FINDERS[name] ?? (name.startsWith('cf_') ? (s: CrmStore, v: unknown) => findByCustomField(s, name, v) : undefined);
  if (finder === undefined) throw badRequest(`Unique identifier '${name}' is not supported: use emails, external_id or a cf_ field`);
  return { found: finder(store, value), createInput: withIdentifier(input, name, value) };
}

/** GDPR erase: the row goes, and so do the references deals and lists hold to it. */
function erase(store: CrmStore, id: Id): void {
  store.contacts.erase(id);
  store.deals.everything().forEach((deal) => (deal.contact_ids = deal.contact_ids.filter((contactId) => contactId !== id)));
  store.lists.everything().forEach((list) => (list.contact_ids = list.contact_ids.filter((contactId) => contactId !== id)));
}

export const CONTACT_KIND: RecordKind<ContactRow> = {
  path: 'contacts',
  key: 'contact',
  what: 'Contact',
  words: 'contacts',
  includes: CONTACT_INCLUDES,
  table: (store) => store.contacts,
  blank: blankContact,
  draft: contactDraft,
  cloneBase,
  storeNew: storeNewContact,
  save: (store, draft) => store.contacts.put(assignNestedIds(store, draft)),
  identify,
  publish: (context, before, after, actor) => publish(context, { entity: 'contact', before, after: snapshotOf(after) }, actor),
  render: renderContact,
  sortable,
  erase,
};

export const registerContacts: RegisterRoutes = (router) => {
  registerRecordRoutes(router, CONTACT_KIND);
  router.add('GET', '/contacts/:id/activities', (request, context) => {
    const contact = findOr404(context.store.contacts, parseId(request.params.id), 'Contact');
    return ok(activitiesJson({ store: context.store, now: context.clock.now() }, request.query, 'Contact', contact.id));
  });
};
