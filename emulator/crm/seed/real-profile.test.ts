import { stringify } from '../http/json';
import { formatTimestamp } from '../format';
import { createSeededStore, seedLandmarks } from './index';
import { REAL_PROFILE_TIME_ZONE } from './real-profile';

const real = createSeededStore(1, { profile: 'real' });
const standard = createSeededStore(1);

describe('the real-account profile of the seeded demo account', () => {
  it('marks the account and writes in Europe/Berlin by default, another zone when asked', () => {
    expect(real.account).toMatchObject({ profile: 'real', timeZone: REAL_PROFILE_TIME_ZONE });
    expect(standard.account).toMatchObject({ profile: 'default', timeZone: 'Asia/Kolkata' });
    expect(createSeededStore(1, { profile: 'real', timeZone: 'America/Chicago' }).account.timeZone).toBe('America/Chicago');
  });

  it('seeds the same records and landmarks as the default profile, accounts aside', () => {
    expect(seedLandmarks(real)).toEqual(seedLandmarks(standard));
    expect(real.sales_accounts.everything().map((row) => row.id)).toEqual(standard.sales_accounts.everything().map((row) => row.id));
    // Due dates and close dates fall on the days of another zone; contacts and notes do not move.
    expect(stringify(real.contacts.everything())).toBe(stringify(standard.contacts.everything()));
    expect(stringify(real.notes.everything())).toBe(stringify(standard.notes.everything()));
    expect(real.deals.all().map((row) => [row.id, row.name, row.amount])).toEqual(standard.deals.all().map((row) => [row.id, row.name, row.amount]));
  });

  it('holds timestamps of both Berlin offsets among its records', () => {
    const offsets = new Set(real.contacts.all().map((row) => formatTimestamp(row.created_at, real.account.timeZone).slice(-6)));
    expect(offsets).toEqual(new Set(['+01:00', '+02:00']));
  });

  it('stores employee counts as the choice ids of the number_of_employees dropdown', () => {
    const choices = real.fields.sales_accounts.find((candidate) => candidate.name === 'number_of_employees')?.choices ?? [];
    const choiceIds = new Set(choices.map((choice) => choice.id));
    const counts = real.sales_accounts.everything().map((row) => row.number_of_employees).filter((value) => value !== null);
    expect(counts.length).toBeGreaterThan(0);
    expect(counts.every((value) => choiceIds.has(value))).toBe(true);
    const isSmall = (count: number | null) => count !== null && count <= 10;
    const small = standard.sales_accounts.everything().find((row) => isSmall(row.number_of_employees)) as { id: number };
    expect(real.sales_accounts.raw(small.id)?.number_of_employees).toBe(choices[0]?.id);
  });

  it('lists a deactivated owner first, keeping every user', () => {
    expect(real.users[0]).toMatchObject({ display_name: 'Former Rep', is_active: false });
    expect(real.users.map((user) => user.id).sort()).toEqual(standard.users.map((user) => user.id).sort());
    expect(real.apiKeys).toEqual(standard.apiKeys);
  });
});
