import { ManualClock } from '../../clock';
import type { ContactRow, DealRow } from '../model/types';
import { createAccountStore, USERS } from '../seed/account';
import { ID_BASES, type CrmStore } from '../store';
import { startTestCrm, type TestCrm } from '../testing/harness';
import { putContact, putDeal, storeState } from '../testing/rows';
import { registerAppointments } from './appointments';

const ASHA = USERS[0]?.id as number;
const MATEO = USERS[1]?.id as number;
const FORMER = USERS[5]?.id as number;

let crm: TestCrm;
let clock: ManualClock;
let store: CrmStore;
let lena: ContactRow;
let omar: ContactRow;
let renewal: DealRow;

beforeEach(async () => {
  store = createAccountStore();
  lena = putContact(store, { first_name: 'Lena' });
  omar = putContact(store, { first_name: 'Omar' });
  renewal = putDeal(store, { name: 'Acme renewal' });
  clock = new ManualClock('2026-11-02T09:00:00Z'); // 14:30 in the account's +05:30
  crm = await startTestCrm({ resources: [registerAppointments], store, clock });
});
afterEach(() => crm.close());

const error400 = (...message: string[]) => ({ errors: { code: 400, message } });

const demo = (extra: Record<string, unknown> = {}) => ({
  appointment: {
    title: 'Demo', from_date: '2026-11-05T10:00:00+05:30', end_date: '2026-11-05T10:30:00+05:30',
    time_zone: 'Chennai', is_allday: false, location: 'Zoom', ...extra,
  },
});

async function createAppointment(extra: Record<string, unknown> = {}): Promise<any> {
  const answer = await crm.call('POST', '/appointments', demo(extra));
  expect(answer.status).toBe(201);
  return answer.body.appointment;
}

const titlesOf = (body: { appointments: Array<{ title: string }> }) => body.appointments.map((row) => row.title);

