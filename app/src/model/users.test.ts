import { fieldSettingsSchema } from '../../../common/crm/records';
import { REAL, realContactSettings, realDealSettings } from '../test/real-settings';
import { fieldByName, toFieldDefs } from './fields';
import { userName } from './related';
import { knownUsers, retireInactiveOwners } from './users';

const defsOf = (fields: Array<Record<string, unknown>>) => toFieldDefs(fieldSettingsSchema.parse({ fields }).fields);

describe('knownUsers (A4)', () => {
  it('names users from the cached owner choices when the answer side-loads none', () => {
    const users = knownUsers([], [defsOf(realContactSettings())]);
    expect(userName(users, REAL.asha)).toBe('Asha Rao');
    // A note by a rep who has left still shows their name.
    expect(userName(users, REAL.former)).toBe('Former Rep');
    expect(users.find((user) => user.id === REAL.former)?.is_active).toBe(false);
    expect(userName(users, 31000000099)).toBe('Unknown user');
  });

  it('prefers the side-loaded user and lists every id once across field sets', () => {
    const sideLoaded = [{ id: REAL.asha, display_name: 'Asha R. (side-loaded)', email: 'asha@example.test', is_active: true }];
    const users = knownUsers(sideLoaded, [defsOf(realContactSettings()), defsOf(realDealSettings())]);
    expect(users.map((user) => user.display_name)).toEqual(['Asha R. (side-loaded)', 'Former Rep']);
  });

  it('skips owner choices whose id is not a number', () => {
    const fields = toFieldDefs([{ name: 'owner_id', label: 'Owner', type: 'dropdown', choices: [{ id: 'me', value: 'Me' }] }]);
    expect(knownUsers([], [fields])).toEqual([]);
  });
});

describe('retireInactiveOwners', () => {
  const fields = toFieldDefs([
    { name: 'owner_id', label: 'Owner', type: 'dropdown', choices: [{ id: '1', value: 'Active' }, { id: 2, value: 'Left' }] },
    { name: 'name', label: 'Name', type: 'text' },
  ]);

  it('takes owners a side-loaded user marks inactive out of the offered choices', () => {
    const retired = retireInactiveOwners(fields, [{ id: 2, display_name: 'Left', is_active: false }]);
    const owner = fieldByName(retired, 'owner_id');
    expect(owner?.choices.map((choice) => choice.label)).toEqual(['Active']);
    expect(owner?.inactiveChoices?.map((choice) => choice.label)).toEqual(['Left']);
    expect(fieldByName(retired, 'name')).toBe(fieldByName(fields, 'name'));
  });

  it('changes nothing when no side-loaded user is inactive', () => {
    expect(retireInactiveOwners(fields, [{ id: 2, display_name: 'Left', is_active: true }])).toBe(fields);
    expect(retireInactiveOwners(fields, [{ id: 9, display_name: 'Other', is_active: false }])[0]).toBe(fields[0]);
  });
});
