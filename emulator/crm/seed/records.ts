import { toDecimalString } from '../format';
import type {
  AccountLink, AppointmentRow, AttendeeRow, ChoiceRow, ContactRow, CurrencyRow, CustomFields, CustomValue, DealProductRow, DealRow,
  DealStageRow, EmailRow, Entity, FieldSetting, ForecastType, Id, ListRow, NoteRow, PhoneCallRow, ProductRow,
  RecordBase, SalesAccountRow, SalesActivityRow, TargetableType, TaskRow, UserRow,
} from '../model/types';
import { ID_BASES, type CrmStore } from '../store';
import {
  ACCOUNT_TAGS, ACTIVITY_TITLES, APPOINTMENT_TITLES, COMPETITORS, CONTACT_TAGS, CULTURES, DEAL_TAGS, DEAL_TOPICS,
  DEPARTMENTS, EMOJI_ACCOUNT_NAME, FREE_MAIL_DOMAINS, HTML_ACCOUNT_NAME, HTML_LAST_NAME, HTML_NOTE, JOB_TITLES, LISTS,
  LOCATIONS, NOTE_TEMPLATES, PRODUCTS, SENTENCES, TASK_TITLES, UNICODE_PEOPLE, WEEKDAYS, companyDomain, slugify,
  splitName, type Company, type Culture,
} from './names';
import { DAY, HOUR, MINUTE, Random, localDateFrom, quarterHour, startOfLocalDay, startOfLocalDayFrom } from './random';

/**
 * The demo records of the Freshsales stand-in (issue #3 item 4), written straight into the
 * tables of an account store from `createAccountStore()`. The same seed and `now` always give
 * the same rows; a different seed gives different names, values and links.
 *
 * Landmarks (`SEED_LANDMARKS`) are records made on purpose for tests. They are created first,
 * in a fixed order, so their ids are the same for every seed:
 * - accounts.busy: 120 contacts and 30 deals (more than one page of either);
 * - accounts.bare: no website, no phone, no owner; accounts.html: a name with `&amp;` and
 *   quotes; accounts.emoji: an emoji in the name;
 * - contacts.busy: 30 tasks, 30 notes, 12 deals, 6 appointments;
 * - contacts.html: last name `<img src=x onerror=alert(1)>`; contacts.noEmail: no emails, a
 *   mobile number, null job title, no account; contacts.longText: a cf_background of several
 *   thousand characters; contacts.unicode.*: Zoë Ångström, Łukasz Żółć, José Núñez, 李小龙,
 *   محمد العلي, Ngozi Okonkwo-Adébáyọ̀ (combining marks);
 * - deals.longName: a name of 250 characters; deals.nullAmount: null amount and expected_close;
 * - notes.html: `<script>alert("x")</script> & <b>bold</b>`; notes.long: several thousand characters;
 * - `deleted` entries: soft-deleted rows (is_deleted: true) of each kind;
 * - lists.newsletter: every contact whose cf_newsletter is true (more than 100).
 */

export const SEED_COUNTS = {
  /** Live rows of each kind (soft-deleted ones come on top). */
  accounts: 60,
  contacts: 300,
  deals: 130,
  tasks: 200,
  appointments: 90,
  notes: 180,
  salesActivities: 220,
  phoneCalls: 20,
  busyAccountContacts: 120,
  busyAccountDeals: 30,
  busyContactTasks: 30,
  busyContactNotes: 30,
  busyContactDeals: 12,
  busyContactAppointments: 6,
} as const;

const nth = (base: number) => (offset: number) => base + offset;
const account = nth(ID_BASES.sales_accounts);
const contact = nth(ID_BASES.contacts);
const deal = nth(ID_BASES.deals);
const note = nth(ID_BASES.notes);
const list = nth(ID_BASES.lists);
const product = nth(ID_BASES.products);

export const SEED_LANDMARKS = {
  accounts: { busy: account(0), bare: account(1), html: account(2), emoji: account(3), deleted: [account(4), account(5)] },
  contacts: {
    busy: contact(0),
    html: contact(1),
    noEmail: contact(2),
    longText: contact(3),
    unicode: { zoe: contact(4), lukasz: contact(5), jose: contact(6), xiaolong: contact(7), mohammed: contact(8), ngozi: contact(9) },
    deleted: [contact(10), contact(11)],
  },
  deals: { longName: deal(0), nullAmount: deal(1), deleted: [deal(2), deal(3)] },
  tasks: { deleted: [ID_BASES.tasks, ID_BASES.tasks + 1] },
  appointments: { deleted: [ID_BASES.appointments] },
  notes: { html: note(0), long: note(1), deleted: [note(2)] },
  salesActivities: { deleted: [ID_BASES.sales_activities] },
  lists: { newsletter: list(0), webinar: list(1), enterprise: list(2), doNotCall: list(3), deleted: list(4) },
  products: { platform: product(0), onboarding: product(1), support: product(2), analytics: product(3), inactive: product(4) },
} as const;

export type SeedLandmarks = typeof SEED_LANDMARKS;

const LANDMARK_TABLES: Record<keyof SeedLandmarks, keyof ReturnType<CrmStore['tables']>> = {
  accounts: 'sales_accounts',
  contacts: 'contacts',
  deals: 'deals',
  tasks: 'tasks',
  appointments: 'appointments',
  notes: 'notes',
  salesActivities: 'sales_activities',
  lists: 'lists',
  products: 'products',
};

const idsIn = (value: unknown): number[] =>
  typeof value === 'number' ? [value] : Object.values(value as Record<string, unknown>).flatMap(idsIn);

/** The landmark ids, after checking that the store was seeded by `seedRecords`. */
export function seedLandmarks(store: CrmStore): SeedLandmarks {
  const tables = store.tables() as Record<string, { raw(id: Id): unknown }>;
  for (const [group, table] of Object.entries(LANDMARK_TABLES)) {
    const missing = idsIn(SEED_LANDMARKS[group as keyof SeedLandmarks]).filter((id) => tables[table]?.raw(id) === undefined);
    if (missing.length > 0) throw new Error(`not a seeded store: no ${table} ${missing.join(', ')}`);
  }
  return SEED_LANDMARKS;
}

// Module-level copies: in a vm context (jest) every `Math.x` is a slow global lookup.
const { max, min, round } = Math;

const MCR_BASE = 1712345678901234567n;
const CONTACT_RECORD_TYPE = '402010794476';
const ACCOUNT_RECORD_TYPE = '402010794477';
/** The oldest records are about two years old; main records are at least two days old. */
const OLDEST = 720 * DAY;
const YOUNGEST = 2 * DAY;

/** Selector data looked up once per seed rather than once per record. */
interface Lookups {
  customFields: Record<Entity, FieldSetting[]>;
  lifecycleStages: Array<readonly [ChoiceRow, number]>;
  statusesOf: Map<Id, ChoiceRow[]>;
  currencies: Array<readonly [CurrencyRow, number]>;
  activityTypes: Array<readonly [ChoiceRow, number]>;
  outcomesOf: Map<Id, ChoiceRow[]>;
  taskTypes: ChoiceRow[];
  meetingOutcomes: ChoiceRow[];
  callOutcomes: ChoiceRow[];
  defaultPipeline: Id;
}

interface Seeding {
  store: CrmStore;
  lookups: Lookups;
  now: number;
  /** The account's time zone: days, "today" and dates follow it. */
  zone: string;
  root: Random;
  active: UserRow[];
  inactive: UserRow[];
  cultures: Map<Id, Culture>;
  domains: Map<Id, string>;
  /** Live account → its live contacts, filled once the contacts exist. */
  accountContacts: Map<Id, Id[]>;
  emails: Set<string>;
  dealCount: number;
}

