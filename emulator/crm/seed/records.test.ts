import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../../clock';
import { ok, type CrmHandler } from '../context';
import { formatDate, isIsoDate, toDecimalString } from '../format';
import type { Router } from '../http/router';
import type { ContactRow, CustomValue, DealRow, Entity, FieldSetting, Id, RecordBase, TargetableType } from '../model/types';
import { applyCustomFields, CUSTOM_FIELD_TYPES } from '../resources/shared/custom-fields';
import { contactsOfAccount, dealsOfAccount, dealsOfContact, dealTotals, forecastOf, targetedAt } from '../resources/shared/relations';
import { contactJson } from '../serialize/contact';
import { loadSnapshot, saveSnapshot, type CrmStore } from '../store';
import { startTestCrm } from '../testing/harness';
import { createAccountStore } from './account';
import { createSeededStore, DEFAULT_SEED_NOW, SEED_COUNTS, seedLandmarks, seedRecords } from './index';
import { EMOJI_ACCOUNT_NAME, HTML_ACCOUNT_NAME, HTML_LAST_NAME, HTML_NOTE, UNICODE_PEOPLE, splitName } from './names';
import { DAY, MINUTE, Random, localDateFrom, startOfLocalDay, startOfLocalDayFrom } from './random';

const NOW = DEFAULT_SEED_NOW;
/** The default zone: +05:30 all year. */
const ZONE = 'Asia/Kolkata';
const store = createSeededStore(1, { now: NOW });
const L = seedLandmarks(store);

const dump = (target: CrmStore): string =>
  JSON.stringify(target.toSnapshot(), (_key, value: unknown) => (typeof value === 'bigint' ? `${value}n` : value));

/** `[]` when the condition holds, else the message: checks read as lists of problems. */
const unless = (condition: boolean, message: string): string[] => (condition ? [] : [message]);

const userIds = new Set(store.users.map((user) => user.id));
const activeIds = store.users.filter((user) => user.is_active).map((user) => user.id);
const inactiveIds = store.users.filter((user) => !user.is_active).map((user) => user.id);
const TABLE_OF: Record<TargetableType, 'contacts' | 'sales_accounts' | 'deals'> = { Contact: 'contacts', SalesAccount: 'sales_accounts', Deal: 'deals' };
const targetExists = (type: TargetableType | null, id: Id | null): boolean =>
  type !== null && id !== null && store[TABLE_OF[type]].get(id) !== undefined;

