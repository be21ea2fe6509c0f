import { createAccountStore, USERS } from '../seed/account';
import { applyRealProfile } from '../seed/real-profile';
import { startTestCrm, type TestCrm } from '../testing/harness';
import { registerSettings } from './settings';

let crm: TestCrm;
beforeEach(async () => {
  crm = await startTestCrm({ resources: [registerSettings] });
});
afterEach(() => crm.close());

interface Field {
  name: string;
  default: boolean;
  type: string;
  visible: boolean;
  position: number;
  field_group_id?: number;
  choices?: Array<{ id: number | string; value: string } & Record<string, unknown>>;
  field_group?: unknown;
}

const fieldsOf = async (entity: string, query = ''): Promise<Field[]> => (await crm.call('GET', `/settings/${entity}/fields${query}`)).body.fields;

describe('GET /settings/:entity/fields', () => {
  it('answers {fields} for each entity from the field settings, without stand-in-only properties', async () => {
    for (const entity of ['contacts', 'sales_accounts', 'deals', 'sales_activities'] as const) {
      const answer = await crm.call('GET', `/settings/${entity}/fields`);
      expect(answer.status).toBe(200);
      expect(Object.keys(answer.body)).toEqual(['fields']);
      expect(answer.body.fields).toHaveLength(crm.store.fields[entity].length);
      expect(answer.text).not.toContain('"column"');
    }
  });

  it('writes the §6 field shape, built-in vs custom, with mixed choice id types in custom fields only', async () => {
    const fields: Field[] = (await crm.call('GET', '/settings/contacts/fields')).body.fields;
    const lifecycle = fields.find((field) => field.name === 'lifecycle_stage_id');
    expect(lifecycle).toMatchObject({
      label: 'Lifecycle stage', type: 'dropdown', default: true, actionable: true, required: false, visible: true, base_model: 'Contact',
    });
    expect(lifecycle?.choices?.[0]).toEqual({ id: 402009647298, value: 'Lead', position: 1 });
    expect(answerText(fields)).not.toContain('field_group_id');
    const tier = fields.find((field) => field.name === 'cf_tier');
    expect(tier?.default).toBe(false);
    const interests = fields.find((field) => field.name === 'cf_interests');
    const idTypes = new Set(interests?.choices?.map((choice) => typeof choice.id));
    expect(idTypes).toEqual(new Set(['string', 'number']));
    expect(fields.every((field) => field.default === !field.name.startsWith('cf_'))).toBe(true);
    expect(fields.every((field) => !('field_group' in field))).toBe(true);
  });

  it('sends the choice ids of built-in fields as JSON numbers: owners, stages, statuses, currencies, pipelines, industries (§11)', async () => {
    const builtIn = [
      ...(await fieldsOf('contacts')).filter((field) => ['owner_id', 'contact_status_id', 'lifecycle_stage_id'].includes(field.name)),
      ...(await fieldsOf('deals')).filter((field) => ['deal_stage_id', 'deal_pipeline_id', 'currency_id'].includes(field.name)),
      ...(await fieldsOf('sales_accounts')).filter((field) => field.name === 'industry_type_id'),
    ];
    expect(builtIn).toHaveLength(7);
    for (const field of builtIn) expect(field.choices?.map((choice) => typeof choice.id)).toEqual(field.choices?.map(() => 'number'));
    const stage = (await fieldsOf('deals')).find((field) => field.name === 'deal_stage_id')?.choices?.[0];
    expect(stage).toEqual({ id: 402001912038, value: 'New', position: 1, deal_pipeline_id: 402000189098, forecast_type: 'Open' });
  });

  it('gives owner choices is_active and deal_pipeline_id, the inactive owner included', async () => {
    const owners = (await fieldsOf('deals')).find((field) => field.name === 'owner_id')?.choices ?? [];
    expect(owners.map((choice) => choice.id)).toEqual(USERS.map((user) => user.id));
    expect(owners[0]).toEqual({ id: 402000000011, value: 'Asha Rao', position: 1, is_active: true, deal_pipeline_id: 402000189098 });
    expect(owners.find((choice) => choice.value === 'Former Rep')?.is_active).toBe(false);
  });

  it('carries auto_complete extras as stored', async () => {
    const fields: Array<Field & Record<string, unknown>> = (await crm.call('GET', '/settings/contacts/fields')).body.fields;
    expect(fields.find((field) => field.name === 'tags')).toMatchObject({
      type: 'auto_complete', auto_suggest_url: '/crm/sales/tags/autocomplete?entity=Contact', multiple: true, creatable: true,
    });
  });

  it('adds field_group with include=field_group: a group for built-ins, null for custom fields', async () => {
    const fields: Field[] = (await crm.call('GET', '/settings/deals/fields?include=field_group')).body.fields;
    expect(fields.find((field) => field.name === 'name')?.field_group).toEqual({ id: 3, name: 'Basic information', position: 1 });
    expect(fields.find((field) => field.name === 'cf_sales_region')?.field_group).toBeNull();
    expect(fields.every((field) => 'field_group' in field)).toBe(true);
  });

  it('refuses an unknown include and 404s an unknown entity', async () => {
    const include = await crm.call('GET', '/settings/contacts/fields?include=groups');
    expect(include.status).toBe(400);
    expect(include.body).toEqual({ errors: { code: 400, message: ['Invalid include: groups. Allowed: field_group'] } });
    const leads = await crm.call('GET', '/settings/leads/fields');
    expect(leads.status).toBe(404);
    expect(leads.body).toEqual({ errors: { code: 404, message: ['No route matches /settings/leads/fields'] } });
  });

  it('does not let a response change the stored settings', async () => {
    const before = JSON.stringify(crm.store.fields.contacts);
    await crm.call('GET', '/settings/contacts/fields?include=field_group');
    expect(JSON.stringify(crm.store.fields.contacts)).toBe(before);
  });
});