function createSeeding(store: CrmStore, seed: number, now: number): Seeding {
  if (!Number.isFinite(seed) || !Number.isFinite(now)) throw new RangeError('seed and now must be finite numbers');
  if (Object.values(store.tables()).some((table) => table.size > 0)) throw new Error('seedRecords needs an account store without records');
  const active = store.users.filter((user) => user.is_active);
  if (active.length === 0) throw new Error('seedRecords needs at least one active user');
  return {
    store, lookups: lookupsOf(store), now, zone: store.account.timeZone, root: new Random(seed), active,
    inactive: store.users.filter((user) => !user.is_active),
    cultures: new Map(), domains: new Map(), accountContacts: new Map(), emails: new Set(), dealCount: 0,
  };
}

const groupBy = (rows: ChoiceRow[], key: string): Map<Id, ChoiceRow[]> => {
  const groups = new Map<Id, ChoiceRow[]>();
  for (const row of rows) groups.set(row[key] as Id, [...(groups.get(row[key] as Id) ?? []), row]);
  return groups;
};

const LIFECYCLE_WEIGHTS = [5, 3, 4];
const CURRENCY_WEIGHTS = [6, 2, 2, 1];
const ACTIVITY_WEIGHTS: Record<string, number> = { call: 5, email: 4, meeting: 3, cf_demo: 2, task: 1 };

function lookupsOf(store: CrmStore): Lookups {
  const meta = store.metadata;
  const outcomesOf = groupBy(meta.sales_activity_outcomes, 'sales_activity_type_id');
  const typeId = (name: string) => meta.sales_activity_types.find((row) => row.internal_name === name)?.id ?? 0;
  const custom = (entity: Entity) => store.fields[entity].filter((field) => !field.default);
  return {
    customFields: { contacts: custom('contacts'), sales_accounts: custom('sales_accounts'), deals: custom('deals'), sales_activities: custom('sales_activities') },
    lifecycleStages: meta.lifecycle_stages.map((row, index) => [row, LIFECYCLE_WEIGHTS[index] ?? 1] as const),
    statusesOf: groupBy(meta.contact_statuses, 'lifecycle_stage_id'),
    currencies: meta.currencies.filter((row) => row.is_active).map((row, index) => [row, CURRENCY_WEIGHTS[index] ?? 1] as const),
    activityTypes: meta.sales_activity_types.map((row) => [row, ACTIVITY_WEIGHTS[String(row.internal_name)] ?? 1] as const),
    outcomesOf,
    taskTypes: meta.sales_activity_entity_types.filter((row) => row.sales_activity_type_name === 'Task'),
    meetingOutcomes: outcomesOf.get(typeId('meeting')) ?? [],
    callOutcomes: outcomesOf.get(typeId('call')) ?? [],
    defaultPipeline: meta.deal_pipelines.find((row) => row.is_default)?.id ?? 0,
  };
}

// ---------------------------------------------------------------------------------------------
// Small helpers

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`seed: the demo account has no ${what}`);
  return value;
}

const cultureOf = (code: string): Culture => required(CULTURES.find((culture) => culture.code === code), `culture ${code}`);
const byName = (rows: ChoiceRow[], name: string): Id | null => rows.find((row) => row.name === name)?.id ?? null;
const pickId = (rng: Random, rows: ChoiceRow[]): Id | null => (rows.length === 0 ? null : rng.pick(rows).id);
const CULTURE_WEIGHTS = CULTURES.map((culture) => [culture, culture.weight] as const);
const pickCulture = (rng: Random): Culture => rng.weighted(CULTURE_WEIGHTS);

/** Mostly spread over the active users; every 23rd record goes to the inactive one. */
function ownerFor(s: Seeding, rng: Random, index: number): Id {
  const inactive = s.inactive[index % max(1, s.inactive.length)];
  return index % 23 === 7 && inactive !== undefined ? inactive.id : rng.pick(s.active).id;
}

/**
 * The fields every row starts with. Rows are built as `Object.assign(base, {…})`: in V8 a
 * literal that starts with a spread (`{...base, …}`) and goes on with many fields is built
 * about fifty times slower, which alone took most of the seed's time.
 */
function recordBase(s: Seeding, rng: Random, table: { allocateId(): Id }, created: number): RecordBase {
  const creater = rng.pick(s.active).id;
  return {
    id: table.allocateId(),
    created_at: created,
    updated_at: rng.between(created, s.now - MINUTE),
    creater_id: creater,
    updater_id: rng.chance(0.7) ? creater : rng.pick(s.active).id,
    is_deleted: false,
  };
}

/** A main record's creation time: after `after`, at least two days before now. */
const createdAfter = (s: Seeding, rng: Random, after: number): number =>
  rng.between(max(after, s.now - OLDEST), s.now - YOUNGEST);

function softDelete<R extends RecordBase>(s: Seeding, rng: Random, row: R): R {
  row.is_deleted = true;
  row.updated_at = rng.between(row.updated_at, s.now - MINUTE);
  return row;
}

function fill(template: string, words: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => words[key] ?? whole);
}

function paragraph(rng: Random, sentences: number): string {
  return rng.sample(SENTENCES, sentences).join(' ');
}

/** Paragraphs separated by blank lines, at least `minChars` long. */
function longText(rng: Random, minChars: number): string {
  const parts: string[] = [];
  let length = 0;
  while (length < minChars) {
    const next = paragraph(rng, 4);
    parts.push(next);
    length += next.length + 2;
  }
  return parts.join('\n\n');
}

function cents(decimal: string): number {
  return round(Number(decimal) * 100);
}

function fromCents(value: number): string {
  return toDecimalString((value / 100).toFixed(2)) ?? '0.0';
}

// ---------------------------------------------------------------------------------------------
// Custom fields: a valid value for every custom field of the entity (store.fields, default: false)

interface ValueSource {
  rng: Random;
  now: number;
  zone: string;
  culture: Culture;
  /** ASCII domain for url and email values. */
  domain: string;
  /** ASCII handle of the person or company, e.g. "zoe-angstrom". */
  handle: string;
}

type Maker = (source: ValueSource, field: FieldSetting) => CustomValue;

const choiceValues = (field: FieldSetting): string[] => (field.choices ?? []).map((choice) => choice.value);
const pickChoice: Maker = (source, field) => (choiceValues(field).length === 0 ? null : source.rng.pick(choiceValues(field)));
const decimalBetween = (rng: Random, min: number, max: number, step: number): string => fromCents(rng.int(min / step, max / step) * step * 100);
const dateFrom = (source: ValueSource, minDays: number, maxDays: number): string =>
  localDateFrom(source.now, source.rng.int(minDays, maxDays), source.zone);

function multiSelect(source: ValueSource, field: FieldSetting): CustomValue {
  const values = choiceValues(field);
  const picked = source.rng.sample(values, source.rng.int(1, min(3, values.length)));
  return values.filter((value) => picked.includes(value)).join(';');
}

const BY_TYPE: Record<string, Maker> = {
  text: (s) => `${s.rng.pick(['REF', 'ID', 'ACC'])}-${s.rng.int(1000, 99999)}`,
  textarea: (s) => paragraph(s.rng, s.rng.int(1, 3)),
  number: (s) => s.rng.int(1, 500),
  decimal: (s) => decimalBetween(s.rng, 100, 250_000, 0.25),
  date: (s) => dateFrom(s, -365, 180),
  dropdown: pickChoice,
  radio: pickChoice,
  multi_select_dropdown: multiSelect,
  checkbox: (s) => s.rng.chance(0.5),
  url: (s) => `https://${s.domain}/${s.rng.pick(['about', 'portal', 'docs', 'support'])}`,
  email: (s) => `${s.rng.pick(['billing', 'finance', 'accounts', 'office'])}@${s.domain}`,
  phone_number: (s) => s.rng.digits(s.culture.phone),
};

