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
  choices?: Array<{ id: number | string; value: string }>;
  field_group?: unknown;
}

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

  it('writes the §6 field shape, built-in vs custom, with mixed choice id types', async () => {
    const fields: Field[] = (await crm.call('GET', '/settings/contacts/fields')).body.fields;
    const lifecycle = fields.find((field) => field.name === 'lifecycle_stage_id');
    expect(lifecycle).toMatchObject({
      label: 'Lifecycle stage', type: 'dropdown', default: true, actionable: true, required: false, visible: true, base_model: 'Contact',
    });
    expect(lifecycle?.choices?.[0]).toEqual({ id: '402009647298', value: 'Lead', position: 1 });
    const tier = fields.find((field) => field.name === 'cf_tier');
    expect(tier?.default).toBe(false);
    const interests = fields.find((field) => field.name === 'cf_interests');
    const idTypes = new Set(interests?.choices?.map((choice) => typeof choice.id));
    expect(idTypes).toEqual(new Set(['string', 'number']));
    expect(fields.every((field) => field.default === !field.name.startsWith('cf_'))).toBe(true);
    expect(fields.every((field) => !('field_group' in field))).toBe(true);
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