describe('POST /appointments', () => {
  it('creates with attendees and always side-loads attendees, conferences, notes and attendee contacts', async () => {
    const answer = await crm.call('POST', '/appointments', demo({
      targetable_type: 'Contact', targetable_id: lena.id,
      appointment_attendees_attributes: [
        { attendee_type: 'FdMultitenant::User', attendee_id: String(MATEO) },
        { attendee_type: 'Contact', attendee_id: String(lena.id) },
        { attendee_type: 'Contact', attendee_id: omar.id },
      ],
    }));
    expect(answer.status).toBe(201);
    const first = ID_BASES.attendees;
    expect(answer.body.appointment_attendees).toEqual([
      { id: first, attendee_type: 'FdMultitenant::User', attendee_id: MATEO },
      { id: first + 1, attendee_type: 'Contact', attendee_id: lena.id },
      { id: first + 2, attendee_type: 'Contact', attendee_id: omar.id },
    ]);
    expect(answer.body.conferences).toEqual([]);
    expect(answer.body.notes).toEqual([]);
    expect(answer.body.contacts.map((contact: { id: number; partial: boolean }) => [contact.id, contact.partial])).toEqual([[lena.id, true], [omar.id, true]]);
    expect(answer.body).not.toHaveProperty('users');
    expect(answer.body.appointment).toMatchObject({
      title: 'Demo', location: 'Zoom', time_zone: 'Chennai', is_allday: false, provider: 'freshsales',
      from_date: '2026-11-05T10:00:00+05:30', end_date: '2026-11-05T10:30:00+05:30',
      creater_id: ASHA, targetables: [{ id: lena.id, type: 'Contact' }],
      appointment_attendee_ids: [first, first + 1, first + 2],
      created_at: '2026-11-02T14:30:00+05:30',
    });
    expect(answer.body.appointment).not.toHaveProperty('targetable');
  });

  it('takes an unwrapped body and includes creater, targetable and attendee users when asked', async () => {
    const answer = await crm.call('POST', '/appointments?include=creater,targetable,appointment_attendees', {
      ...demo().appointment, targetable_type: 'Deal', targetable_id: renewal.id,
      appointment_attendees_attributes: [{ attendee_type: 'FdMultitenant::User', attendee_id: MATEO }],
    });
    expect(answer.status).toBe(201);
    expect(answer.body.appointment.targetable).toEqual({ type: 'deal', id: renewal.id });
    expect(answer.body.deals).toEqual([expect.objectContaining({ partial: true, id: renewal.id })]);
    expect(answer.body.users.map((user: { id: number }) => user.id)).toEqual([MATEO, ASHA]);
    expect(answer.body.contacts).toEqual([]);
  });

  it.each([
    ['an end before the start', { end_date: '2026-11-05T09:59:00+05:30' }, 'End date must be after the start date'],
    ['an end equal to the start', { end_date: '2026-11-05T04:30:00Z' }, 'End date must be after the start date'],
    ['an IANA zone name', { time_zone: 'Asia/Kolkata' }, 'Time zone is not included in the list'],
    ['no time zone', { time_zone: undefined }, "Time zone can't be blank"],
    ['is_allday as a string', { is_allday: 'false' }, 'Is allday must be true or false'],
    ['a from date without a zone', { from_date: '2026-11-05 10:00' }, 'From date is not a valid date time (ISO 8601 with a zone)'],
    ['an unknown field', { attendees: [] }, "Unknown attribute 'attendees'"],
    ['a latitude off the Earth', { latitude: 91 }, 'Latitude must be between -90 and 90'],
    ['a target of an unknown type', { targetable_type: 'Lead', targetable_id: ID_BASES.contacts }, 'Targetable type is not included in the list (Contact, SalesAccount, Deal)'],
    ['attendees that are not an array', { appointment_attendees_attributes: { attendee_type: 'Contact' } }, 'Appointment attendees attributes must be an array'],
    ['a duplicate attendee', {
      appointment_attendees_attributes: [{ attendee_type: 'Contact', attendee_id: ID_BASES.contacts }, { attendee_type: 'Contact', attendee_id: String(ID_BASES.contacts) }],
    }, 'Appointment attendees must not repeat an attendee'],
  ])('refuses %s with 400 and changes nothing', async (_name, extra, message) => {
    const before = storeState(store);
    const answer = await crm.call('POST', '/appointments', demo(extra));
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual(error400(message));
    expect(storeState(store)).toEqual(before);
    expect(crm.server.feed.recent()).toHaveLength(0);
  });

  it('lists every bad attendee in one 400, soft-deleted contacts and deactivated users included', async () => {
    omar.is_deleted = true;
    const before = storeState(store);
    const answer = await crm.call('POST', '/appointments', demo({
      appointment_attendees_attributes: [
        { attendee_type: 'User', attendee_id: MATEO },
        { attendee_type: 'Contact', attendee_id: 'lena' },
        { attendee_type: 'Contact', attendee_id: omar.id },
        { attendee_type: 'FdMultitenant::User', attendee_id: FORMER },
        { attendee_type: 'Contact', attendee_id: lena.id, _destroy: true },
        'Lena',
      ],
    }));
    expect(answer.body).toEqual(error400(
      'Appointment attendee 1: attendee_type is not included in the list (FdMultitenant::User, Contact)',
      'Appointment attendee 2: attendee_id is not a number',
      `Appointment attendee 3: Contact ${omar.id} must exist`,
      `Appointment attendee 4: FdMultitenant::User ${FORMER} must exist`,
      "Appointment attendee 5: unknown attribute '_destroy'",
      'Appointment attendee 6: must be an object',
    ));
    expect(storeState(store)).toEqual(before);
  });

  it('needs a title and both dates', async () => {
    const answer = await crm.call('POST', '/appointments', { appointment: { time_zone: 'Chennai' } });
    expect(answer.body).toEqual(error400("Title can't be blank", "From date can't be blank", "End date can't be blank"));
  });
});

