import { act, render, waitFor } from '@testing-library/react';
import { useState } from 'react';
import type { FieldDef, FieldValue } from '../model/fields';
import { FieldEditor, FIRST_YEAR, LAST_YEAR, toDateValue, toSelectValue } from './FieldEditor';
import { fieldOf, OWNER_CHOICES, REGION_CHOICES } from '../test/fields';

function Controlled({ field, initial, onChange, error }: { field: FieldDef; initial: FieldValue; onChange: (value: FieldValue) => void; error?: string }) {
  const [value, setValue] = useState(initial);
  return (
    <FieldEditor
      field={field}
      value={value}
      error={error}
      onChange={(next) => {
        setValue(next);
        onChange(next);
      }}
    />
  );
}

function host(container: HTMLElement, tag: string): HTMLElement {
  const element = container.querySelector<HTMLElement>(tag);
  if (element === null) throw new Error(`no ${tag}`);
  return element;
}

async function inner<T extends Element>(element: HTMLElement, selector: string): Promise<T> {
  return waitFor(() => {
    const found = element.shadowRoot?.querySelector<T>(selector);
    if (found === null || found === undefined) throw new Error(`${element.tagName} has not rendered ${selector}`);
    return found;
  });
}

async function typeInto(element: HTMLElement, text: string, selector = 'input'): Promise<void> {
  const native = await inner<HTMLInputElement>(element, selector);
  act(() => {
    native.value = text;
    native.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  });
}

type Props = Record<string, unknown>;
const props = (element: Element): Props => element as unknown as Props;

function fire(element: HTMLElement, name: string, detail: unknown): void {
  act(() => {
    element.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  });
}

