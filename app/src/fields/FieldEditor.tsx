import { FwCheckbox } from '@freshworks/crayons/react/FwCheckbox';
import { FwDatepicker } from '@freshworks/crayons/react/FwDatepicker';
import { FwInput } from '@freshworks/crayons/react/FwInput';
import { FwSelect } from '@freshworks/crayons/react/FwSelect';
import { FwTextarea } from '@freshworks/crayons/react/FwTextarea';
import { useEffect, useMemo, useRef, useState, type ReactElement, type RefObject } from 'react';
import { messages } from '../i18n/messages';
import type { FieldDef, FieldKind, FieldValue } from '../model/fields';
import { choiceKey, splitMulti } from './choices';

export interface FieldEditorProps {
  field: FieldDef;
  /** The editor value: text for most kinds, `;`-joined keys for multi-selects, a boolean for checkboxes. */
  value: FieldValue;
  onChange: (value: FieldValue) => void;
  /** A validation message, shown under the control. */
  error?: string;
  /** The host element's id (and the base of the error's id). */
  id?: string;
  /** Move focus into the control once it has rendered (inline editing). */
  autoFocus?: boolean;
  disabled?: boolean;
}

/** Crayons events carry their payload in `detail` (`{ value, name, event }`, checkboxes add `meta.checked`). */
type CrayonsEvent = CustomEvent<{ value?: unknown; meta?: { checked?: boolean } } | undefined>;

interface Focusable extends HTMLElement {
  setFocus?: () => Promise<void>;
}

const FOCUS_TRIES = 30;
const rendered = (element: Focusable): boolean => (element.shadowRoot?.querySelector('input, textarea, fw-input') ?? null) !== null;
const nextTick = () => new Promise<void>((resolve) => setTimeout(resolve, 16));

/**
 * Crayons moves focus with `setFocus()`, which does nothing until Stencil has rendered the
 * native control (asynchronously, and the custom-elements build has no componentOnReady).
 */
async function focusWhenReady(element: Focusable | null): Promise<void> {
  for (let tries = 0; element !== null && tries < FOCUS_TRIES; tries += 1) {
    if (rendered(element)) {
      await element.setFocus?.();
      return;
    }
    await nextTick();
  }
}

