import { ManualClock } from '../../clock';
import type { ContactRow, DealRow, SalesAccountRow } from '../model/types';
import { createAccountStore, SECOND_API_KEY, USERS } from '../seed/account';
import type { CrmStore } from '../store';
import { startTestCrm, type TestCrm } from '../testing/harness';
import { putAccount, putContact, putDeal, storeState } from '../testing/rows';
import { accountDay, registerTasks } from './tasks';

const ASHA = USERS[0]?.id as number;
const MATEO = USERS[1]?.id as number;
const FORMER = USERS[5]?.id as number;
const FOLLOW_UP = 402000179229;
const MEETING_ENTITY_TYPE = 402000179232;

let crm: TestCrm;
let clock: ManualClock;
let store: CrmStore;
let lena: ContactRow;
let omar: ContactRow;
let acme: SalesAccountRow;
let renewal: DealRow;

// 23:00 on 2 Nov 2026 in the account's +05:30 offset (17:30 UTC).
const LOCAL_23_00 = '2026-11-02T17:30:00Z';

beforeEach(async () => {
  store = createAccountStore();
  // The side-load test shows Lena in full and the renewal's name and amount.
  const at = Date.parse('2026-10-01T09:00:00Z');
  lena = putContact(store, { first_name: 'Lena', last_name: 'Tester', email: 'lena@example.test', created_at: at, updated_at: at });
  omar = putContact(store, { first_name: 'Omar' });
  acme = putAccount(store, { name: 'Acme' });
  renewal = putDeal(store, { name: 'Acme renewal', amount: '1200.0', contact_ids: [lena.id] });
  clock = new ManualClock(LOCAL_23_00);
  crm = await startTestCrm({ resources: [registerTasks], store, clock });
});
afterEach(() => crm.close());

const taskBody = (title: string, due: string, extra: Record<string, unknown> = {}) => ({
  task: { title, due_date: due, targetable_type: 'Contact', targetable_id: lena.id, ...extra },
});

async function createTask(title: string, due: string, extra: Record<string, unknown> = {}): Promise<any> {
  const answer = await crm.call('POST', '/tasks', taskBody(title, due, extra));
  expect(answer.status).toBe(201);
  return answer.body.task;
}

async function titles(filter: string): Promise<string[]> {
  const answer = await crm.call('GET', `/tasks?filter=${filter}`);
  expect(answer.status).toBe(200);
  return answer.body.tasks.map((task: { title: string }) => task.title);
}

const error400 = (...message: string[]) => ({ errors: { code: 400, message } });

