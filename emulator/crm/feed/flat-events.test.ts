import { createAccountStore, SALES_ACTIVITY_TYPES } from '../seed/account';
import type { CrmStore } from '../store';
import { buildProductEvent } from './product-events';
import { putAccount, putAppointment, putContact, putDeal, putSalesActivity, putTask } from '../testing/rows';
import {
  ASHA, MATEO, changeOf, discoveryCall, edited, globexExpansion, globexLtd, janeDoe, kickOff, sendProposal,
} from './test-changes';

let store: CrmStore;
beforeEach(() => {
  store = createAccountStore();
});

const ISO_Z = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/** No {label, type|dom_type, value} wrapper anywhere in a flat record (platform.md §3.6). */
const wrappers = (record: Record<string, unknown>) =>
  Object.entries(record).filter(([, value]) => typeof value === 'object' && value !== null && 'label' in value).map(([name]) => name);

describe('onTaskCreate / onTaskUpdate (platform.md §3.6)', () => {
  it('sends a flat task with text status, ISO due date, CamelCase targetable type and creator_id', () => {
    const contact = putContact(store, janeDoe(store));
    const task = putTask(store, { ...sendProposal(store), targetable_id: contact.id, outcome_id: store.metadata.sales_activity_outcomes[0]?.id ?? null });
    const event = buildProductEvent(store, changeOf({ entity: 'task', after: task }));
    const record = event.data.task as Record<string, unknown>;
    expect(Object.keys(record).sort()).toEqual([
      'completed_date', 'created_at', 'creator_id', 'description', 'due_date', 'id', 'is_deleted', 'outcome_id', 'owner_id',
      'source_additional_info', 'status', 'targetable_id', 'targetable_type', 'task_type_id', 'title', 'updated_at', 'updater_id',
    ]);
    expect(wrappers(record)).toEqual([]);
    expect(record).toMatchObject({
      id: task.id,
      status: 'Open',
      due_date: '2026-03-05T12:00:00Z',
      completed_date: null,
      title: 'Send the proposal',
      targetable_type: 'Contact',
      targetable_id: contact.id,
      creator_id: ASHA.id,
      owner_id: MATEO.id,
      source_additional_info: {},
    });
    expect(record.created_at).toMatch(ISO_Z);
  });

  it('says Completed with a completed date once done', () => {
    const contact = putContact(store, janeDoe(store));
    const task = putTask(store, { ...sendProposal(store), targetable_id: contact.id, status: 1, completed_date: Date.parse('2026-03-02T10:00:00Z') });
    const record = buildProductEvent(store, changeOf({ entity: 'task', after: task })).data.task as Record<string, unknown>;
    expect(record.status).toBe('Completed');
    expect(record.completed_date).toBe('2026-03-02T10:00:00Z');
  });

  it('expands task type, task users, outcome, targetable with mcr_id and the people', () => {
    const contact = putContact(store, janeDoe(store));
    const task = putTask(store, { ...sendProposal(store), targetable_id: contact.id, outcome_id: store.metadata.sales_activity_outcomes[0]?.id ?? null });
    const associations = buildProductEvent(store, changeOf({ entity: 'task', after: task })).data.associations as Record<string, any>;
    expect(Object.keys(associations).sort()).toEqual(['creator', 'outcome', 'owner', 'targetable', 'task_type', 'task_users', 'updater']);
    expect(associations.task_type).toEqual({ name: 'Send proposal', position: 3, sales_activity_type_id: SALES_ACTIVITY_TYPES[3]?.id });
    expect(associations.task_users).toEqual([
      { _association_id: expect.any(Number), user_id: ASHA.id },
      { _association_id: expect.any(Number), user_id: MATEO.id },
    ]);
    expect(new Set(associations.task_users.map((user: any) => user._association_id)).size).toBe(2);
    expect(associations.targetable).toEqual({ id: contact.id, _model: 'Contact', mcr_id: contact.mcr_id });
    expect(associations.outcome).toMatchObject({ name: 'Interested' });
    expect(associations.owner).toMatchObject({ id: MATEO.id, type: 'user' });
  });

  it('targets a deal or an account with their model names', () => {
    const deal = putDeal(store, globexExpansion(store));
    const account = putAccount(store, globexLtd(store));
    const onDeal = putTask(store, { ...sendProposal(store), targetable_type: 'Deal', targetable_id: deal.id });
    const onAccount = putTask(store, { ...sendProposal(store), targetable_type: 'SalesAccount', targetable_id: account.id });
    const targetOf = (task: typeof onDeal) => (buildProductEvent(store, changeOf({ entity: 'task', after: task })).data.associations as any).targetable;
    expect(targetOf(onDeal)).toEqual({ id: deal.id, _model: 'Deal', mcr_id: null });
    expect(targetOf(onAccount)).toEqual({ id: account.id, _model: 'SalesAccount', mcr_id: account.mcr_id });
  });

  it('reports a status change with raw text values', () => {
    const contact = putContact(store, janeDoe(store));
    const task = putTask(store, { ...sendProposal(store), targetable_id: contact.id });
    const done = edited(task, (row) => {
      row.status = 1;
      row.completed_date = Date.parse('2026-03-02T10:30:15Z');
    }, MATEO);
    const event = buildProductEvent(store, changeOf({ entity: 'task', before: task, after: done }, MATEO));
    expect((event.data.changes as any).model_changes).toEqual({
      status: ['Open', 'Completed'],
      completed_date: [null, '2026-03-02T10:30:15Z'],
      updated_at: ['2026-03-01T08:00:00Z', '2026-03-02T10:30:15Z'],
      updater_id: [ASHA.id, MATEO.id],
    });
  });
});

