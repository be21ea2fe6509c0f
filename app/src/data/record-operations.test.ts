import { waitFor } from '@testing-library/react';
import type { Appointment, Note, Task } from '../../../common/crm/records';
import type { EntityType } from '../../../common/platform/client';
import { format, messages } from '../i18n/messages';
import { accountViewBody, contactViewBody, dealViewBody, FIELD_SETTINGS, IDS, noteWriteBody, taskWriteBody } from '../test/crm-fixtures';
import { crmRefusal, crmRejection, platformRejection, type FakeClient } from '../test/fake-client';
import { activityOutcomesBody, activityTypesBody, appointmentWriteBody, OPS, salesActivity } from '../test/operation-fixtures';
import { clientFor, renderSidebarHook, settled, start } from '../test/sidebar-harness';
import { resetDealActivityFallback } from './load';
import { isoWithOffset } from './timestamps';
import type { DataFor } from './types';

const VIEW = { contact: ['getContactView', contactViewBody], deal: ['getDealView', dealViewBody], sales_account: ['getAccountView', accountViewBody] } as const;

beforeEach(() => {
  resetDealActivityFallback();
  localStorage.clear();
});

async function open<E extends EntityType>(entity: E) {
  const client = clientFor(entity);
  client.respondBy('getFieldSettings', (options) => FIELD_SETTINGS[options?.context?.entity as 'deals']());
  const [template, body] = VIEW[entity];
  client.respond(template, body());
  const rendered = renderSidebarHook(entity, client);
  await waitFor(() => expect(rendered.result.current.sidebar.state.status).toBe('ready'));
  const data = (): DataFor<E> => {
    const current = rendered.result.current.sidebar.current();
    if (current === undefined) throw new Error('not ready');
    return current;
  };
  return { client, data, records: () => rendered.result.current.actions.records };
}

function lastBody(client: FakeClient, name: string): unknown {
  const calls = client.callsTo(name);
  const body = calls[calls.length - 1]?.options?.body;
  return body === undefined ? undefined : JSON.parse(body);
}

function lastContext(client: FakeClient, name: string) {
  const calls = client.callsTo(name);
  return calls[calls.length - 1]?.options?.context;
}

const TIMEOUT = platformRejection(504, 'Timeout error while processing the request.');

const FROM = new Date(2026, 4, 12, 10, 0);
const END = new Date(2026, 4, 12, 10, 30);
const input = { title: 'Demo', from: FROM, end: END, location: 'Zoom', attendeeIds: [IDS.contact] };

