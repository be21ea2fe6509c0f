import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { CustomFieldChoice } from '../../../common/sidebar-settings';
import type { Deal } from '../../../common/crm/records';
import type { SidebarData } from '../data/types';
import { clickAndSettle, fireCrayons, pressKey, shadowChild, typeInto } from '../test/crayons-fields';
import { toFieldDefs, type FieldDef, type FieldValue } from '../model/fields';
import { accountData, contactData, dealData, DEAL_FIELDS, fakeActions, PIPELINE_RENEWALS, STAGE, USERS } from '../test/section-fixtures';
import { SummarySection } from './SummarySection';
import { warmLazyEditor } from '../test/lazy-editor';

beforeAll(warmLazyEditor);

const OWNER = {
  name: 'owner_id',
  label: 'Sales owner',
  type: 'dropdown',
  default: true,
  choices: [
    { id: 402000000011, value: 'Asha Rao' },
    { id: 402000000012, value: 'Ben Ortiz' },
  ],
};

const CONTACT_FIELDS = toFieldDefs([
  { name: 'first_name', label: 'First name', type: 'text', default: true, position: 1 },
  { name: 'last_name', label: 'Last name', type: 'text', default: true, required: true, position: 2 },
  { name: 'job_title', label: 'Job title', type: 'text', default: true, position: 3 },
  { name: 'emails', label: 'Emails', type: 'group_field', default: true, position: 4 },
  { name: 'work_number', label: 'Work', type: 'phone_number', default: true, position: 5 },
  { name: 'mobile_number', label: 'Mobile', type: 'phone_number', default: true, position: 6 },
  { ...OWNER, position: 7 },
  { name: 'lifecycle_stage_id', label: 'Lifecycle stage', type: 'dropdown', default: true, position: 8, choices: [{ id: 71, value: 'Lead' }, { id: 72, value: 'Customer' }] },
  { name: 'contact_status_id', label: 'Status', type: 'dropdown', default: true, position: 9, choices: [{ id: 81, value: 'New' }, { id: 82, value: 'Contacted' }] },
  { name: 'cf_sales_region', label: 'Sales region', type: 'dropdown', default: false, position: 10, choices: [{ id: 1, value: 'Americas' }, { id: 2, value: 'EMEA' }] },
  { name: 'cf_hobby', label: 'Hobby', type: 'text', default: false, position: 11 },
  { name: 'cf_vip', label: 'VIP', type: 'checkbox', default: false, position: 12 },
  { name: 'cf_languages', label: 'Languages', type: 'multi_select_dropdown', default: false, position: 13, choices: [{ id: 5, value: 'English' }, { id: 6, value: 'Hindi' }] },
]);

const ALL: CustomFieldChoice = { kind: 'all' };

function contact(overrides: Partial<SidebarData['record']> = {}, status: { id: number; name: string; lifecycleStageId?: number } | undefined = { id: 82, name: 'Contacted', lifecycleStageId: 72 }) {
  const base = contactData({ fields: CONTACT_FIELDS, status });
  return {
    ...base,
    record: {
      ...base.record,
      work_number: '+1 415 555 0100',
      mobile_number: null,
      contact_status_id: 82,
      emails: [
        { id: 1, value: 'priya.other@acme.example', is_primary: false },
        { id: 2, value: 'priya@acme.example', is_primary: true },
      ],
      custom_field: { cf_sales_region: 'EMEA', cf_hobby: 'Chess', cf_vip: true, cf_languages: 'English;Hindi' },
      ...overrides,
    },
  };
}

type Save = (field: FieldDef, value: FieldValue) => Promise<boolean>;
type MoveStage = (deal: Deal, stageId: number) => Promise<boolean>;

function renderSummary(data: SidebarData, customFields: CustomFieldChoice = ALL, saved = true) {
  // Separate mocks, so the assertions do not pull methods off the actions object.
  const saveField = jest.fn<ReturnType<Save>, Parameters<Save>>(() => Promise.resolve(saved));
  const changeDealStage = jest.fn<ReturnType<MoveStage>, Parameters<MoveStage>>(() => Promise.resolve(true));
  const actions = fakeActions({ saveField, changeDealStage });
  render(<SummarySection data={data} actions={actions} customFields={customFields} />);
  return { actions: { saveField, changeDealStage }, section: screen.getByTestId('section-summary') };
}

