import { accountViewSchema, contactViewSchema, dealViewSchema, type Deal } from '../../../common/crm/records';
import { toFieldDefs, type FieldDef } from '../model/fields';
import { accountViewBody, contactFieldSettings, contactViewBody, dealFieldSettings, dealViewBody, IDS } from '../test/crm-fixtures';
import { accountData, contactData, dealData } from './load';
import {
  contactBody,
  dealBody,
  dueTimestamp,
  fieldBody,
  fieldValueOf,
  findDeal,
  noteBody,
  recordFields,
  replaceDeal,
  taskBody,
  temporaryId,
  withField,
  withTasks,
} from './writes';

const contactFields = toFieldDefs(contactFieldSettings().fields);
const dealFields = toFieldDefs(dealFieldSettings().fields);
const field = (fields: FieldDef[], name: string): FieldDef => {
  const found = fields.find((candidate) => candidate.name === name);
  if (found === undefined) throw new Error(`no field ${name}`);
  return found;
};

const contact = () => contactData(contactViewSchema.parse(contactViewBody()), contactFields, dealFields);
const deal = () => dealData(dealViewSchema.parse(dealViewBody()), dealFields, true);
const account = () => accountData(accountViewSchema.parse(accountViewBody()), [], dealFields);

describe('fieldBody', () => {
  it('puts a built-in field under the record key', () => {
    expect(fieldBody('contact', field(contactFields, 'job_title'), 'CFO')).toEqual({ contact: { job_title: 'CFO' } });
    expect(fieldBody('deal', field(dealFields, 'owner_id'), IDS.asha)).toEqual({ deal: { owner_id: IDS.asha } });
  });

  it('puts a custom field under custom_field', () => {
    expect(fieldBody('contact', field(contactFields, 'cf_tier'), 'Gold')).toEqual({ contact: { custom_field: { cf_tier: 'Gold' } } });
    expect(fieldBody('sales_account', { name: 'cf_segment', label: 'Segment', kind: 'dropdown', required: false, custom: true, choices: [] }, null)).toEqual({
      sales_account: { custom_field: { cf_segment: null } },
    });
  });
});

describe('withField and fieldValueOf', () => {
  it('sets a built-in field and reads it back', () => {
    const record = withField(contact().record, field(contactFields, 'job_title'), 'CFO');
    expect(record.job_title).toBe('CFO');
    expect(fieldValueOf(record, field(contactFields, 'job_title'))).toBe('CFO');
  });

  it('keeps the display name in step with the first and last names', () => {
    const renamed = withField(contact().record, field(contactFields, 'first_name'), 'Sara');
    expect(renamed.display_name).toBe('Sara Thompson');
    const noLast = withField(renamed, field(contactFields, 'last_name'), null);
    expect(noLast.display_name).toBe('Sara');
    const blankFirst = withField(noLast, field(contactFields, 'first_name'), '');
    expect(blankFirst.display_name).toBe('');
  });

  it('leaves the display name alone for other fields', () => {
    expect(withField(contact().record, field(contactFields, 'job_title'), 'CFO').display_name).toBe('Sarah Thompson');
  });

  it('sets a custom field inside custom_field, keeping the others', () => {
    const record = withField(contact().record, field(contactFields, 'cf_tier'), 'Gold');
    expect(record.custom_field).toEqual({ cf_tier: 'Gold', cf_interests: 'Analytics;Integrations', cf_newsletter: true, cf_budget: '465500.0' });
    expect(fieldValueOf(record, field(contactFields, 'cf_tier'))).toBe('Gold');
  });

  it('creates custom_field when the record has none', () => {
    const bare: Deal = { id: 1, name: 'Bare' };
    const record = withField(bare, field(dealFields, 'cf_sales_region'), 'Europe');
    expect(record.custom_field).toEqual({ cf_sales_region: 'Europe' });
  });

  it('reads an absent value as null', () => {
    expect(fieldValueOf({ id: 1, name: 'Bare' }, field(dealFields, 'cf_sales_region'))).toBeNull();
    expect(fieldValueOf({ id: 1, name: 'Bare' }, field(dealFields, 'expected_close'))).toBeNull();
  });

  it('does not change the record it was given', () => {
    const before = contact().record;
    const copy = JSON.parse(JSON.stringify(before)) as typeof before;
    withField(before, field(contactFields, 'cf_tier'), 'Gold');
    withField(before, field(contactFields, 'first_name'), 'X');
    expect(before).toEqual(copy);
  });
});