describe('dates written as JavaScript Date.toString() (§11)', () => {
  it('creates and moves an appointment with Date.toString() dates, with or without the zone name', async () => {
    const created = await createAppointment({
      from_date: 'Thu Nov 05 2026 10:00:00 GMT+0530 (India Standard Time)',
      end_date: 'Thu Nov 05 2026 05:30:00 GMT+0000',
    });
    expect(created).toMatchObject({ from_date: '2026-11-05T10:00:00+05:30', end_date: '2026-11-05T11:00:00+05:30' });
    const moved = await crm.call('PUT', `/appointments/${created.id}`, {
      appointment: { from_date: 'Tue Jun 21 2099 11:00:00 GMT+0000 (Coordinated Universal Time)', end_date: 'Tue Jun 21 2099 12:00:00 GMT+0000' },
    });
    expect(moved.status).toBe(200);
    expect(store.appointments.get(created.id)).toMatchObject({ from_date: Date.parse('2099-06-21T11:00:00Z'), end_date: Date.parse('2099-06-21T12:00:00Z') });
  });

  it('still refuses a date that is neither ISO 8601 nor Date.toString(), and stores nothing', async () => {
    const before = storeState(store);
    const answer = await crm.call('POST', '/appointments', demo({ from_date: 'Thu Nov 31 2026 10:00:00 GMT+0530', end_date: 'soon' }));
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual(error400('From date is not a valid date time (ISO 8601 with a zone)', 'End date is not a valid date time (ISO 8601 with a zone)'));
    expect(storeState(store)).toEqual(before);
  });
});

describe('GET /appointments', () => {
  beforeEach(async () => {
    await createAppointment({ title: 'Past', from_date: '2026-11-01T10:00:00+05:30', end_date: '2026-11-01T11:00:00+05:30' });
    await createAppointment({ title: 'In progress', from_date: '2026-11-02T14:00:00+05:30', end_date: '2026-11-02T15:00:00+05:30' });
    await createAppointment({
      title: 'Later', from_date: '2026-11-09T10:00:00+05:30', end_date: '2026-11-09T11:00:00+05:30',
      appointment_attendees_attributes: [{ attendee_type: 'Contact', attendee_id: lena.id }],
    });
    await createAppointment({ title: 'Soon', from_date: '2026-11-03T10:00:00+05:30', end_date: '2026-11-03T11:00:00+05:30' });
  });

  it('lists upcoming by default (soonest first) and past (latest first), meta with total only', async () => {
    const upcoming = await crm.call('GET', '/appointments');
    expect(titlesOf(upcoming.body)).toEqual(['In progress', 'Soon', 'Later']);
    expect(upcoming.body.meta).toEqual({ total: 3 });
    expect(Object.keys(upcoming.body)).toEqual(['appointments', 'meta']);
    expect(titlesOf((await crm.call('GET', '/appointments?filter=upcoming')).body)).toEqual(['In progress', 'Soon', 'Later']);
    const past = await crm.call('GET', '/appointments?filter=past');
    expect(titlesOf(past.body)).toEqual(['Past']);
    expect(past.body.meta).toEqual({ total: 1 });
  });

  it('moves an appointment to past once it has ended', async () => {
    clock.set('2026-11-02T09:30:00Z'); // 15:00 local: "In progress" just ended
    expect(titlesOf((await crm.call('GET', '/appointments?filter=past')).body)).toEqual(['In progress', 'Past']);
    expect(titlesOf((await crm.call('GET', '/appointments')).body)).toEqual(['Soon', 'Later']);
  });

  it('side-loads attendees and their contacts only with include=appointment_attendees, de-duplicated', async () => {
    const answer = await crm.call('GET', '/appointments?include=appointment_attendees,creater');
    expect(answer.body.appointment_attendees).toEqual([expect.objectContaining({ attendee_type: 'Contact', attendee_id: lena.id })]);
    expect(answer.body.contacts.map((contact: { id: number }) => contact.id)).toEqual([lena.id]);
    expect(answer.body.users.map((user: { id: number }) => user.id)).toEqual([ASHA]);
  });

  it('refuses unknown filters and includes with the exact shapes', async () => {
    expect((await crm.call('GET', '/appointments?filter=today')).body).toEqual(error400('Invalid filter: today. Allowed: upcoming, past'));
    expect((await crm.call('GET', '/appointments?include=owner')).body).toEqual(
      error400('Invalid include: owner. Allowed: creater, targetable, appointment_attendees, conference, note'),
    );
  });
});