describe('appointments', () => {
  it('creates one on the record: shown at once, sent wrapped with offset times, the zone and the attendees', async () => {
    const { client, data, records } = await open('contact');
    const held = client.hold('createAppointment');
    const creating = start(() => records().createAppointment(input));
    await waitFor(() => expect(held.requested).toBe(true));
    expect(data().appointments?.map((row) => row.title)).toEqual(['Quarterly business review', 'Demo']);
    expect(lastBody(client, 'createAppointment')).toEqual({
      appointment: {
        title: 'Demo',
        from_date: isoWithOffset(FROM),
        end_date: isoWithOffset(END),
        location: 'Zoom',
        time_zone: 'Europe/London',
        is_allday: false,
        targetable_type: 'Contact',
        targetable_id: IDS.contact,
        appointment_attendees_attributes: [{ attendee_type: 'Contact', attendee_id: String(IDS.contact) }],
      },
    });
    held.resolve(appointmentWriteBody(), 201);
    expect(await settled(creating)).toEqual({ status: 'saved', value: appointmentWriteBody() });
    expect(data().appointments?.map((row) => row.id)).toEqual([IDS.appointment, 402001508499]);
    expect(client.notifications).toEqual([]);
  });

  it('a refusal takes the new appointment away again and gives the CRM\'s reason', async () => {
    const { client, data, records } = await open('contact');
    client.reject('createAppointment', crmRefusal('End date must be after the start date'));
    expect(await settled(start(() => records().createAppointment(input)))).toEqual({ status: 'refused', reason: 'End date must be after the start date' });
    expect(data().appointments?.map((row) => row.id)).toEqual([IDS.appointment]);
    expect(client.notifications).toEqual([]);
  });

  it('a timeout after sending is an unknown outcome: a re-read shows what the CRM has and whether it landed', async () => {
    const { client, data, records } = await open('contact');
    client.reject('createAppointment', TIMEOUT);
    const truth = contactViewBody();
    (truth.appointments as unknown[]).push(appointmentWriteBody({ from_date: isoWithOffset(FROM) }).appointment);
    client.respond('getContactView', truth);
    expect(await settled(start(() => records().createAppointment(input)))).toEqual({ status: 'unknown' });
    expect(client.callsTo('getContactView')).toHaveLength(2);
    expect(data().appointments?.map((row) => row.id)).toEqual([IDS.appointment, 402001508499]);
    expect(client.notifications).toEqual([{ type: 'success', title: messages.writes.landedTitle, message: format(messages.writes.landed, { what: 'Scheduling Demo' }) }]);
  });

  it('after a timeout, a re-read without the change says it was not applied', async () => {
    const { client, data, records } = await open('contact');
    const appointment = data().appointments?.[0] as Appointment;
    client.reject('updateAppointment', TIMEOUT).respond('getContactView', contactViewBody());
    expect(await settled(start(() => records().updateAppointment(appointment, input)))).toEqual({ status: 'unknown' });
    expect(data().appointments?.[0]).toMatchObject({ title: appointment.title });
    expect(client.notifications.map((notification) => notification.type)).toEqual(['danger']);
  });

  it('sends no zone it does not have: UTC stands in', async () => {
    const { client, records } = await open('deal');
    client.user = { ...client.user, time_zone: undefined };
    client.respond('createAppointment', appointmentWriteBody());
    await settled(start(() => records().createAppointment({ ...input, attendeeIds: [], location: '' })));
    expect(lastBody(client, 'createAppointment')).toMatchObject({ appointment: { time_zone: 'UTC', location: null, targetable_type: 'Deal', targetable_id: IDS.deal } });
    expect(lastBody(client, 'createAppointment')).not.toHaveProperty('appointment.appointment_attendees_attributes');
  });

  it('edits one: only the form\'s fields are sent, the answer is kept', async () => {
    const { client, data, records } = await open('contact');
    const appointment = data().appointments?.[0] as Appointment;
    client.respond('updateAppointment', appointmentWriteBody({ id: IDS.appointment, title: 'QBR' }));
    const outcome = await settled(start(() => records().updateAppointment(appointment, { ...input, title: 'QBR' })));
    expect(outcome.status).toBe('saved');
    expect(lastContext(client, 'updateAppointment')).toEqual({ id: IDS.appointment });
    expect(lastBody(client, 'updateAppointment')).toEqual({ appointment: { title: 'QBR', from_date: isoWithOffset(FROM), end_date: isoWithOffset(END), location: 'Zoom' } });
    expect(data().appointments?.[0]).toMatchObject({ id: IDS.appointment, title: 'QBR', time_zone: 'Chennai' });
  });

  it('puts an edited appointment back as it was when the CRM refuses', async () => {
    const { client, data, records } = await open('contact');
    const appointment = data().appointments?.[0] as Appointment;
    client.reject('updateAppointment', crmRefusal('Title is too long'));
    expect(await settled(start(() => records().updateAppointment(appointment, { ...input, title: 'x' })))).toEqual({ status: 'refused', reason: 'Title is too long' });
    expect(data().appointments?.[0]).toEqual(appointment);
  });

  it.each([
    ['a JSON body', () => ({ success: '200' })],
    ['an empty body', () => ''],
  ])('deletes one that the CRM answers with %s', async (_what, body) => {
    const { client, data, records } = await open('contact');
    client.respond('deleteAppointment', body());
    const outcome = await settled(start(() => records().deleteAppointment(data().appointments?.[0] as Appointment)));
    expect(outcome.status).toBe('saved');
    expect(lastContext(client, 'deleteAppointment')).toEqual({ id: IDS.appointment });
    expect(data().appointments).toEqual([]);
  });

  it('counts a delete of something already gone (404) as done, and puts back one the CRM keeps', async () => {
    const { client, data, records } = await open('contact');
    const appointment = data().appointments?.[0] as Appointment;
    client.reject('deleteAppointment', crmRejection(403, { errors: { code: 403, message: ['Not allowed'] } }));
    expect(await settled(start(() => records().deleteAppointment(appointment)))).toEqual({ status: 'refused', reason: messages.writes.reasons.forbidden });
    expect(data().appointments).toEqual([appointment]);
    client.reject('deleteAppointment', crmRejection(404, { errors: { code: 404, message: ['Appointment not found'] } }));
    expect((await settled(start(() => records().deleteAppointment(appointment)))).status).toBe('saved');
    expect(data().appointments).toEqual([]);
  });
});