describe('Random', () => {
  it('repeats the same sequence for the same seed and label, and differs otherwise', () => {
    const draw = (random: Random) => Array.from({ length: 8 }, () => random.int(0, 1_000_000));
    expect(draw(new Random(7))).toEqual(draw(new Random(7)));
    expect(draw(new Random(7))).not.toEqual(draw(new Random(8)));
    expect(draw(new Random(7).fork('a'))).not.toEqual(draw(new Random(7).fork('b')));
    expect(draw(new Random(7).fork('a'))).toEqual(draw(new Random(7).fork('a')));
  });

  it('keeps int, pick, sample, shuffle, weighted, between and digits inside their bounds', () => {
    const random = new Random(3);
    const ints = Array.from({ length: 500 }, () => random.int(2, 4));
    expect(new Set(ints)).toEqual(new Set([2, 3, 4]));
    expect(random.shuffle([1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5]);
    const sample = random.sample(['a', 'b', 'c', 'd'], 3);
    expect(new Set(sample).size).toBe(3);
    expect(random.sample(['a'], 5)).toEqual(['a']);
    expect(Array.from({ length: 50 }, () => random.weighted([['never', 0], ['always', 1]] as const))).not.toContain('never');
    expect(random.between(10, 10)).toBe(10);
    expect(random.between(10, 12)).toBeGreaterThanOrEqual(10);
    expect(random.digits('+49 30 ####')).toMatch(/^\+49 30 \d{4}$/);
    expect(random.maybe(0, () => 1)).toBeNull();
    expect(() => random.pick([])).toThrow(RangeError);
  });

  it('finds the local day in the account zone', () => {
    // 09:00Z is 14:30 in +05:30: the local day started at 18:30Z the day before.
    expect(startOfLocalDay(Date.parse('2026-11-02T09:00:00Z'), ZONE)).toBe(Date.parse('2026-11-01T18:30:00Z'));
    expect(startOfLocalDay(Date.parse('2026-11-02T20:00:00Z'), ZONE)).toBe(Date.parse('2026-11-02T18:30:00Z'));
    expect(localDateFrom(Date.parse('2026-11-02T20:00:00Z'), 1, ZONE)).toBe('2026-11-04');
  });

  it('counts calendar days across a daylight-saving change (Europe/Berlin, 25 October 2026)', () => {
    const evening = Date.parse('2026-10-25T21:00:00Z');
    expect(startOfLocalDay(evening, 'Europe/Berlin')).toBe(Date.parse('2026-10-24T22:00:00Z'));
    expect(startOfLocalDayFrom(evening, 1, 'Europe/Berlin')).toBe(Date.parse('2026-10-25T23:00:00Z'));
    expect(localDateFrom(Date.parse('2026-03-28T23:30:00Z'), 1, 'Europe/Berlin')).toBe('2026-03-30');
  });
});

describe('seed determinism', () => {
  it('gives byte-identical data for the same seed and now', () => {
    expect(dump(createSeededStore(1, { now: NOW }))).toBe(dump(store));
    expect(dump(createSeededStore(42, { now: NOW }))).toBe(dump(createSeededStore(42, { now: NOW })));
  });

  it('gives different data for different seeds, with the same landmark ids', () => {
    const other = createSeededStore(2, { now: NOW });
    expect(dump(other)).not.toBe(dump(store));
    const names = (target: CrmStore) => target.contacts.all().map((row) => `${row.first_name} ${row.last_name}`);
    expect(names(other)).not.toEqual(names(store));
    expect(seedLandmarks(other)).toEqual(L);
    expect(other.contacts.get(L.contacts.html)?.last_name).toBe(HTML_LAST_NAME);
  });

  it('follows the given now: every time moves with it', () => {
    const later = createSeededStore(1, { now: NOW + 10 * DAY });
    expect(later.contacts.all().map((row) => row.created_at - 10 * DAY)).toEqual(store.contacts.all().map((row) => row.created_at));
  });

  it('never reads the real clock or Math.random', () => {
    const random = jest.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random used');
    });
    const clock = jest.spyOn(Date, 'now').mockImplementation(() => {
      throw new Error('Date.now used');
    });
    try {
      expect(dump(createSeededStore(1, { now: NOW }))).toBe(dump(store));
    } finally {
      random.mockRestore();
      clock.mockRestore();
    }
  });

  it('refuses a store that already has records, and a broken seed', () => {
    expect(() => seedRecords(store, 1, NOW)).toThrow('without records');
    expect(() => seedRecords(createAccountStore(), Number.NaN, NOW)).toThrow(RangeError);
    expect(() => seedLandmarks(createAccountStore())).toThrow('not a seeded store');
  });

  it('seeds seed 1 in under 200 ms', () => {
    const times = [0, 1, 2].map(() => {
      const start = performance.now();
      createSeededStore(1, { now: NOW });
      return performance.now() - start;
    });
    expect(Math.min(...times)).toBeLessThan(200);
  });

  it('survives a snapshot file round trip, int64 mcr_ids included', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crm-seed-'));
    try {
      saveSnapshot(store, join(dir, 'data.json'));
      const loaded = loadSnapshot(join(dir, 'data.json'));
      expect(loaded === undefined ? '' : dump(loaded)).toBe(dump(store));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('seed volumes', () => {
  it('has the promised number of live records of each kind', () => {
    expect(store.sales_accounts.all().length).toBeGreaterThanOrEqual(50);
    expect(store.contacts.all().length).toBeGreaterThanOrEqual(200);
    expect(store.deals.all().length).toBeGreaterThanOrEqual(100);
    expect(store.tasks.all().length).toBe(SEED_COUNTS.tasks);
    expect(store.appointments.all().length).toBe(SEED_COUNTS.appointments);
    expect(store.notes.all().length).toBe(SEED_COUNTS.notes);
    expect(store.sales_activities.all().length).toBe(SEED_COUNTS.salesActivities);
    expect(store.products.all().length).toBeGreaterThanOrEqual(3);
    expect(store.phone_calls.all().length).toBe(SEED_COUNTS.phoneCalls);
  });

  it('has open, won and lost deals in both pipelines, closed ones dated and lost ones with a reason', () => {
    for (const pipeline of store.metadata.deal_pipelines) {
      const forecasts = new Set(store.deals.all().filter((row) => row.deal_pipeline_id === pipeline.id).map((row) => forecastOf(store, row)));
      expect([...forecasts].sort()).toEqual(['Closed Lost', 'Closed Won', 'Open']);
    }
    const problems = store.deals.all().flatMap((row) => {
      const forecast = forecastOf(store, row);
      return [
        ...unless((forecast === 'Open') === (row.closed_date === null), `deal ${row.id}: closed_date vs ${forecast}`),
        ...unless((forecast === 'Closed Lost') === (row.deal_reason_id !== null), `deal ${row.id}: deal_reason_id vs ${forecast}`),
      ];
    });
    expect(problems).toEqual([]);
  });

  it('has overdue, due today, due tomorrow and completed tasks in the account zone', () => {
    const today = startOfLocalDay(NOW, ZONE);
    const open = store.tasks.all().filter((row) => row.status === 0);
    const completed = store.tasks.all().filter((row) => row.status === 1);
    expect(open.filter((row) => row.due_date < NOW).length).toBeGreaterThan(5);
    expect(open.filter((row) => row.due_date >= NOW && row.due_date < today + DAY).length).toBeGreaterThan(3);
    expect(open.filter((row) => row.due_date >= today + DAY && row.due_date < today + 2 * DAY).length).toBeGreaterThan(3);
    expect(completed.length).toBeGreaterThan(10);
    expect(completed.every((row) => row.completed_date !== null && row.completed_date <= NOW && row.completed_date > row.created_at)).toBe(true);
    expect(open.every((row) => row.completed_date === null)).toBe(true);
  });

  it('puts due today and due tomorrow in the local days, late in the local day, in another zone and on DST days', () => {
    const cases = [
      [Date.parse('2026-11-02T18:00:00Z'), 'Asia/Kolkata'],
      [Date.parse('2026-11-03T02:00:00Z'), 'America/Chicago'],
      // 22:00 on the 25-hour day summer time ends, and 23:00 on the 23-hour day it starts.
      [Date.parse('2026-10-25T21:00:00Z'), 'Europe/Berlin'],
      [Date.parse('2026-03-29T21:00:00Z'), 'Europe/Berlin'],
    ] as const;
    for (const [now, timeZone] of cases) {
      const late = createSeededStore(1, { now, timeZone });
      const [tomorrow, dayAfter] = [startOfLocalDayFrom(now, 1, timeZone), startOfLocalDayFrom(now, 2, timeZone)];
      const busy = targetedAt(late.tasks.all(), 'Contact', L.contacts.busy).filter((row) => row.status === 0 && row.due_date >= now);
      expect(busy.filter((row) => row.due_date < tomorrow).length).toBe(4);
      expect(busy.filter((row) => row.due_date >= tomorrow && row.due_date < dayAfter).length).toBe(4);
    }
  });

  it('has past and upcoming appointments with user and contact attendees', () => {
    const rows = store.appointments.all();
    expect(rows.filter((row) => row.from_date < NOW).length).toBeGreaterThan(20);
    expect(rows.filter((row) => row.from_date > NOW).length).toBeGreaterThan(20);
    expect(rows.every((row) => row.attendees.some((attendee) => attendee.attendee_type === 'FdMultitenant::User'))).toBe(true);
    expect(rows.filter((row) => row.attendees.some((attendee) => attendee.attendee_type === 'Contact')).length).toBeGreaterThan(50);
    expect(rows.some((row) => row.is_allday)).toBe(true);
    expect(rows.some((row) => row.targetable_type === null)).toBe(true);
  });

  it('has notes on contacts, accounts and deals, and sales activities of several types', () => {
    expect(new Set(store.notes.all().map((row) => row.targetable_type))).toEqual(new Set(['Contact', 'SalesAccount', 'Deal']));
    const types = new Set(store.sales_activities.all().map((row) => row.sales_activity_type_id));
    expect(types.size).toBeGreaterThanOrEqual(4);
    const demo = store.metadata.sales_activity_types.find((type) => type.is_outcome_mandatory === true);
    expect(store.sales_activities.all().filter((row) => row.sales_activity_type_id === demo?.id).length).toBeGreaterThan(5);
  });

  it('has 3+ marketing lists with members, one larger than a page, and deals with products', () => {
    const lists = store.lists.all().filter((row) => row.contact_ids.length > 0);
    expect(lists.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...lists.map((row) => row.contact_ids.length))).toBeGreaterThan(100);
    const newsletter = store.contacts.all().filter((row) => row.custom_field.cf_newsletter === true).map((row) => row.id);
    expect(store.lists.get(L.lists.newsletter)?.contact_ids).toEqual(newsletter);
    expect(store.deals.all().filter((row) => row.products.length > 0).length).toBeGreaterThan(20);
  });
});

function contactProblems(row: ContactRow): string[] {
  const primaries = row.sales_accounts.filter((link) => link.is_primary).length;
  const status = store.metadata.contact_statuses.find((choice) => choice.id === row.contact_status_id);
  return [
    ...unless(row.sales_accounts.length <= 2, `contact ${row.id}: more than 2 accounts`),
    ...unless(row.sales_accounts.length === 0 || primaries === 1, `contact ${row.id}: ${primaries} primary accounts`),
    ...row.sales_accounts.flatMap((link) => unless(store.sales_accounts.get(link.id) !== undefined, `contact ${row.id}: account ${link.id}`)),
    ...unless(status !== undefined && status.lifecycle_stage_id === row.lifecycle_stage_id, `contact ${row.id}: status not of its stage`),
    ...unless(row.emails.length === 0 || row.emails.filter((email) => email.is_primary).length === 1, `contact ${row.id}: primary email`),
    ...unless(typeof row.mcr_id === 'bigint' && row.mcr_id > 2n ** 53n, `contact ${row.id}: mcr_id`),
    ...unless(/^\d+$/.test(row.record_type_id), `contact ${row.id}: record_type_id`),
  ];
}

function dealLinkProblems(row: DealRow): string[] {
  const stage = store.metadata.deal_stages.find((choice) => choice.id === row.deal_stage_id);
  const linked = new Set(contactsOfAccount(store, row.sales_account_id ?? 0).map((contact) => contact.id));
  return [
    ...unless(stage?.deal_pipeline_id === row.deal_pipeline_id, `deal ${row.id}: stage of another pipeline`),
    ...unless(store.sales_accounts.get(row.sales_account_id ?? 0) !== undefined, `deal ${row.id}: account`),
    ...unless(row.contact_ids.length >= 1 && row.contact_ids.length <= 4, `deal ${row.id}: ${row.contact_ids.length} contacts`),
    ...row.contact_ids.flatMap((id) => unless(linked.has(id), `deal ${row.id}: contact ${id} not of its account`)),
  ];
}

function dealValueProblems(row: DealRow): string[] {
  const currency = store.metadata.currencies.find((choice) => choice.id === row.currency_id);
  return [
    ...unless(currency?.is_active === true, `deal ${row.id}: currency`),
    ...unless(row.amount === null || toDecimalString(row.amount) === row.amount, `deal ${row.id}: amount ${row.amount}`),
    ...unless(row.expected_close === null || isIsoDate(row.expected_close), `deal ${row.id}: expected_close`),
    ...row.products.flatMap((item) => unless(store.products.get(item.product_id)?.is_active === true, `deal ${row.id}: product ${item.product_id}`)),
  ];
}

const dealProblems = (row: DealRow): string[] => [...dealLinkProblems(row), ...dealValueProblems(row)];

const ownerProblems = (kind: string, rows: Array<{ id: Id; owner_id: Id | null; creater_id: Id; updater_id: Id }>): string[] =>
  rows.flatMap((row) =>
    unless([row.owner_id ?? activeIds[0], row.creater_id, row.updater_id].every((id) => userIds.has(id ?? 0)), `${kind} ${row.id}: unknown user`),
  );

describe('seed referential integrity', () => {
  it('links contacts to live accounts with exactly one primary, and each status to its lifecycle stage', () => {
    expect(store.contacts.everything().flatMap(contactProblems)).toEqual([]);
    const counts = new Set(store.contacts.all().map((row) => row.sales_accounts.length));
    expect([...counts].sort()).toEqual([0, 1, 2]);
  });

  it('links deals to a live account, 1–4 of its contacts, a stage of their pipeline and live products', () => {
    expect(store.deals.all().flatMap(dealProblems)).toEqual([]);
  });

  it('gives every record users that exist, spread over the active users, a few to the inactive one', () => {
    const kinds = { contacts: store.contacts.all(), sales_accounts: store.sales_accounts.all(), deals: store.deals.all() };
    for (const [kind, rows] of Object.entries(kinds)) {
      expect(ownerProblems(kind, rows)).toEqual([]);
      const owners = rows.map((row) => row.owner_id);
      expect(activeIds.every((id) => owners.includes(id))).toBe(true);
      const inactive = owners.filter((id) => inactiveIds.includes(id ?? 0)).length;
      expect(inactive).toBeGreaterThan(0);
      expect(inactive).toBeLessThan(rows.length / 10);
    }
    expect(ownerProblems('task', store.tasks.all())).toEqual([]);
    expect(ownerProblems('sales activity', store.sales_activities.all())).toEqual([]);
  });

  it('targets tasks, notes, sales activities, phone calls and appointments at live records', () => {
    const rows = [...store.tasks.all(), ...store.notes.all(), ...store.sales_activities.all(), ...store.phone_calls.all()];
    expect(rows.filter((row) => !targetExists(row.targetable_type, row.targetable_id)).map((row) => row.id)).toEqual([]);
    const appointments = store.appointments.all().filter((row) => row.targetable_type !== null);
    expect(appointments.filter((row) => !targetExists(row.targetable_type, row.targetable_id)).map((row) => row.id)).toEqual([]);
    expect(store.tasks.all().every((row) => row.user_ids.includes(row.owner_id) && row.user_ids.every((id) => userIds.has(id)))).toBe(true);
  });

  it('gives appointments attendees that exist, with ids of their own', () => {
    const attendees = store.appointments.everything().flatMap((row) => row.attendees);
    const missing = attendees.filter((attendee) =>
      attendee.attendee_type === 'Contact' ? store.contacts.get(attendee.attendee_id) === undefined : !userIds.has(attendee.attendee_id),
    );
    expect(missing).toEqual([]);
    expect(new Set(attendees.map((attendee) => attendee.id)).size).toBe(attendees.length);
  });

  it('uses outcomes of the activity type, always on types that require one, and task types of the Task kind', () => {
    const outcomes = store.metadata.sales_activity_outcomes;
    const types = store.metadata.sales_activity_types;
    const problems = store.sales_activities.all().flatMap((row) => {
      const type = types.find((choice) => choice.id === row.sales_activity_type_id);
      const outcome = outcomes.find((choice) => choice.id === row.sales_activity_outcome_id);
      return [
        ...unless(type !== undefined, `activity ${row.id}: type`),
        ...unless(row.sales_activity_outcome_id === null || outcome?.sales_activity_type_id === type?.id, `activity ${row.id}: outcome of another type`),
        ...unless(type?.is_outcome_mandatory !== true || outcome !== undefined, `activity ${row.id}: mandatory outcome missing`),
      ];
    });
    expect(problems).toEqual([]);
    const taskTypes = store.metadata.sales_activity_entity_types.filter((choice) => choice.sales_activity_type_name === 'Task').map((choice) => choice.id);
    expect(store.tasks.all().every((row) => taskTypes.includes(row.task_type_id ?? 0))).toBe(true);
  });

  it('keeps list members to live contacts and prices products in every active currency', () => {
    expect(store.lists.all().flatMap((row) => row.contact_ids.filter((id) => store.contacts.get(id) === undefined))).toEqual([]);
    const active = store.metadata.currencies.filter((currency) => currency.is_active).map((currency) => currency.id);
    expect(store.products.all().every((row) => row.pricing.map((price) => price.currency_id).sort().join() === [...active].sort().join())).toBe(true);
  });

  it('has unique email ids and addresses, unique mcr_ids, and unique account names', () => {
    const emails = store.contacts.everything().flatMap((row) => row.emails);
    expect(new Set(emails.map((email) => email.id)).size).toBe(emails.length);
    expect(new Set(emails.map((email) => email.value)).size).toBe(emails.length);
    const mcr = [...store.contacts.everything(), ...store.sales_accounts.everything()].map((row) => row.mcr_id);
    expect(new Set(mcr).size).toBe(mcr.length);
    // As the API compares them (case and outer spaces ignored), for several seeds.
    for (const seed of [1, 2, 3, 7]) {
      const names = createSeededStore(seed).sales_accounts.all().map((row) => row.name.trim().toLowerCase());
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it('dates every record before now, updates after creation, and expected_close around now', () => {
    const rows = (Object.values(store.tables()) as Array<{ everything(): RecordBase[] }>).flatMap((table) => table.everything());
    expect(rows.filter((row) => !(row.created_at < NOW && row.updated_at >= row.created_at && row.updated_at < NOW)).map((row) => row.id)).toEqual([]);
    const closes = store.deals.all().flatMap((row) => (row.expected_close === null ? [] : [row.expected_close]));
    expect(closes.every((date) => date >= localDateFrom(NOW, -400, ZONE) && date <= localDateFrom(NOW, 400, ZONE))).toBe(true);
    expect(store.deals.all().every((row) => row.closed_date === null || row.closed_date <= formatDate(NOW, ZONE))).toBe(true);
  });
});

type Check = (value: CustomValue, field: FieldSetting) => boolean;
const choices = (field: FieldSetting) => (field.choices ?? []).map((choice) => choice.value);
const TYPE_CHECKS: Record<string, Check> = {
  text: (value) => typeof value === 'string' && value.length <= 255,
  textarea: (value) => typeof value === 'string',
  number: (value) => Number.isInteger(value),
  decimal: (value) => typeof value === 'string' && toDecimalString(value) === value,
  date: (value) => typeof value === 'string' && isIsoDate(value),
  dropdown: (value, field) => choices(field).includes(String(value)),
  radio: (value, field) => choices(field).includes(String(value)),
  multi_select_dropdown: (value, field) => String(value).split(';').every((part) => choices(field).includes(part)),
  checkbox: (value) => typeof value === 'boolean',
  url: (value) => /^https:\/\/[a-z0-9.-]+\.[a-z]{2,}(\/\S*)?$/.test(String(value)),
  email: (value) => /^[a-z0-9._-]+@[a-z0-9.-]+\.[a-z]{2,}$/.test(String(value)),
  phone_number: (value) => /^\+\d[\d\s-]{5,20}$/.test(String(value)),
};

const ENTITIES: Entity[] = ['contacts', 'sales_accounts', 'deals', 'sales_activities'];
const rowsOf = (entity: Entity): Array<{ id: Id; custom_field: Record<string, CustomValue> }> => store[entity].everything();

function customFieldProblems(entity: Entity): string[] {
  const fields = store.fields[entity].filter((field) => !field.default);
  return rowsOf(entity).flatMap((row) => [
    ...unless(Object.keys(row.custom_field).sort().join() === fields.map((field) => field.name).sort().join(), `${entity} ${row.id}: keys`),
    ...fields.flatMap((field) => unless(TYPE_CHECKS[field.type]?.(row.custom_field[field.name] ?? null, field) === true, `${entity} ${row.id}: ${field.name}`)),
  ]);
}

describe('seed custom fields', () => {
  it('sets every custom field of every record to a value valid for its type', () => {
    expect(ENTITIES.flatMap(customFieldProblems)).toEqual([]);
    const types = new Set(ENTITIES.flatMap((entity) => store.fields[entity].filter((field) => !field.default).map((field) => field.type)));
    expect(CUSTOM_FIELD_TYPES.filter((type) => !types.has(type))).toEqual([]);
  });

  it('passes the stand-in’s own custom field validation, required cf_sales_region included', () => {
    const problems = ENTITIES.flatMap((entity) =>
      rowsOf(entity).flatMap((row) => {
        try {
          return unless(JSON.stringify(applyCustomFields(store, entity, row.custom_field, undefined)) === JSON.stringify(row.custom_field), `${entity} ${row.id}`);
        } catch (error) {
          return [`${entity} ${row.id}: ${String(error)}`];
        }
      }),
    );
    expect(problems).toEqual([]);
    expect(store.deals.everything().every((row) => typeof row.custom_field.cf_sales_region === 'string')).toBe(true);
  });
});

describe('seed edge cases (landmarks)', () => {
  const contact = (id: Id): ContactRow => {
    const row = store.contacts.get(id);
    if (row === undefined) throw new Error(`no live contact ${id}`);
    return row;
  };

  it('has the unicode names, combining marks kept as they are', () => {
    for (const [key, person] of Object.entries(UNICODE_PEOPLE)) {
      const row = contact(L.contacts.unicode[key as keyof typeof UNICODE_PEOPLE]);
      expect([row.first_name, row.last_name]).toEqual([splitName(person.first).text, splitName(person.last).text]);
    }
    expect(contact(L.contacts.unicode.zoe).first_name).toBe('Zoë');
    expect(contact(L.contacts.unicode.xiaolong).last_name).toBe('李');
    expect(contact(L.contacts.unicode.mohammed).last_name).toBe('العلي');
    expect(contact(L.contacts.unicode.ngozi).last_name).toContain('\u0300');
    expect(store.sales_accounts.get(L.accounts.emoji)?.name).toBe(EMOJI_ACCOUNT_NAME);
  });

  it('has HTML-looking text in a last name, a note and an account name', () => {
    expect(contact(L.contacts.html).last_name).toBe(HTML_LAST_NAME);
    expect(store.notes.get(L.notes.html)?.description).toBe(HTML_NOTE);
    expect(store.sales_accounts.get(L.accounts.html)?.name).toBe(HTML_ACCOUNT_NAME);
    expect(HTML_ACCOUNT_NAME).toMatch(/&amp;.*".*"/);
  });

  it('has very long texts: a note, a cf_background and a deal name near 255 characters', () => {
    expect(store.notes.get(L.notes.long)?.description.length).toBeGreaterThan(5000);
    const background = String(contact(L.contacts.longText).custom_field.cf_background);
    expect(background.length).toBeGreaterThan(5000);
    expect(background.length).toBeLessThanOrEqual(10_000);
    expect(store.deals.get(L.deals.longName)?.name.length).toBe(250);
  });

  it('has records with missing optional fields', () => {
    expect(contact(L.contacts.noEmail)).toMatchObject({ emails: [], job_title: null, sales_accounts: [], mobile_number: expect.any(String) });
    expect(store.deals.get(L.deals.nullAmount)).toMatchObject({ amount: null, expected_close: null, products: [] });
    expect(store.sales_accounts.get(L.accounts.bare)).toMatchObject({ website: null, phone: null, owner_id: null });
  });

  it('has an account and a contact with more related records than one page holds', () => {
    expect(contactsOfAccount(store, L.accounts.busy)).toHaveLength(SEED_COUNTS.busyAccountContacts);
    expect(dealsOfAccount(store, L.accounts.busy)).toHaveLength(SEED_COUNTS.busyAccountDeals);
    expect(targetedAt(store.tasks.all(), 'Contact', L.contacts.busy)).toHaveLength(SEED_COUNTS.busyContactTasks);
    expect(targetedAt(store.notes.all(), 'Contact', L.contacts.busy)).toHaveLength(SEED_COUNTS.busyContactNotes);
    expect(dealsOfContact(store, L.contacts.busy)).toHaveLength(SEED_COUNTS.busyContactDeals);
    expect(targetedAt(store.appointments.all(), 'Contact', L.contacts.busy)).toHaveLength(SEED_COUNTS.busyContactAppointments);
  });

  it('has soft-deleted records of each kind, hidden from get() and linked from nothing live', () => {
    const deleted: Array<[keyof ReturnType<CrmStore['tables']>, Id[]]> = [
      ['sales_accounts', [...L.accounts.deleted]], ['contacts', [...L.contacts.deleted]], ['deals', [...L.deals.deleted]],
      ['tasks', [...L.tasks.deleted]], ['appointments', [...L.appointments.deleted]], ['notes', [...L.notes.deleted]],
      ['sales_activities', [...L.salesActivities.deleted]], ['lists', [L.lists.deleted]],
    ];
    for (const [table, ids] of deleted) {
      for (const id of ids) {
        expect(store.tables()[table].get(id)).toBeUndefined();
        expect(store.tables()[table].raw(id)?.is_deleted).toBe(true);
      }
    }
    const gone = new Set<Id>([...L.accounts.deleted, ...L.contacts.deleted]);
    expect(store.contacts.all().some((row) => row.sales_accounts.some((link) => gone.has(link.id)))).toBe(false);
    expect(store.deals.all().some((row) => gone.has(row.sales_account_id ?? 0) || row.contact_ids.some((id) => gone.has(id)))).toBe(false);
  });
});

describe('seeded data over HTTP', () => {
  const seededContact = (router: Router<CrmHandler>) => {
    router.add('GET', '/seeded/contacts/:id', (request, context) => {
      const row = context.store.contacts.get(Number(request.params.id));
      const deals = dealsOfContact(context.store, row?.id ?? 0);
      const aggregates = { ...dealTotals(context.store, deals, context.clock.now()), deal_ids: deals.map((deal) => deal.id) };
      return ok({ contact: row === undefined ? null : contactJson({ store: context.store, now: context.clock.now() }, row, new Set(), aggregates) });
    });
  };

  it('sends unicode, HTML-looking text and int64 mcr_ids through the wire unchanged', async () => {
    const crm = await startTestCrm({ resources: [seededContact], store: createSeededStore(1, { now: NOW }), clock: new ManualClock(NOW) });
    try {
      const ngozi = await crm.call('GET', `/seeded/contacts/${L.contacts.unicode.ngozi}`);
      expect(ngozi.body.contact.display_name).toBe(`Ngozi ${UNICODE_PEOPLE.ngozi.last}`);
      expect(ngozi.text).toMatch(/"mcr_id":17123456789012345\d\d,/);
      expect(ngozi.body.contact.created_at).toMatch(/\+05:30$/);
      const html = await crm.call('GET', `/seeded/contacts/${L.contacts.html}`);
      expect(html.text).toContain(`"last_name":"<img src=x onerror=alert(1)>"`);
      const busy = await crm.call('GET', `/seeded/contacts/${L.contacts.busy}`);
      expect(busy.body.contact.open_deals_count + busy.body.contact.won_deals_count).toBeLessThanOrEqual(SEED_COUNTS.busyContactDeals);
      expect(busy.body.contact.created_at < busy.body.contact.updated_at).toBe(true);
    } finally {
      await crm.close();
    }
  });
});

it('keeps the documented landmark ids stable', () => {
  expect(L.accounts.busy).toBe(402000200301);
  expect(L.contacts.busy).toBe(402000000501);
  expect(L.deals.longName).toBe(402000401001);
  expect(L.notes.html).toBe(402004348670);
  expect(MINUTE).toBe(60_000);
});