describe('onAppointmentCreate / onAppointmentUpdate (platform.md §3.6)', () => {
  it('sends the listed flat fields and attendees as {_association_id, id, _model}', () => {
    const contact = putContact(store, janeDoe(store));
    const appointment = putAppointment(store, {
      ...kickOff(),
      targetable_type: 'Contact',
      targetable_id: contact.id,
      attendees: [
        { id: store.nextNestedId('attendees'), attendee_type: 'FdMultitenant::User', attendee_id: MATEO.id },
        { id: store.nextNestedId('attendees'), attendee_type: 'Contact', attendee_id: contact.id },
      ],
    });
    const event = buildProductEvent(store, changeOf({ entity: 'appointment', after: appointment }));
    const record = event.data.appointment as Record<string, unknown>;
    expect(Object.keys(record).sort()).toEqual([
      'checkedin_at', 'created_at', 'creator_id', 'description', 'end_date', 'from_date', 'id', 'is_allday', 'is_deleted', 'latitude',
      'location', 'longitude', 'outcome_id', 'targetable_id', 'targetable_type', 'time_zone', 'title', 'updated_at', 'updater_id',
    ]);
    expect(wrappers(record)).toEqual([]);
    expect(record).toMatchObject({ from_date: '2026-03-10T09:00:00Z', end_date: '2026-03-10T10:00:00Z', time_zone: 'Paris', is_allday: false, creator_id: ASHA.id });
    const associations = event.data.associations as Record<string, any>;
    expect(Object.keys(associations).sort()).toEqual(['appointment_attendees', 'creator', 'outcome', 'targetable', 'updater']);
    expect(associations.appointment_attendees).toEqual([
      { _association_id: appointment.attendees[0]?.id, id: MATEO.id, _model: 'User' },
      { _association_id: appointment.attendees[1]?.id, id: contact.id, _model: 'Contact' },
    ]);
    expect(associations.targetable).toEqual({ id: contact.id, _model: 'Contact', mcr_id: contact.mcr_id });
  });

  it('has null targetable fields for an appointment tied to nothing', () => {
    const appointment = putAppointment(store, kickOff());
    const event = buildProductEvent(store, changeOf({ entity: 'appointment', after: appointment }));
    expect(event.data.appointment).toMatchObject({ targetable_id: null, targetable_type: null });
    expect((event.data.associations as any).targetable).toBeNull();
    expect((event.data.associations as any).outcome).toBeNull();
  });
});

describe('onSalesActivityCreate / onSalesActivityUpdate (platform.md §3.6)', () => {
  it('sends the listed flat fields, version 2.0 and brief type/outcome objects', () => {
    const contact = putContact(store, janeDoe(store));
    const outcome = store.metadata.sales_activity_outcomes[0];
    const activity = putSalesActivity(store, { ...discoveryCall(), targetable_id: contact.id, sales_activity_outcome_id: outcome?.id ?? null });
    const event = buildProductEvent(store, changeOf({ entity: 'sales_activity', after: activity }));
    expect(event).toMatchObject({ name: 'onSalesActivityCreate', module: 'sales_activities', version: '2.0' });
    const record = event.data.sales_activity as Record<string, unknown>;
    expect(Object.keys(record).sort()).toEqual([
      'checkedin_at', 'created_at', 'creator_id', 'end_date', 'id', 'import_id', 'is_deleted', 'latitude', 'location', 'longitude',
      'owner_id', 'remote_id', 'sales_activity_outcome_id', 'sales_activity_type_id', 'start_date', 'targetable_id', 'targetable_type',
      'title', 'updated_at', 'updater_id',
    ]);
    expect(wrappers(record)).toEqual([]);
    expect(record).toMatchObject({ start_date: '2026-03-02T09:00:00Z', targetable_type: 'Contact', creator_id: ASHA.id, remote_id: null });
    const associations = event.data.associations as Record<string, any>;
    expect(Object.keys(associations).sort()).toEqual(['creator', 'owner', 'sales_activity_outcome', 'sales_activity_type', 'targetable', 'updater']);
    expect(associations.sales_activity_type).toEqual({ id: SALES_ACTIVITY_TYPES[0]?.id, name: 'Call', position: 1 });
    expect(associations.sales_activity_outcome).toEqual({ id: outcome?.id, name: outcome?.name, position: outcome?.position });
    expect(associations.targetable).toMatchObject({ id: contact.id, _model: 'Contact' });
  });

  it('reports an outcome change under its raw field name', () => {
    const contact = putContact(store, janeDoe(store));
    const activity = putSalesActivity(store, { ...discoveryCall(), targetable_id: contact.id });
    const outcomeId = store.metadata.sales_activity_outcomes[1]?.id ?? null;
    const after = edited(activity, (row) => {
      row.sales_activity_outcome_id = outcomeId;
    });
    const event = buildProductEvent(store, changeOf({ entity: 'sales_activity', before: activity, after }));
    expect((event.data.changes as any).model_changes).toEqual({
      updated_at: ['2026-03-01T08:00:00Z', '2026-03-02T10:30:15Z'],
      sales_activity_outcome_id: [null, outcomeId],
    });
  });
});