const answerText = (fields: Field[]) => JSON.stringify(fields);

describe('GET /settings/:entity/fields on the real-account profile (§11)', () => {
  let real: TestCrm;
  beforeEach(async () => {
    real = await startTestCrm({ resources: [registerSettings], store: applyRealProfile(createAccountStore()) });
  });
  afterEach(() => real.close());
  const realFields = async (entity: string, query = ''): Promise<Field[]> => (await real.call('GET', `/settings/${entity}/fields${query}`)).body.fields;
  const hidden = (fields: Field[]) => fields.filter((field) => !field.visible).map((field) => field.name);

  it('hides most built-in fields, as one real account did (contacts 40 of 65, deals 25, accounts 26)', async () => {
    const contacts = await realFields('contacts');
    const deals = await realFields('deals');
    const accounts = await realFields('sales_accounts');
    expect([contacts.length, hidden(contacts).length]).toEqual([65, 40]);
    expect(hidden(deals)).toHaveLength(25);
    expect(hidden(accounts)).toHaveLength(26);
    for (const fields of [contacts, deals, accounts]) {
      const builtIn = fields.filter((field) => field.default);
      expect(builtIn.filter((field) => !field.visible).length / builtIn.length).toBeGreaterThan(0.7);
    }
    expect(hidden(contacts)).toContain('job_title');
    expect(hidden(deals)).toEqual(expect.arrayContaining(['expected_close', 'probability']));
    expect(hidden(accounts)).toContain('industry_type_id');
    // Hidden fields keep their choices: ids must still turn into labels.
    expect(accounts.find((field) => field.name === 'industry_type_id')?.choices).toHaveLength(7);
  });

  it('restarts position inside each field group, every field carrying field_group_id', async () => {
    const contacts = await realFields('contacts');
    expect(contacts.every((field) => typeof field.field_group_id === 'number')).toBe(true);
    const groups = [...new Set(contacts.map((field) => field.field_group_id))];
    expect(groups.length).toBeGreaterThan(4);
    for (const group of groups) {
      const positions = contacts.filter((field) => field.field_group_id === group).map((field) => field.position);
      expect(positions).toEqual(positions.map((_position, index) => index + 1));
    }
    expect(new Set(contacts.map((field) => field.position)).size).toBeLessThan(contacts.length / 2);
    const withGroups = await realFields('contacts', '?include=field_group');
    const jobTitle = withGroups.find((field) => field.name === 'job_title');
    expect(jobTitle?.field_group).toEqual({ id: jobTitle?.field_group_id, name: 'Basic information', position: 1 });
    expect(withGroups.find((field) => field.name === 'cf_tier')?.field_group).toMatchObject({ name: 'Additional information' });
    expect(answerText(withGroups)).not.toContain('"group"');
  });

  it('carries the choice extras real settings have', async () => {
    const field = async (entity: string, name: string) => (await realFields(entity)).find((candidate) => candidate.name === name) as Field;
    const choicesOf = async (entity: string, name: string) => (await field(entity, name)).choices ?? [];
    expect((await choicesOf('contacts', 'emails')).map((choice) => choice.value)).toEqual(['Work', 'Personal', 'Other']);
    expect(await field('sales_accounts', 'number_of_employees')).toMatchObject({ type: 'dropdown', visible: false });
    expect((await choicesOf('sales_accounts', 'number_of_employees'))[0]).toMatchObject({ id: expect.any(Number), value: '1-10' });
    expect((await choicesOf('deals', 'deal_stage_id'))[0]).toMatchObject({ choice_type: 5, deal_pipeline_id: 402000189098 });
    expect(await field('deals', 'sales_account_id')).toMatchObject({
      type: 'auto_complete', auto_suggest_url: '/crm/sales/sales_accounts/autocomplete', multiple: false, creatable: true,
    });
    const owners = await choicesOf('deals', 'owner_id');
    expect(owners[0]).toMatchObject({ value: 'Former Rep', is_active: false });
    expect(owners.every((choice) => typeof choice.id === 'number' && 'deal_pipeline_id' in choice)).toBe(true);
  });
});