/** Values that make sense for the demo account's own fields; other fields go by type. */
const BY_NAME: Record<string, Maker> = {
  cf_nps: (s) => s.rng.int(0, 10),
  cf_birthday: (s) => dateFrom(s, -65 * 365, -22 * 365),
  cf_website: (s) => `https://${s.handle}.${s.culture.tld}`,
  cf_budget: (s) => decimalBetween(s.rng, 5_000, 500_000, 500),
  cf_assistant_email: (s) => `${s.rng.pick(['assistant', 'office', 'ea'])}@${s.domain}`,
  cf_referral_code: (s) => `REF-${s.rng.digits('####')}`,
  cf_renewal_date: (s) => dateFrom(s, 10, 400),
  cf_seats: (s) => s.rng.pick([5, 10, 25, 50, 100, 250, 500]),
  cf_arr: (s) => decimalBetween(s.rng, 10_000, 2_000_000, 0.5),
  cf_vat_number: (s) => `${s.culture.code.toUpperCase()}${s.rng.digits('#########')}`,
  cf_sales_region: (s, field) => (choiceValues(field).includes(s.culture.region) ? s.culture.region : pickChoice(s, field)),
  cf_contract_start: (s) => dateFrom(s, -200, 90),
  cf_proposal_link: (s) => `https://docs.demo-crm.test/proposals/${s.handle}-${s.rng.int(100, 999)}`,
  cf_discount: (s) => decimalBetween(s.rng, 0, 25, 0.5),
  cf_order_ref: (s) => `SO-${s.rng.int(1000, 9999)}`,
};

const makerOf = (field: FieldSetting): Maker => BY_NAME[field.name] ?? BY_TYPE[field.type] ?? required(BY_TYPE.text, 'text maker');

function customFields(s: Seeding, entity: Entity, source: ValueSource): CustomFields {
  const values: CustomFields = {};
  for (const field of s.lookups.customFields[entity]) values[field.name] = makerOf(field)(source, field);
  return values;
}

function valueSource(s: Seeding, rng: Random, culture: Culture, domain: string, handle: string): ValueSource {
  return { rng, now: s.now, zone: s.zone, culture, domain, handle: handle === '' ? 'contact' : handle };
}

// ---------------------------------------------------------------------------------------------
// Products

function productRow(s: Seeding, rng: Random, spec: (typeof PRODUCTS)[number]): ProductRow {
  const pricing = s.store.metadata.currencies
    .filter((currency) => currency.is_active)
    .map((currency) => ({ currency_id: currency.id, unit_price: fromCents(round(spec.usd / Number(currency.exchange_rate) / 10) * 1000) }));
  return Object.assign(recordBase(s, rng, s.store.products, s.now - OLDEST), {
    name: spec.name,
    category: spec.category,
    sku_number: spec.sku,
    description: spec.description,
    is_active: spec.active,
    pricing,
  });
}

function seedProducts(s: Seeding): void {
  const rng = s.root.fork('products');
  PRODUCTS.forEach((spec) => s.store.products.put(productRow(s, rng, spec)));
}

// ---------------------------------------------------------------------------------------------
// Sales accounts

const EMPLOYEES = [8, 25, 60, 140, 320, 750, 1800, 4200, 12000] as const;

function accountRow(s: Seeding, rng: Random, company: Company, culture: Culture, index: number): SalesAccountRow {
  const base = recordBase(s, rng, s.store.sales_accounts, createdAfter(s, rng, 0));
  const domain = companyDomain(company, culture.tld);
  const [city, state, zipcode] = rng.pick(culture.cities);
  const employees = rng.pick(EMPLOYEES) + rng.int(0, 9);
  const meta = s.store.metadata;
  s.domains.set(base.id, domain);
  s.cultures.set(base.id, culture);
  return Object.assign(base, {
    name: company[0],
    address: fill(rng.pick(culture.streets), { n: String(rng.int(1, 240)) }),
    city, state, zipcode,
    country: culture.country,
    number_of_employees: employees,
    annual_revenue: employees * rng.int(40, 250) * 1000,
    website: rng.chance(0.7) ? domain : `https://www.${domain}`,
    phone: rng.digits(culture.phone),
    owner_id: ownerFor(s, rng, index),
    industry_type_id: pickId(rng, meta.industry_types),
    business_type_id: pickId(rng, meta.business_types),
    territory_id: byName(meta.territories, culture.territory),
    parent_sales_account_id: null,
    facebook: null,
    twitter: rng.maybe(0.3, () => `@${domain.split('.')[0] ?? 'company'}`),
    linkedin: rng.maybe(0.6, () => `https://www.linkedin.com/company/${domain.split('.')[0] ?? 'company'}`),
    recent_note: null,
    tags: rng.sample(ACCOUNT_TAGS, rng.int(0, 2)),
    last_contacted: null,
    last_contacted_mode: null,
    last_assigned_at: base.created_at,
    team_user_ids: null,
    record_type_id: ACCOUNT_RECORD_TYPE,
    mcr_id: MCR_BASE + 1_000_000n + BigInt(base.id - ID_BASES.sales_accounts),
    custom_field: customFields(s, 'sales_accounts', accountValues(s, rng, base.id)),
  });
}

function addAccount(s: Seeding, rng: Random, company: Company, culture: Culture, index: number): SalesAccountRow {
  return s.store.sales_accounts.put(accountRow(s, rng, company, culture, index));
}

/**
 * Company names in random order, never twice and never one a landmark took (account names are
 * unique, api §4.2); suffixed copies only if the lists run out.
 */
function companyPool(rng: Random, count: number, taken: ReadonlySet<string>): Array<[Company, Culture]> {
  const all = CULTURES.flatMap((culture) => culture.companies.map((company) => [company, culture] as [Company, Culture]));
  const pool = rng.shuffle(all.filter(([company]) => !taken.has(company[0])));
  const suffixes = ['', ' International', ' Group', ' Holdings'];
  return Array.from({ length: count }, (_, index) => {
    const [company, culture] = required(pool[index % pool.length], 'company');
    const suffix = suffixes[Math.floor(index / pool.length) % suffixes.length] ?? '';
    return [[`${company[0]}${suffix}`, company[1]], culture];
  });
}

function seedAccounts(s: Seeding): void {
  const rng = s.root.fork('accounts');
  const busy = addAccount(s, rng, ['Meridian Global Holdings Inc.', 'meridian-global.com'], cultureOf('us'), 1);
  // The oldest customer, so its many contacts, deals and activities fit in its history.
  Object.assign(busy, { created_at: s.now - OLDEST, last_assigned_at: s.now - OLDEST });
  const bare = addAccount(s, rng, ['Kowalczyk i Syn', 'kowalczyk-i-syn.pl'], cultureOf('pl'), 2);
  Object.assign(bare, { website: null, phone: null, owner_id: null, linkedin: null, twitter: null, address: null });
  addAccount(s, rng, [HTML_ACCOUNT_NAME, 'obrien-sons.co.uk'], cultureOf('gb'), 3);
  addAccount(s, rng, [EMOJI_ACCOUNT_NAME, 'rocketlabs.dev'], cultureOf('us'), 4);
  softDelete(s, rng, addAccount(s, rng, ['Nordlicht Logistik (duplicate)', 'nordlicht-logistik.de'], cultureOf('de'), 5));
  softDelete(s, rng, addAccount(s, rng, ['Test account — please ignore', 'example.com'], cultureOf('us'), 6));
  const taken = new Set(s.store.sales_accounts.everything().map((account) => account.name));
  companyPool(rng, SEED_COUNTS.accounts - 4, taken).forEach(([company, culture], index) => addAccount(s, rng, company, culture, index + 7));
  linkParents(s, rng, busy);
}

/** A few subsidiaries of the busy account, and a few parent links between other accounts. */
function linkParents(s: Seeding, rng: Random, busy: SalesAccountRow): void {
  const others = s.store.sales_accounts.all().filter((row) => row.id > SEED_LANDMARKS.accounts.deleted[1]);
  const [first, ...rest] = rng.sample(others, 6);
  if (first === undefined) return;
  first.parent_sales_account_id = busy.id;
  // Three more subsidiaries of the busy account, and two of the first one (a grandchild level).
  rest.forEach((row, index) => {
    row.parent_sales_account_id = index < 3 ? busy.id : first.id;
  });
}

