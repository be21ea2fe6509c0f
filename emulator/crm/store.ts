import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type {
  AppointmentRow, ChoiceRow, ContactRow, CurrencyRow, DealPipelineRow, DealRow, DealStageRow, Entity,
  FieldSetting, Id, ListRow, NoteRow, PhoneCallRow, ProductRow, SalesAccountRow, SalesActivityRow,
  TaskRow, UserRow, ViewRow,
} from './model/types';

/** One Freshsales account's identity and settings. */
export interface AccountSettings {
  /** Numeric, but a string everywhere it appears (platform.md §3.1). */
  accountId: string;
  /** The bundle alias host, e.g. `demo.myfreshworks.com`. */
  domain: string;
  region: string;
  /**
   * IANA zone every timestamp is written in, with the offset in force at that instant
   * (`Europe/Berlin`: +01:00 in winter, +02:00 in summer); or a fixed offset (`+05:30`) carried
   * over from a snapshot written before zones.
   */
  timeZone: string;
  plan: Plan;
  baseCurrencyId: Id;
  /** Which answers the account gives: the stand-in's defaults, or those of real accounts (§11). */
  profile: Profile;
}

/**
 * `real` reproduces what freshsales-api.md §11 observed on live accounts (hidden built-in
 * fields, grouped positions, a zone with daylight saving, no `users` in write answers, …).
 */
export type Profile = 'default' | 'real';
export const PROFILES: readonly Profile[] = ['default', 'real'];

/** Suite plans and their hourly API limits (freshsales-api.md §8). */
export type Plan = 'free' | 'growth' | 'pro' | 'enterprise';

/** The selectors' data (freshsales-api.md §6). */
export interface Metadata {
  territories: ChoiceRow[];
  deal_pipelines: DealPipelineRow[];
  deal_stages: DealStageRow[];
  contact_statuses: ChoiceRow[];
  lifecycle_stages: ChoiceRow[];
  lead_sources: ChoiceRow[];
  campaigns: ChoiceRow[];
  industry_types: ChoiceRow[];
  business_types: ChoiceRow[];
  currencies: CurrencyRow[];
  deal_reasons: ChoiceRow[];
  deal_types: ChoiceRow[];
  deal_payment_statuses: ChoiceRow[];
  deal_products: ChoiceRow[];
  sales_activity_types: ChoiceRow[];
  sales_activity_outcomes: ChoiceRow[];
  sales_activity_entity_types: ChoiceRow[];
}

/** A table of rows with int64-sized ids handed out in order. */
export class Table<R extends { id: Id; is_deleted: boolean }> {
  private readonly rows = new Map<Id, R>();

  constructor(
    readonly name: string,
    private nextId: Id,
  ) {}

  allocateId(): Id {
    return this.nextId++;
  }

  /** Insert a row whose id was allocated here (or restored from a snapshot). */
  put(row: R): R {
    this.rows.set(row.id, row);
    if (row.id >= this.nextId) this.nextId = row.id + 1;
    return row;
  }

  /** Any row, soft-deleted ones included. */
  raw(id: Id): R | undefined {
    return this.rows.get(id);
  }

  /** A row the API may show: present and not soft-deleted. */
  get(id: Id): R | undefined {
    const row = this.rows.get(id);
    return row === undefined || row.is_deleted ? undefined : row;
  }

  /** Live rows in creation order. */
  all(): R[] {
    return [...this.rows.values()].filter((row) => !row.is_deleted);
  }

  /** Soft-deleted rows too, for the recycle-bin search. */
  everything(): R[] {
    return [...this.rows.values()];
  }

  /** Permanent erase (`/forget`). */
  erase(id: Id): boolean {
    return this.rows.delete(id);
  }

  get size(): number {
    return this.rows.size;
  }

  snapshot(): { nextId: Id; rows: R[] } {
    return { nextId: this.nextId, rows: [...this.rows.values()] };
  }

  restore(data: { nextId: Id; rows: R[] }): void {
    this.rows.clear();
    data.rows.forEach((row) => this.rows.set(row.id, row));
    this.nextId = data.nextId;
  }
}

/**
 * Ids start where real Suite ids live (11–12 digits, freshsales-api.md §1), a different base
 * per table so an id of the wrong kind never finds a record by accident.
 */
export const ID_BASES = {
  contacts: 402000000501,
  sales_accounts: 402000200301,
  deals: 402000401001,
  tasks: 402001308220,
  appointments: 402001508420,
  sales_activities: 402001708620,
  notes: 402004348670,
  lists: 402000050001,
  products: 402000768605,
  phone_calls: 402002908820,
  emails: 402000009001,
  attendees: 402003908001,
} as const;