describe('GET / PUT / DELETE /appointments/:id', () => {
  it('reads one with the always-present side-loads and answers 404s in the real shapes', async () => {
    const created = await createAppointment({ appointment_attendees_attributes: [{ attendee_type: 'Contact', attendee_id: lena.id }] });
    const answer = await crm.call('GET', `/appointments/${created.id}`);
    expect(Object.keys(answer.body)).toEqual(['appointment_attendees', 'contacts', 'conferences', 'notes', 'appointment']);
    expect(answer.body.appointment).toEqual(created);
    expect((await crm.call('GET', '/appointments/402001599999')).body).toEqual({ errors: { code: 404, message: ['Appointment not found'] } });
    const broken = await crm.call('GET', '/appointments/demo');
    expect(broken.status).toBe(404);
    expect(broken.text).toBe('');
  });

  it('replaces attendees on update, keeping the ids of those that stay', async () => {
    const created = await createAppointment({
      appointment_attendees_attributes: [
        { attendee_type: 'Contact', attendee_id: lena.id },
        { attendee_type: 'FdMultitenant::User', attendee_id: MATEO },
      ],
    });
    const [lenaAttendee] = created.appointment_attendee_ids as number[];
    const answer = await crm.call('PUT', `/appointments/${created.id}`, {
      appointment: {
        title: 'Demo v2',
        appointment_attendees_attributes: [
          { attendee_type: 'Contact', attendee_id: lena.id },
          { attendee_type: 'Contact', attendee_id: omar.id },
        ],
      },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.appointment.title).toBe('Demo v2');
    expect(answer.body.appointment_attendees).toEqual([
      { id: lenaAttendee, attendee_type: 'Contact', attendee_id: lena.id },
      { id: ID_BASES.attendees + 2, attendee_type: 'Contact', attendee_id: omar.id },
    ]);
    expect(answer.body.contacts.map((contact: { id: number }) => contact.id)).toEqual([lena.id, omar.id]);
    const cleared = await crm.call('PUT', `/appointments/${created.id}`, { appointment_attendees_attributes: [] });
    expect(cleared.body.appointment_attendees).toEqual([]);
    expect(cleared.body.appointment.appointment_attendee_ids).toEqual([]);
  });

  it('checks the times against the stored ones and may clear the target', async () => {
    const created = await createAppointment({ targetable_type: 'Contact', targetable_id: lena.id });
    const before = storeState(store);
    const early = await crm.call('PUT', `/appointments/${created.id}`, { appointment: { end_date: '2026-11-05T09:00:00+05:30' } });
    expect(early.body).toEqual(error400('End date must be after the start date'));
    const nullZone = await crm.call('PUT', `/appointments/${created.id}`, { appointment: { time_zone: null } });
    expect(nullZone.body).toEqual(error400("Time zone can't be blank"));
    expect(storeState(store)).toEqual(before);
    const moved = await crm.call('PUT', `/appointments/${created.id}`, {
      appointment: { from_date: '2026-11-06T10:00:00+05:30', end_date: '2026-11-06T11:00:00+05:30', time_zone: 'Eastern Time (US & Canada)', targetable_type: null, targetable_id: null },
    });
    expect(moved.body.appointment).toMatchObject({ from_date: '2026-11-06T10:00:00+05:30', time_zone: 'Eastern Time (US & Canada)', targetables: [] });
  });

  it('deletes softly with a small JSON body', async () => {
    const created = await createAppointment();
    const answer = await crm.call('DELETE', `/appointments/${created.id}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ success: '200' });
    expect((await crm.call('GET', `/appointments/${created.id}`)).status).toBe(404);
    expect((await crm.call('GET', '/appointments')).body).toEqual({ appointments: [], meta: { total: 0 } });
  });
});

describe('change feed', () => {
  it('publishes onAppointmentCreate and onAppointmentUpdate, nothing for no-op updates or deletes', async () => {
    const created = await createAppointment();
    await crm.call('PUT', `/appointments/${created.id}`, { appointment: { location: 'Office' } });
    await crm.call('PUT', `/appointments/${created.id}`, { appointment: { location: 'Office' } });
    await crm.call('DELETE', `/appointments/${created.id}`);
    expect(crm.server.feed.recent().map((event) => event.name)).toEqual(['onAppointmentCreate', 'onAppointmentUpdate']);
  });
});