// ---------------------------------------------------------------------------------------------
// Contacts

interface PersonSpec {
  first: string;
  last: string;
  culture: Culture;
  links: AccountLink[];
  index: number;
}

function uniqueEmail(s: Seeding, local: string, domain: string): string {
  let address = `${local}@${domain}`;
  for (let copy = 2; s.emails.has(address); copy++) address = `${local}${copy}@${domain}`;
  s.emails.add(address);
  return address;
}

function emailsFor(s: Seeding, rng: Random, local: string, domain: string): EmailRow[] {
  const rows: EmailRow[] = [{ id: s.store.nextNestedId('emails'), value: uniqueEmail(s, local, domain), is_primary: true, label: rng.pick(['Work', null]) }];
  if (rng.chance(0.15)) {
    rows.push({ id: s.store.nextNestedId('emails'), value: uniqueEmail(s, local.replace('.', '_'), rng.pick(FREE_MAIL_DOMAINS)), is_primary: false, label: 'Personal' });
  }
  return rows;
}

function localPart(rng: Random, first: string, last: string): string {
  // Both are slugs already (splitName): "okonkwo-adebayo" → "okonkwoadebayo".
  const firstWord = first.split('-')[0] || 'contact';
  const lastWord = last.replace(/-/g, '');
  const styles = [`${firstWord}.${lastWord}`, `${firstWord.charAt(0)}${lastWord}`, `${firstWord}${lastWord.charAt(0)}`];
  return lastWord === '' ? firstWord : rng.pick(styles);
}

function lifecycle(s: Seeding, rng: Random): Pick<ContactRow, 'lifecycle_stage_id' | 'contact_status_id'> {
  const stage = rng.weighted(s.lookups.lifecycleStages);
  return { lifecycle_stage_id: stage.id, contact_status_id: pickId(rng, s.lookups.statusesOf.get(stage.id) ?? []) };
}

const jobTitle = (rng: Random, culture: Culture): string =>
  rng.pick(culture.localTitles !== undefined && rng.chance(0.3) ? culture.localTitles : JOB_TITLES);

type Subscription = Pick<ContactRow, 'subscription_status' | 'subscription_types'>;
const SUBSCRIPTIONS: Array<[Subscription, number]> = [
  [{ subscription_status: 1, subscription_types: '2;3;4;5;1' }, 8],
  [{ subscription_status: 0, subscription_types: '' }, 2],
];

/** The primary account's domain for work emails; a free mail domain without one. */
function homeOf(s: Seeding, rng: Random, links: AccountLink[]): { domain: string; created: number } {
  const primary = s.store.sales_accounts.raw(links.find((link) => link.is_primary)?.id ?? 0);
  return primary === undefined
    ? { domain: rng.pick(FREE_MAIL_DOMAINS), created: 0 }
    : { domain: s.domains.get(primary.id) ?? rng.pick(FREE_MAIL_DOMAINS), created: primary.created_at };
}

function contactRow(s: Seeding, rng: Random, spec: PersonSpec): ContactRow {
  const first = splitName(spec.first);
  const last = splitName(spec.last);
  const { domain, created } = homeOf(s, rng, spec.links);
  const base = recordBase(s, rng, s.store.contacts, createdAfter(s, rng, created));
  const [city, state, zipcode, timeZone] = rng.pick(spec.culture.cities);
  const handle = [first.latin, last.latin].filter((part) => part !== '').join('-');
  const meta = s.store.metadata;
  const stage = lifecycle(s, rng);
  const subscription = rng.weighted(SUBSCRIPTIONS);
  s.cultures.set(base.id, spec.culture);
  return Object.assign(base, {
    first_name: first.text,
    last_name: last.text,
    job_title: rng.maybe(0.9, () => jobTitle(rng, spec.culture)),
    department: rng.maybe(0.5, () => rng.pick(DEPARTMENTS)),
    emails: emailsFor(s, rng, localPart(rng, first.latin, last.latin), domain),
    work_number: rng.maybe(0.6, () => rng.digits(spec.culture.phone)),
    mobile_number: rng.maybe(0.7, () => rng.digits(spec.culture.mobile)),
    phone_numbers: [],
    address: rng.maybe(0.4, () => fill(rng.pick(spec.culture.streets), { n: String(rng.int(1, 240)) })),
    city, state, zipcode,
    country: spec.culture.country,
    time_zone: timeZone,
    locale: spec.culture.locale,
    lead_score: rng.int(0, 100),
    customer_fit: rng.int(0, 3),
    owner_id: ownerFor(s, rng, spec.index),
    lifecycle_stage_id: stage.lifecycle_stage_id,
    contact_status_id: stage.contact_status_id,
    lead_source_id: rng.maybe(0.8, () => pickId(rng, meta.lead_sources)),
    campaign_id: rng.maybe(0.3, () => pickId(rng, meta.campaigns)),
    territory_id: byName(meta.territories, spec.culture.territory),
    sales_accounts: spec.links,
    tags: rng.sample(CONTACT_TAGS, rng.int(0, 2)),
    subscription_status: subscription.subscription_status,
    subscription_types: subscription.subscription_types,
    external_id: rng.maybe(0.2, () => `ERP-${rng.digits('######')}`),
    work_email: null,
    facebook: null,
    twitter: null,
    linkedin: rng.maybe(0.5, () => `https://www.linkedin.com/in/${handle}`),
    medium: rng.maybe(0.2, () => rng.pick(['cpc', 'email', 'organic', 'social'])),
    keyword: null,
    recent_note: null,
    last_contacted: null,
    last_contacted_mode: null,
    last_assigned_at: base.created_at,
    team_user_ids: null,
    record_type_id: CONTACT_RECORD_TYPE,
    mcr_id: MCR_BASE + BigInt(base.id - ID_BASES.contacts),
    custom_field: customFields(s, 'contacts', valueSource(s, rng, spec.culture, domain, handle)),
  });
}

function addContact(s: Seeding, rng: Random, spec: PersonSpec): ContactRow {
  return s.store.contacts.put(contactRow(s, rng, spec));
}

const primaryLink = (id: Id): AccountLink => ({ id, is_primary: true });
const secondaryLink = (id: Id): AccountLink => ({ id, is_primary: false });

function randomPerson(rng: Random, culture: Culture, links: AccountLink[], index: number): PersonSpec {
  return { first: rng.pick(culture.firstNames), last: rng.pick(culture.lastNames), culture, links, index };
}

/** A contact mostly shares its primary account's country. */
function cultureFor(s: Seeding, rng: Random, links: AccountLink[]): Culture {
  const accountCulture = s.cultures.get(links[0]?.id ?? 0);
  return accountCulture !== undefined && rng.chance(0.75) ? accountCulture : pickCulture(rng);
}

/** No account, or a primary one and now and then a second one (not primary). */
function linksFor(rng: Random, primary: Id | null, others: SalesAccountRow[]): AccountLink[] {
  if (primary === null) return [];
  const second = rng.pick(others).id;
  return rng.chance(0.15) && second !== primary ? [primaryLink(primary), secondaryLink(second)] : [primaryLink(primary)];
}