export class CrmStore {
  readonly contacts = new Table<ContactRow>('contacts', ID_BASES.contacts);
  readonly sales_accounts = new Table<SalesAccountRow>('sales_accounts', ID_BASES.sales_accounts);
  readonly deals = new Table<DealRow>('deals', ID_BASES.deals);
  readonly tasks = new Table<TaskRow>('tasks', ID_BASES.tasks);
  readonly appointments = new Table<AppointmentRow>('appointments', ID_BASES.appointments);
  readonly sales_activities = new Table<SalesActivityRow>('sales_activities', ID_BASES.sales_activities);
  readonly notes = new Table<NoteRow>('notes', ID_BASES.notes);
  readonly lists = new Table<ListRow>('lists', ID_BASES.lists);
  readonly products = new Table<ProductRow>('products', ID_BASES.products);
  readonly phone_calls = new Table<PhoneCallRow>('phone_calls', ID_BASES.phone_calls);
  /** Ids of nested items (emails, attendees) come from their own sequences. */
  private nested = { emails: ID_BASES.emails as number, attendees: ID_BASES.attendees as number };

  constructor(
    public account: AccountSettings,
    public users: UserRow[],
    public metadata: Metadata,
    public fields: Record<Entity, FieldSetting[]>,
    public views: Record<'contacts' | 'sales_accounts' | 'deals', ViewRow[]>,
    /** API key → the user it acts as. */
    public apiKeys: Record<string, Id>,
  ) {}

  nextNestedId(kind: 'emails' | 'attendees'): Id {
    return this.nested[kind]++;
  }

  user(id: Id | null | undefined): UserRow | undefined {
    return id === null || id === undefined ? undefined : this.users.find((user) => user.id === id);
  }

  tables() {
    return {
      contacts: this.contacts,
      sales_accounts: this.sales_accounts,
      deals: this.deals,
      tasks: this.tasks,
      appointments: this.appointments,
      sales_activities: this.sales_activities,
      notes: this.notes,
      lists: this.lists,
      products: this.products,
      phone_calls: this.phone_calls,
    };
  }

  toSnapshot(): StoreSnapshot {
    const tables = Object.fromEntries(Object.entries(this.tables()).map(([name, table]) => [name, table.snapshot()]));
    return {
      version: SNAPSHOT_VERSION,
      account: this.account,
      users: this.users,
      metadata: this.metadata,
      fields: this.fields,
      views: this.views,
      apiKeys: this.apiKeys,
      nested: this.nested,
      tables: tables as StoreSnapshot['tables'],
    };
  }

  static fromSnapshot(saved: StoreSnapshot | LegacySnapshot): CrmStore {
    const snapshot = migrateSnapshot(saved);
    const store = new CrmStore(snapshot.account, snapshot.users, snapshot.metadata, snapshot.fields, snapshot.views, snapshot.apiKeys);
    store.nested = snapshot.nested;
    const tables = store.tables() as Record<string, Table<{ id: Id; is_deleted: boolean }>>;
    for (const [name, data] of Object.entries(snapshot.tables)) tables[name]?.restore(data);
    return store;
  }
}

export const SNAPSHOT_VERSION = 2;

/** Version 1 kept a fixed `utcOffset` instead of a zone, and had no profile. */
interface LegacySnapshot extends Omit<StoreSnapshot, 'account'> {
  account: Omit<AccountSettings, 'timeZone' | 'profile'> & { utcOffset: string };
}

/** A saved store brought to the current version: a v1 offset becomes a fixed-offset zone. */
function migrateSnapshot(snapshot: StoreSnapshot | LegacySnapshot): StoreSnapshot {
  if (snapshot.version === SNAPSHOT_VERSION) return snapshot as StoreSnapshot;
  if (snapshot.version !== 1) throw new Error(`unsupported snapshot version ${String(snapshot.version)}`);
  const { utcOffset, ...account } = (snapshot as LegacySnapshot).account;
  return { ...snapshot, version: SNAPSHOT_VERSION, account: { ...account, timeZone: utcOffset, profile: 'default' } };
}

export interface StoreSnapshot {
  version: number;
  account: AccountSettings;
  users: UserRow[];
  metadata: Metadata;
  fields: Record<Entity, FieldSetting[]>;
  views: Record<'contacts' | 'sales_accounts' | 'deals', ViewRow[]>;
  apiKeys: Record<string, Id>;
  nested: { emails: number; attendees: number };
  tables: Record<keyof ReturnType<CrmStore['tables']>, { nextId: Id; rows: never[] }>;
}

/** bigint is not JSON: tag it on the way out, untag on the way in. */
const BIGINT_TAG = '$bigint';

export function saveSnapshot(store: CrmStore, file: string): void {
  const text = JSON.stringify(store.toSnapshot(), (_key, value: unknown) =>
    typeof value === 'bigint' ? { [BIGINT_TAG]: value.toString() } : value,
  );
  // Write then rename, so a crash never leaves half a snapshot.
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
}

export function loadSnapshot(file: string): CrmStore | undefined {
  if (!existsSync(file)) return undefined;
  const snapshot = JSON.parse(readFileSync(file, 'utf8'), (_key, value: unknown) => {
    if (typeof value === 'object' && value !== null && BIGINT_TAG in value) {
      return BigInt((value as Record<string, string>)[BIGINT_TAG] as string);
    }
    return value;
  }) as StoreSnapshot;
  return CrmStore.fromSnapshot(snapshot);
}
