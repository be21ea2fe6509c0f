import { activityOutcomesBody, activityTypesBody, OPS, salesActivity } from '../test/operation-fixtures';
import { activitiesNewestFirst, activityKind, activityTypes, isActivityOf } from './activity-writes';

const TYPES = activityTypes(activityTypesBody(), activityOutcomesBody());

describe('activity helpers', () => {
  it('names an activity by type and outcome, by type alone, or not at all', () => {
    expect(activityKind(salesActivity(), TYPES)).toBe('Call · Interested');
    expect(activityKind(salesActivity({ sales_activity_outcome_id: null }), TYPES)).toBe('Call');
    expect(activityKind(salesActivity({ sales_activity_type_id: 1 }), TYPES)).toBe('');
  });

  it('tells the record\'s activities by target, on any of the three kinds of record', () => {
    expect(isActivityOf(salesActivity(), 'contact', salesActivity().targetable_id)).toBe(true);
    expect(isActivityOf(salesActivity(), 'deal', salesActivity().targetable_id)).toBe(false);
    const onAccount = salesActivity({ targetable_type: 'SalesAccount', targetable_id: 7, targetables: [] });
    expect(isActivityOf(onAccount, 'sales_account', 7)).toBe(true);
    expect(isActivityOf(salesActivity({ targetable_type: undefined, targetable_id: undefined, targetables: [{ id: 8, type: 'Deal' }] }), 'deal', 8)).toBe(true);
  });

  it('orders activities newest first, unreadable starts last', () => {
    const rows = [salesActivity({ id: 1, start_date: '2026-01-01T10:00:00Z' }), salesActivity({ id: 2, start_date: 'soon' }), salesActivity({ id: 3, start_date: '2026-03-01T10:00:00Z' })];
    expect(activitiesNewestFirst(rows).map((row) => row.id)).toEqual([3, 1, 2]);
    expect(TYPES.map((type) => type.id)).toEqual([OPS.call, OPS.meeting, OPS.demo]);
  });
});