const row = (name: string) => screen.getByTestId(`field-${name}`);

function editorIn(name: string): Element {
  const editor = row(name).querySelector('fw-input, fw-textarea, fw-select, fw-datepicker, fw-checkbox');
  if (editor === null) throw new Error(`no editor in ${name}`);
  return editor;
}

function openEditor(name: string): Element {
  fireEvent.click(screen.getByTestId(`field-edit-${name}`));
  return editorIn(name);
}

type WithProps = Record<string, unknown>;

describe('SummarySection, contact', () => {
  it('is a labelled region with the Summary heading', () => {
    const { section } = renderSummary(contact());
    expect(section.tagName).toBe('SECTION');
    expect(screen.getByRole('region', { name: 'Summary' })).toBe(section);
    expect(within(section).getByRole('heading', { level: 2 })).toHaveTextContent('Summary');
  });

  it('shows name, job title, emails (primary first), phones, owner, lifecycle stage, status and custom fields', () => {
    renderSummary(contact());
    expect(row('display_name')).toHaveTextContent('Priya Nair');
    expect(row('first_name')).toHaveTextContent('Priya');
    expect(row('last_name')).toHaveTextContent('Nair');
    expect(row('job_title')).toHaveTextContent('CTO');
    const emails = within(row('emails')).getAllByRole('listitem');
    expect(emails.map((item) => item.textContent)).toEqual(['priya@acme.example (primary)', 'priya.other@acme.example']);
    expect(row('work_number')).toHaveTextContent('Work+1 415 555 0100');
    expect(row('mobile_number')).toHaveTextContent('Mobile—');
    expect(row('owner_id')).toHaveTextContent('Sales ownerAsha Rao');
    expect(row('lifecycle_stage_id')).toHaveTextContent('Customer');
    expect(row('contact_status_id')).toHaveTextContent('Contacted');
    expect(row('cf_sales_region')).toHaveTextContent('Sales regionEMEA');
    expect(row('cf_hobby')).toHaveTextContent('Chess');
    expect(row('cf_vip')).toHaveTextContent('VIPYes');
    expect(row('cf_languages')).toHaveTextContent('English, Hindi');
  });

  it('puts the rows in order, built-in fields first', () => {
    const { section } = renderSummary(contact());
    const names = Array.from(section.querySelectorAll('[data-testid^="field-"]:not([data-testid^="field-edit-"])')).map((el) =>
      el.getAttribute('data-testid'),
    );
    expect(names).toEqual([
      'field-display_name',
      'field-first_name',
      'field-last_name',
      'field-job_title',
      'field-emails',
      'field-work_number',
      'field-mobile_number',
      'field-owner_id',
      'field-lifecycle_stage_id',
      'field-contact_status_id',
      'field-cf_sales_region',
      'field-cf_hobby',
      'field-cf_vip',
      'field-cf_languages',
    ]);
  });

  it('does not offer to edit the name, emails or lifecycle stage', () => {
    renderSummary(contact());
    expect(screen.queryByTestId('field-edit-display_name')).toBeNull();
    expect(screen.queryByTestId('field-edit-emails')).toBeNull();
    expect(screen.queryByTestId('field-edit-lifecycle_stage_id')).toBeNull();
    expect(screen.getByTestId('field-edit-first_name')).toBeInTheDocument();
    expect(screen.getByTestId('field-edit-contact_status_id')).toBeInTheDocument();
  });

  it('says the lifecycle stage is unknown without the status side-load, and reads the status from the side-load', () => {
    renderSummary({ ...contact({ contact_status_id: null }), status: undefined });
    expect(row('lifecycle_stage_id')).toHaveTextContent('Unknown');
    expect(row('contact_status_id')).toHaveTextContent('—');
  });

  it('takes the status from the side-load when the record does not echo it', () => {
    renderSummary(contact({ contact_status_id: undefined }, { id: 81, name: 'New', lifecycleStageId: 71 }));
    expect(row('contact_status_id')).toHaveTextContent('New');
    expect(row('lifecycle_stage_id')).toHaveTextContent('Lead');
  });

  it('falls back to the email field when the record has no emails list', () => {
    renderSummary(contact({ emails: undefined, email: 'only@acme.example' }));
    expect(within(row('emails')).getByRole('listitem')).toHaveTextContent('only@acme.example (primary)');
  });

  it('shows a dash when there is no email at all', () => {
    renderSummary(contact({ emails: [], email: null }));
    expect(row('emails')).toHaveTextContent('Emails—');
    expect(within(row('emails')).queryByRole('list')).toBeNull();
  });

  it('saves an edited job title through saveField with the field and the value', async () => {
    const { actions } = renderSummary(contact());
    const editor = openEditor('job_title');
    await typeInto(editor, 'Chief Technology Officer');
    await clickAndSettle(within(row('job_title')).getByTestId('field-save'));
    expect(actions.saveField).toHaveBeenCalledTimes(1);
    const [field, value] = actions.saveField.mock.calls[0] ?? [];
    expect(field).toMatchObject({ name: 'job_title', label: 'Job title', kind: 'text', custom: false });
    expect(value).toBe('Chief Technology Officer');
  });

  it('edits the first and last name separately', async () => {
    const { actions } = renderSummary(contact());
    await typeInto(openEditor('last_name'), 'Menon');
    await clickAndSettle(within(row('last_name')).getByTestId('field-save'));
    expect(actions.saveField).toHaveBeenCalledWith(expect.objectContaining({ name: 'last_name', required: true }), 'Menon');
  });

  it('refuses an empty required last name with a message', async () => {
    const { actions } = renderSummary(contact());
    await typeInto(openEditor('last_name'), '');
    await clickAndSettle(within(row('last_name')).getByTestId('field-save'));
    expect(within(row('last_name')).getByRole('alert')).toHaveTextContent('Last name is required.');
    expect(actions.saveField).not.toHaveBeenCalled();
  });

  it('changes the owner and the status by id', async () => {
    const { actions } = renderSummary(contact());
    const owner = openEditor('owner_id');
    expect((owner as unknown as WithProps).options).toEqual([
      { text: 'Asha Rao', value: '402000000011' },
      { text: 'Ben Ortiz', value: '402000000012' },
    ]);
    fireCrayons(owner, 'fwChange', { value: '402000000012' });
    await clickAndSettle(within(row('owner_id')).getByTestId('field-save'));
    expect(actions.saveField).toHaveBeenLastCalledWith(expect.objectContaining({ name: 'owner_id' }), 402000000012);

    fireCrayons(openEditor('contact_status_id'), 'fwChange', { value: '81' });
    await clickAndSettle(within(row('contact_status_id')).getByTestId('field-save'));
    expect(actions.saveField).toHaveBeenLastCalledWith(expect.objectContaining({ name: 'contact_status_id' }), 81);
  });

  it('saves a custom dropdown as its label and a multi-select as ;-joined labels', async () => {
    const { actions } = renderSummary(contact());
    const region = openEditor('cf_sales_region');
    expect((region as unknown as WithProps).value).toBe('EMEA');
    fireCrayons(region, 'fwChange', { value: 'Americas' });
    await clickAndSettle(within(row('cf_sales_region')).getByTestId('field-save'));
    expect(actions.saveField).toHaveBeenLastCalledWith(expect.objectContaining({ name: 'cf_sales_region', custom: true }), 'Americas');

    fireCrayons(openEditor('cf_languages'), 'fwChange', { value: ['Hindi'] });
    await clickAndSettle(within(row('cf_languages')).getByTestId('field-save'));
    expect(actions.saveField).toHaveBeenLastCalledWith(expect.objectContaining({ name: 'cf_languages' }), 'Hindi');
  });

  it('shows no custom fields when the admin chose none', () => {
    renderSummary(contact(), { kind: 'none' });
    expect(screen.queryByTestId('field-cf_hobby')).toBeNull();
    expect(screen.queryByTestId('field-cf_sales_region')).toBeNull();
    expect(row('job_title')).toBeInTheDocument();
  });

  it('shows only the listed custom fields, in the listed order, ignoring unknown names', () => {
    const { section } = renderSummary(contact(), { kind: 'list', names: ['cf_vip', 'cf_missing', 'cf_hobby'] });
    const custom = Array.from(section.querySelectorAll('[data-testid^="field-cf_"]')).map((el) => el.getAttribute('data-testid'));
    expect(custom).toEqual(['field-cf_vip', 'field-cf_hobby']);
  });

  it('shows a hidden custom field when the record has a value, and not when it has none (A1)', () => {
    const hidden = CONTACT_FIELDS.map((field) => (field.name === 'cf_hobby' || field.name === 'cf_vip' ? { ...field, visible: false } : field));
    const base = contact();
    renderSummary({ ...base, fields: hidden, record: { ...base.record, custom_field: { cf_hobby: 'Chess', cf_vip: null } } });
    expect(row('cf_hobby')).toHaveTextContent('Chess');
    expect(screen.queryByTestId('field-cf_vip')).toBeNull();
  });

  it('shows HTML-looking record text as text', () => {
    const attack = '<img src=x onerror=alert(1)>';
    const { section } = renderSummary(contact({ job_title: attack, display_name: attack, custom_field: { cf_hobby: attack } }));
    expect(section.querySelector('img')).toBeNull();
    expect(row('job_title')).toHaveTextContent(attack);
    expect(row('display_name')).toHaveTextContent(attack);
    expect(row('cf_hobby')).toHaveTextContent(attack);
  });

  it('uses the catalog labels and side-loaded owner names when the field settings are missing', () => {
    const data = { ...contact(), fields: [] };
    renderSummary(data);
    expect(row('job_title')).toHaveTextContent('Job title');
    expect(row('work_number')).toHaveTextContent('Work phone');
    expect(row('owner_id')).toHaveTextContent('OwnerAsha Rao');
    // Without choices an owner cannot be picked, so it is shown only.
    expect(screen.queryByTestId('field-edit-owner_id')).toBeNull();
    expect(row('lifecycle_stage_id')).toHaveTextContent('Unknown');
    expect(row('contact_status_id')).toHaveTextContent('Contacted');
    expect(screen.queryByTestId('field-cf_hobby')).toBeNull();
    expect(USERS[0]?.display_name).toBe('Asha Rao');
  });
});