function seedLandmarkContacts(s: Seeding, rng: Random, others: SalesAccountRow[]): void {
  const l = SEED_LANDMARKS;
  const busy = addContact(s, rng, { first: 'Sarah', last: 'Thompson', culture: cultureOf('us'), links: [primaryLink(l.accounts.busy)], index: 0 });
  Object.assign(busy, { job_title: 'VP Procurement', created_at: s.now - OLDEST + DAY, last_assigned_at: s.now - OLDEST + DAY });
  addContact(s, rng, { first: 'Robert', last: HTML_LAST_NAME, culture: cultureOf('us'), links: [primaryLink(rng.pick(others).id)], index: 1 });
  const noEmail = addContact(s, rng, { first: 'Kamau', last: 'Mwangi', culture: cultureOf('ke'), links: [], index: 2 });
  Object.assign(noEmail, { emails: [], job_title: null, work_number: null, mobile_number: '+254 712 345 678' });
  const long = addContact(s, rng, { first: 'Ingrid', last: 'Håkansson', culture: cultureOf('se'), links: [primaryLink(rng.pick(others).id)], index: 3 });
  long.custom_field.cf_background = longText(rng, 6000);
  Object.values(UNICODE_PEOPLE).forEach((person, index) => {
    const home = others.find((row) => s.cultures.get(row.id)?.code === person.culture) ?? rng.pick(others);
    addContact(s, rng, { first: person.first, last: person.last, culture: cultureOf(person.culture), links: [primaryLink(home.id)], index: index + 4 });
  });
  for (const index of [10, 11]) softDelete(s, rng, addContact(s, rng, randomPerson(rng, pickCulture(rng), [primaryLink(rng.pick(others).id)], index)));
}

function seedContacts(s: Seeding): void {
  const rng = s.root.fork('contacts');
  const busyId = SEED_LANDMARKS.accounts.busy;
  const others = s.store.sales_accounts.all().filter((row) => row.id !== busyId);
  seedLandmarkContacts(s, rng, others);
  const busyQuota = SEED_COUNTS.busyAccountContacts - 1;
  const cycle = rng.shuffle(others);
  const regular = SEED_COUNTS.contacts - 10;
  for (let index = 0; index < regular; index++) {
    const inBusy = index < busyQuota;
    const primary = inBusy ? busyId : rng.chance(0.08) ? null : required(cycle[index % cycle.length], 'account').id;
    const links = linksFor(rng, primary, others);
    addContact(s, rng, randomPerson(rng, cultureFor(s, rng, links), links, index + 12));
  }
  for (const row of s.store.contacts.all()) {
    for (const link of row.sales_accounts) s.accountContacts.set(link.id, [...(s.accountContacts.get(link.id) ?? []), row.id]);
  }
}

// ---------------------------------------------------------------------------------------------
// Deals

/** Share of won and lost deals: 2 in 10 won, 1 in 10 lost. */
const FORECAST_CYCLE: ForecastType[] = ['Open', 'Open', 'Closed Won', 'Open', 'Open', 'Open', 'Closed Lost', 'Open', 'Closed Won', 'Open'];
const AMOUNT_SCALE: Record<string, number> = { INR: 80, JPY: 150 };

interface DealPlan {
  account: SalesAccountRow;
  contactIds: Id[];
  forecast: ForecastType;
  pipeline: Id;
}

function planFor(s: Seeding, account: SalesAccountRow, contactIds: Id[]): DealPlan {
  const index = s.dealCount++;
  const pipelines = [...s.store.metadata.deal_pipelines].sort((a, b) => a.position - b.position);
  const pipeline = required(pipelines[(index % 3 === 2 ? 1 : 0) % pipelines.length], 'pipeline');
  return { account, contactIds, forecast: required(FORECAST_CYCLE[index % FORECAST_CYCLE.length], 'forecast'), pipeline: pipeline.id };
}

function stageFor(s: Seeding, rng: Random, plan: DealPlan): DealStageRow {
  const stages = s.store.metadata.deal_stages.filter((row) => row.deal_pipeline_id === plan.pipeline);
  const matching = stages.filter((row) => row.forecast_type === plan.forecast);
  return rng.pick(matching.length > 0 ? matching : stages);
}

function dealProducts(s: Seeding, rng: Random, currencyId: Id): DealProductRow[] {
  const products = s.store.products.all().filter((row) => row.is_active);
  return rng.sample(products, rng.int(1, 3)).map((row) => ({
    product_id: row.id,
    quantity: row.category === 'Services' ? 1 : rng.pick([5, 10, 25, 40, 100]),
    unit_price: row.pricing.find((price) => price.currency_id === currencyId)?.unit_price ?? '0.0',
    discount: rng.maybe(0.3, () => rng.pick(['5.0', '10.0', '12.5'])),
    setup_fee: rng.maybe(0.2, () => '500.0'),
    billing_type: row.category === 'Services' ? 'one_time' : 'recurring',
  }));
}

/** Σ quantity × unit price × (1 − discount %) + setup fee, in cents to stay exact. */
function productsTotal(items: DealProductRow[]): string {
  const total = items.reduce((sum, item) => {
    const line = round((item.quantity * cents(item.unit_price) * (100 - Number(item.discount ?? 0))) / 100);
    return sum + line + cents(item.setup_fee ?? '0');
  }, 0);
  return fromCents(total);
}

function randomAmount(rng: Random, currencyCode: string): string {
  const whole = rng.pick([1, 2, 5, 10, 25, 50]) * rng.int(1, 20) * 100 * (AMOUNT_SCALE[currencyCode] ?? 1);
  return fromCents(whole * 100 + rng.pick([0, 0, 0, 50, 75, 99]));
}

interface Closing {
  closedAt: number | null;
  stageUpdated: number;
}

function closingOf(s: Seeding, rng: Random, stage: DealStageRow, created: number): Closing {
  const moved = rng.between(created, s.now - HOUR);
  return { closedAt: stage.forecast_type === 'Open' ? null : moved, stageUpdated: moved };
}

function expectedClose(s: Seeding, rng: Random, closing: Closing): string {
  const anchor = closing.closedAt ?? s.now;
  const days = closing.closedAt === null ? rng.int(-20, 120) : rng.int(-10, 10);
  return localDateFrom(anchor, days, s.zone);
}

/** Renewals pipeline → the "Renewal" type; other deals are new business or upsells. */
function dealTypeFor(s: Seeding, rng: Random, plan: DealPlan): Id | null {
  const types = s.store.metadata.deal_types;
  const renewal = plan.pipeline === s.lookups.defaultPipeline ? null : byName(types, 'Renewal');
  return renewal ?? pickId(rng, types.filter((row) => row.name !== 'Renewal'));
}

/** Amount in one of the active currencies: the products' total when the deal has products. */
function dealMoney(s: Seeding, rng: Random): Pick<DealRow, 'amount' | 'currency_id' | 'products'> {
  const currency = rng.weighted(s.lookups.currencies);
  const products = rng.chance(0.4) ? dealProducts(s, rng, currency.id) : [];
  const amount = products.length > 0 ? productsTotal(products) : randomAmount(rng, currency.currency_code);
  return { amount, currency_id: currency.id, products };
}

/** Lost deals carry a reason, won deals a payment status. */
function dealOutcome(s: Seeding, rng: Random, plan: DealPlan): Pick<DealRow, 'deal_reason_id' | 'deal_payment_status_id'> {
  const meta = s.store.metadata;
  return {
    deal_reason_id: plan.forecast === 'Closed Lost' ? pickId(rng, meta.deal_reasons) : null,
    deal_payment_status_id: plan.forecast === 'Closed Won' ? pickId(rng, meta.deal_payment_statuses) : null,
  };
}

function accountValues(s: Seeding, rng: Random, accountId: Id): ValueSource {
  const domain = s.domains.get(accountId) ?? 'example.com';
  return valueSource(s, rng, s.cultures.get(accountId) ?? cultureOf('us'), domain, slugify(domain.split('.')[0] ?? ''));
}