describe('notes and tasks', () => {
  it('edits a note\'s text and keeps the CRM\'s answer', async () => {
    const { client, data, records } = await open('contact');
    const note = data().notes?.[0] as Note;
    client.respond('updateNote', noteWriteBody({ description: 'Redlines closed' }));
    expect((await settled(start(() => records().updateNote(note, 'Redlines closed')))).status).toBe('saved');
    expect(lastContext(client, 'updateNote')).toEqual({ id: IDS.note });
    expect(lastBody(client, 'updateNote')).toEqual({ note: { description: 'Redlines closed' } });
    expect(data().notes?.[0]?.description).toBe('Redlines closed');
  });

  it('keeps a note when the CRM will not delete it, in its place', async () => {
    const { client, data, records } = await open('contact');
    const note = data().notes?.[0] as Note;
    client.reject('deleteNote', crmRefusal('Note cannot be deleted'));
    expect(await settled(start(() => records().deleteNote(note)))).toEqual({ status: 'refused', reason: 'Note cannot be deleted' });
    expect(data().notes).toEqual([note]);
    client.respond('deleteNote', { success: '200' });
    expect((await settled(start(() => records().deleteNote(note)))).status).toBe('saved');
    expect(data().notes).toEqual([]);
  });

  it('edits a task: a due date on the same day keeps its time, another day gets 17:00', async () => {
    const { client, data, records } = await open('contact');
    const task = data().tasks?.[0] as Task;
    const sameDay = new Date(task.due_date as string);
    const ymd = `${sameDay.getFullYear()}-${String(sameDay.getMonth() + 1).padStart(2, '0')}-${String(sameDay.getDate()).padStart(2, '0')}`;
    client.respond('updateTask', taskWriteBody({ title: 'Confirm the PO' }));
    await settled(start(() => records().updateTask(task, { title: 'Confirm the PO', dueDate: ymd, ownerId: IDS.asha })));
    expect(lastBody(client, 'updateTask')).toEqual({ task: { title: 'Confirm the PO', owner_id: IDS.asha } });
    expect(data().tasks?.[0]).toMatchObject({ title: 'Confirm the PO' });

    client.respond('updateTask', taskWriteBody({ due_date: '2027-01-05T17:00:00+05:30' }));
    await settled(start(() => records().updateTask(task, { title: task.title, dueDate: '2027-01-05', ownerId: IDS.mateo })));
    expect(lastBody(client, 'updateTask')).toMatchObject({ task: { due_date: expect.stringMatching(/^2027-01-05T17:00:00[+-]\d{2}:\d{2}$/) as unknown } });
  });

  it('deletes a task, and a timeout there is an unknown outcome settled by a re-read', async () => {
    const { client, data, records } = await open('contact');
    const task = data().tasks?.[0] as Task;
    client.reject('deleteTask', TIMEOUT);
    const truth = contactViewBody();
    truth.tasks = [];
    client.respond('getContactView', truth);
    expect(await settled(start(() => records().deleteTask(task)))).toEqual({ status: 'unknown' });
    expect(data().tasks).toEqual([]);
    expect(client.notifications[0]?.type).toBe('success');
  });
});

