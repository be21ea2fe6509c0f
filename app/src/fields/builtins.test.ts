import { fieldSettingsSchema } from '../../../common/crm/records';
import { fieldByName, toFieldDefs } from '../model/fields';
import { realContactSettings, realDealSettings } from '../test/real-settings';
import { builtInField, chosenCustomFields, createFormFields, stagesOfPipeline } from './builtins';

const defsOf = (fields: Array<Record<string, unknown>>) => toFieldDefs(fieldSettingsSchema.parse({ fields }).fields);
const DEALS = defsOf(realDealSettings());
const CONTACTS = defsOf(realContactSettings());
const names = (fields: ReadonlyArray<{ name: string }>) => fields.map((field) => field.name);

const QUICK_DEAL = ['name', 'amount', 'expected_close', 'deal_stage_id', 'owner_id'];
const QUICK_CONTACT = ['first_name', 'last_name', 'job_title'];

describe('builtInField', () => {
  it('takes a hidden field from the settings, with its label and type', () => {
    expect(builtInField(DEALS, 'expected_close', 'Expected close', 'date')).toMatchObject({ label: 'Expected close date', visible: false });
  });

  it('stands in with the catalog label for a field the settings do not list', () => {
    expect(builtInField([], 'job_title', 'Job title', 'text')).toEqual({ name: 'job_title', label: 'Job title', kind: 'text', required: false, custom: false, choices: [] });
  });
});

describe('chosenCustomFields: the summary (A1)', () => {
  it('with "all", shows visible custom fields and hidden ones only when the record has a value', () => {
    expect(names(chosenCustomFields(CONTACTS, { kind: 'all' }))).toEqual(['cf_linkedin_id']);
    expect(names(chosenCustomFields(CONTACTS, { kind: 'all' }, { cf_shoe_size: '42' }))).toEqual(['cf_linkedin_id', 'cf_shoe_size']);
    expect(names(chosenCustomFields(CONTACTS, { kind: 'all' }, { cf_shoe_size: '' }))).toEqual(['cf_linkedin_id']);
    expect(names(chosenCustomFields(DEALS, { kind: 'all' }, { cf_discount: 0, cf_region: null }))).toEqual(['cf_po_number', 'cf_discount']);
  });

  it('shows the fields the admin listed, hidden or not, in the admin\'s order; none shows none', () => {
    expect(names(chosenCustomFields(DEALS, { kind: 'list', names: ['cf_region', 'cf_po_number', 'cf_missing'] }))).toEqual(['cf_region', 'cf_po_number']);
    expect(chosenCustomFields(DEALS, { kind: 'none' }, { cf_po_number: 'x' })).toEqual([]);
  });
});

describe('createFormFields: what "+ Deal" and "+ Contact" offer (A1)', () => {
  it('offers the quick fields even when the account hides them, every required field, and visible custom fields with "all"', () => {
    expect(names(createFormFields(DEALS, QUICK_DEAL, { kind: 'all' }))).toEqual(['name', 'amount', 'deal_stage_id', 'owner_id', 'expected_close', 'cf_po_number', 'cf_region']);
    expect(names(createFormFields(CONTACTS, QUICK_CONTACT, { kind: 'all' }))).toEqual(['first_name', 'last_name', 'job_title', 'cf_linkedin_id']);
  });

  it('offers the custom fields the admin listed, hidden or not, and required ones always', () => {
    expect(names(createFormFields(DEALS, QUICK_DEAL, { kind: 'list', names: ['cf_discount'] }))).toEqual(['name', 'amount', 'deal_stage_id', 'owner_id', 'expected_close', 'cf_discount', 'cf_region']);
    expect(names(createFormFields(DEALS, QUICK_DEAL, { kind: 'none' }))).toEqual(['name', 'amount', 'deal_stage_id', 'owner_id', 'expected_close', 'cf_region']);
  });

  it('offers the amount as money with decimals (B2)', () => {
    expect(fieldByName(createFormFields(DEALS, QUICK_DEAL, { kind: 'none' }), 'amount')?.kind).toBe('decimal');
  });
});

describe('stagesOfPipeline', () => {
  it('keeps the stages of the deal\'s pipeline, or all without one', () => {
    const stages = builtInField(DEALS, 'deal_stage_id', 'Stage', 'dropdown');
    expect(stagesOfPipeline(stages, 31000189098).choices).toHaveLength(2);
    expect(stagesOfPipeline(stages, 1).choices).toEqual([]);
    expect(stagesOfPipeline(stages, null)).toBe(stages);
  });
});