function dealRow(s: Seeding, rng: Random, plan: DealPlan): DealRow {
  const meta = s.store.metadata;
  // Deals of the last year, so expected and closed dates stay around now.
  const created = createdAfter(s, rng, max(plan.account.created_at, s.now - 365 * DAY));
  const base = recordBase(s, rng, s.store.deals, created);
  const stage = stageFor(s, rng, plan);
  const closing = closingOf(s, rng, stage, created);
  const money = dealMoney(s, rng);
  const outcome = dealOutcome(s, rng, plan);
  return Object.assign(base, {
    updated_at: rng.between(closing.stageUpdated, s.now - MINUTE),
    name: `${plan.account.name} – ${plan.pipeline === s.lookups.defaultPipeline ? rng.pick(DEAL_TOPICS) : 'Annual renewal'}`,
    amount: money.amount,
    currency_id: money.currency_id,
    products: money.products,
    expected_close: expectedClose(s, rng, closing),
    closed_date: closing.closedAt === null ? null : localDateFrom(closing.closedAt, 0, s.zone),
    deal_pipeline_id: plan.pipeline,
    deal_stage_id: stage.id,
    stage_updated_time: closing.stageUpdated,
    probability: stage.probability,
    owner_id: ownerFor(s, rng, s.dealCount),
    sales_account_id: plan.account.id,
    contact_ids: plan.contactIds,
    deal_reason_id: outcome.deal_reason_id,
    deal_payment_status_id: outcome.deal_payment_status_id,
    deal_type_id: dealTypeFor(s, rng, plan),
    lead_source_id: rng.maybe(0.7, () => pickId(rng, meta.lead_sources)),
    campaign_id: rng.maybe(0.25, () => pickId(rng, meta.campaigns)),
    territory_id: plan.account.territory_id,
    tags: rng.sample(DEAL_TAGS, rng.int(0, 2)),
    recent_note: null,
    web_form_id: null,
    team_user_ids: null,
    last_assigned_at: created,
    custom_field: customFields(s, 'deals', accountValues(s, rng, plan.account.id)),
  });
}

function addDeal(s: Seeding, rng: Random, plan: DealPlan): DealRow {
  return s.store.deals.put(dealRow(s, rng, plan));
}

const contactsOf = (s: Seeding, accountId: Id): Id[] => s.accountContacts.get(accountId) ?? [];

function somePlan(s: Seeding, rng: Random, account: SalesAccountRow, exclude: Id[] = []): DealPlan {
  const candidates = contactsOf(s, account.id).filter((id) => !exclude.includes(id));
  return planFor(s, account, rng.sample(candidates, rng.int(1, 4)));
}

function longDealName(accountName: string): string {
  const countries = CULTURES.map((culture) => culture.country).join(', ');
  const text = `${accountName} – multi-year platform agreement with premium support and onboarding for the subsidiaries in ${countries}`;
  return `${text.slice(0, 249).trimEnd()}.`.padEnd(250, '.');
}

function seedLandmarkDeals(s: Seeding, rng: Random, accounts: SalesAccountRow[]): void {
  const longAccount = rng.pick(accounts);
  addDeal(s, rng, somePlan(s, rng, longAccount)).name = longDealName(longAccount.name);
  const blank = addDeal(s, rng, somePlan(s, rng, rng.pick(accounts)));
  Object.assign(blank, { amount: null, expected_close: null, products: [] });
  softDelete(s, rng, addDeal(s, rng, somePlan(s, rng, rng.pick(accounts))));
  softDelete(s, rng, addDeal(s, rng, somePlan(s, rng, rng.pick(accounts))));
}

function seedDeals(s: Seeding): void {
  const rng = s.root.fork('deals');
  const busy = required(s.store.sales_accounts.get(SEED_LANDMARKS.accounts.busy), 'busy account');
  const busyContact = SEED_LANDMARKS.contacts.busy;
  const accounts = s.store.sales_accounts.all().filter((row) => row.id !== busy.id && contactsOf(s, row.id).length > 0);
  seedLandmarkDeals(s, rng, accounts);
  for (let index = 0; index < SEED_COUNTS.busyAccountDeals; index++) {
    const plan = somePlan(s, rng, busy, [busyContact]);
    if (index < SEED_COUNTS.busyContactDeals) plan.contactIds = [busyContact, ...plan.contactIds.slice(0, 3)];
    addDeal(s, rng, plan);
  }
  const cycle = rng.shuffle(accounts);
  const regular = SEED_COUNTS.deals - 2 - SEED_COUNTS.busyAccountDeals;
  for (let index = 0; index < regular; index++) addDeal(s, rng, somePlan(s, rng, required(cycle[index % cycle.length], 'account')));
}

// ---------------------------------------------------------------------------------------------
// Targets shared by tasks, appointments, notes and sales activities

interface Target {
  type: TargetableType;
  id: Id;
  created: number;
  owner: Id | null;
  words: Record<string, string>;
  contactIds: Id[];
  culture: Culture;
}

const recordCulture = (s: Seeding, id: Id | null | undefined): Culture => s.cultures.get(id ?? 0) ?? cultureOf('us');
const firstNameOf = (s: Seeding, id: Id | undefined, fallback: string): string => {
  const row = s.store.contacts.get(id ?? 0);
  return row?.first_name ?? row?.last_name ?? fallback;
};
const accountNameOf = (s: Seeding, id: Id | null | undefined, fallback: string): string => s.store.sales_accounts.get(id ?? 0)?.name ?? fallback;

function contactTarget(s: Seeding, row: ContactRow): Target {
  const words = { first: firstNameOf(s, row.id, 'there'), account: accountNameOf(s, row.sales_accounts[0]?.id, 'their team') };
  return { type: 'Contact', id: row.id, created: row.created_at, owner: row.owner_id, words, contactIds: [row.id], culture: recordCulture(s, row.id) };
}

function accountTarget(s: Seeding, row: SalesAccountRow): Target {
  const people = contactsOf(s, row.id);
  const words = { first: firstNameOf(s, people[0], 'the team'), account: row.name };
  return { type: 'SalesAccount', id: row.id, created: row.created_at, owner: row.owner_id, words, contactIds: people, culture: recordCulture(s, row.id) };
}

function dealTarget(s: Seeding, row: DealRow): Target {
  const words = { first: firstNameOf(s, row.contact_ids[0], 'the buyer'), account: accountNameOf(s, row.sales_account_id, 'the customer') };
  return { type: 'Deal', id: row.id, created: row.created_at, owner: row.owner_id, words, contactIds: row.contact_ids, culture: recordCulture(s, row.sales_account_id) };
}

/** Stands in for the record of an appointment that has none (an internal meeting). */
function internalTarget(s: Seeding): Target {
  return { type: 'Contact', id: 0, created: s.now - OLDEST, owner: null, words: { first: 'the team', account: 'HQ' }, contactIds: [], culture: cultureOf('in') };
}

interface TargetPools {
  Contact: Target[];
  SalesAccount: Target[];
  Deal: Target[];
}

/** Live records that may carry activities; the busy contact is left out (it gets a fixed number). */
function targetPools(s: Seeding): TargetPools {
  return {
    Contact: s.store.contacts.all().filter((row) => row.id !== SEED_LANDMARKS.contacts.busy).map((row) => contactTarget(s, row)),
    SalesAccount: s.store.sales_accounts.all().map((row) => accountTarget(s, row)),
    Deal: s.store.deals.all().map((row) => dealTarget(s, row)),
  };
}

const TARGET_WEIGHTS = [['Contact', 5], ['Deal', 3], ['SalesAccount', 2]] as const;

function randomTarget(rng: Random, pools: TargetPools): Target {
  return rng.pick(pools[rng.weighted(TARGET_WEIGHTS)]);
}

function busyTarget(s: Seeding): Target {
  return contactTarget(s, required(s.store.contacts.get(SEED_LANDMARKS.contacts.busy), 'busy contact'));
}

const PRODUCT_NAMES = PRODUCTS.filter((row) => row.active).map((row) => row.name);

