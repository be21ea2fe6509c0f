import { ManualClock } from '../../clock';
import type { ContactRow } from '../model/types';
import { createAccountStore, USERS } from '../seed/account';
import type { CrmStore } from '../store';
import { startTestCrm, type TestCrm } from '../testing/harness';
import { putAccount, putContact, storeState } from '../testing/rows';
import { registerSalesActivities } from './sales-activities';

const ASHA = USERS[0]?.id as number;
const KWAME = USERS[3]?.id as number;
const CALL = 402000477934;
const MEETING = 402000477935;
const DEMO = 402000477938; // is_outcome_mandatory
const INTERESTED = 402002091456; // a Call outcome
const POSITIVE = 402002091459; // a Meeting outcome
const DEMO_WENT_WELL = 402002091461;

let crm: TestCrm;
let store: CrmStore;
let lena: ContactRow;

beforeEach(async () => {
  store = createAccountStore();
  lena = putContact(store, { first_name: 'Lena' });
  crm = await startTestCrm({ resources: [registerSalesActivities], store, clock: new ManualClock('2026-11-02T09:00:00Z') });
});
afterEach(() => crm.close());

const error400 = (...message: string[]) => ({ errors: { code: 400, message } });

const call = (extra: Record<string, unknown> = {}) => ({
  sales_activity: {
    title: 'Intro call', sales_activity_type_id: CALL, sales_activity_outcome_id: INTERESTED,
    start_date: '2026-11-02T12:30:00+05:30', end_date: '2026-11-02T13:00:00+05:30',
    targetable_type: 'Contact', targetable_id: lena.id, ...extra,
  },
});

async function createActivity(extra: Record<string, unknown> = {}): Promise<any> {
  const answer = await crm.call('POST', '/sales_activities', call(extra));
  expect(answer.status).toBe(201);
  return answer.body.sales_activity;
}

async function refused(method: string, path: string, body: unknown, expected: unknown): Promise<void> {
  const before = storeState(store);
  const answer = await crm.call(method, path, body);
  expect(answer.status).toBe(400);
  expect(answer.body).toEqual(expected);
  expect(storeState(store)).toEqual(before);
}

