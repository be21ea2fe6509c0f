import { render, screen, waitFor, within } from '@testing-library/react';
import type { FieldValue } from '../model/fields';
import { clickFwButton, settleInAct } from '../test/crayons';
import { FieldForm } from './FieldForm';
import { actAndSettle, clickAndSettle, fireCrayons, shadowChild, typeInto } from '../test/crayons-fields';
import { fieldOf, OWNER_CHOICES } from '../test/fields';
import { warmLazyEditor } from '../test/lazy-editor';

beforeAll(warmLazyEditor);

const FIELDS = [
  fieldOf('text', { name: 'name', label: 'Deal name', required: true }),
  fieldOf('decimal', { name: 'amount', label: 'Amount' }),
  fieldOf('dropdown', { name: 'owner_id', label: 'Owner', required: true, choices: OWNER_CHOICES }),
  fieldOf('date', { name: 'expected_close', label: 'Expected close' }),
];

function editorOf(name: string): Element {
  const editor = screen.getByTestId('field-form').querySelector(`[name="${name}"]`);
  if (editor === null) throw new Error(`no editor for ${name}`);
  return editor;
}

type Submit = (values: Record<string, FieldValue>) => Promise<boolean>;

function renderForm(onSubmit = jest.fn<ReturnType<Submit>, Parameters<Submit>>(() => Promise.resolve(true)), onCancel = jest.fn()) {
  render(<FieldForm fields={FIELDS} initial={{ owner_id: 402000000012 }} submitLabel="Create deal" onSubmit={onSubmit} onCancel={onCancel} />);
  return { onSubmit, onCancel };
}