describe('sales activities', () => {
  it('loads the types once, in order, each with its own outcomes', async () => {
    const { client, records } = await open('contact');
    client.respond('listSalesActivityTypes', activityTypesBody()).respond('listSalesActivityOutcomes', activityOutcomesBody());
    const first = await settled(start(() => records().activityTypes()));
    const again = await settled(start(() => records().activityTypes()));
    expect(first).toEqual(again);
    expect(client.callsTo('listSalesActivityTypes')).toHaveLength(1);
    expect(first.ok && first.value).toEqual([
      { id: OPS.call, name: 'Call', outcomeRequired: false, outcomes: [{ id: OPS.interested, name: 'Interested' }, { id: OPS.voicemail, name: 'Left voicemail' }] },
      { id: OPS.meeting, name: 'Meeting', outcomeRequired: false, outcomes: [{ id: OPS.positive, name: 'Positive' }] },
      { id: OPS.demo, name: 'Demo', outcomeRequired: true, outcomes: [{ id: OPS.demoWell, name: 'Demo went well' }] },
    ]);
  });

  it('says why the types could not be loaded, and asks again next time', async () => {
    const { client, records } = await open('contact');
    client.respond('listSalesActivityTypes', activityTypesBody()).reject('listSalesActivityOutcomes', crmRejection(403));
    const failed = await settled(start(() => records().activityTypes()));
    expect(failed.ok).toBe(false);
    client.respond('listSalesActivityTypes', activityTypesBody()).respond('listSalesActivityOutcomes', activityOutcomesBody());
    expect((await settled(start(() => records().activityTypes()))).ok).toBe(true);
  });

  it('logs one on the record, owned by the signed-in user, with its outcome and notes', async () => {
    const { client, records } = await open('deal');
    client.respond('createSalesActivity', { sales_activity: salesActivity({ targetable_type: 'Deal', targetable_id: IDS.deal }) }, 201);
    const logged = await settled(start(() => records().logActivity({ title: 'Intro call', typeId: OPS.call, outcomeId: OPS.interested, start: FROM, end: END, notes: 'Discussed scope' })));
    expect(logged.status === 'saved' && logged.value.id).toBe(OPS.activity);
    expect(lastBody(client, 'createSalesActivity')).toEqual({
      sales_activity: {
        title: 'Intro call',
        sales_activity_type_id: OPS.call,
        sales_activity_outcome_id: OPS.interested,
        start_date: isoWithOffset(FROM),
        end_date: isoWithOffset(END),
        notes: 'Discussed scope',
        owner_id: IDS.asha,
        targetable_type: 'Deal',
        targetable_id: IDS.deal,
      },
    });
  });

  it('leaves out an outcome and notes that were not given, and passes a refusal on', async () => {
    const { client, records } = await open('contact');
    client.reject('createSalesActivity', crmRefusal("Sales activity outcome can't be blank for Demo"));
    const logged = await settled(start(() => records().logActivity({ title: 'Demo', typeId: OPS.demo, outcomeId: null, start: FROM, end: END, notes: '' })));
    expect(logged).toEqual({ status: 'refused', reason: "Sales activity outcome can't be blank for Demo" });
    expect(lastBody(client, 'createSalesActivity')).not.toHaveProperty('sales_activity.sales_activity_outcome_id');
    expect(lastBody(client, 'createSalesActivity')).not.toHaveProperty('sales_activity.notes');
  });

  it('lists the record\'s activities from a page of the account\'s, and says when there are more pages', async () => {
    const { client, records } = await open('contact');
    const mine = salesActivity();
    const byList = salesActivity({ id: 2, targetable_type: null, targetable_id: null, targetables: [{ id: IDS.contact, type: 'Contact' }] });
    const other = salesActivity({ id: 3, targetable_id: IDS.otherContact, targetables: [] });
    client.respond('listSalesActivities', { sales_activities: [mine, other, byList], meta: { total_pages: 3, total: 250 } });
    const page = await settled(start(() => records().recordActivities(2)));
    expect(lastContext(client, 'listSalesActivities')).toEqual({ page: 2 });
    expect(page.ok && page.value).toEqual({ activities: [mine, byList], more: true });
    client.respond('listSalesActivities', { sales_activities: [mine], meta: { total: 101 } });
    const last = await settled(start(() => records().recordActivities(2)));
    expect(last.ok && last.value.more).toBe(false);
    client.respond('listSalesActivities', { sales_activities: [mine], meta: { total: 101 } });
    const first = await settled(start(() => records().recordActivities(1)));
    expect(first.ok && first.value.more).toBe(true);
    client.respond('listSalesActivities', { sales_activities: [mine], meta: null });
    const noMeta = await settled(start(() => records().recordActivities(1)));
    expect(noMeta.ok && noMeta.value.more).toBe(false);
  });
});