describe('POST /sales_activities', () => {
  it('creates one owned by the caller, with offset timestamps and every custom field key', async () => {
    const answer = await crm.call('POST', '/sales_activities', call({
      notes: 'Discussed scope', location: 'Bengaluru', latitude: 12.97, longitude: 77.59,
      custom_field: { cf_call_quality: 'Good' },
    }));
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({
      sales_activity: expect.objectContaining({
        id: expect.any(Number), title: 'Intro call', notes: 'Discussed scope',
        start_date: '2026-11-02T12:30:00+05:30', end_date: '2026-11-02T13:00:00+05:30',
        owner_id: ASHA, creater_id: ASHA, updater_id: ASHA,
        sales_activity_type_id: CALL, sales_activity_outcome_id: INTERESTED,
        targetable_type: 'Contact', targetable_id: lena.id, targetables: [{ id: lena.id, type: 'Contact' }],
        location: 'Bengaluru', latitude: 12.97, longitude: 77.59, status: true,
        custom_field: { cf_call_quality: 'Good', cf_follow_up_needed: null },
        created_at: '2026-11-02T14:30:00+05:30',
      }),
    });
  });

  it('takes an unwrapped body, another owner, an account target, and an outcome-less type', async () => {
    const account = putAccount(store, { name: 'Acme' });
    const answer = await crm.call('POST', '/sales_activities', {
      ...call().sales_activity, sales_activity_outcome_id: undefined, owner_id: KWAME, targetable_type: 'SalesAccount', targetable_id: account.id,
    });
    expect(answer.status).toBe(201);
    expect(answer.body.sales_activity).toMatchObject({ owner_id: KWAME, sales_activity_outcome_id: null, targetable_type: 'SalesAccount' });
  });

  it('refuses an outcome of another type', async () => {
    await refused('POST', '/sales_activities', call({ sales_activity_outcome_id: POSITIVE }),
      error400('Sales activity outcome does not belong to the sales activity type'));
  });

  it('requires an outcome when the type makes it mandatory', async () => {
    await refused('POST', '/sales_activities', call({ sales_activity_type_id: DEMO, sales_activity_outcome_id: undefined }),
      error400("Sales activity outcome can't be blank for Demo"));
    await refused('POST', '/sales_activities', call({ sales_activity_type_id: DEMO, sales_activity_outcome_id: null }),
      error400("Sales activity outcome can't be blank for Demo"));
    const created = await createActivity({ sales_activity_type_id: DEMO, sales_activity_outcome_id: DEMO_WENT_WELL });
    expect(created.sales_activity_outcome_id).toBe(DEMO_WENT_WELL);
  });

  it('refuses an end before the start but takes an end equal to it', async () => {
    await refused('POST', '/sales_activities', call({ end_date: '2026-11-02T12:29:59+05:30' }), error400('End date must be on or after the start date'));
    const instant = await createActivity({ end_date: '2026-11-02T07:00:00Z' });
    expect(instant.end_date).toBe('2026-11-02T12:30:00+05:30');
  });

  it('needs the fields the API and the field settings require', async () => {
    await refused('POST', '/sales_activities', { sales_activity: { targetable_type: 'Contact', targetable_id: lena.id } },
      error400("Title can't be blank", "Sales activity type can't be blank", "Start date can't be blank", "End date can't be blank"));
    const notes = store.fields.sales_activities.find((field) => field.name === 'notes');
    if (notes !== undefined) notes.required = true;
    await refused('POST', '/sales_activities', call(), error400("Notes can't be blank"));
    const created = await createActivity({ notes: 'now required' });
    await refused('PUT', `/sales_activities/${created.id}`, { sales_activity: { notes: '' } }, error400("Notes can't be blank"));
  });

  it('refuses wrong types and unknown fields in one 400', async () => {
    await refused('POST', '/sales_activities', call({ sales_activity_type_id: 'call', start_date: 1700000000, mood: 'good', owner_id: 1, latitude: '12.9' }),
      error400(
        'Sales activity type is invalid', 'Start date is not a valid date time (ISO 8601 with a zone)',
        "Unknown attribute 'mood'", 'Owner is invalid', 'Latitude is not a number',
      ));
  });

  it('checks custom_field against the sales_activities field settings', async () => {
    await refused('POST', '/sales_activities', call({ custom_field: { cf_call_quality: 'Great', cf_follow_up_needed: 'yes', cf_nope: 1 } }),
      error400('Call quality must be one of its choices', 'Follow-up needed must be true or false', "Custom field 'cf_nope' does not exist"));
    await refused('POST', '/sales_activities', call({ custom_field: ['cf_call_quality'] }), error400('custom_field must be an object of cf_ keys'));
  });

  it.each([
    ['no target', { targetable_type: undefined, targetable_id: undefined }, error400("Targetable type can't be blank", "Targetable can't be blank")],
    ['an unknown target type', { targetable_type: 'Lead' }, error400('Targetable type is not included in the list (Contact, SalesAccount, Deal)')],
    ['a missing record', { targetable_id: 402000999999 }, error400('Targetable must exist (no Contact with id 402000999999)')],
  ])('refuses %s', async (_name, extra, expected) => {
    await refused('POST', '/sales_activities', call(extra), expected);
  });

  it('refuses a soft-deleted target', async () => {
    lena.is_deleted = true;
    await refused('POST', '/sales_activities', call(), error400(`Targetable must exist (no Contact with id ${lena.id})`));
  });
});

