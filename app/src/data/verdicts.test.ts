import { contactData as contactFixture, dealData as dealFixture, deal, task } from '../test/section-fixtures';
import { fieldOf } from '../test/fields';
import { appearsVerdict, fieldVerdict, linkVerdict, sameStoredValue, stageVerdict, taskDoneVerdict } from './verdicts';

describe('sameStoredValue', () => {
  it('compares what the CRM echoes with what was sent', () => {
    expect(sameStoredValue('5600.0', '5600')).toBe(true);
    expect(sameStoredValue(12500.5, '12500.50')).toBe(true);
    expect(sameStoredValue(402000000011, '402000000011')).toBe(true);
    expect(sameStoredValue(null, '')).toBe(true);
    expect(sameStoredValue({}, undefined)).toBe(true);
    expect(sameStoredValue('100', '10')).toBe(false);
    expect(sameStoredValue(true, 'true')).toBe(true);
  });
});

describe('verdicts on a freshly read record', () => {
  const contact = contactFixture();

  it('a field: applied, not applied, or changed by someone else', () => {
    const field = fieldOf('decimal', { name: 'cf_budget', custom: true });
    const withBudget = (value: string) => ({ ...contact, record: { ...contact.record, custom_field: { cf_budget: value } } });
    const verdict = fieldVerdict<'contact'>(field, '12500.50', '100.0');
    expect(verdict(withBudget('12500.5'))).toBe(true);
    expect(verdict(withBudget('100'))).toBe(false);
    expect(verdict(withBudget('7'))).toBeUndefined();
  });

  it('a stage move, on the open deal or a listed one', () => {
    const moved = deal({ id: 1, name: 'A', deal_stage_id: 10 });
    const verdict = stageVerdict<'contact'>(moved, 20);
    expect(verdict({ ...contact, deals: [{ ...moved, deal_stage_id: 20 }] })).toBe(true);
    expect(verdict({ ...contact, deals: [moved] })).toBe(false);
    expect(verdict({ ...contact, deals: [] })).toBeUndefined();
    const open = dealFixture();
    expect(stageVerdict<'deal'>(open.record, 30)({ ...open, record: { ...open.record, deal_stage_id: 30 } })).toBe(true);
  });

  it('a completed task, which may no longer be listed', () => {
    const open = task({ id: 5, title: 'Call' });
    const verdict = taskDoneVerdict<'contact'>(open);
    expect(verdict({ ...contact, tasks: [{ ...open, status: 1 }] })).toBe(true);
    expect(verdict({ ...contact, tasks: [open] })).toBe(false);
    expect(verdict({ ...contact, tasks: [] })).toBeUndefined();
    expect(verdict({ ...contact, tasks: null })).toBeUndefined();
  });

  it('a created row: found only if it was not there before', () => {
    const before = [task({ id: 1, title: 'Call' })];
    const verdict = appearsVerdict<'contact', ReturnType<typeof task>>((data) => data.tasks, before, (row) => row.title === 'Call');
    expect(verdict({ ...contact, tasks: before })).toBeUndefined();
    expect(verdict({ ...contact, tasks: [...before, task({ id: 2, title: 'Call' })] })).toBe(true);
    expect(verdict({ ...contact, tasks: null })).toBeUndefined();
  });

  it('a contact linked to or removed from the deal', () => {
    const open = dealFixture();
    const linkedId = open.contacts[0]?.id ?? 0;
    expect(linkVerdict<'deal'>(linkedId, true)(open)).toBe(true);
    expect(linkVerdict<'deal'>(linkedId, false)(open)).toBe(false);
    expect(linkVerdict<'deal'>(-5, false)(open)).toBe(true);
  });
});
