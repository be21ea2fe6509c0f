import { act, fireEvent, render, screen, within } from '@testing-library/react';
import type { Deal } from '../../../common/crm/records';
import type { FieldFormProps } from '../fields/FieldForm';
import { formatDate, formatMoney } from '../fields/display';
import { format, messages } from '../i18n/messages';
import { toFieldDefs } from '../model/fields';
import { clickFwButton } from '../test/crayons';
import { DealsSection, newDealFields, newDealInitial } from './DealsSection';
import { CURRENT_USER, DEAL_FIELDS, DEALS, PIPELINE_RENEWALS, STAGE, accountData, contactData, deal, fakeActions } from '../test/section-fixtures';

// The form itself is helper A's (tested there); here: which fields, which start values, what submit does.
const formProps: { current?: FieldFormProps } = {};
jest.mock('../fields/FieldForm', () => ({
  FieldForm: (props: FieldFormProps) => {
    formProps.current = props;
    return <form data-testid={props.testId} />;
  },
}));

const text = messages.sections.deals;

beforeEach(() => {
  formProps.current = undefined;
});

describe('DealsSection list', () => {
  it('lists deals open first with stage, amount and expected close', () => {
    render(<DealsSection data={contactData()} actions={fakeActions()} />);
    expect(screen.getByTestId('section-count')).toHaveTextContent('5');
    const items = screen.getAllByTestId('deal-item');
    expect(items.map((item) => within(item).getAllByRole('button')[0]?.textContent)).toEqual([
      'Acme training',
      'Acme renewal',
      'Acme support',
      'Acme pilot',
      'Acme expansion (lost)',
    ]);
    const renewal = items[1] as HTMLElement;
    expect(renewal).toHaveTextContent(formatMoney('12000.0', 'USD'));
    expect(renewal).toHaveTextContent(format(text.expectedClose, { date: formatDate('2024-06-30') }));
    expect(items[2]).toHaveTextContent(text.noAmount);
  });

  it('shows each deal\'s amount with its currency (B2)', () => {
    const euro = deal({ id: 9, name: 'Euro deal', amount: '12500.50', currency_id: 402000190125 });
    const fields = DEAL_FIELDS.map((field) => (field.name === 'currency_id' ? { ...field, choices: [...field.choices, { id: '402000190125', label: 'EUR', position: 2 }] } : field));
    render(<DealsSection data={contactData({ deals: [euro, DEALS[1] as Deal], dealFields: fields })} actions={fakeActions()} />);
    const [first, second] = screen.getAllByTestId('deal-item');
    expect(first).toHaveTextContent('Euro deal');
    expect(first).toHaveTextContent('€12,500.50');
    // A side-loaded deal names no currency: its base-currency amount, in the base currency.
    expect(second).toHaveTextContent('$12,000.00');
  });

  it('shows the stage as a pill coloured by forecast, listing the stages of the deal pipeline', () => {
    render(<DealsSection data={contactData()} actions={fakeActions()} />);
    const [open, , , won, lost] = screen.getAllByTestId<HTMLSelectElement>('deal-stage');
    expect(open).toHaveClass('stage-pill--open');
    expect(won).toHaveClass('stage-pill--won');
    expect(lost).toHaveClass('stage-pill--lost');
    expect(open?.selectedOptions[0]?.textContent).toBe('Qualification');
    expect(within(open as HTMLElement).getAllByRole('option').map((option) => option.textContent)).toEqual(['New', 'Qualification', 'Proposal', 'Won', 'Lost']);
    expect(screen.getByRole('combobox', { name: format(text.stageLabel, { name: 'Acme pilot' }) })).toBe(won);
  });

  it('changes a stage in place', () => {
    const actions = fakeActions();
    render(<DealsSection data={contactData()} actions={actions} />);
    const select = screen.getByRole('combobox', { name: format(text.stageLabel, { name: 'Acme renewal' }) });
    fireEvent.change(select, { target: { value: String(STAGE.won) } });
    expect(actions.changeDealStage).toHaveBeenCalledWith(DEALS[1], STAGE.won);
  });

  it('keeps an unknown stage visible and offers the stages of the deal pipeline', () => {
    const odd = deal({ id: 9, name: 'Renewal', deal_pipeline_id: PIPELINE_RENEWALS, deal_stage_id: 12345 });
    render(<DealsSection data={accountData({ deals: [odd] })} actions={fakeActions()} />);
    const select = screen.getByTestId<HTMLSelectElement>('deal-stage');
    expect(select.selectedOptions[0]?.textContent).toBe(messages.sections.unknownStage);
    expect(within(select).getAllByRole('option').map((option) => option.textContent)).toEqual([messages.sections.unknownStage, 'Renewal due', 'Renewed']);
  });

  it('opens the deal page from its name', () => {
    const actions = fakeActions();
    render(<DealsSection data={contactData()} actions={actions} />);
    screen.getByRole('button', { name: 'Acme pilot' }).click();
    expect(actions.openRecord).toHaveBeenCalledWith('deal', 402000001002);
  });

  it('says what to do without deals, and pages long lists', async () => {
    const { unmount } = render(<DealsSection data={accountData({ deals: [] })} actions={fakeActions()} />);
    expect(screen.getByTestId('section-empty')).toHaveTextContent(text.empty);
    unmount();
    const many = Array.from({ length: 8 }, (_, index) => deal({ id: index + 1, name: `<b>Deal ${index + 1}</b>` }));
    render(<DealsSection data={accountData({ deals: many })} actions={fakeActions()} />);
    expect(screen.getAllByTestId('deal-item')).toHaveLength(5);
    expect(screen.getByTestId('section-deals').querySelector('b')).toBeNull();
    await clickFwButton(screen.getByTestId('show-more'));
    expect(screen.getAllByTestId('deal-item')).toHaveLength(8);
  });
});