function words(rng: Random, target: Target): Record<string, string> {
  return {
    first: target.words.first ?? '',
    account: target.words.account ?? '',
    product: rng.pick(PRODUCT_NAMES),
    n: String(rng.pick([3, 5, 10, 12, 25, 40, 150])),
    day: rng.pick(WEEKDAYS),
    competitor: rng.pick(COMPETITORS),
  };
}

/** The target's owner when active, else (or now and then) another active user. */
function actorFor(s: Seeding, rng: Random, target: Target): Id {
  const owner = s.active.find((user) => user.id === target.owner);
  return owner !== undefined && rng.chance(0.7) ? owner.id : rng.pick(s.active).id;
}

// ---------------------------------------------------------------------------------------------
// Tasks: open (overdue, due today, due tomorrow, later) and completed, in the account's zone

type TaskKind = 'overdue' | 'today' | 'tomorrow' | 'upcoming' | 'completed';

const TASK_KINDS = [['overdue', 2], ['today', 1], ['tomorrow', 1], ['upcoming', 2.5], ['completed', 3.5]] as const;
/** The busy contact's 30 tasks: every kind, several of each. */
const BUSY_TASKS: TaskKind[] = [
  ...Array<TaskKind>(6).fill('overdue'), ...Array<TaskKind>(4).fill('today'), ...Array<TaskKind>(4).fill('tomorrow'),
  ...Array<TaskKind>(6).fill('upcoming'), ...Array<TaskKind>(10).fill('completed'),
];

type DueMaker = (s: Seeding, rng: Random, after: number) => number;

const DUE: Record<TaskKind, DueMaker> = {
  overdue: (s, rng, after) => quarterHour(rng.between(max(after + DAY, s.now - 40 * DAY), startOfLocalDay(s.now, s.zone) - HOUR)),
  today: (s, rng) => {
    const end = startOfLocalDayFrom(s.now, 1, s.zone);
    return min(quarterHour(rng.between(s.now + 20 * MINUTE, end)) + 15 * MINUTE, end - MINUTE);
  },
  tomorrow: (s, rng) => startOfLocalDayFrom(s.now, 1, s.zone) + rng.int(32, 72) * 15 * MINUTE,
  upcoming: (s, rng) => startOfLocalDay(s.now, s.zone) + rng.int(2, 28) * DAY + rng.int(32, 72) * 15 * MINUTE,
  completed: (s, rng, after) => quarterHour(rng.between(max(after + HOUR, s.now - 90 * DAY), s.now - HOUR)),
};

function completion(s: Seeding, rng: Random, kind: TaskKind, created: number, due: number): number | null {
  return kind === 'completed' ? rng.between(max(created + MINUTE, due - 2 * DAY), min(due + 3 * DAY, s.now - MINUTE)) : null;
}

function taskRow(s: Seeding, rng: Random, target: Target, kind: TaskKind): TaskRow {
  const due = DUE[kind](s, rng, target.created);
  const created = rng.between(max(target.created, due - 30 * DAY), min(due, s.now) - HOUR);
  const base = recordBase(s, rng, s.store.tasks, created);
  const owner = actorFor(s, rng, target);
  const completed = completion(s, rng, kind, created, due);
  const status: TaskRow['status'] = completed === null ? 0 : 1;
  return Object.assign(base, {
    updated_at: completed ?? base.updated_at,
    title: fill(rng.pick(TASK_TITLES), words(rng, target)),
    description: rng.maybe(0.5, () => paragraph(rng, 1)),
    due_date: due,
    status,
    completed_date: completed,
    owner_id: owner,
    task_type_id: pickId(rng, s.lookups.taskTypes),
    outcome_id: null,
    targetable_type: target.type,
    targetable_id: target.id,
    user_ids: rng.chance(0.25) ? [...new Set([owner, rng.pick(s.active).id])] : [owner],
  });
}

function seedTasks(s: Seeding, pools: TargetPools): void {
  const rng = s.root.fork('tasks');
  for (let index = 0; index < 2; index++) softDelete(s, rng, s.store.tasks.put(taskRow(s, rng, randomTarget(rng, pools), 'upcoming')));
  const busy = busyTarget(s);
  BUSY_TASKS.forEach((kind) => s.store.tasks.put(taskRow(s, rng, busy, kind)));
  for (let index = BUSY_TASKS.length; index < SEED_COUNTS.tasks; index++) {
    s.store.tasks.put(taskRow(s, rng, randomTarget(rng, pools), rng.weighted(TASK_KINDS)));
  }
}

// ---------------------------------------------------------------------------------------------
// Appointments: past and upcoming, with user and contact attendees

type AppointmentKind = 'past' | 'upcoming' | 'allday';

const APPOINTMENT_KINDS = [['past', 5], ['upcoming', 4], ['allday', 1]] as const;
const DURATIONS = [30, 30, 45, 60, 60, 90] as const;

function appointmentTimes(s: Seeding, rng: Random, kind: AppointmentKind, after: number): [number, number] {
  const today = startOfLocalDay(s.now, s.zone);
  const times: Record<AppointmentKind, () => [number, number]> = {
    past: () => {
      const from = quarterHour(rng.between(max(after, s.now - 200 * DAY), s.now - 3 * HOUR));
      return [from, from + rng.pick(DURATIONS) * MINUTE];
    },
    upcoming: () => {
      const from = quarterHour(rng.between(s.now + HOUR, s.now + 45 * DAY));
      return [from, from + rng.pick(DURATIONS) * MINUTE];
    },
    allday: () => {
      const from = today + rng.int(1, 20) * DAY;
      return [from, from + DAY];
    },
  };
  return times[kind]();
}

function attendees(s: Seeding, rng: Random, owner: Id, target: Target): AttendeeRow[] {
  const users = [...new Set([owner, ...rng.sample(s.active, rng.int(0, 1)).map((user) => user.id)])];
  const contacts = rng.sample(target.contactIds, rng.int(1, 2));
  return [
    ...users.map((id) => ({ id: s.store.nextNestedId('attendees'), attendee_type: 'FdMultitenant::User' as const, attendee_id: id })),
    ...contacts.map((id) => ({ id: s.store.nextNestedId('attendees'), attendee_type: 'Contact' as const, attendee_id: id })),
  ];
}

function meetingOutcome(s: Seeding, rng: Random, from: number): Id | null {
  return from < s.now && rng.chance(0.5) ? pickId(rng, s.lookups.meetingOutcomes) : null;
}

function appointmentLocation(rng: Random, target: Target): string {
  const location = rng.pick(LOCATIONS);
  return location === 'Client office' ? `${location}, ${rng.pick(target.culture.cities)[0]}` : location;
}

/** `target` null: an internal meeting, with users only and no targetable. */
function appointmentRow(s: Seeding, rng: Random, target: Target | null, kind: AppointmentKind): AppointmentRow {
  const about = target ?? internalTarget(s);
  const [from, end] = appointmentTimes(s, rng, kind, about.created);
  const booked = min(from, s.now);
  const base = recordBase(s, rng, s.store.appointments, rng.between(max(about.created, booked - 30 * DAY), booked - HOUR));
  const owner = actorFor(s, rng, about);
  return Object.assign(base, {
    creater_id: owner,
    title: fill(rng.pick(APPOINTMENT_TITLES), words(rng, about)),
    description: rng.maybe(0.4, () => paragraph(rng, 1)),
    location: appointmentLocation(rng, about),
    time_zone: s.store.user(owner)?.time_zone ?? 'Chennai',
    is_allday: kind === 'allday',
    from_date: from,
    end_date: end,
    outcome_id: meetingOutcome(s, rng, from),
    targetable_type: target === null ? null : about.type,
    targetable_id: target === null ? null : about.id,
    attendees: attendees(s, rng, owner, about),
    latitude: null,
    longitude: null,
    checkedin_at: null,
  });
}

