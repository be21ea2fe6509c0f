import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { FieldDef, FieldValue } from '../model/fields';
import { clickFwButton, settleInAct } from '../test/crayons';
import { InlineField } from './InlineField';
import { actAndSettle, clickAndSettle, fireCrayons, pressKey, shadowChild, typeInto } from '../test/crayons-fields';
import { fieldOf, OWNER_CHOICES } from '../test/fields';
import { warmLazyEditor } from '../test/lazy-editor';
import { pastThrottle } from '../sections/testing';

beforeAll(warmLazyEditor);

const title = fieldOf('text', { name: 'job_title', label: 'Job title' });

function deferred() {
  let resolve: (value: boolean) => void = () => undefined;
  const promise = new Promise<boolean>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

function renderField(field: FieldDef, value: FieldValue, onSave = jest.fn(() => Promise.resolve(true)), extra: { display?: string; editable?: boolean } = {}) {
  const view = render(<InlineField field={field} value={value} onSave={onSave} {...extra} />);
  return { ...view, onSave, row: screen.getByTestId(`field-${field.name}`) };
}

async function openEditor(field: FieldDef): Promise<Element> {
  fireEvent.click(screen.getByTestId(`field-edit-${field.name}`));
  const row = screen.getByTestId(`field-${field.name}`);
  const editor = row.querySelector('fw-input, fw-textarea, fw-select, fw-datepicker, fw-checkbox');
  if (editor === null) throw new Error('no editor');
  await shadowChild(editor, 'input, textarea');
  return editor;
}

describe('InlineField', () => {
  it('shows the label, the value and a labelled edit button', () => {
    const { row } = renderField(title, 'CTO');
    expect(row).toHaveAccessibleName('Job title');
    expect(row).toHaveTextContent('Job title');
    expect(row).toHaveTextContent('CTO');
    const edit = screen.getByRole('button', { name: 'Edit Job title' });
    expect(edit).toBe(screen.getByTestId('field-edit-job_title'));
    expect(edit.tagName).toBe('BUTTON');
    expect(row.querySelector('fw-input')).toBeNull();
  });

  it('shows a dash for an empty value and the display text when given', () => {
    renderField(title, null);
    expect(screen.getByTestId('field-job_title')).toHaveTextContent('—');
  });

  it('uses the display text given', () => {
    const { row } = renderField(fieldOf('decimal', { name: 'amount' }), '5600.0', undefined, { display: '$5,600.00' });
    expect(row).toHaveTextContent('$5,600.00');
  });

  it('renders record text as text, never as HTML', () => {
    const { row } = renderField(title, '<img src=x onerror=alert(1)>');
    expect(row.querySelector('img')).toBeNull();
    expect(row).toHaveTextContent('<img src=x onerror=alert(1)>');
  });

  it('has no edit button when not editable or without onSave', () => {
    render(<InlineField field={title} value="CTO" editable={false} onSave={jest.fn()} />);
    render(<InlineField field={fieldOf('text', { name: 'other' })} value="x" />);
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('opens the Crayons editor with the value, focused, with Save and Cancel', async () => {
    const { row } = renderField(title, 'CTO');
    const editor = await openEditor(title);
    expect(editor.tagName).toBe('FW-INPUT');
    const native = await shadowChild<HTMLInputElement>(editor, 'input');
    await waitFor(() => expect(native.value).toBe('CTO'));
    await waitFor(() => expect(editor.shadowRoot?.activeElement).toBe(native));
    expect(within(row).getByTestId('field-save')).toHaveTextContent('Save');
    expect(within(row).getByTestId('field-cancel')).toHaveTextContent('Cancel');
    expect(screen.queryByTestId('field-edit-job_title')).toBeNull();
  });

  it('saves the typed value with the Save button and goes back to reading', async () => {
    const { onSave } = renderField(title, 'CTO');
    const editor = await openEditor(title);
    await typeInto(editor, '  Chief of Staff ');
    await clickAndSettle(screen.getByTestId('field-save'));
    expect(onSave).toHaveBeenCalledWith('Chief of Staff');
    await waitFor(() => expect(screen.getByTestId('field-edit-job_title')).toHaveFocus());
    expect(screen.queryByTestId('field-save')).toBeNull();
  });

  it('sends the request form of the value (a number for a whole-number field, an id for a dropdown)', async () => {
    const probability = fieldOf('number', { name: 'probability', label: 'Probability' });
    const { onSave } = renderField(probability, 30);
    await typeInto(await openEditor(probability), '45');
    await clickAndSettle(screen.getByTestId('field-save'));
    expect(onSave).toHaveBeenCalledWith(45);
  });

  it('saves a dropdown choice as its numeric id', async () => {
    const owner = fieldOf('dropdown', { name: 'owner_id', label: 'Owner', choices: OWNER_CHOICES });
    const { onSave, row } = renderField(owner, 402000000011);
    expect(row).toHaveTextContent('Asha Rao');
    fireEvent.click(screen.getByTestId('field-edit-owner_id'));
    const select = row.querySelector('fw-select');
    if (select === null) throw new Error('no fw-select');
    fireCrayons(select, 'fwChange', { value: '402000000012' });
    await clickAndSettle(screen.getByTestId('field-save'));
    expect(onSave).toHaveBeenCalledWith(402000000012);
  });

  it('saves on Enter and cancels on Escape', async () => {
    const { onSave } = renderField(title, 'CTO');
    let editor = await openEditor(title);
    await typeInto(editor, 'CEO');
    await pressKey(editor, 'Enter');
    expect(onSave).toHaveBeenCalledWith('CEO');
    await waitFor(() => expect(screen.queryByTestId('field-save')).toBeNull());

    editor = await openEditor(title);
    await typeInto(editor, 'Intern');
    await pressKey(editor, 'Escape');
    expect(screen.queryByTestId('field-save')).toBeNull();
    expect(onSave).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.getByTestId('field-edit-job_title')).toHaveFocus());
  });

  it('does not save on Enter in a paragraph (Enter is a new line there)', async () => {
    const notes = fieldOf('paragraph', { name: 'cf_notes', label: 'Notes' });
    const { onSave } = renderField(notes, 'a');
    const editor = await openEditor(notes);
    await pressKey(editor, 'Enter');
    expect(onSave).not.toHaveBeenCalled();
    expect(screen.getByTestId('field-save')).toBeInTheDocument();
  });

  it('cancels with the Cancel button and forgets what was typed', async () => {
    const { onSave, row } = renderField(title, 'CTO');
    const editor = await openEditor(title);
    await typeInto(editor, 'Something else');
    await clickFwButton(screen.getByTestId('field-cancel'));
    expect(onSave).not.toHaveBeenCalled();
    expect(row).toHaveTextContent('CTO');
    const reopened = await openEditor(title);
    const native = await shadowChild<HTMLInputElement>(reopened, 'input');
    await waitFor(() => expect(native.value).toBe('CTO'));
  });

  it('shows the validation message and keeps editing when the value is wrong', async () => {
    const email = fieldOf('email', { name: 'cf_email', label: 'Billing email', required: true });
    const { onSave } = renderField(email, 'a@example.com');
    const editor = await openEditor(email);
    await typeInto(editor, 'not-an-email');
    await clickAndSettle(screen.getByTestId('field-save'));
    expect(screen.getByRole('alert')).toHaveTextContent('Billing email must be an email address, like name@example.com.');
    expect(onSave).not.toHaveBeenCalled();

    await typeInto(editor, '');
    await pressKey(editor, 'Enter');
    expect(screen.getByRole('alert')).toHaveTextContent('Billing email is required.');
    // Typing again clears the message until the next save.
    await typeInto(editor, 'b@example.com');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows a saving state, and stays in the editor with the typed value when the save fails', async () => {
    const pending = deferred();
    const onSave = jest.fn(() => pending.promise);
    const { row } = renderField(title, 'CTO', onSave);
    const editor = await openEditor(title);
    await typeInto(editor, 'CFO');
    await clickAndSettle(screen.getByTestId('field-save'));

    const save = screen.getByTestId('field-save');
    expect(save).toHaveTextContent('Saving…');
    expect((save as unknown as { loading: boolean }).loading).toBe(true);
    expect((screen.getByTestId('field-cancel') as unknown as { disabled: boolean }).disabled).toBe(true);
    expect(row.querySelector('[aria-busy="true"]')).not.toBeNull();
    // A second Enter while saving does not send twice.
    await pressKey(editor, 'Enter');
    expect(onSave).toHaveBeenCalledTimes(1);

    await settleInAct(() => pending.resolve(false));
    expect(screen.getByTestId('field-save')).toHaveTextContent('Save');
    const native = await shadowChild<HTMLInputElement>(editor, 'input');
    expect(native.value).toBe('CFO');
    expect(row).not.toHaveTextContent('Saving…');
  });

  it('edits a checkbox and saves a boolean', async () => {
    const vip = fieldOf('checkbox', { name: 'cf_vip', label: 'VIP', custom: true });
    const { onSave, row } = renderField(vip, false);
    expect(row).toHaveTextContent('No');
    fireEvent.click(screen.getByTestId('field-edit-cf_vip'));
    const checkbox = row.querySelector('fw-checkbox');
    if (checkbox === null) throw new Error('no fw-checkbox');
    await shadowChild(checkbox, 'input');
    act(() => (checkbox as HTMLElement).click());
    await clickAndSettle(screen.getByTestId('field-save'));
    expect(onSave).toHaveBeenCalledWith(true);
  });
});

describe('InlineField dates, keys and links', () => {
  const close = fieldOf('date', { name: 'expected_close', label: 'Expected close' });

  async function openDate(): Promise<{ picker: Element; box: HTMLInputElement }> {
    fireEvent.click(screen.getByTestId('field-edit-expected_close'));
    const picker = screen.getByTestId('field-expected_close').querySelector('fw-datepicker');
    if (picker === null) throw new Error('no date picker');
    const textBox = await shadowChild(picker, 'fw-input');
    return { picker, box: await shadowChild<HTMLInputElement>(textBox, 'input') };
  }

  function key(target: HTMLElement, name: string): Promise<void> {
    return actAndSettle(() => target.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, composed: true, cancelable: true })));
  }

  /** What Crayons does when a calendar or list opens: its popover's content gets `data-show`. */
  async function setPopupOpen(picker: Element, open: boolean): Promise<void> {
    const popover = await shadowChild(picker, 'fw-popover');
    const content = await shadowChild(popover, '.popper-content');
    if (open) content.setAttribute('data-show', '');
    else content.removeAttribute('data-show');
  }

  it('saves a typed date on Enter, next year included, without the calendar', async () => {
    const { onSave } = renderField(close, '2024-06-30');
    const { box } = await openDate();
    await typeInto((box.getRootNode() as ShadowRoot).host, '2031-01-15');
    await key(box, 'Enter');
    expect(onSave).toHaveBeenCalledWith('2031-01-15');
  });

  it('saves a typed date on Save, and refuses half a date with a message', async () => {
    const { onSave } = renderField(close, null);
    const { box } = await openDate();
    await typeInto((box.getRootNode() as ShadowRoot).host, '2031-01');
    await clickAndSettle(screen.getByTestId('field-save'));
    expect(onSave).not.toHaveBeenCalled();
    expect(within(screen.getByTestId('field-expected_close')).getByRole('alert')).toHaveTextContent('Expected close must be a real date');
    await typeInto((box.getRootNode() as ShadowRoot).host, '2031-01-15');
    await pastThrottle();
    await clickAndSettle(screen.getByTestId('field-save'));
    expect(onSave).toHaveBeenCalledWith('2031-01-15');
  });

  it('leaves Escape to an open calendar, and cancels once it is closed', async () => {
    renderField(close, '2024-06-30');
    const { picker, box } = await openDate();
    await setPopupOpen(picker, true);
    await key(box, 'Escape');
    expect(screen.getByTestId('field-save')).toBeInTheDocument();
    await setPopupOpen(picker, false);
    await key(box, 'Escape');
    expect(screen.queryByTestId('field-save')).toBeNull();
  });

  it.each([
    [fieldOf('email', { name: 'f_email' }), 'priya@acme.example', 'mailto:priya@acme.example'],
    [fieldOf('phone', { name: 'f_phone' }), '+1 (415) 555-0100', 'tel:+14155550100'],
    [fieldOf('url', { name: 'f_url' }), 'https://acme.example/docs', 'https://acme.example/docs'],
  ])('shows a %s value as a link to act on', (field, value, href) => {
    const { row } = renderField(field, value);
    const link = within(row).getByRole('link', { name: value });
    expect(link).toHaveAttribute('href', href);
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    expect(link.getAttribute('target')).toBe(field.kind === 'url' ? '_blank' : null);
  });

  it('keeps values that are not addresses as plain, isolated text', () => {
    const { row } = renderField(fieldOf('url', { name: 'f_url' }), 'javascript:alert(1)');
    expect(within(row).queryByRole('link')).toBeNull();
    expect(row.querySelector('.inline-field-value bdi')).toHaveTextContent('javascript:alert(1)');
  });

  it('isolates the label and the value, so a right-to-left override ends with them', () => {
    const { row } = renderField(title, '\u202Egnp.exe');
    expect(Array.from(row.querySelectorAll('bdi')).map((element) => element.textContent)).toEqual(['Job title', '\u202Egnp.exe']);
  });
});