describe('FieldForm', () => {
  it('renders a Crayons editor per field, with the initial values, and the two buttons', async () => {
    renderForm();
    const form = screen.getByTestId('field-form');
    expect(form.tagName).toBe('FORM');
    expect(Array.from(form.querySelectorAll('fw-input, fw-select, fw-datepicker')).map((el) => el.tagName)).toEqual([
      'FW-INPUT',
      'FW-INPUT',
      'FW-SELECT',
      'FW-DATEPICKER',
    ]);
    await waitFor(() => expect((editorOf('owner_id') as unknown as { value: string }).value).toBe('402000000012'));
    expect(screen.getByTestId('form-submit')).toHaveTextContent('Create deal');
    expect(screen.getByTestId('form-cancel')).toHaveTextContent('Cancel');
  });

  it('uses the test id it is given', () => {
    render(<FieldForm fields={FIELDS} submitLabel="Add" onSubmit={jest.fn()} onCancel={jest.fn()} testId="deal-form" />);
    expect(screen.getByTestId('deal-form').tagName).toBe('FORM');
  });

  it('shows every message on submit and sends nothing', async () => {
    const { onSubmit } = renderForm();
    await typeInto(editorOf('amount'), '12,50');
    await clickAndSettle(screen.getByTestId('form-submit'));
    const alerts = within(screen.getByTestId('field-form')).getAllByRole('alert');
    expect(alerts.map((alert) => alert.textContent)).toEqual(['Deal name is required.', 'Amount must be a number, like 1250.50.']);
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('clears a message when that field changes', async () => {
    renderForm();
    await clickAndSettle(screen.getByTestId('form-submit'));
    expect(screen.getByRole('alert')).toHaveTextContent('Deal name is required.');
    await typeInto(editorOf('name'), 'Big deal');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('submits the values in request form', async () => {
    const { onSubmit } = renderForm();
    await typeInto(editorOf('name'), ' Big deal ');
    await typeInto(editorOf('amount'), '1250.50');
    fireCrayons(editorOf('owner_id'), 'fwChange', { value: '402000000011' });
    fireCrayons(editorOf('expected_close'), 'fwChange', { value: '2024-06-30T00:00:00+02:00' });
    await clickAndSettle(screen.getByTestId('form-submit'));
    expect(onSubmit).toHaveBeenCalledWith({ name: 'Big deal', amount: '1250.50', owner_id: 402000000011, expected_close: '2024-06-30' });
  });

  it('sends null for optional fields left empty', async () => {
    const { onSubmit } = renderForm();
    await typeInto(editorOf('name'), 'Small deal');
    await clickAndSettle(screen.getByTestId('form-submit'));
    expect(onSubmit).toHaveBeenCalledWith({ name: 'Small deal', amount: null, owner_id: 402000000012, expected_close: null });
  });

  it('is busy while submitting: the submit is disabled and a second submit does nothing', async () => {
    let finish: (ok: boolean) => void = () => undefined;
    const onSubmit = jest.fn<ReturnType<Submit>, Parameters<Submit>>(() => new Promise<boolean>((resolve) => (finish = resolve)));
    renderForm(onSubmit);
    await typeInto(editorOf('name'), 'Big deal');
    await clickAndSettle(screen.getByTestId('form-submit'));
    const submit = screen.getByTestId('form-submit') as unknown as { disabled: boolean; loading: boolean };
    expect(submit.disabled).toBe(true);
    expect(submit.loading).toBe(true);
    expect(screen.getByTestId('field-form')).toHaveAttribute('aria-busy', 'true');
    await settleInAct(() => screen.getByTestId('field-form').dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    expect(onSubmit).toHaveBeenCalledTimes(1);

    await settleInAct(() => finish(false));
    // Refused: the form stays, with what was typed, ready to try again.
    expect(submit.disabled).toBe(false);
    const native = await shadowChild<HTMLInputElement>(editorOf('name'), 'input');
    expect(native.value).toBe('Big deal');
  });

  it('calls onCancel from the Cancel button', async () => {
    const { onCancel, onSubmit } = renderForm();
    await clickFwButton(screen.getByTestId('form-cancel'));
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(onSubmit).not.toHaveBeenCalled();
  });
});

describe('FieldForm keyboard and checks (B1, B9, B11)', () => {
  function key(target: Element, name: string): Promise<void> {
    return actAndSettle(() => target.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, composed: true, cancelable: true })));
  }

  async function dateTextBox(): Promise<HTMLInputElement> {
    const box = await shadowChild(editorOf('expected_close'), 'fw-input');
    return shadowChild<HTMLInputElement>(box, 'input');
  }

  it('puts focus in the first field when it opens', async () => {
    renderForm();
    const first = editorOf('name');
    const native = await shadowChild<HTMLInputElement>(first, 'input');
    await waitFor(() => expect(first.shadowRoot?.activeElement).toBe(native));
  });

  it('closes on Escape', async () => {
    const { onCancel, onSubmit } = renderForm();
    await key(await shadowChild(editorOf('amount'), 'input'), 'Escape');
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('submits on Enter in a one-line field', async () => {
    const { onSubmit } = renderForm();
    await typeInto(editorOf('name'), 'Big deal');
    await key(await shadowChild(editorOf('name'), 'input'), 'Enter');
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ name: 'Big deal' }));
  });

  it('sends a typed close date, next year too, on Enter in the date box', async () => {
    const { onSubmit } = renderForm();
    await typeInto(editorOf('name'), 'Big deal');
    const box = await dateTextBox();
    await typeInto((box.getRootNode() as ShadowRoot).host, '2031-01-15');
    await key(box, 'Enter');
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ name: 'Big deal', expected_close: '2031-01-15' }));
  });

  it('runs the form check after the field checks and shows its message, sending nothing', async () => {
    const onSubmit = jest.fn(() => Promise.resolve(true));
    const check = jest.fn((values: Record<string, FieldValue>) => (values.amount === '' ? 'Give it an amount or a reason.' : undefined));
    render(<FieldForm fields={FIELDS} initial={{ owner_id: 402000000012 }} submitLabel="Create" onSubmit={onSubmit} onCancel={jest.fn()} check={check} />);
    await typeInto(editorOf('name'), 'Big deal');
    await clickAndSettle(screen.getByTestId('form-submit'));
    expect(screen.getByTestId('form-error')).toHaveTextContent('Give it an amount or a reason.');
    expect(onSubmit).not.toHaveBeenCalled();
    await typeInto(editorOf('amount'), '10');
    expect(screen.queryByTestId('form-error')).toBeNull();
  });

  it('shows the message a submit resolves with (the CRM refusal, in full) and stays open', async () => {
    const refusal = `Freshsales did not create the contact: ${'a long reason '.repeat(12)}`;
    const onSubmit = jest.fn(() => Promise.resolve(refusal));
    render(<FieldForm fields={FIELDS} initial={{ owner_id: 402000000012 }} submitLabel="Create" onSubmit={onSubmit} onCancel={jest.fn()} />);
    await typeInto(editorOf('name'), 'Big deal');
    await clickAndSettle(screen.getByTestId('form-submit'));
    expect(screen.getByTestId('form-error')).toHaveTextContent(refusal.trim());
    expect(screen.getByTestId('form-error')).toHaveClass('form-error');
  });
});