function seedAppointments(s: Seeding, pools: TargetPools): void {
  const rng = s.root.fork('appointments');
  softDelete(s, rng, s.store.appointments.put(appointmentRow(s, rng, randomTarget(rng, pools), 'upcoming')));
  const busy = busyTarget(s);
  const busyKinds: AppointmentKind[] = ['past', 'past', 'past', 'upcoming', 'upcoming', 'allday'];
  busyKinds.forEach((kind) => s.store.appointments.put(appointmentRow(s, rng, busy, kind)));
  for (let index = busyKinds.length; index < SEED_COUNTS.appointments; index++) {
    const target = rng.chance(0.1) ? null : randomTarget(rng, pools);
    s.store.appointments.put(appointmentRow(s, rng, target, rng.weighted(APPOINTMENT_KINDS)));
  }
}

// ---------------------------------------------------------------------------------------------
// Notes

function noteRow(s: Seeding, rng: Random, target: Target, description?: string): NoteRow {
  const base = recordBase(s, rng, s.store.notes, rng.between(target.created, s.now - MINUTE));
  return Object.assign(base, {
    creater_id: actorFor(s, rng, target),
    description: description ?? fill(rng.pick(NOTE_TEMPLATES), words(rng, target)),
    targetable_type: target.type,
    targetable_id: target.id,
  });
}

function seedNotes(s: Seeding, pools: TargetPools): void {
  const rng = s.root.fork('notes');
  const html = contactTarget(s, required(s.store.contacts.get(SEED_LANDMARKS.contacts.html), 'html contact'));
  s.store.notes.put(noteRow(s, rng, html, HTML_NOTE));
  const busyAccount = accountTarget(s, required(s.store.sales_accounts.get(SEED_LANDMARKS.accounts.busy), 'busy account'));
  s.store.notes.put(noteRow(s, rng, busyAccount, longText(rng, 8000)));
  softDelete(s, rng, s.store.notes.put(noteRow(s, rng, randomTarget(rng, pools))));
  const busy = busyTarget(s);
  for (let index = 0; index < SEED_COUNTS.busyContactNotes; index++) s.store.notes.put(noteRow(s, rng, busy));
  for (let index = SEED_COUNTS.busyContactNotes + 2; index < SEED_COUNTS.notes; index++) s.store.notes.put(noteRow(s, rng, randomTarget(rng, pools)));
}

// ---------------------------------------------------------------------------------------------
// Sales activities: several types, outcomes valid for the type (mandatory on Demo)

const ACTIVITY_MINUTES: Record<string, readonly number[]> = { call: [10, 15, 25, 40], email: [5], meeting: [45, 60, 90], cf_demo: [30, 45, 60], task: [15, 30] };

function activityOutcome(s: Seeding, rng: Random, type: ChoiceRow): Id | null {
  return type.is_outcome_mandatory === true || rng.chance(0.7) ? pickId(rng, s.lookups.outcomesOf.get(type.id) ?? []) : null;
}

function activityRow(s: Seeding, rng: Random, target: Target): SalesActivityRow {
  const type = rng.weighted(s.lookups.activityTypes);
  const kind = String(type.internal_name);
  const start = quarterHour(rng.between(max(target.created, s.now - 300 * DAY), s.now - 2 * HOUR));
  const minutes = rng.pick(ACTIVITY_MINUTES[kind] ?? [30]);
  const base = recordBase(s, rng, s.store.sales_activities, start + minutes * MINUTE);
  const domain = s.domains.get(target.id) ?? 'example.com';
  return Object.assign(base, {
    title: fill(rng.pick(ACTIVITY_TITLES[kind] ?? ['Follow-up']), words(rng, target)),
    notes: rng.maybe(0.6, () => fill(rng.pick(NOTE_TEMPLATES), words(rng, target))),
    start_date: start,
    end_date: start + minutes * MINUTE,
    owner_id: actorFor(s, rng, target),
    sales_activity_type_id: type.id,
    sales_activity_outcome_id: activityOutcome(s, rng, type),
    targetable_type: target.type,
    targetable_id: target.id,
    location: kind === 'meeting' ? `${rng.pick(target.culture.cities)[0]}` : null,
    latitude: null,
    longitude: null,
    checkedin_at: null,
    conversation_time: kind === 'call' ? minutes * 60 - rng.int(0, 120) : null,
    custom_field: customFields(s, 'sales_activities', valueSource(s, rng, target.culture, domain, 'activity')),
  });
}

function seedSalesActivities(s: Seeding, pools: TargetPools): void {
  const rng = s.root.fork('sales_activities');
  softDelete(s, rng, s.store.sales_activities.put(activityRow(s, rng, randomTarget(rng, pools))));
  for (let index = 0; index < SEED_COUNTS.salesActivities; index++) s.store.sales_activities.put(activityRow(s, rng, randomTarget(rng, pools)));
}

// ---------------------------------------------------------------------------------------------
// Phone calls (manual call log)

function phoneCallRow(s: Seeding, rng: Random, target: Target): PhoneCallRow {
  const base = recordBase(s, rng, s.store.phone_calls, rng.between(target.created, s.now - HOUR));
  return Object.assign(base, {
    call_direction: rng.chance(0.6),
    targetable_type: target.type,
    targetable_id: target.id,
    note: rng.maybe(0.5, () => fill(rng.pick(NOTE_TEMPLATES), words(rng, target))),
    outcome_id: pickId(rng, s.lookups.callOutcomes),
    call_duration: rng.int(15, 1800),
    recording_url: rng.maybe(0.3, () => `https://recordings.demo-crm.test/calls/${base.id}.mp3`),
  });
}

function seedPhoneCalls(s: Seeding, pools: TargetPools): void {
  const rng = s.root.fork('phone_calls');
  for (let index = 0; index < SEED_COUNTS.phoneCalls; index++) s.store.phone_calls.put(phoneCallRow(s, rng, rng.pick(pools.Contact)));
}

// ---------------------------------------------------------------------------------------------
// Marketing lists

function listRow(s: Seeding, rng: Random, name: string, contactIds: Id[]): ListRow {
  const base = recordBase(s, rng, s.store.lists, createdAfter(s, rng, s.now - 400 * DAY));
  return Object.assign(base, { name, contact_ids: [...contactIds].sort((a, b) => a - b) });
}

function isEnterprise(s: Seeding, row: ContactRow): boolean {
  const primary = s.store.sales_accounts.get(row.sales_accounts[0]?.id ?? 0);
  return primary?.custom_field.cf_segment === 'Enterprise';
}

function seedLists(s: Seeding): void {
  const rng = s.root.fork('lists');
  const contacts = s.store.contacts.all();
  const [newsletter, webinar, enterprise, doNotCall] = LISTS;
  const put = (name: string, ids: Id[]) => s.store.lists.put(listRow(s, rng, name, ids));
  put(newsletter, contacts.filter((row) => row.custom_field.cf_newsletter === true).map((row) => row.id));
  put(webinar, rng.sample(contacts.filter((row) => row.emails.length > 0), 40).map((row) => row.id));
  put(enterprise, rng.sample(contacts.filter((row) => isEnterprise(s, row)), 60).map((row) => row.id));
  put(doNotCall, rng.sample(contacts.filter((row) => row.subscription_status === 0), 6).map((row) => row.id));
  softDelete(s, rng, put('Imported leads 2022', rng.sample(contacts, 10).map((row) => row.id)));
}

// ---------------------------------------------------------------------------------------------

/**
 * Fills an account store from `createAccountStore()` with the demo records. `now` is the
 * clock's time: every record is created before it, tasks and appointments fall around it.
 */
export function seedRecords(store: CrmStore, seed: number, now: number): void {
  const s = createSeeding(store, seed, now);
  seedProducts(s);
  seedAccounts(s);
  seedContacts(s);
  seedDeals(s);
  const pools = targetPools(s);
  seedTasks(s, pools);
  seedAppointments(s, pools);
  seedNotes(s, pools);
  seedSalesActivities(s, pools);
  seedPhoneCalls(s, pools);
  seedLists(s);
}