describe('DealsSection "+ Deal"', () => {
  it('opens a form with the quick and required deal fields, starting in the default pipeline and owned by the user', async () => {
    render(<DealsSection data={contactData()} actions={fakeActions()} currentUser={CURRENT_USER} />);
    await clickFwButton(screen.getByTestId('deal-create'));
    expect(await screen.findByTestId('deal-form')).toBeInTheDocument();
    const props = formProps.current as FieldFormProps;
    expect(props.fields.map((field) => field.name)).toEqual(['name', 'amount', 'deal_stage_id', 'owner_id', 'expected_close', 'cf_order_ref']);
    expect(props.initial).toEqual({ deal_stage_id: STAGE.new, owner_id: CURRENT_USER.id });
    expect(props.submitLabel).toBe(text.createSubmit);
  });

  it('creates the deal in the default pipeline and closes the form when the CRM accepts it', async () => {
    const actions = fakeActions();
    render(<DealsSection data={accountData()} actions={actions} currentUser={CURRENT_USER} />);
    await clickFwButton(screen.getByTestId('deal-create'));
    await screen.findByTestId('deal-form');
    let created: boolean | string = false;
    await act(async () => {
      created = await (formProps.current as FieldFormProps).onSubmit({ name: 'Acme upsell', amount: 100 });
    });
    expect(created).toBe(true);
    expect(actions.createDeal).toHaveBeenCalledWith({ deal_pipeline_id: 402000189098, name: 'Acme upsell', amount: 100 });
    expect(screen.queryByTestId('deal-form')).toBeNull();
  });

  it('keeps the form open when the CRM refuses, and closes it on cancel', async () => {
    const actions = fakeActions({ createDeal: jest.fn(() => Promise.resolve(false)) });
    render(<DealsSection data={contactData()} actions={actions} />);
    await clickFwButton(screen.getByTestId('deal-create'));
    await screen.findByTestId('deal-form');
    await act(async () => {
      await (formProps.current as FieldFormProps).onSubmit({ name: 'x' });
    });
    expect(screen.getByTestId('deal-form')).toBeInTheDocument();
    act(() => (formProps.current as FieldFormProps).onCancel());
    expect(screen.queryByTestId('deal-form')).toBeNull();
  });
});

describe('newDealFields', () => {
  it('makes the name required, limits stages to the default pipeline and leaves the pipeline out', () => {
    const fields = newDealFields(DEAL_FIELDS);
    expect(fields.find((field) => field.name === 'name')?.required).toBe(true);
    expect(fields.find((field) => field.name === 'deal_stage_id')?.choices.map((choice) => choice.label)).toEqual(['New', 'Qualification', 'Proposal', 'Won', 'Lost']);
    expect(fields.some((field) => field.name === 'deal_pipeline_id' || field.name === 'cf_notes' || field.name === 'probability')).toBe(false);
  });

  it('offers expected close and required fields even when the account hides them, and the admin\'s custom fields (A1)', () => {
    const hidden = DEAL_FIELDS.map((field) => (['expected_close', 'cf_order_ref', 'cf_notes'].includes(field.name) ? { ...field, visible: false } : field));
    expect(newDealFields(hidden).map((field) => field.name)).toEqual(expect.arrayContaining(['expected_close', 'cf_order_ref']));
    expect(newDealFields(hidden).map((field) => field.name)).not.toContain('cf_notes');
    expect(newDealFields(hidden, { kind: 'list', names: ['cf_notes'] }).map((field) => field.name)).toContain('cf_notes');
    expect(newDealFields(DEAL_FIELDS, { kind: 'all' }).map((field) => field.name)).toContain('cf_notes');
    expect(newDealFields(hidden, { kind: 'all' }).map((field) => field.name)).not.toContain('cf_notes');
  });

  it('takes the amount with the currency\'s decimals (B2)', () => {
    const amount = newDealFields(DEAL_FIELDS).find((field) => field.name === 'amount');
    expect(amount?.kind).toBe('decimal');
  });

  it('starts empty without settings or a user', () => {
    expect(newDealInitial([], undefined)).toEqual({});
  });
});