const DEAL_CUSTOM = toFieldDefs([
  { name: 'cf_order_ref', label: 'Order reference', type: 'text', default: false, position: 20 },
  { name: 'cf_margin', label: 'Margin', type: 'decimal', default: false, position: 21 },
]);

function aDeal(overrides: Partial<Deal> = {}) {
  const base = dealData({ fields: [...DEAL_FIELDS.filter((field) => !field.custom), ...DEAL_CUSTOM] });
  return { ...base, record: { ...base.record, custom_field: { cf_order_ref: 'PO-7', cf_margin: '1234.5' }, ...overrides } };
}

describe('SummarySection, deal', () => {
  it('shows name, amount in its currency, stage, probability, expected close, owner and custom fields', () => {
    renderSummary(aDeal());
    expect(row('name')).toHaveTextContent('Acme renewal');
    expect(row('amount')).toHaveTextContent('Deal value$12,000.00');
    expect(row('deal_stage_id')).toHaveTextContent('Deal stageQualification');
    expect(row('probability')).toHaveTextContent('30');
    expect(row('expected_close')).toHaveTextContent('Jun 30, 2024');
    expect(row('owner_id')).toHaveTextContent('Asha Rao');
    expect(row('cf_order_ref')).toHaveTextContent('PO-7');
    expect(row('cf_margin')).toHaveTextContent('1,234.5');
  });

  it('formats the amount without a currency code as a grouped decimal', () => {
    renderSummary({ ...aDeal(), currencyCode: undefined });
    expect(row('amount')).toHaveTextContent('12,000.00');
  });

  it('edits the amount as a decimal string and saves it as a string', async () => {
    const { actions } = renderSummary(aDeal());
    const editor = openEditor('amount');
    expect((editor as unknown as WithProps).type).toBe('text');
    const native = await shadowChild<HTMLInputElement>(editor, 'input');
    expect(native.value).toBe('12000.0');
    await typeInto(editor, '12500.75');
    await clickAndSettle(within(row('amount')).getByTestId('field-save'));
    expect(actions.saveField).toHaveBeenCalledWith(expect.objectContaining({ name: 'amount', kind: 'decimal' }), '12500.75');
  });

  it('offers only the stages of the deal’s pipeline and moves the deal with changeDealStage', async () => {
    const data = aDeal();
    const { actions } = renderSummary(data);
    const stage = openEditor('deal_stage_id');
    const options = (stage as unknown as { options: Array<{ text: string }> }).options;
    expect(options.map((option) => option.text)).toEqual(['New', 'Qualification', 'Proposal', 'Won', 'Lost']);
    fireCrayons(stage, 'fwChange', { value: String(STAGE.proposal) });
    await clickAndSettle(within(row('deal_stage_id')).getByTestId('field-save'));
    expect(actions.changeDealStage).toHaveBeenCalledWith(data.record, STAGE.proposal);
    expect(actions.saveField).not.toHaveBeenCalled();
  });

  it('limits a renewal deal to the renewal stages', () => {
    renderSummary(aDeal({ deal_pipeline_id: PIPELINE_RENEWALS, deal_stage_id: STAGE.renewalOpen }));
    expect(row('deal_stage_id')).toHaveTextContent('Renewal due');
    const options = (openEditor('deal_stage_id') as unknown as { options: Array<{ text: string }> }).options;
    expect(options.map((option) => option.text)).toEqual(['Renewal due', 'Renewed']);
  });

  it('validates probability as a whole number and saves it as a number', async () => {
    const { actions } = renderSummary(aDeal());
    const editor = openEditor('probability');
    await typeInto(editor, '45.5');
    await clickAndSettle(within(row('probability')).getByTestId('field-save'));
    expect(within(row('probability')).getByRole('alert')).toHaveTextContent('Probability (%) must be a whole number, like 42.');
    await typeInto(editor, '45');
    // fw-button throttles clicks (200 ms); Enter saves too.
    await pressKey(editor, 'Enter');
    expect(actions.saveField).toHaveBeenCalledWith(expect.objectContaining({ name: 'probability' }), 45);
  });

  it('edits the expected close with a date picker', async () => {
    const { actions } = renderSummary(aDeal());
    const picker = openEditor('expected_close');
    expect(picker.tagName).toBe('FW-DATEPICKER');
    fireCrayons(picker, 'fwChange', { value: '2024-07-15T00:00:00+00:00' });
    await clickAndSettle(within(row('expected_close')).getByTestId('field-save'));
    expect(actions.saveField).toHaveBeenCalledWith(expect.objectContaining({ name: 'expected_close' }), '2024-07-15');
  });

  it('keeps the editor open when the save fails', async () => {
    renderSummary(aDeal(), ALL, false);
    await typeInto(openEditor('name'), 'Acme renewal 2025');
    await clickAndSettle(within(row('name')).getByTestId('field-save'));
    expect(within(row('name')).getByTestId('field-save')).toBeInTheDocument();
    expect(row('name')).not.toHaveTextContent('Acme renewal');
  });
});