describe('FieldEditor', () => {
  const inputKinds: Array<[FieldDef['kind'], string]> = [
    ['text', 'text'],
    ['number', 'number'],
    ['decimal', 'text'],
    ['url', 'url'],
    ['email', 'email'],
    ['phone', 'tel'],
  ];

  it.each(inputKinds)('edits a %s field with a Crayons fw-input of type %s, labelled, and reports typing', async (kind, type) => {
    const onChange = jest.fn();
    const field = fieldOf(kind, { label: 'Thing', required: true });
    const { container } = render(<Controlled field={field} initial="" onChange={onChange} />);
    const input = host(container, 'fw-input');
    expect(props(input).type).toBe(type);
    expect(props(input).label).toBe('Thing');
    expect(props(input).required).toBe(true);
    const native = await inner<HTMLInputElement>(input, 'input');
    expect(native.required).toBe(true);
    // Crayons draws the label (with its required asterisk) for the inner input.
    expect(input.shadowRoot?.querySelector(`label[for="${native.id}"]`)).toHaveTextContent('Thing');
    await typeInto(input, '42');
    expect(onChange).toHaveBeenLastCalledWith('42');
    await waitFor(() => expect(props(input).value).toBe('42'));
  });

  it('shows the current value in the input', async () => {
    const { container } = render(<FieldEditor field={fieldOf('decimal')} value="5600.0" onChange={jest.fn()} />);
    const native = await inner<HTMLInputElement>(host(container, 'fw-input'), 'input');
    await waitFor(() => expect(native.value).toBe('5600.0'));
  });

  it('edits a paragraph with fw-textarea', async () => {
    const onChange = jest.fn();
    const { container } = render(<Controlled field={fieldOf('paragraph', { label: 'Notes' })} initial="old" onChange={onChange} />);
    const textarea = host(container, 'fw-textarea');
    expect(props(textarea).label).toBe('Notes');
    await typeInto(textarea, 'line 1\nline 2', 'textarea');
    expect(onChange).toHaveBeenLastCalledWith('line 1\nline 2');
  });

  it('edits a date with fw-datepicker in yyyy-MM-dd and reports a plain date', async () => {
    const onChange = jest.fn();
    const { container } = render(<Controlled field={fieldOf('date', { label: 'Close' })} initial="2024-05-31" onChange={onChange} />);
    const picker = host(container, 'fw-datepicker');
    expect(props(picker).displayFormat).toBe('yyyy-MM-dd');
    expect(props(picker).label).toBe('Close');
    const shown = await inner<HTMLElement>(picker, 'fw-input');
    await waitFor(() => expect(props(shown).value).toBe('2024-05-31'));
    // The calendar reports a local ISO timestamp; the field keeps the calendar date.
    fire(picker, 'fwChange', { value: '2024-06-02T00:00:00+05:30' });
    expect(onChange).toHaveBeenLastCalledWith('2024-06-02');
    fire(picker, 'fwChange', { value: undefined });
    expect(onChange).toHaveBeenLastCalledWith('');
  });

  it('shows an empty date picker for no date', () => {
    const { container } = render(<FieldEditor field={fieldOf('date')} value={null} onChange={jest.fn()} />);
    expect(props(host(container, 'fw-datepicker')).value).toBeUndefined();
  });

  it('edits a built-in dropdown with fw-select whose options are the choices by id', () => {
    const onChange = jest.fn();
    const field = fieldOf('dropdown', { name: 'owner_id', label: 'Owner', choices: OWNER_CHOICES });
    const { container } = render(<Controlled field={field} initial="402000000011" onChange={onChange} />);
    const select = host(container, 'fw-select');
    expect(props(select).multiple).toBe(false);
    expect(props(select).label).toBe('Owner');
    expect(props(select).options).toEqual([
      { text: 'Asha Rao', value: '402000000011' },
      { text: 'Ben Ortiz', value: '402000000012' },
    ]);
    expect(props(select).value).toBe('402000000011');
    fire(select, 'fwChange', { value: '402000000012' });
    expect(onChange).toHaveBeenLastCalledWith('402000000012');
  });

  it('edits a custom dropdown by label, as the CRM stores it', () => {
    const field = fieldOf('dropdown', { name: 'cf_region', custom: true, choices: REGION_CHOICES });
    const { container } = render(<FieldEditor field={field} value="EMEA" onChange={jest.fn()} />);
    const select = host(container, 'fw-select');
    expect(props(select).options).toEqual(REGION_CHOICES.map((choice) => ({ text: choice.label, value: choice.label })));
    expect(props(select).value).toBe('EMEA');
  });

  it('edits a multi-select with a multiple fw-select and reports ;-joined values', async () => {
    const onChange = jest.fn();
    const field = fieldOf('multi_select', { custom: true, choices: REGION_CHOICES });
    const { container } = render(<Controlled field={field} initial="Americas;APAC" onChange={onChange} />);
    const select = host(container, 'fw-select');
    expect(props(select).multiple).toBe(true);
    await waitFor(() => expect(props(select).value).toEqual(['Americas', 'APAC']));
    fire(select, 'fwChange', { value: ['EMEA', 'APAC'] });
    expect(onChange).toHaveBeenLastCalledWith('EMEA;APAC');
    fire(select, 'fwChange', { value: [] });
    expect(onChange).toHaveBeenLastCalledWith('');
  });

  it('edits a checkbox with fw-checkbox and reports the new state on a click', async () => {
    const onChange = jest.fn();
    const { container } = render(<Controlled field={fieldOf('checkbox', { label: 'VIP' })} initial={false} onChange={onChange} />);
    const checkbox = host(container, 'fw-checkbox');
    expect(checkbox).toHaveAccessibleName('VIP');
    expect(checkbox).toHaveTextContent('VIP');
    await inner(checkbox, 'input');
    act(() => checkbox.click());
    expect(onChange).toHaveBeenLastCalledWith(true);
    await waitFor(() => expect(checkbox).toHaveAttribute('aria-checked', 'true'));
    act(() => checkbox.click());
    expect(onChange).toHaveBeenLastCalledWith(false);
  });

  it('shows the error as an alert and puts the control in its error state', async () => {
    const { container, getByRole } = render(
      <FieldEditor field={fieldOf('email', { name: 'work_email' })} value="x" onChange={jest.fn()} error="Work email must be an email address." />,
    );
    expect(getByRole('alert')).toHaveTextContent('Work email must be an email address.');
    const input = host(container, 'fw-input');
    expect(props(input).state).toBe('error');
    await waitFor(() => expect(input.shadowRoot?.querySelector('.input-container-inner')).toHaveClass('error'));
  });

  it('has no alert and a normal state without an error', () => {
    const { container, queryByRole } = render(<FieldEditor field={fieldOf('text')} value="" onChange={jest.fn()} />);
    expect(queryByRole('alert')).toBeNull();
    expect(props(host(container, 'fw-input')).state).toBe('normal');
  });

  it('moves focus into the control when asked', async () => {
    const { container } = render(<FieldEditor field={fieldOf('text')} value="" onChange={jest.fn()} autoFocus />);
    const input = host(container, 'fw-input');
    const native = await inner<HTMLInputElement>(input, 'input');
    await waitFor(() => expect(input.shadowRoot?.activeElement).toBe(native));
  });

  it('leaves the id off when none is given', () => {
    const { container } = render(<FieldEditor field={fieldOf('text')} value="" onChange={jest.fn()} />);
    expect(host(container, 'fw-input')).not.toHaveAttribute('id');
  });

  it('sets the id on the Crayons element and can be disabled', () => {
    const { container } = render(<FieldEditor field={fieldOf('text')} value="" onChange={jest.fn()} id="my-id" disabled />);
    const input = host(container, 'fw-input');
    expect(input.id).toBe('my-id');
    expect(props(input).disabled).toBe(true);
  });
});

