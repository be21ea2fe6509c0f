import { created, json, rejection, script, testHost } from '../../../testing/host';
import { queuedJob, runContext, runJobTo } from '../../../testing/jobs';

import { companyDomain, contactPatch, emailChanges, phoneChanges, type HygieneInput } from './contact-hygiene';

const CLEAN: HygieneInput = {
  contactId: 402000000901,
  name: 'Lena Ortiz',
  ownerId: 402000000011,
  emails: [{ id: 402000009001, value: 'lena@acme.test', is_primary: true }],
  workEmail: null,
  mobile: '+15555550123',
  work: null,
  country: 'USA',
  defaultCountry: null,
  hasAccount: true,
  at: Date.parse('2026-12-02T09:00:00Z'),
};

const none = () => json(200, { contacts: [], meta: { total: 0 } });
const noAccounts = () => json(200, { sales_accounts: [], meta: { total: 0 } });

async function run(test: ReturnType<typeof testHost>, input: HygieneInput) {
  const context = runContext(test);
  await context.budget.reserve(30);
  return runJobTo(await queuedJob(test, 'contact_hygiene', `ch:${input.contactId}`, input), context);
}

describe('what a new contact needs', () => {
  it('nothing for a clean contact', () => {
    expect(contactPatch(CLEAN, {})).toEqual({});
  });

  it('emails trimmed and lower-cased, ids and the primary kept', () => {
    const input = { ...CLEAN, emails: [{ id: 1, value: ' Lena@ACME.test ', is_primary: true }, { id: null, value: 'lena.o@example.org', is_primary: false }], workEmail: 'LENA@Work.Test' };
    expect(emailChanges(input)).toEqual({
      emails: [{ id: 1, value: 'lena@acme.test', is_primary: true }, { value: 'lena.o@example.org', is_primary: false }],
      work_email: 'lena@work.test',
    });
  });

  it.each([
    ['a national US number with the country typed as USA', { mobile: '(415) 555-2671', country: 'USA' }, { mobile_number: '+14155552671' }],
    ['a German number, country by name', { mobile: '0151 23456789', country: 'Germany' }, { mobile_number: '+4915123456789' }],
    ['the admin’s default country when the contact has none', { mobile: '0151 23456789', country: null, defaultCountry: 'DE' }, { mobile_number: '+4915123456789' }],
    ['an international number written with spaces, country unknown', { mobile: '+44 20 7946 0958', country: 'Atlantis' }, { mobile_number: '+442079460958' }],
    ['a national number whose country is unknown: left as typed', { mobile: '0151 23456789', country: null }, {}],
    ['an invalid number: left as typed', { mobile: '12', country: 'US' }, {}],
    ['work number too', { mobile: null, work: '030 901820', country: 'DE' }, { work_number: '+4930901820' }],
  ])('phones: %s', (_case, change, expected) => {
    expect(phoneChanges({ ...CLEAN, ...change })).toEqual(expected);
  });

  it.each([
    ['lena@acme.test', 'acme.test'],
    ['LENA@Acme.Test', 'acme.test'],
    ['lena@gmail.com', undefined],
    ['lena@outlook.com', undefined],
    ['not an email', undefined],
  ])('the company domain of %s is %s', (value, domain) => {
    expect(companyDomain({ ...CLEAN, emails: [{ id: 1, value, is_primary: true }] })).toBe(domain);
  });
});