describe('GET /sales_activities', () => {
  it('pages the most recent first, with meta total only', async () => {
    await createActivity({ title: 'Oldest', start_date: '2026-10-01T10:00:00+05:30', end_date: '2026-10-01T10:30:00+05:30' });
    await createActivity({ title: 'Newest', start_date: '2026-11-01T10:00:00+05:30', end_date: '2026-11-01T10:30:00+05:30' });
    await createActivity({ title: 'Middle', start_date: '2026-10-15T10:00:00+05:30', end_date: '2026-10-15T10:30:00+05:30' });
    const first = await crm.call('GET', '/sales_activities?per_page=2');
    expect(first.body.sales_activities.map((row: { title: string }) => row.title)).toEqual(['Newest', 'Middle']);
    expect(first.body.meta).toEqual({ total: 3 });
    const second = await crm.call('GET', '/sales_activities?per_page=2&page=2');
    expect(second.body.sales_activities.map((row: { title: string }) => row.title)).toEqual(['Oldest']);
  });

  it('refuses include values and bad paging', async () => {
    expect((await crm.call('GET', '/sales_activities?include=owner')).body).toEqual(error400('Invalid include: owner. Sales activities take no include'));
    expect((await crm.call('GET', '/sales_activities?per_page=abc')).body).toEqual(error400('per_page must be a positive integer'));
  });
});

describe('GET / PUT / DELETE /sales_activities/:id', () => {
  it('reads one and answers 404s in the real shapes', async () => {
    const created = await createActivity();
    expect((await crm.call('GET', `/sales_activities/${created.id}`)).body).toEqual({ sales_activity: created });
    expect((await crm.call('GET', '/sales_activities/402001799999')).body).toEqual({ errors: { code: 404, message: ['Sales activity not found'] } });
    const broken = await crm.call('GET', '/sales_activities/1e5');
    expect(broken.status).toBe(404);
    expect(broken.text).toBe('');
  });

  it('checks the outcome and times against the stored values on update', async () => {
    const created = await createActivity({ custom_field: { cf_call_quality: 'Good' } });
    const path = `/sales_activities/${created.id}`;
    await refused('PUT', path, { sales_activity: { sales_activity_type_id: MEETING } },
      error400('Sales activity outcome does not belong to the sales activity type'));
    await refused('PUT', path, { sales_activity: { sales_activity_type_id: DEMO, sales_activity_outcome_id: null } },
      error400("Sales activity outcome can't be blank for Demo"));
    await refused('PUT', path, { sales_activity: { end_date: '2026-11-02T12:00:00+05:30' } }, error400('End date must be on or after the start date'));
    await refused('PUT', path, { sales_activity: { sales_activity_type_id: null } }, error400("Sales activity type can't be blank"));
    await refused('PUT', path, { sales_activity: { targetable_type: null, targetable_id: null } }, error400("Targetable type can't be blank", "Targetable can't be blank"));
    const moved = await crm.call('PUT', path, { sales_activity: { sales_activity_type_id: MEETING, sales_activity_outcome_id: POSITIVE, custom_field: { cf_follow_up_needed: true } } });
    expect(moved.status).toBe(200);
    expect(moved.body.sales_activity).toMatchObject({
      sales_activity_type_id: MEETING, sales_activity_outcome_id: POSITIVE,
      custom_field: { cf_call_quality: 'Good', cf_follow_up_needed: true },
    });
  });

  it('deletes softly with a small JSON body', async () => {
    const created = await createActivity();
    const answer = await crm.call('DELETE', `/sales_activities/${created.id}`);
    expect(answer.body).toEqual({ success: '200' });
    expect((await crm.call('GET', `/sales_activities/${created.id}`)).status).toBe(404);
    expect((await crm.call('GET', '/sales_activities')).body).toEqual({ sales_activities: [], meta: { total: 0 } });
  });
});

describe('change feed', () => {
  it('publishes onSalesActivityCreate and onSalesActivityUpdate (version 2.0), nothing for deletes', async () => {
    const created = await createActivity();
    await crm.call('PUT', `/sales_activities/${created.id}`, { sales_activity: { title: 'Renamed' } });
    await crm.call('DELETE', `/sales_activities/${created.id}`);
    const events = crm.server.feed.recent();
    expect(events.map((event) => event.name)).toEqual(['onSalesActivityCreate', 'onSalesActivityUpdate']);
    expect(events.every((event) => event.module === 'sales_activities' && event.version === '2.0')).toBe(true);
  });
});
