import { startTestCrm, type TestCrm } from '../testing/harness';
import { RENEWALS_PIPELINE, SALES_PIPELINE } from '../seed/account';
import { registerSelectors } from './selectors';

let crm: TestCrm;
beforeEach(async () => {
  crm = await startTestCrm({ resources: [registerSelectors] });
});
afterEach(() => crm.close());

const keysOf = (item: unknown) => Object.keys(item as object).sort();

describe('GET /selector/*', () => {
  it('lists owners under `users`, inactive users included, in the side-load user shape', async () => {
    const answer = await crm.call('GET', '/selector/owners');
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body)).toEqual(['users']);
    expect(answer.body.users).toHaveLength(crm.store.users.length);
    expect(answer.body.users[0]).toEqual({
      id: 402000000011, display_name: 'Asha Rao', email: 'asha@demo-crm.test', is_active: true,
      work_number: '+91 80 4000 1100', mobile_number: null,
    });
    expect(answer.body.users.some((user: { is_active: boolean }) => !user.is_active)).toBe(true);
  });

  it('answers each simple selector under its plural name with the §6 item fields', async () => {
    const expected: Record<string, string[]> = {
      territories: ['id', 'name', 'position'],
      deal_reasons: ['id', 'name', 'partial', 'position'],
      deal_types: ['id', 'name', 'partial', 'position'],
      lead_sources: ['id', 'name', 'partial', 'position'],
      industry_types: ['id', 'name', 'partial', 'position'],
      business_types: ['id', 'name', 'partial', 'position'],
      deal_payment_statuses: ['id', 'name', 'partial', 'position'],
      campaigns: ['id', 'name', 'partial', 'position'],
      deal_products: ['id', 'name', 'partial', 'position'],
      contact_statuses: ['forecast_type', 'id', 'lifecycle_stage_id', 'name', 'partial', 'position'],
      lifecycle_stages: ['contact_status_ids', 'default', 'disabled', 'id', 'name', 'position', 'type'],
      sales_activity_types: [
        'id', 'internal_name', 'is_checkedin', 'is_checkedin_mandatory', 'is_default', 'is_outcome_mandatory', 'name',
        'partial', 'position', 'show_in_conversation',
      ],
      sales_activity_outcomes: ['id', 'name', 'partial', 'position', 'sales_activity_type_id'],
      sales_activity_entity_types: ['id', 'name', 'partial', 'position', 'sales_activity_type_id', 'sales_activity_type_name'],
    };
    for (const [name, fields] of Object.entries(expected)) {
      const answer = await crm.call('GET', `/selector/${name}`);
      expect(answer.status).toBe(200);
      expect(Object.keys(answer.body)).toEqual([name]);
      expect(answer.body[name].length).toBeGreaterThan(0);
      for (const item of answer.body[name]) expect(keysOf(item)).toEqual(fields);
    }
  });

  it('writes lifecycle stages with their type and status ids, statuses with their stage', async () => {
    const stages = (await crm.call('GET', '/selector/lifecycle_stages')).body.lifecycle_stages;
    expect(stages.map((stage: { type: string }) => stage.type)).toEqual(['Lead', 'Sales Qualified Lead', 'Customer']);
    const statuses = (await crm.call('GET', '/selector/contact_statuses')).body.contact_statuses;
    const lead = stages[0];
    expect(lead.contact_status_ids).toEqual(
      statuses.filter((status: { lifecycle_stage_id: number }) => status.lifecycle_stage_id === lead.id).map((status: { id: number }) => status.id),
    );
  });

  it('writes currencies with exchange_rate as a string and schedule_info null', async () => {
    const answer = await crm.call('GET', '/selector/currencies');
    expect(answer.body.currencies[1]).toEqual({
      partial: true, id: 402000190125, is_active: true, currency_code: 'EUR', exchange_rate: '1.08', currency_type: 2, schedule_info: null,
    });
    expect(answer.text).toContain('"exchange_rate":"1.0"');
    for (const currency of answer.body.currencies) expect(typeof currency.exchange_rate).toBe('string');
  });

  it('lists every pipeline\'s stages with forecast types and UTC timestamps', async () => {
    const answer = await crm.call('GET', '/selector/deal_stages');
    const stages = answer.body.deal_stages;
    expect(new Set(stages.map((stage: { deal_pipeline_id: number }) => stage.deal_pipeline_id))).toEqual(new Set([SALES_PIPELINE, RENEWALS_PIPELINE]));
    expect(stages[1]).toEqual({
      partial: true, id: 402001912039, name: 'Qualification', position: 2, forecast_type: 'Open',
      deal_pipeline_id: SALES_PIPELINE, choice_type: 2, probability: 30, updated_at: '2024-01-15T09:00:00Z',
    });
    expect(stages.filter((stage: { forecast_type: string }) => stage.forecast_type === 'Closed Won')).toHaveLength(2);
  });

  it('nests each pipeline\'s stages with value and is_deleted', async () => {
    const answer = await crm.call('GET', '/selector/deal_pipelines');
    const [sales, renewals] = answer.body.deal_pipelines;
    expect(keysOf(sales)).toEqual(['aggregated_field', 'configs', 'deal_stages', 'id', 'is_default', 'name', 'partial', 'position', 'rotting_days']);
    expect(sales).toMatchObject({ partial: true, id: SALES_PIPELINE, name: 'Sales Pipeline', is_default: true, rotting_days: 30, configs: [] });
    expect(renewals.is_default).toBe(false);
    expect(sales.deal_stages).toHaveLength(6);
    expect(sales.deal_stages[0]).toEqual({
      id: 402001912038, value: 'New', name: 'New', position: 1, forecast_type: 'Open', deal_pipeline_id: SALES_PIPELINE,
      choice_type: 5, is_deleted: false, probability: 10, updated_at: '2024-01-15T09:00:00Z',
    });
    expect(renewals.deal_stages.every((stage: { deal_pipeline_id: number }) => stage.deal_pipeline_id === RENEWALS_PIPELINE)).toBe(true);
  });

  it('writes selector timestamps in UTC with Z, whatever the account zone (§11)', async () => {
    crm.store.account.timeZone = 'Europe/Berlin';
    const answer = await crm.call('GET', '/selector/deal_stages');
    expect(answer.body.deal_stages[0].updated_at).toBe('2024-01-15T09:00:00Z');
    const stages = await crm.call('GET', `/selector/deal_pipelines/${SALES_PIPELINE}/deal_stages`);
    expect(stages.body.deal_stages[0].updated_at).toBe('2024-01-15T09:00:00Z');
  });

  it('lists the stages of one pipeline, 404 for an unknown one, empty 404 for a non-numeric id', async () => {
    const answer = await crm.call('GET', `/selector/deal_pipelines/${RENEWALS_PIPELINE}/deal_stages`);
    expect(answer.status).toBe(200);
    expect(answer.body.deal_stages.map((stage: { name: string }) => stage.name)).toEqual(['Upcoming', 'In discussion', 'Committed', 'Renewed', 'Churned']);
    expect(answer.body.deal_stages[0].partial).toBe(true);
    const missing = await crm.call('GET', '/selector/deal_pipelines/402000000001/deal_stages');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ errors: { code: 404, message: ['Deal pipeline not found'] } });
    const broken = await crm.call('GET', '/selector/deal_pipelines/abc/deal_stages');
    expect(broken.status).toBe(404);
    expect(broken.text).toBe('');
  });

  it('lists the outcomes of one activity type and 404s an unknown type', async () => {
    const call = await crm.call('GET', '/selector/sales_activity_types/402000477934/sales_activity_outcomes');
    expect(call.status).toBe(200);
    expect(call.body.sales_activity_outcomes.map((outcome: { name: string }) => outcome.name)).toEqual(['Interested', 'Left voicemail', 'No answer']);
    expect(call.body.sales_activity_outcomes[0]).toEqual({ partial: true, id: 402002091456, name: 'Interested', sales_activity_type_id: 402000477934, position: 1 });
    const email = await crm.call('GET', '/selector/sales_activity_types/402000477936/sales_activity_outcomes');
    expect(email.body).toEqual({ sales_activity_outcomes: [] });
    const missing = await crm.call('GET', '/selector/sales_activity_types/402002091456/sales_activity_outcomes');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ errors: { code: 404, message: ['Sales activity type not found'] } });
  });

  it('has no route for a selector the reference does not list', async () => {
    const answer = await crm.call('GET', '/selector/lead_stages');
    expect(answer.status).toBe(404);
    expect(answer.body.errors.code).toBe(404);
  });
});