describe('POST /tasks', () => {
  it('creates an open task owned by the caller, with offset timestamps and CamelCase targetables', async () => {
    const answer = await crm.call('POST', '/tasks', taskBody('Send proposal', '2026-11-10T15:00:00+05:30', { description: 'v2 pricing', task_type_id: FOLLOW_UP }));
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({
      task: {
        id: expect.any(Number), status: 0, title: 'Send proposal', description: 'v2 pricing',
        due_date: '2026-11-10T15:00:00+05:30', completed_date: null,
        owner_id: ASHA, creater_id: ASHA, updater_id: ASHA, outcome_id: null, task_type_id: FOLLOW_UP,
        targetables: [{ id: lena.id, type: 'Contact' }],
        created_at: '2026-11-02T23:00:00+05:30', updated_at: '2026-11-02T23:00:00+05:30',
      },
    });
    // No `targetable` / `user_ids` without the includes (api §4.4).
    expect(answer.body.task).not.toHaveProperty('targetable');
    expect(answer.body.task).not.toHaveProperty('user_ids');
    expect(store.tasks.get(answer.body.task.id)?.due_date).toBe(Date.parse('2026-11-10T09:30:00Z'));
  });

  it('accepts an unwrapped body, a string targetable id, an owner and task users, and include on create', async () => {
    const answer = await crm.call('POST', '/tasks?include=users,targetable', {
      title: 'Call back', due_date: '2026-11-03T10:00:00Z', targetable_type: 'Deal', targetable_id: String(renewal.id),
      owner_id: MATEO, user_ids: [ASHA, MATEO],
    });
    expect(answer.status).toBe(201);
    expect(answer.body.task).toMatchObject({ owner_id: MATEO, user_ids: [ASHA, MATEO], targetable: { type: 'deal', id: renewal.id } });
    expect(answer.body.task.due_date).toBe('2026-11-03T15:30:00+05:30');
    expect(answer.body.users.map((user: { id: number }) => user.id)).toEqual([ASHA, MATEO]);
    expect(answer.body.deals).toEqual([expect.objectContaining({ partial: true, id: renewal.id, name: 'Acme renewal', amount: '1200.0' })]);
  });

  it('acts as the user of the key', async () => {
    const answer = await crm.call('POST', '/tasks', taskBody('Mine', '2026-11-03T10:00:00+05:30'), { Authorization: `Token token=${SECOND_API_KEY}` });
    expect(answer.body.task).toMatchObject({ owner_id: MATEO, creater_id: MATEO, updater_id: MATEO });
  });

  it('refuses wrong types and unknown fields in one 400 listing every problem, and stores nothing', async () => {
    const before = storeState(store);
    const answer = await crm.call('POST', '/tasks', {
      task: { title: 5, due_date: 'tomorrow', colour: 'red', owner_id: 'abc', task_type_id: MEETING_ENTITY_TYPE, targetable_type: 'Contact', targetable_id: lena.id },
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual(error400(
      'Title must be a string',
      'Due date is not a valid date time (ISO 8601 with a zone)',
      "Unknown attribute 'colour'",
      'Owner is invalid',
      'Task type is invalid',
    ));
    expect(storeState(store)).toEqual(before);
    expect(crm.server.feed.recent()).toHaveLength(0);
  });

  it.each([
    ['a missing title', { title: undefined }, error400("Title can't be blank")],
    ['a blank title', { title: '' }, error400("Title can't be blank")],
    ['a due date without a zone', { due_date: '2026-11-03T10:00:00' }, error400('Due date is not a valid date time (ISO 8601 with a zone)')],
    ['a date-only due date', { due_date: '2026-11-03' }, error400('Due date is not a valid date time (ISO 8601 with a zone)')],
    ['a deactivated owner', { owner_id: FORMER }, error400('Owner is invalid')],
    ['a null owner', { owner_id: null }, error400("Owner can't be blank")],
    ['task users that are not ids', { user_ids: 'all' }, error400('Users must be an array of ids')],
    ['an unknown outcome', { outcome_id: 1 }, error400('Outcome is invalid')],
    ['a status that is not 0 or 1', { status: 2 }, error400('Status is not included in the list')],
    ['a status sent as a string', { status: '1' }, error400('Status is not included in the list')],
  ])('refuses %s with the exact error shape and changes nothing', async (_name, extra, expected) => {
    const before = storeState(store);
    const answer = await crm.call('POST', '/tasks', taskBody('Bad', '2026-11-03T10:00:00+05:30', extra));
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual(expected);
    expect(storeState(store)).toEqual(before);
  });

  it.each([
    ['with the zone name', 'Tue Jun 21 2099 11:00:00 GMT+0000 (Coordinated Universal Time)', '2099-06-21T11:00:00Z'],
    ['without the zone name', 'Tue Jun 21 2099 11:00:00 GMT+0000', '2099-06-21T11:00:00Z'],
    ['in a zone east of UTC', 'Wed Nov 04 2026 09:30:00 GMT+0530 (India Standard Time)', '2026-11-04T04:00:00Z'],
    ['in a zone west of UTC', 'Mon Nov 02 2026 22:15:00 GMT-0500 (Eastern Standard Time)', '2026-11-03T03:15:00Z'],
  ])('accepts a JavaScript Date.toString() due date %s and stores the instant (§11)', async (_name, text, instant) => {
    const task = await createTask('From a browser', text);
    expect(store.tasks.get(task.id)?.due_date).toBe(Date.parse(instant));
    expect(Date.parse(task.due_date)).toBe(Date.parse(instant));
    expect(task.due_date).toMatch(/\+05:30$/);
  });

  it.each([
    ['a month that does not exist', 'Tue Jux 21 2099 11:00:00 GMT+0000'],
    ['a day that does not exist', 'Fri Feb 30 2099 11:00:00 GMT+0000'],
    ['an hour past 23', 'Tue Jun 21 2099 24:00:00 GMT+0000'],
    ['no GMT offset', 'Tue Jun 21 2099 11:00:00'],
    ['text around it', 'due Tue Jun 21 2099 11:00:00 GMT+0000 please'],
    ['a loose date', 'June 21, 2099 11:00'],
  ])('still refuses %s with the same 400 shape', async (_name, text) => {
    const before = storeState(store);
    const answer = await crm.call('POST', '/tasks', taskBody('Bad', text));
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual(error400('Due date is not a valid date time (ISO 8601 with a zone)'));
    expect(storeState(store)).toEqual(before);
  });

  it('takes a Date.toString() due date on update too', async () => {
    const task = await createTask('Move me later', '2026-11-03T09:00:00+05:30');
    const moved = await crm.call('PUT', `/tasks/${task.id}`, { task: { due_date: 'Thu Nov 05 2026 10:00:00 GMT+0100 (Central European Standard Time)' } });
    expect(moved.status).toBe(200);
    expect(moved.body.task.due_date).toBe('2026-11-05T14:30:00+05:30');
  });

  it('refuses bodies that are not objects', async () => {
    const before = storeState(store);
    expect((await crm.call('POST', '/tasks', [1, 2])).body).toEqual(error400('Request body must be a JSON object with a "task" object'));
    expect((await crm.call('POST', '/tasks', { task: 'x' })).body).toEqual(error400('"task" must be an object'));
    expect((await crm.call('POST', '/tasks')).status).toBe(400);
    expect(storeState(store)).toEqual(before);
  });
});

describe('targetables', () => {
  it.each([
    ['an unknown type', { targetable_type: 'Lead' }, 'Targetable type is not included in the list (Contact, SalesAccount, Deal)'],
    ['the snake_case read form', { targetable_type: 'contact' }, 'Targetable type is not included in the list (Contact, SalesAccount, Deal)'],
    ['a non-numeric id', { targetable_id: 'lena' }, 'Targetable id is not a number'],
    ['a type without an id', { targetable_id: undefined }, 'Targetable type and targetable id must be sent together'],
    ['a record that does not exist', { targetable_id: 402000999999 }, 'Targetable must exist (no Contact with id 402000999999)'],
    ['an id of the wrong kind', { targetable_type: 'Deal', targetable_id: 402000000501 }, 'Targetable must exist (no Deal with id 402000000501)'],
  ])('refuses %s with 400 and changes nothing', async (_name, extra, message) => {
    const before = storeState(store);
    const answer = await crm.call('POST', '/tasks', taskBody('Bad target', '2026-11-03T10:00:00+05:30', extra));
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual(error400(message));
    expect(storeState(store)).toEqual(before);
  });

  it('requires a target on create', async () => {
    const answer = await crm.call('POST', '/tasks', { task: { title: 'Floating', due_date: '2026-11-03T10:00:00+05:30' } });
    expect(answer.body).toEqual(error400("Targetable type can't be blank", "Targetable can't be blank"));
  });

  it('treats a soft-deleted record as missing: 400 on write, never side-loaded', async () => {
    const task = await createTask('On Omar', '2026-11-03T10:00:00+05:30', { targetable_id: omar.id });
    omar.is_deleted = true;
    const write = await crm.call('POST', '/tasks', taskBody('Again', '2026-11-03T10:00:00+05:30', { targetable_id: omar.id }));
    expect(write.body).toEqual(error400(`Targetable must exist (no Contact with id ${omar.id})`));
    const read = await crm.call('GET', `/tasks/${task.id}?include=targetable`);
    expect(read.status).toBe(200);
    expect(read.body.task.targetable).toEqual({ type: 'contact', id: omar.id });
    expect(read.body.contacts).toEqual([]);
  });
});

describe('GET /tasks filters across a daylight-saving change (Europe/Berlin)', () => {
  beforeEach(() => {
    store.account.timeZone = 'Europe/Berlin';
    // 23:30 on Sunday 25 Oct 2026, the 25-hour day summer time ends (CET since 03:00 CEST).
    clock.set('2026-10-25T22:30:00Z');
  });

  it('counts the whole 25-hour day as today and writes each due date in its own offset', async () => {
    await createTask('A at 00:30 summer time', '2026-10-25T00:30:00+02:00');
    await createTask('B at 23:45 winter time', '2026-10-25T23:45:00+01:00');
    await createTask('C tomorrow 00:15', '2026-10-26T00:15:00+01:00');
    expect(await titles('due_today')).toEqual(['A at 00:30 summer time', 'B at 23:45 winter time']);
    expect(await titles('due_tomorrow')).toEqual(['C tomorrow 00:15']);
    const tasks = (await crm.call('GET', '/tasks')).body.tasks.map((task: { due_date: string }) => task.due_date);
    expect(tasks).toEqual(['2026-10-25T00:30:00+02:00', '2026-10-25T23:45:00+01:00', '2026-10-26T00:15:00+01:00']);
  });

  it('holds +02:00 and +01:00 in one record: created in summer time, updated in winter time', async () => {
    clock.set('2026-10-25T00:30:00Z'); // 02:30 CEST
    const task = await createTask('Across the change', '2026-10-25T12:00:00+01:00');
    clock.set('2026-10-25T01:30:00Z'); // 02:30 CET, an hour later
    const updated = await crm.call('PUT', `/tasks/${task.id}`, { task: { title: 'Across the change, renamed' } });
    expect(updated.body.task).toMatchObject({ created_at: '2026-10-25T02:30:00+02:00', updated_at: '2026-10-25T02:30:00+01:00' });
  });
});

describe('GET /tasks filters in the account offset (+05:30)', () => {
  beforeEach(async () => {
    await createTask('A later tonight', '2026-11-02T23:30:00+05:30');
    await createTask('B just after local midnight', '2026-11-02T00:10:00+05:30'); // 1 Nov in UTC
    await createTask('C tomorrow 00:30', '2026-11-03T00:30:00+05:30'); // still 2 Nov in UTC
    await createTask('D yesterday', '2026-11-01T23:59:00+05:30');
    await createTask('E day after tomorrow', '2026-11-04T00:00:00+05:30');
    await createTask('F tomorrow night', '2026-11-03T23:59:59+05:30');
    const done = await createTask('G done', '2026-11-02T12:00:00+05:30');
    expect((await crm.call('PUT', `/tasks/${done.id}`, { task: { status: 1 } })).status).toBe(200);
  });

  it('at 23:00 local: a task due at 23:30 is due today, not overdue', async () => {
    expect(await titles('due_today')).toEqual(['B just after local midnight', 'A later tonight']);
    expect(await titles('overdue')).toEqual(['D yesterday', 'B just after local midnight']);
    expect(await titles('due_tomorrow')).toEqual(['C tomorrow 00:30', 'F tomorrow night']);
    expect(await titles('completed')).toEqual(['G done']);
    const open = ['D yesterday', 'B just after local midnight', 'A later tonight', 'C tomorrow 00:30', 'F tomorrow night', 'E day after tomorrow'];
    expect(await titles('open')).toEqual(open);
    expect(await titles('')).toEqual(open);
    expect((await crm.call('GET', '/tasks')).body.tasks.map((task: { title: string }) => task.title)).toEqual(open);
  });

  it('at 23:31 local the 23:30 task is overdue (and still due today)', async () => {
    clock.advance(31 * 60_000);
    expect(await titles('overdue')).toEqual(['D yesterday', 'B just after local midnight', 'A later tonight']);
    expect(await titles('due_today')).toEqual(['B just after local midnight', 'A later tonight']);
  });

  it('after local midnight (18:35 UTC, still 2 Nov in UTC) the days have moved on', async () => {
    clock.set('2026-11-02T18:35:00Z'); // 00:05 on 3 Nov local
    expect(await titles('due_today')).toEqual(['C tomorrow 00:30', 'F tomorrow night']);
    expect(await titles('due_tomorrow')).toEqual(['E day after tomorrow']);
    expect(await titles('overdue')).toEqual(['D yesterday', 'B just after local midnight', 'A later tonight']);
  });

  it('computes the day from the account zone, not UTC', () => {
    const day = accountDay(Date.parse(LOCAL_23_00), 'Asia/Kolkata');
    expect(new Date(day.today).toISOString()).toBe('2026-11-01T18:30:00.000Z');
    expect(new Date(day.tomorrow).toISOString()).toBe('2026-11-02T18:30:00.000Z');
    const west = accountDay(Date.parse('2026-11-02T03:00:00Z'), 'America/Chicago');
    expect(new Date(west.today).toISOString()).toBe('2026-11-01T05:00:00.000Z');
    // A snapshot from before zones keeps its fixed offset.
    expect(accountDay(Date.parse(LOCAL_23_00), '+05:30')).toEqual(day);
  });

  it('has 25-hour and 23-hour days where daylight saving ends and starts (Europe/Berlin)', () => {
    const autumn = accountDay(Date.parse('2026-10-25T12:00:00Z'), 'Europe/Berlin');
    expect(new Date(autumn.today).toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(new Date(autumn.tomorrow).toISOString()).toBe('2026-10-25T23:00:00.000Z');
    expect(autumn.tomorrow - autumn.today).toBe(25 * 3_600_000);
    const spring = accountDay(Date.parse('2026-03-29T12:00:00Z'), 'Europe/Berlin');
    expect(spring.tomorrow - spring.today).toBe(23 * 3_600_000);
    expect(spring.dayAfter - spring.tomorrow).toBe(24 * 3_600_000);
  });

  it('answers meta with total only and pages with page/per_page', async () => {
    const first = await crm.call('GET', '/tasks?per_page=2');
    expect(first.body.meta).toEqual({ total: 6 });
    expect(first.body.meta).not.toHaveProperty('total_pages');
    expect(first.body.tasks).toHaveLength(2);
    const third = await crm.call('GET', '/tasks?per_page=2&page=3');
    expect(third.body.tasks.map((task: { title: string }) => task.title)).toEqual(['F tomorrow night', 'E day after tomorrow']);
    const beyond = await crm.call('GET', '/tasks?per_page=2&page=9');
    expect(beyond.body).toEqual({ tasks: [], meta: { total: 6 } });
  });

  it('refuses unknown filters, includes and paging with the exact shapes', async () => {
    expect((await crm.call('GET', '/tasks?filter=due_this_week')).body).toEqual(
      error400('Invalid filter: due_this_week. Allowed: open, due_today, due_tomorrow, overdue, completed'),
    );
    expect((await crm.call('GET', '/tasks?include=owner,notes')).body).toEqual(
      error400('Invalid include: notes. Allowed: owner, users, targetable, creater, updater, task_type'),
    );
    expect((await crm.call('GET', '/tasks?per_page=101')).body).toEqual(error400('per_page must be at most 100'));
    expect((await crm.call('GET', '/tasks?page=0')).body).toEqual(error400('page must be a positive integer'));
  });
});

describe('side-loads', () => {
  it('de-duplicates the union for the page, with snake_case targetable.type and every include', async () => {
    await createTask('Lena 1', '2026-11-03T09:00:00+05:30', { owner_id: MATEO, user_ids: [ASHA, MATEO], task_type_id: FOLLOW_UP });
    await createTask('Lena 2', '2026-11-03T10:00:00+05:30', { user_ids: [MATEO], task_type_id: FOLLOW_UP });
    await createTask('Acme', '2026-11-03T11:00:00+05:30', { targetable_type: 'SalesAccount', targetable_id: acme.id });
    await createTask('Deal', '2026-11-03T12:00:00+05:30', { targetable_type: 'Deal', targetable_id: renewal.id });
    const answer = await crm.call('GET', '/tasks?include=owner,users,targetable,creater,updater,task_type');
    expect(answer.status).toBe(200);
    const body = answer.body;
    expect(Object.keys(body).sort()).toEqual(['contacts', 'deals', 'meta', 'sales_accounts', 'task_types', 'tasks', 'users']);
    expect(body.contacts).toHaveLength(1);
    expect(body.contacts[0]).toEqual({
      partial: true, id: lena.id, display_name: 'Lena Tester', first_name: 'Lena', last_name: 'Tester',
      email: 'lena@example.test', job_title: null, lead_score: 0, avatar: null, open_deals_amount: '1200.0',
      created_at: '2026-10-01T14:30:00+05:30', updated_at: '2026-10-01T14:30:00+05:30',
    });
    expect(body.sales_accounts).toEqual([expect.objectContaining({ partial: true, id: acme.id, name: 'Acme' })]);
    expect(body.deals).toEqual([expect.objectContaining({ partial: true, id: renewal.id })]);
    expect(body.users.map((user: { id: number }) => user.id)).toEqual([MATEO, ASHA]);
    expect(body.users[0]).toEqual({ id: MATEO, display_name: 'Mateo Fernández', email: 'mateo@demo-crm.test', is_active: true, work_number: null, mobile_number: null });
    expect(body.task_types).toEqual([expect.objectContaining({ id: FOLLOW_UP, name: 'Follow up', sales_activity_type_name: 'Task' })]);
    expect(body.tasks.map((task: { targetable: unknown }) => task.targetable)).toEqual([
      { type: 'contact', id: lena.id }, { type: 'contact', id: lena.id },
      { type: 'sales_account', id: acme.id }, { type: 'deal', id: renewal.id },
    ]);
    expect(body.tasks.map((task: { user_ids: number[] }) => task.user_ids)).toEqual([[ASHA, MATEO], [MATEO], [], []]);
    expect(body.tasks[2].targetables).toEqual([{ id: acme.id, type: 'SalesAccount' }]);
  });

  it('adds nothing without include, and empty arrays when a kind is not targeted', async () => {
    await createTask('Lena', '2026-11-03T09:00:00+05:30');
    expect(Object.keys((await crm.call('GET', '/tasks')).body)).toEqual(['tasks', 'meta']);
    const targeted = await crm.call('GET', '/tasks?include=targetable');
    expect(targeted.body.sales_accounts).toEqual([]);
    expect(targeted.body.deals).toEqual([]);
    expect(targeted.body.contacts).toHaveLength(1);
  });
});

describe('GET / PUT / DELETE /tasks/:id', () => {
  it('reads one task with side-loads, and answers 404s in the real shapes', async () => {
    const task = await createTask('Read me', '2026-11-03T09:00:00+05:30');
    const answer = await crm.call('GET', `/tasks/${task.id}?include=owner`);
    expect(answer.body).toEqual({ users: [expect.objectContaining({ id: ASHA })], task });
    const missing = await crm.call('GET', '/tasks/402001399999');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ errors: { code: 404, message: ['Task not found'] } });
    for (const path of ['/tasks/abc', '/tasks/12x', '/tasks/-1']) {
      const broken = await crm.call('GET', path);
      expect(broken.status).toBe(404);
      expect(broken.text).toBe('');
    }
    expect((await crm.call('PUT', '/tasks/abc', { task: { status: 1 } })).text).toBe('');
    expect((await crm.call('DELETE', '/tasks/abc')).text).toBe('');
  });

  it('marks done with status 1 (completed_date = now), re-opens with status 0, and leaves the open list', async () => {
    const task = await createTask('Finish me', '2026-11-03T09:00:00+05:30');
    clock.advance(60_000);
    const done = await crm.call('PUT', `/tasks/${task.id}`, { task: { status: 1 } });
    expect(done.status).toBe(200);
    expect(done.body.task).toMatchObject({ status: 1, completed_date: '2026-11-02T23:01:00+05:30', updated_at: '2026-11-02T23:01:00+05:30' });
    expect(await titles('open')).toEqual([]);
    expect(await titles('due_tomorrow')).toEqual([]);
    expect(await titles('completed')).toEqual(['Finish me']);
    clock.advance(60_000);
    // Marking done again keeps the first completion time.
    const again = await crm.call('PUT', `/tasks/${task.id}`, { status: 1 });
    expect(again.body.task.completed_date).toBe('2026-11-02T23:01:00+05:30');
    const reopened = await crm.call('PUT', `/tasks/${task.id}`, { task: { status: 0 } });
    expect(reopened.body.task).toMatchObject({ status: 0, completed_date: null });
    expect(await titles('open')).toEqual(['Finish me']);
  });

  it('updates partially, may move the task to another record, and refuses bad values without changing it', async () => {
    const task = await createTask('Move me', '2026-11-03T09:00:00+05:30');
    const moved = await crm.call('PUT', `/tasks/${task.id}?include=targetable`, { task: { targetable_type: 'SalesAccount', targetable_id: acme.id, title: 'Moved' } });
    expect(moved.body.task).toMatchObject({ title: 'Moved', due_date: '2026-11-03T09:00:00+05:30', targetable: { type: 'sales_account', id: acme.id } });
    const before = storeState(store);
    for (const [body, message] of [
      [{ task: { status: 2 } }, 'Status is not included in the list'],
      [{ task: { status: null } }, "Status can't be blank"],
      [{ task: { title: '' } }, "Title can't be blank"],
      [{ task: { due_date: null } }, "Due date can't be blank"],
      [{ task: { targetable_type: null, targetable_id: null } }, "Targetable type can't be blank"],
      [{ task: { completed_date: '2026-11-02T10:00:00+05:30' } }, "Unknown attribute 'completed_date'"],
    ] as const) {
      const answer = await crm.call('PUT', `/tasks/${task.id}`, body);
      expect(answer.status).toBe(400);
      expect(answer.body.errors.message[0]).toBe(message);
    }
    expect(storeState(store)).toEqual(before);
  });

  it('deletes softly with a small JSON body; the task is gone everywhere', async () => {
    const task = await createTask('Delete me', '2026-11-03T09:00:00+05:30');
    const answer = await crm.call('DELETE', `/tasks/${task.id}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ success: '200' });
    expect((await crm.call('GET', `/tasks/${task.id}`)).status).toBe(404);
    expect((await crm.call('PUT', `/tasks/${task.id}`, { task: { status: 1 } })).status).toBe(404);
    expect((await crm.call('DELETE', `/tasks/${task.id}`)).status).toBe(404);
    expect(await titles('open')).toEqual([]);
    expect(store.tasks.raw(task.id)?.is_deleted).toBe(true);
  });
});

describe('change feed', () => {
  it('publishes onTaskCreate and onTaskUpdate, nothing for no-op updates or deletes', async () => {
    const task = await createTask('Evented', '2026-11-03T09:00:00+05:30');
    await crm.call('PUT', `/tasks/${task.id}`, { task: { status: 1 } });
    await crm.call('PUT', `/tasks/${task.id}`, { task: { status: 1 } });
    await crm.call('DELETE', `/tasks/${task.id}`);
    const events = crm.server.feed.recent();
    expect(events.map((event) => event.name)).toEqual(['onTaskCreate', 'onTaskUpdate']);
    expect(events.map((event) => event.module)).toEqual(['task', 'task']);
  });
});