/** A Crayons detail value (string, number or missing) as text. */
function asDetailText(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

const asText = (value: FieldValue): string => (value === null || typeof value === 'boolean' ? '' : String(value));

/** The datepicker reports a local ISO timestamp (or the typed text); the field keeps `YYYY-MM-DD`. */
export function toDateValue(detailValue: unknown): string {
  if (typeof detailValue !== 'string') return '';
  const match = /^\d{4}-\d{2}-\d{2}/.exec(detailValue);
  return match === null ? detailValue : match[0];
}

/** Any date a record can hold: Crayons' own default is 1970 to the current year. */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2100;

const COMPLETE_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * What the date picker is given as its value: the editor value once it is a whole
 * `YYYY-MM-DD` (or empty), else the last one that was. Half-typed text ("2027-01") is never
 * fed back: the picker would complete it to a date and overwrite what is being typed.
 */
function usePickerValue(value: string): string {
  const [last, setLast] = useState(value);
  const whole = value === '' || COMPLETE_DATE.test(value);
  // Remembered during render (React's pattern for state derived from props): no extra pass.
  if (whole && value !== last) setLast(value);
  return whole ? value : last;
}

/** A single select reports a string, a multiple one an array of keys. */
export function toSelectValue(detailValue: unknown): string {
  if (Array.isArray(detailValue)) return detailValue.map((part) => asDetailText(part)).join(';');
  return asDetailText(detailValue);
}

interface KindProps {
  props: FieldEditorProps;
  common: Record<string, unknown>;
  forwardRef: RefObject<Focusable | null>;
}

const INPUT_TYPES: Partial<Record<FieldKind, string>> = {
  number: 'number',
  url: 'url',
  email: 'email',
  phone: 'tel',
};

function InputEditor({ props, common, forwardRef }: KindProps) {
  return (
    <FwInput
      {...common}
      label={props.field.label}
      ref={forwardRef}
      type={INPUT_TYPES[props.field.kind] ?? 'text'}
      value={asText(props.value)}
      onFwInput={(event: CrayonsEvent) => props.onChange(asDetailText(event.detail?.value))}
    />
  );
}

function ParagraphEditor({ props, common, forwardRef }: KindProps) {
  return (
    <FwTextarea
      {...common}
      label={props.field.label}
      ref={forwardRef}
      rows={4}
      resize="vertical"
      value={asText(props.value)}
      onFwInput={(event: CrayonsEvent) => props.onChange(asDetailText(event.detail?.value))}
    />
  );
}

/**
 * A date, picked or typed. The text box reports each keystroke (`fwInput` from its inner
 * fw-input), so a typed date is the value at once: Save and Enter need no Update click, and
 * what the box shows is what is saved.
 */
function DateEditor({ props, common, forwardRef }: KindProps) {
  const value = usePickerValue(asText(props.value));
  return (
    <FwDatepicker
      {...common}
      label={props.field.label}
      ref={forwardRef}
      displayFormat="yyyy-MM-dd"
      placeholder="YYYY-MM-DD"
      minYear={FIRST_YEAR}
      maxYear={LAST_YEAR}
      value={value === '' ? undefined : value}
      clearInput={!props.field.required}
      onFwInput={(event: CrayonsEvent) => props.onChange(asDetailText(event.detail?.value).trim())}
      onFwChange={(event: CrayonsEvent) => props.onChange(toDateValue(event.detail?.value))}
    />
  );
}

function SelectEditor({ props, common, forwardRef }: KindProps) {
  const { field, value } = props;
  const multiple = field.kind === 'multi_select';
  const options = useMemo(
    () => field.choices.map((choice) => ({ text: choice.label, value: choiceKey(field, choice) })),
    [field],
  );
  const text = asText(value);
  // A new array each render would make Crayons re-sync its selection; keep it while the text is the same.
  const selected = useMemo(() => (multiple ? splitMulti(text) : text), [multiple, text]);
  return (
    <FwSelect
      {...common}
      label={props.field.label}
      ref={forwardRef}
      multiple={multiple}
      options={options}
      value={selected}
      placeholder={messages.fields.selectPlaceholder}
      onFwChange={(event: CrayonsEvent) => props.onChange(toSelectValue(event.detail?.value))}
    />
  );
}

function CheckboxEditor({ props, common, forwardRef }: KindProps) {
  return (
    <FwCheckbox
      {...common}
      ref={forwardRef}
      aria-label={props.field.label}
      checked={props.value === true}
      onFwChange={(event: CrayonsEvent) => props.onChange(event.detail?.meta?.checked === true)}
    >
      {props.field.label}
    </FwCheckbox>
  );
}

const EDITORS: Record<FieldKind, (kind: KindProps) => ReactElement> = {
  text: InputEditor,
  number: InputEditor,
  decimal: InputEditor,
  url: InputEditor,
  email: InputEditor,
  phone: InputEditor,
  paragraph: ParagraphEditor,
  date: DateEditor,
  dropdown: SelectEditor,
  multi_select: SelectEditor,
  checkbox: CheckboxEditor,
};

/**
 * The Crayons control for one field kind, labelled with the field's label (Crayons adds the
 * required asterisk) and with the validation message under it as an alert.
 */
export function FieldEditor(props: FieldEditorProps) {
  const { field, error, id, autoFocus = false, disabled = false } = props;
  const ref = useRef<Focusable | null>(null);
  useEffect(() => {
    if (autoFocus) void focusWhenReady(ref.current);
    // Focus once, when the editor opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const errorId = `${id ?? `field-${field.name}`}-error`;
  const common = {
    // An undefined id would be written to the element as the text "undefined".
    ...(id === undefined ? {} : { id }),
    name: field.name,
    required: field.required,
    disabled,
    state: error === undefined ? 'normal' : 'error',
    'data-kind': field.kind,
    // Forms find the field a key was pressed in by this (Crayons hosts keep `name` as a property).
    'data-field': field.name,
  };
  const Editor = EDITORS[field.kind];
  return (
    <div className="field-editor">
      <Editor props={props} common={common} forwardRef={ref} />
      {error === undefined ? null : (
        <p className="field-error" role="alert" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}