describe('event values', () => {
  it('keeps the date part of a timestamp and passes typed text through', () => {
    expect(toDateValue('2024-06-02T00:00:00-07:00')).toBe('2024-06-02');
    expect(toDateValue('2024-06-02')).toBe('2024-06-02');
    expect(toDateValue('31/05')).toBe('31/05');
    expect(toDateValue(undefined)).toBe('');
  });

  it('joins select arrays and stringifies single values', () => {
    expect(toSelectValue(['a', 2])).toBe('a;2');
    expect(toSelectValue(7)).toBe('7');
    expect(toSelectValue(null)).toBe('');
    expect(toSelectValue({})).toBe('');
  });
});

describe('dates (B1)', () => {
  /** The native text box of a date picker: an fw-input inside its shadow root. */
  async function dateTextBox(picker: HTMLElement): Promise<HTMLInputElement> {
    const box = await inner<HTMLElement>(picker, 'fw-input');
    return inner<HTMLInputElement>(box, 'input');
  }

  function typeDate(native: HTMLInputElement, text: string): void {
    act(() => {
      native.value = text;
      native.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    });
  }

  it('offers every year from 1900 to 2100 (Crayons alone stops at the current year)', () => {
    const { container } = render(<FieldEditor field={fieldOf('date')} value="2031-01-15" onChange={jest.fn()} />);
    const picker = host(container, 'fw-datepicker');
    expect(props(picker).minYear).toBe(FIRST_YEAR);
    expect(props(picker).maxYear).toBe(LAST_YEAR);
    expect([FIRST_YEAR, LAST_YEAR]).toEqual([1900, 2100]);
  });

  it('reports a typed date at once, without the calendar, and never feeds half-typed text back', async () => {
    const onChange = jest.fn();
    const { container } = render(<Controlled field={fieldOf('date')} initial="2024-05-31" onChange={onChange} />);
    const picker = host(container, 'fw-datepicker');
    const native = await dateTextBox(picker);
    typeDate(native, '2027-01');
    expect(onChange).toHaveBeenLastCalledWith('2027-01');
    // Given back, "2027-01" would be completed to 2027-01-01 under the user's fingers.
    expect(props(picker).value).toBe('2024-05-31');
    typeDate(native, '2027-01-15');
    expect(onChange).toHaveBeenLastCalledWith('2027-01-15');
    expect(props(picker).value).toBe('2027-01-15');
  });

  it('clears the date when the text box is emptied', async () => {
    const onChange = jest.fn();
    const { container } = render(<Controlled field={fieldOf('date')} initial="2024-05-31" onChange={onChange} />);
    const picker = host(container, 'fw-datepicker');
    typeDate(await dateTextBox(picker), '');
    expect(onChange).toHaveBeenLastCalledWith('');
    expect(props(picker).value).toBeUndefined();
  });

  it('marks the editor with its field name, for forms to find which field a key came from', () => {
    const { container } = render(<FieldEditor field={fieldOf('date', { name: 'expected_close' })} value={null} onChange={jest.fn()} />);
    expect(host(container, 'fw-datepicker')).toHaveAttribute('data-field', 'expected_close');
  });
});