describe('dueTimestamp', () => {
  it('is 17:00 on the day with the browser zone\'s offset for that day', () => {
    const stamp = dueTimestamp('2026-12-01');
    expect(stamp).toMatch(/^2026-12-01T17:00:00[+-]\d{2}:\d{2}$/);
    // The offset names the same instant as 17:00 local time.
    expect(new Date(stamp).getTime()).toBe(new Date(2026, 11, 1, 17, 0, 0).getTime());
  });

  it.each([
    [-330, '+05:30'],
    [-345, '+05:45'],
    [0, '+00:00'],
    [300, '-05:00'],
    [210, '-03:30'],
  ])('writes a zone offset of %i minutes as %s', (timezoneOffset, written) => {
    const spy = jest.spyOn(Date.prototype, 'getTimezoneOffset').mockReturnValue(timezoneOffset);
    try {
      expect(dueTimestamp('2026-01-15')).toBe(`2026-01-15T17:00:00${written}`);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('taskBody and noteBody', () => {
  it('targets the open record with the CamelCase type the CRM expects', () => {
    const body = taskBody('sales_account', IDS.primaryAccount, { title: 'Send contract', dueDate: '2026-12-01', ownerId: IDS.asha });
    expect(body).toEqual({
      task: {
        title: 'Send contract',
        due_date: dueTimestamp('2026-12-01'),
        owner_id: IDS.asha,
        targetable_type: 'SalesAccount',
        targetable_id: IDS.primaryAccount,
      },
    });
    expect(taskBody('contact', 1, { title: 't', dueDate: '2026-12-01', ownerId: 2 })).toMatchObject({ task: { targetable_type: 'Contact' } });
  });

  it('writes a note as its description on the record', () => {
    expect(noteBody('deal', IDS.deal, 'Called, left a message')).toEqual({
      note: { description: 'Called, left a message', targetable_type: 'Deal', targetable_id: IDS.deal },
    });
  });
});

describe('recordFields', () => {
  it('splits built-in and custom fields and drops empty values', () => {
    const values = { name: 'Expansion', amount: 5000, cf_sales_region: 'Europe', expected_close: '', owner_id: null, cf_signed_nda: false };
    expect(recordFields(dealFields, values)).toEqual({
      name: 'Expansion',
      amount: 5000,
      custom_field: { cf_sales_region: 'Europe', cf_signed_nda: false },
    });
  });

  it('has no custom_field key without custom values', () => {
    expect(recordFields(dealFields, { name: 'Plain', cf_sales_region: undefined })).toEqual({ name: 'Plain' });
  });

  it('sends names it does not know as built-in fields', () => {
    expect(recordFields([], { first_name: 'Nia', emails: 'nia@example.test' })).toEqual({ first_name: 'Nia', emails: 'nia@example.test' });
  });
});

describe('dealBody and contactBody', () => {
  it('links a contact\'s new deal to the contact and its primary account', () => {
    expect(dealBody(contact(), { name: 'Expansion' })).toEqual({
      deal: { name: 'Expansion', contacts_added_list: [IDS.contact], sales_account_id: IDS.primaryAccount },
    });
  });

  it('uses the first account when none is primary, and none when there are none', () => {
    const data = contact();
    const noPrimary = { ...data, accounts: [{ id: 5, name: 'Five', isPrimary: false }] };
    expect(dealBody(noPrimary, { name: 'x' })).toEqual({ deal: { name: 'x', contacts_added_list: [IDS.contact], sales_account_id: 5 } });
    expect(dealBody({ ...data, accounts: [] }, { name: 'x' })).toEqual({ deal: { name: 'x', contacts_added_list: [IDS.contact] } });
  });

  it('links an account\'s new deal to the account', () => {
    expect(dealBody(account(), { name: 'Renewal', custom_field: { cf_sales_region: 'Europe' } })).toEqual({
      deal: { name: 'Renewal', custom_field: { cf_sales_region: 'Europe' }, sales_account_id: IDS.primaryAccount },
    });
  });

  it('makes the open account the new contact\'s primary account', () => {
    expect(contactBody(IDS.primaryAccount, { first_name: 'Nia', last_name: 'Okafor' })).toEqual({
      contact: { first_name: 'Nia', last_name: 'Okafor', sales_accounts: [{ id: IDS.primaryAccount, is_primary: true }] },
    });
  });
});

describe('optimistic changes', () => {
  it('replaces the open deal or a related one, merging the CRM\'s fields', () => {
    const open = deal();
    const moved = replaceDeal(open, { id: IDS.deal, name: open.record.name, deal_stage_id: IDS.stageDemo, probability: 50 });
    expect(moved.record).toMatchObject({ deal_stage_id: IDS.stageDemo, probability: 50, amount: '1094250.0' });
    expect(replaceDeal(open, { id: 1, name: 'Other' })).toBe(open);

    const withDeals = contact();
    const changed = replaceDeal(withDeals, { id: IDS.relatedDeal, name: 'Renamed' }) as typeof withDeals;
    expect(changed.deals.map((row) => row.name)).toEqual([withDeals.deals[0]?.name, 'Renamed']);
    expect(changed.deals[1]?.amount).toBe('2200.5');
  });

  it('finds a deal in the open deal or the related deals', () => {
    expect(findDeal(deal(), IDS.deal)?.id).toBe(IDS.deal);
    expect(findDeal(deal(), IDS.relatedDeal)).toBeUndefined();
    expect(findDeal(account(), IDS.relatedDeal)?.probability).toBe(100);
    expect(findDeal(account(), 1)).toBeUndefined();
  });

  it('changes the tasks only when they were loaded', () => {
    const data = contact();
    expect(withTasks(data, () => []).tasks).toEqual([]);
    const withoutActivities = dealData(dealViewSchema.parse(dealViewBody()), dealFields, false);
    expect(withTasks(withoutActivities, () => [])).toBe(withoutActivities);
  });

  it('hands out negative temporary ids that never repeat', () => {
    const ids = [temporaryId(), temporaryId(), temporaryId()];
    ids.forEach((id) => expect(id).toBeLessThan(0));
    expect(new Set(ids).size).toBe(3);
  });
});
