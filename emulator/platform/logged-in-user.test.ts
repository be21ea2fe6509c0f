import { registerSelectors } from '../crm/resources/selectors';
import { createAccountStore } from '../crm/seed/account';
import { applyRealProfile } from '../crm/seed/real-profile';
import { startTestCrm, type TestCrm } from '../crm/testing/harness';
import { chooseUser, fetchAccountUsers, loggedInUserJson, type AccountUser } from './logged-in-user';

const user = (id: number, email: string, is_active = true): AccountUser => ({ id, display_name: `User ${id}`, email, is_active });
const USERS = [user(10, 'former@acme.test', false), user(11, 'asha@acme.test'), user(12, 'mateo@acme.test')];

describe('choosing the signed-in user', () => {
  it('takes the first active user, never a deactivated one listed first', () => {
    expect(chooseUser(USERS, 'acme').id).toBe(11);
  });

  it('takes the user an email names, in any case and with stray spaces', () => {
    expect(chooseUser(USERS, 'acme', ' Mateo@ACME.test ').id).toBe(12);
  });

  it('refuses a deactivated user and an unknown email, listing the active users', () => {
    expect(() => chooseUser(USERS, 'https://acme.myfreshworks.com', 'former@acme.test')).toThrow(
      '--user-email former@acme.test is deactivated in https://acme.myfreshworks.com: its active users are asha@acme.test, mateo@acme.test',
    );
    expect(() => chooseUser(USERS, 'acme', 'nobody@acme.test')).toThrow('--user-email nobody@acme.test is not a user of acme: its active users are');
  });

  it('refuses an account without an active user', () => {
    expect(() => chooseUser([USERS[0] as AccountUser], 'acme')).toThrow('acme has no active user to sign in as');
    expect(() => chooseUser([USERS[0] as AccountUser], 'acme', 'former@acme.test')).toThrow('it has no active user');
  });

  it('writes loggedInUser with what the owners list lacks filled in', () => {
    expect(loggedInUserJson(user(11, 'asha@acme.test'), '42')).toEqual({
      id: 11, display_name: 'User 11', email: 'asha@acme.test', is_active: true, work_number: null, mobile_number: null, job_title: null,
      language: 'en', time_zone: 'UTC', deal_pipeline_id: null, account_id: '42', abilities: [], territory_ids: [],
    });
  });
});

describe('reading the users of a Freshsales-compatible server', () => {
  let crm: TestCrm;
  beforeEach(async () => {
    crm = await startTestCrm({ resources: [registerSelectors], store: applyRealProfile(createAccountStore()) });
  });
  afterEach(() => crm.close());

  it('reads GET /selector/owners with the API key, from a base with or without /crm/sales/api', async () => {
    const users = await fetchAccountUsers(crm.server.url, crm.server.apiKey);
    expect(users.map((entry) => entry.email)).toEqual(crm.store.users.map((entry) => entry.email));
    expect(chooseUser(users, crm.server.url).email).toBe('asha@demo-crm.test');
    expect(await fetchAccountUsers(`${crm.server.apiBase}/`, crm.server.apiKey)).toEqual(users);
  });

  it('says which URL failed, for a wrong key and for a server that is not there', async () => {
    await expect(fetchAccountUsers(crm.server.url, 'wrong-key')).rejects.toThrow(
      `Could not read the users of ${crm.server.apiBase}/selector/owners: it answered 401 without a "users" list`,
    );
    await expect(fetchAccountUsers('http://127.0.0.1:9', 'key')).rejects.toThrow('Could not read the users of http://127.0.0.1:9/crm/sales/api/selector/owners: ');
  });
});
