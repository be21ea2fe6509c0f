import { ManualClock } from '../../clock';
import type { ContactRow } from '../model/types';
import { createAccountStore, USERS } from '../seed/account';
import { ID_BASES, type CrmStore } from '../store';
import { startTestCrm, type TestCrm } from '../testing/harness';
import { putContact, putDeal, storeState } from '../testing/rows';
import { registerPhoneCalls } from './phone-calls';

const ASHA = USERS[0]?.id as number;
const LEFT_VOICEMAIL = 402002091457; // a Call outcome
const POSITIVE = 402002091459; // a Meeting outcome

let crm: TestCrm;
let store: CrmStore;
let lena: ContactRow;

beforeEach(async () => {
  store = createAccountStore();
  lena = putContact(store, { first_name: 'Lena' });
  crm = await startTestCrm({ resources: [registerPhoneCalls], store, clock: new ManualClock('2026-11-02T09:00:00Z') });
});
afterEach(() => crm.close());

const error400 = (...message: string[]) => ({ errors: { code: 400, message } });

const logged = (extra: Record<string, unknown> = {}) => ({
  phone_call: { call_direction: true, targetable_type: 'Contact', targetable_id: lena.id, note: 'Left a message', ...extra },
});

describe('POST /phone_calls', () => {
  it('logs a call and answers 201 with the phone_call', async () => {
    const answer = await crm.call('POST', '/phone_calls', logged({ outcome_id: LEFT_VOICEMAIL, call_duration: 95 }));
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({
      phone_call: {
        id: ID_BASES.phone_calls, call_direction: true, note: 'Left a message', outcome_id: LEFT_VOICEMAIL,
        call_duration: 95, recording_url: null, user_id: ASHA, targetables: [{ id: lena.id, type: 'Contact' }],
        created_at: '2026-11-02T14:30:00+05:30', updated_at: '2026-11-02T14:30:00+05:30',
      },
    });
    expect(store.phone_calls.all()).toHaveLength(1);
    // A logged call is not one of the product events the feed sends.
    expect(crm.server.feed.recent()).toHaveLength(0);
  });

  it('takes an unwrapped body and an incoming call on a deal', async () => {
    const deal = putDeal(store, { name: 'Renewal' });
    const answer = await crm.call('POST', '/phone_calls', { call_direction: false, targetable_type: 'Deal', targetable_id: String(deal.id) });
    expect(answer.status).toBe(201);
    expect(answer.body.phone_call).toMatchObject({ call_direction: false, note: null, targetables: [{ id: deal.id, type: 'Deal' }] });
  });

  it.each([
    ['no direction', { call_direction: undefined }, error400("Call direction can't be blank")],
    ['a direction as text', { call_direction: 'outgoing' }, error400('Call direction must be true or false')],
    ['an outcome of another type', { outcome_id: POSITIVE }, error400('Outcome is invalid')],
    ['a negative duration', { call_duration: -1 }, error400('Call duration must be greater than or equal to 0')],
    ['a fractional duration', { call_duration: 1.5 }, error400('Call duration is not a number')],
    ['an unknown field', { phone_number: '+1 555 0100' }, error400("Unknown attribute 'phone_number'")],
    ['no target', { targetable_type: undefined, targetable_id: undefined }, error400("Targetable type can't be blank", "Targetable can't be blank")],
    ['a missing target', { targetable_id: 402000999999 }, error400('Targetable must exist (no Contact with id 402000999999)')],
  ])('refuses %s with 400 and stores nothing', async (_name, extra, expected) => {
    const before = storeState(store);
    const answer = await crm.call('POST', '/phone_calls', logged(extra));
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual(expected);
    expect(storeState(store)).toEqual(before);
  });

  it('serves only the create', async () => {
    expect((await crm.call('GET', '/phone_calls')).status).toBe(405);
    expect((await crm.call('GET', `/phone_calls/${ID_BASES.phone_calls}`)).status).toBe(404);
  });
});