describe('contact hygiene', () => {
  it('a clean contact with an account is looked up for duplicates and never written', async () => {
    const test = testHost(script({ filterContacts: none }));
    const item = await run(test, CLEAN);
    expect(item.status).toBe('done');
    expect(test.calls().map((call) => call.name)).toEqual(['filterContacts', 'filterContacts']);
    expect(test.calls('filterContacts').map((call) => call.body.filter_rule)).toEqual([
      [{ attribute: 'contact_email.email', operator: 'is_in', value: ['lena@acme.test'] }],
      [{ attribute: 'mobile_number', operator: 'is_in', value: ['+15555550123'] }],
    ]);
    expect(item.log.find((entry) => entry.step === 'update')).toMatchObject({ outcome: 'skipped', answer: 'nothing to change' });
  });

  it('tidies the contact and links the account whose website has its email domain, in one update', async () => {
    const accounts = () => json(200, { sales_accounts: [{ id: 402000200311, name: 'Acme', website: 'https://www.acme.test/' }] });
    const test = testHost(script({ filterContacts: none, filterAccounts: accounts, updateContact: () => json(200, { contact: { id: CLEAN.contactId } }) }));
    const input = { ...CLEAN, emails: [{ id: 7, value: 'Lena@Acme.TEST', is_primary: true }], mobile: '(415) 555-2671', hasAccount: false };
    const item = await run(test, input);
    expect(item.status).toBe('done');
    expect(test.calls('filterAccounts')[0]?.body.filter_rule[0]).toMatchObject({ attribute: 'website', operator: 'is_in', value: expect.arrayContaining(['acme.test', 'www.acme.test', 'https://www.acme.test/']) });
    expect(test.calls('updateContact')).toEqual([
      {
        name: 'updateContact',
        context: { id: CLEAN.contactId },
        body: { contact: { emails: [{ id: 7, value: 'lena@acme.test', is_primary: true }], mobile_number: '+14155552671', sales_accounts: [{ id: 402000200311, is_primary: true }] } },
      },
    ]);
  });

  it('never looks for an account for free mail, and does not link when several accounts share the domain', async () => {
    const free = testHost(script({ filterContacts: none }));
    await run(free, { ...CLEAN, emails: [{ id: 1, value: 'lena@gmail.com', is_primary: true }], hasAccount: false });
    expect(free.calls('filterAccounts')).toEqual([]);
    const two = () => json(200, { sales_accounts: [{ id: 1, name: 'Acme', website: 'acme.test' }, { id: 2, name: 'Acme EU', website: 'www.acme.test' }] });
    const test = testHost(script({ filterContacts: none, filterAccounts: two }));
    const item = await run(test, { ...CLEAN, hasAccount: false });
    expect(test.calls('updateContact')).toEqual([]);
    expect(item.log.find((entry) => entry.step === 'account')?.answer).toBe('2 accounts have the website acme.test: not linking');
  });

  it('flags likely duplicates with a note and a task for the owner, each other contact once', async () => {
    const byEmail = () => json(200, { contacts: [{ id: CLEAN.contactId, display_name: 'Lena Ortiz' }, { id: 402000000501, display_name: 'Lena O.' }] });
    const byMobile = () => json(200, { contacts: [{ id: 402000000501, display_name: 'Lena O.' }, { id: 402000000777, first_name: 'L.', last_name: 'Ortiz' }] });
    const test = testHost(script({ filterContacts: (options, call) => (call === 1 ? byEmail() : byMobile()), createNote: created('note'), createTask: created('task') }));
    const item = await run(test, CLEAN);
    expect(item.status).toBe('done');
    const note: string = test.calls('createNote')[0]?.body.note.description;
    expect(note).toBe('Possible duplicate contact. Companion for Freshsales found:\n- Lena O. (id 402000000501): same email\n- L. Ortiz (id 402000000777): same mobile number\nIf they are the same person, merge them in Freshsales.');
    expect(test.calls('createNote')[0]?.body.note).toMatchObject({ targetable_type: 'Contact', targetable_id: CLEAN.contactId });
    expect(test.calls('createTask')[0]?.body.task).toMatchObject({ title: 'Review possible duplicate: Lena Ortiz', owner_id: CLEAN.ownerId, targetable_type: 'Contact', targetable_id: CLEAN.contactId, due_date: '2026-12-03T09:00:00.000Z' });
  });

  it('skips the mobile check when Freshsales refuses the phone filter, and says why', async () => {
    const test = testHost(script({ filterContacts: (options, call) => (call === 1 ? none() : rejection(400, 'APP', '{"errors":{"code":400,"message":["Unknown attribute mobile_number"]}}')) }));
    const item = await run(test, CLEAN);
    expect(item.status).toBe('done');
    expect(item.log.find((entry) => entry.step === 'duplicates:mobile')).toMatchObject({ outcome: 'skipped', answer: expect.stringContaining('search by mobile number unavailable') });
  });

  it('a contact without email or mobile makes no search at all', async () => {
    const test = testHost(script({ filterAccounts: noAccounts }));
    const item = await run(test, { ...CLEAN, emails: [], mobile: null });
    expect(item.status).toBe('done');
    expect(test.invokeTemplate).not.toHaveBeenCalled();
  });
});