const ACCOUNT_FIELDS = toFieldDefs([
  { name: 'name', label: 'Name', type: 'text', default: true, required: true, position: 1 },
  { name: 'website', label: 'Website', type: 'url', default: true, position: 2 },
  { name: 'industry_type_id', label: 'Industry', type: 'dropdown', default: true, position: 3, choices: [{ id: 9, value: 'Software' }, { id: 10, value: 'Retail' }] },
  { ...OWNER, position: 4 },
  { name: 'annual_revenue', label: 'Annual revenue', type: 'number', default: true, position: 5 },
  { name: 'cf_tier', label: 'Tier', type: 'radio', default: false, position: 6, choices: [{ id: 1, value: 'Gold' }] },
]);

function anAccount() {
  const base = accountData({ fields: ACCOUNT_FIELDS });
  return { ...base, record: { ...base.record, industry_type_id: 9, annual_revenue: 2500000, custom_field: { cf_tier: 'Gold' } } };
}

describe('SummarySection, account', () => {
  it('shows name, website, industry, owner, annual revenue and custom fields', () => {
    renderSummary(anAccount());
    expect(row('name')).toHaveTextContent('Acme Corp');
    expect(row('website')).toHaveTextContent('https://acme.example');
    expect(row('industry_type_id')).toHaveTextContent('Software');
    expect(row('owner_id')).toHaveTextContent('Asha Rao');
    expect(row('annual_revenue')).toHaveTextContent('2,500,000');
    expect(row('cf_tier')).toHaveTextContent('Gold');
  });

  it('names a hidden industry from its choices, whether its id came as a number or a string (A1, A5)', () => {
    const hidden = ACCOUNT_FIELDS.map((field) => (field.name === 'industry_type_id' ? { ...field, visible: false } : field));
    const base = anAccount();
    renderSummary({ ...base, fields: hidden, record: { ...base.record, industry_type_id: 10 } });
    expect(row('industry_type_id')).toHaveTextContent('Retail');
    expect(row('industry_type_id')).not.toHaveTextContent('10');
  });

  it('checks the website and saves a good one', async () => {
    const { actions } = renderSummary(anAccount());
    const editor = openEditor('website');
    expect((editor as unknown as WithProps).type).toBe('url');
    await typeInto(editor, 'acme.example');
    await clickAndSettle(within(row('website')).getByTestId('field-save'));
    expect(within(row('website')).getByRole('alert')).toHaveTextContent('Website must be a web address');
    await typeInto(editor, 'https://www.acme.example');
    await pressKey(editor, 'Enter');
    expect(actions.saveField).toHaveBeenCalledWith(expect.objectContaining({ name: 'website' }), 'https://www.acme.example');
  });

  it('changes the industry by id and the annual revenue as a number', async () => {
    const { actions } = renderSummary(anAccount());
    fireCrayons(openEditor('industry_type_id'), 'fwChange', { value: '10' });
    await clickAndSettle(within(row('industry_type_id')).getByTestId('field-save'));
    expect(actions.saveField).toHaveBeenLastCalledWith(expect.objectContaining({ name: 'industry_type_id' }), 10);
    await typeInto(openEditor('annual_revenue'), '3000000');
    await clickAndSettle(within(row('annual_revenue')).getByTestId('field-save'));
    expect(actions.saveField).toHaveBeenLastCalledWith(expect.objectContaining({ name: 'annual_revenue' }), 3000000);
  });
});

