import { fieldSettingsSchema } from '../../../common/crm/records';
import { REAL, realAccountSettings, realContactSettings, realDealSettings } from '../test/real-settings';
import { choiceLabel, fieldByName, knownChoices, toFieldDefs } from './fields';

/** Settings as the app receives them: through the response schema, then into field definitions. */
const defsOf = (fields: Array<Record<string, unknown>>) => toFieldDefs(fieldSettingsSchema.parse({ fields }).fields);

describe('toFieldDefs on real-account settings', () => {
  it('keeps hidden fields, flagged, with all their choices, so ids always turn into labels (A1)', () => {
    const account = defsOf(realAccountSettings());
    const industry = fieldByName(account, 'industry_type_id');
    expect(industry).toMatchObject({ visible: false, kind: 'dropdown' });
    expect(choiceLabel(industry, REAL.industrySoftware)).toBe('Software');
    expect(choiceLabel(industry, String(REAL.industryRetail))).toBe('Retail');
    expect(fieldByName(account, 'name')?.visible).toBe(true);
    const deals = defsOf(realDealSettings());
    expect(fieldByName(deals, 'expected_close')).toMatchObject({ visible: false, kind: 'date', label: 'Expected close date' });
  });

  it('orders by field group, then by position inside the group, where positions restart (A2)', () => {
    expect(defsOf(realDealSettings()).map((field) => field.name)).toEqual([
      'name', 'amount', 'currency_id', 'deal_stage_id', 'owner_id',
      'expected_close', 'probability',
      'cf_po_number', 'cf_discount', 'cf_region',
    ]);
  });

  it('reads choice ids sent as JSON numbers and as numeric strings alike (A5)', () => {
    const stages = fieldByName(defsOf(realDealSettings()), 'deal_stage_id');
    expect(stages?.choices).toEqual([
      { id: String(REAL.stageNew), label: 'New', position: 1, pipelineId: REAL.pipeline, forecast: 'Open' },
      { id: String(REAL.stageWon), label: 'Won', position: 2, pipelineId: REAL.pipeline, forecast: 'Closed Won' },
    ]);
    expect(choiceLabel(stages, REAL.stageNew)).toBe('New');
    expect(choiceLabel(stages, ` ${REAL.stageWon} `)).toBe('Won');
  });

  it('never offers an inactive owner, but still names them (A4)', () => {
    const owner = fieldByName(defsOf(realContactSettings()), 'owner_id');
    expect(owner?.choices.map((choice) => choice.label)).toEqual(['Asha Rao']);
    expect(owner?.inactiveChoices?.map((choice) => choice.label)).toEqual(['Former Rep']);
    expect(choiceLabel(owner, REAL.former)).toBe('Former Rep');
    expect(knownChoices(owner ?? { name: '', label: '', kind: 'text', required: false, custom: false, choices: [] })).toHaveLength(2);
  });

  it('edits built-in phone numbers as phones and the deal amount as money with decimals (B2, B10)', () => {
    const contact = defsOf(realContactSettings());
    expect(fieldByName(contact, 'work_number')?.kind).toBe('phone');
    expect(fieldByName(contact, 'mobile_number')?.kind).toBe('phone');
    expect(fieldByName(defsOf(realAccountSettings()), 'phone')?.kind).toBe('phone');
    expect(fieldByName(defsOf(realDealSettings()), 'amount')?.kind).toBe('decimal');
    // A custom field keeps its declared type whatever its name.
    expect(fieldByName(defsOf([{ name: 'cf_amount', label: 'x', type: 'number', default: false }]), 'cf_amount')?.kind).toBe('number');
  });

  it('leaves out what it cannot edit: group and auto-complete fields', () => {
    const names = defsOf(realContactSettings()).map((field) => field.name);
    expect(names).not.toContain('emails');
    expect(defsOf(realDealSettings()).map((field) => field.name)).not.toContain('tags');
    expect(fieldByName(defsOf(realAccountSettings()), 'number_of_employees')?.choices).toHaveLength(1);
  });

  it('keeps the settings when an extra has an unexpected type', () => {
    const odd = [
      { name: 'owner_id', label: 'Owner', type: 'dropdown', visible: 'yes', position: '3', required: 1, choices: [{ id: 5, value: null, name: 'Named', position: 'x', is_active: 'no', deal_pipeline_id: {} }] },
      { name: 'cf_x', label: 'X', type: 'text', default: false, choices: 'none' },
    ];
    const defs = defsOf(odd);
    expect(defs.map((field) => field.name)).toEqual(['owner_id', 'cf_x']);
    expect(defs[0]).toMatchObject({ visible: true, required: false, choices: [{ id: '5', label: 'Named', position: 1 }] });
    expect(defs[1]?.choices).toEqual([]);
  });
});

describe('field groups read defensively', () => {
  const field = (name: string, position: number | undefined, group: Record<string, unknown>) => ({ name, label: name, type: 'text', ...(position === undefined ? {} : { position }), ...group });
  const names = (fields: Array<Record<string, unknown>>) => defsOf(fields).map((def) => def.name);

  it('orders groups by their position, else by first appearance; fields without a group form one group', () => {
    expect(
      names([
        field('b2', 2, { field_group: { id: 'g2', position: 2 } }),
        field('none1', 1, { field_group: null }),
        field('a1', 1, { field_group: { id: 'g1', position: 1 } }),
        field('b1', 1, { field_group: { id: 'g2', position: 2 } }),
        field('none2', 2, {}),
      ]),
    ).toEqual(['a1', 'b1', 'b2', 'none1', 'none2']);
  });

  it('accepts a group id as field_group, field_group_id or group_id, and a group object named but without id', () => {
    expect(
      names([
        field('y2', 2, { group_id: 7 }),
        field('x1', 1, { field_group_id: '3' }),
        field('y1', 1, { field_group: 7 }),
        field('x2', 2, { field_group: { name: '3' } }),
      ]),
    ).toEqual(['y1', 'y2', 'x1', 'x2']);
  });

  it('puts fields without a position after the positioned ones of their group, in the order sent', () => {
    expect(names([field('late1', undefined, {}), field('first', 1, {}), field('late2', undefined, {})])).toEqual(['first', 'late1', 'late2']);
  });

  it('keeps the old order without any group information (one group, by position)', () => {
    expect(names([field('c', 3, {}), field('a', 1, {}), field('b', 2, {})])).toEqual(['a', 'b', 'c']);
  });
});