describe('moving a deal to Lost (B8)', () => {
  const REASONS = toFieldDefs([
    { name: 'deal_reason_id', label: 'Lost reason', type: 'dropdown', default: true, visible: false, position: 20, choices: [{ id: 402000291001, value: 'Price' }, { id: 402000291002, value: 'Timing' }] },
  ]);
  const withReasons = [...DEAL_FIELDS, ...REASONS];
  const renewal = () => screen.getByRole('combobox', { name: format(text.stageLabel, { name: 'Acme renewal' }) });

  it('asks why before moving a deal to a lost stage, and sends stage and reason together', async () => {
    const actions = fakeActions();
    render(<DealsSection data={contactData({ dealFields: withReasons })} actions={actions} />);
    fireEvent.change(renewal(), { target: { value: String(STAGE.lost) } });
    expect(actions.changeDealStage).not.toHaveBeenCalled();
    const prompt = screen.getByTestId('lost-reason-form');
    const reason = within(prompt).getByRole('combobox', { name: format(text.lostReason, { name: 'Acme renewal' }) });
    expect(reason).toHaveFocus();
    expect(within(reason).getAllByRole('option').map((option) => option.textContent)).toEqual([messages.fields.selectPlaceholder, 'Price', 'Timing']);

    await clickFwButton(within(prompt).getByTestId('lost-reason-save'));
    expect(within(prompt).getByRole('alert')).toHaveTextContent(text.lostReasonRequired);
    expect(actions.changeDealStage).not.toHaveBeenCalled();

    fireEvent.change(reason, { target: { value: '402000291002' } });
    await act(async () => {
      fireEvent.submit(prompt);
      await Promise.resolve();
    });
    expect(actions.changeDealStage).toHaveBeenCalledWith(DEALS[1], STAGE.lost, 402000291002);
    expect(screen.queryByTestId('lost-reason-form')).toBeNull();
  });

  it('backs out on Escape or Cancel, moving nothing', async () => {
    const actions = fakeActions();
    render(<DealsSection data={contactData({ dealFields: withReasons })} actions={actions} />);
    fireEvent.change(renewal(), { target: { value: String(STAGE.lost) } });
    fireEvent.keyDown(screen.getByTestId('lost-reason'), { key: 'Escape' });
    expect(screen.queryByTestId('lost-reason-form')).toBeNull();
    fireEvent.change(renewal(), { target: { value: String(STAGE.lost) } });
    await clickFwButton(screen.getByTestId('lost-reason-cancel'));
    expect(screen.queryByTestId('lost-reason-form')).toBeNull();
    expect(actions.changeDealStage).not.toHaveBeenCalled();
  });

  it('moves at once when the account has no lost reasons, or the stage is not lost', () => {
    const actions = fakeActions();
    const { unmount } = render(<DealsSection data={contactData()} actions={actions} />);
    fireEvent.change(renewal(), { target: { value: String(STAGE.lost) } });
    expect(actions.changeDealStage).toHaveBeenLastCalledWith(DEALS[1], STAGE.lost);
    unmount();
    render(<DealsSection data={contactData({ dealFields: withReasons })} actions={actions} />);
    fireEvent.change(renewal(), { target: { value: String(STAGE.proposal) } });
    expect(actions.changeDealStage).toHaveBeenLastCalledWith(DEALS[1], STAGE.proposal);
    expect(screen.queryByTestId('lost-reason-form')).toBeNull();
  });
});

it('filters a long deal list by name and stage', () => {
  const many = Array.from({ length: 12 }, (_, index) => deal({ id: index + 1, name: `Deal ${index + 1}`, deal_stage_id: index === 3 ? STAGE.proposal : STAGE.new }));
  render(<DealsSection data={accountData({ deals: many })} actions={fakeActions()} />);
  fireEvent.change(screen.getByTestId('list-filter'), { target: { value: 'proposal' } });
  expect(screen.getAllByTestId('deal-item').map((item) => within(item).getAllByRole('button')[0]?.textContent)).toEqual(['Deal 4']);
});
