import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { lifecycleStageOptions, statusOptions } from '../data/lead-conversion';
import type { ConversionOutcome } from '../data/lead-operations';
import { format, messages } from '../i18n/messages';
import { typeInto } from '../test/crayons-fields';
import { IDS } from '../test/crm-fixtures';
import { deferred } from '../test/fake-client';
import { warmLazyEditor } from '../test/lazy-editor';
import { contactStatusesBody, lifecycleStagesBody, OPS } from '../test/operation-fixtures';
import { stoppedMessage } from './ConvertLead';
import { CURRENT_USER, contactData, fakeActions, type FakeActions } from '../test/section-fixtures';
import { LeadConversion } from './LeadConversion';
import { clickAndSettle, pastThrottle } from './testing';

beforeAll(warmLazyEditor);

const text = messages.operations.convert;
const STAGES = lifecycleStageOptions(lifecycleStagesBody());
const STATUSES = statusOptions(contactStatusesBody());
const FAILURE = { kind: 'server_error' as const, messages: [], detail: 'HTTP 500' };

const lead = (overrides = {}) => contactData({ status: { id: IDS.statusNegotiation, name: 'In negotiation', lifecycleStageId: IDS.lifecycleSql }, ...overrides });

function withOptions(actions: FakeActions = fakeActions()): FakeActions {
  actions.records.lifecycleStages.mockResolvedValue({ ok: true, value: STAGES });
  actions.records.contactStatuses.mockResolvedValue({ ok: true, value: STATUSES });
  return actions;
}

async function renderBar(actions: FakeActions, data = lead()) {
  await act(async () => {
    render(<LeadConversion data={data} actions={actions} currentUser={CURRENT_USER} />);
    await Promise.resolve();
  });
}

async function openForm(actions: FakeActions, data = lead()) {
  await renderBar(actions, data);
  await clickAndSettle(screen.getByTestId('convert-lead'));
  return screen.findByTestId('convert-form');
}

const control = (testId: string) => screen.getByTestId<HTMLInputElement>(testId);

describe('LeadConversion', () => {
  it('offers conversion on a contact in a lead-type stage, saying which', async () => {
    await renderBar(withOptions());
    expect(screen.getByTestId('lead-conversion')).toHaveTextContent(format(text.intro, { stage: 'Sales Qualified Lead' }));
  });

  it.each([
    ['a customer', { status: { id: OPS.statusWon, name: 'Won', lifecycleStageId: OPS.lifecycleCustomer } }],
    ['a contact whose stage is unknown', { status: undefined }],
  ])('offers nothing on %s', async (_what, overrides) => {
    await renderBar(withOptions(), lead(overrides));
    expect(screen.queryByTestId('lead-conversion')).toBeNull();
  });

  it('offers nothing while the stages cannot be loaded', async () => {
    const actions = fakeActions();
    actions.records.lifecycleStages.mockResolvedValue({ ok: false, failure: FAILURE });
    await renderBar(actions);
    expect(screen.queryByTestId('lead-conversion')).toBeNull();
  });
});

describe('ConvertLead form', () => {
  it('starts at the next stage and its first status, the stage focused, with a deal named after the contact', async () => {
    await openForm(withOptions());
    expect(control('convert-stage')).toHaveFocus();
    expect(control('convert-stage').value).toBe(String(OPS.lifecycleCustomer));
    expect(Array.from(control('convert-stage').querySelectorAll('option')).map((option) => option.textContent)).toEqual(['Lead', 'Customer']);
    expect(control('convert-status').value).toBe(String(OPS.statusWon));
    expect(control('convert-with-account').checked).toBe(false);
    expect(control('convert-with-deal').checked).toBe(true);
    await waitFor(() => expect((screen.getByTestId('convert-form').querySelector('[name="name"]') as unknown as { value: string }).value).toBe('Priya Nair'));
  });

  it('picking another stage picks its first status', async () => {
    await openForm(withOptions());
    fireEvent.change(control('convert-stage'), { target: { value: String(IDS.lifecycleLead) } });
    expect(control('convert-status').value).toBe(String(IDS.statusNew));
  });

  it('checks the deal\'s required fields and the account name before sending anything', async () => {
    const actions = withOptions();
    await openForm(actions, lead({ accounts: [] }));
    expect(control('convert-with-account').checked).toBe(true);
    await clickAndSettle(screen.getByTestId('convert-save'));
    expect(screen.getByText(text.accountRequired)).toBeInTheDocument();
    expect(screen.getByText('Order reference is required.')).toBeInTheDocument();
    expect(actions.records.convertLead).not.toHaveBeenCalled();
  });

  it('sends the stage, status, account and deal', async () => {
    const actions = withOptions();
    await openForm(actions, lead({ accounts: [] }));
    fireEvent.change(control('convert-account-name'), { target: { value: ' Globex ' } });
    await typeInto(screen.getByTestId('convert-form').querySelector('[name="cf_order_ref"]') as Element, 'SO-9');
    await clickAndSettle(screen.getByTestId('convert-save'));
    expect(actions.records.convertLead).toHaveBeenCalledWith({
      stageId: OPS.lifecycleCustomer,
      statusId: OPS.statusWon,
      accountName: 'Globex',
      deal: expect.objectContaining({ name: 'Priya Nair', cf_order_ref: 'SO-9' }) as unknown,
    });
    await waitFor(() => expect(screen.queryByTestId('convert-form')).toBeNull());
  });

  it('without the deal, sends no deal; a stop says what was already done and keeps the form', async () => {
    const actions = withOptions();
    const answer = deferred<ConversionOutcome>();
    actions.records.convertLead.mockImplementation(() => answer.promise);
    await openForm(actions);
    fireEvent.click(control('convert-with-deal'));
    expect(screen.getByTestId('convert-form').querySelector('[name="name"]')).toBeNull();
    await clickAndSettle(screen.getByTestId('convert-save'));
    expect(actions.records.convertLead).toHaveBeenCalledWith({ stageId: OPS.lifecycleCustomer, statusId: OPS.statusWon, accountName: null, deal: null });
    const stopped = { status: 'refused' as const, reason: 'Status is invalid', done: ['created account Globex'] };
    await act(async () => {
      answer.resolve(stopped);
      await answer.promise;
    });
    expect(screen.getByTestId('form-refusal')).toHaveTextContent(stoppedMessage(stopped));
    expect(stoppedMessage({ ...stopped, done: [] })).toBe(format(text.partial, { reason: 'Status is invalid', steps: text.nothingDone }));
  });

  it('Esc and Cancel close it; a failed load says why and can be closed', async () => {
    const actions = withOptions();
    await openForm(actions);
    fireEvent.keyDown(control('convert-stage'), { key: 'Escape' });
    expect(screen.queryByTestId('convert-form')).toBeNull();
    actions.records.contactStatuses.mockResolvedValue({ ok: false, failure: FAILURE });
    await pastThrottle();
    await clickAndSettle(screen.getByTestId('convert-lead'));
    const notice = await screen.findByTestId('convert-notice');
    expect(notice).toHaveTextContent(format(text.loadFailed, { reason: messages.writes.reasons.server_error }));
    fireEvent.click(screen.getByRole('button', { name: messages.sections.cancel }));
    expect(screen.queryByTestId('convert-notice')).toBeNull();
  });
});