describe('SummarySection: lost reason, links and text direction', () => {
  const REASONS = toFieldDefs([{ name: 'deal_reason_id', label: 'Lost reason', type: 'dropdown', default: true, visible: false, position: 30, choices: [{ id: 7, value: 'Price' }] }]);

  it('asks for the lost reason before moving the open deal to a lost stage (B8)', async () => {
    const base = aDeal();
    const data = { ...base, fields: [...base.fields, ...REASONS] };
    const { actions } = renderSummary(data);
    fireCrayons(openEditor('deal_stage_id'), 'fwChange', { value: String(STAGE.lost) });
    await clickAndSettle(within(row('deal_stage_id')).getByTestId('field-save'));
    expect(actions.changeDealStage).not.toHaveBeenCalled();
    const prompt = screen.getByTestId('lost-reason-form');
    fireEvent.change(within(prompt).getByTestId('lost-reason'), { target: { value: '7' } });
    await act(async () => {
      fireEvent.submit(prompt);
      await Promise.resolve();
    });
    expect(actions.changeDealStage).toHaveBeenCalledWith(data.record, STAGE.lost, 7);
    await waitFor(() => expect(screen.queryByTestId('lost-reason-form')).toBeNull());
    await waitFor(() => expect(within(row('deal_stage_id')).queryByTestId('field-save')).toBeNull());
  });

  it('shows emails as mailto: links and phones as tel: links (click to act)', () => {
    renderSummary(contact());
    const emails = within(row('emails')).getAllByRole('link');
    expect(emails.map((link) => link.getAttribute('href'))).toEqual(['mailto:priya@acme.example', 'mailto:priya.other@acme.example']);
    expect(within(row('work_number')).getByRole('link', { name: '+1 415 555 0100' })).toHaveAttribute('href', 'tel:+14155550100');
  });

  it('shows the website as a link opening beside the CRM', () => {
    renderSummary(accountData({ record: { id: 1, name: 'Acme', website: 'acme.example' } }));
    const link = within(row('website')).getByRole('link', { name: 'acme.example' });
    expect(link).toHaveAttribute('href', 'https://acme.example');
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  });

  it('isolates first and last name apart, so an override in one never reverses the other (B12)', () => {
    renderSummary(contact({ first_name: '\u202Eevil', last_name: 'Nair', display_name: '\u202Eevil Nair' }));
    const parts = Array.from(row('display_name').querySelectorAll('.inline-field-value bdi bdi')).map((element) => element.textContent);
    expect(parts).toEqual(['\u202Eevil', 'Nair']);
  });
});
