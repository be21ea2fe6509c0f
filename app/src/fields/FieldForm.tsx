import { FwButton } from '@freshworks/crayons/react/FwButton';
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { fromOpenPopup } from '../components/keyboard';
import { messages } from '../i18n/messages';
import type { FieldDef, FieldValue } from '../model/fields';
import { toEditorValue } from './choices';
import { enterSaves, fieldOfEvent } from './keys';
import { LazyFieldEditor as FieldEditor } from './LazyFieldEditor';
import { toRequestValues, validateAll } from './validate';

export interface FieldFormProps {
  fields: FieldDef[];
  /** Starting values by field name, as stored on records (ids, labels, booleans). */
  initial?: Record<string, FieldValue>;
  submitLabel: string;
  /**
   * Gets every field's value in request form (`toRequestValue`: numbers, ids, labels, null for
   * empty); resolves false to keep the form open with what the user typed, or a message (the
   * CRM's refusal) to show in the form as well.
   */
  onSubmit: (values: Record<string, FieldValue>) => Promise<boolean | string>;
  onCancel: () => void;
  /** A check across fields (editor values), run after each field's own; its message stops the submit. */
  check?: (values: Record<string, FieldValue>) => string | undefined;
  testId?: string;
}

function startValues(fields: readonly FieldDef[], initial: Record<string, FieldValue> = {}): Record<string, FieldValue> {
  return Object.fromEntries(fields.map((field) => [field.name, toEditorValue(field, initial[field.name])]));
}

function withoutKey(errors: Record<string, string>, name: string): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).filter(([key]) => key !== name));
}

function useFieldForm({ fields, initial, onSubmit, check }: FieldFormProps) {
  const [values, setValues] = useState(() => startValues(fields, initial));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const change = (name: string, value: FieldValue) => {
    // Crayons controls re-report a value they were given: only a real change clears messages.
    if (values[name] === value) return;
    setValues((current) => ({ ...current, [name]: value }));
    setErrors((current) => withoutKey(current, name));
    setFormError(undefined);
  };
  const submit = async () => {
    if (busy) return;
    const found = validateAll(fields, values);
    setErrors(found);
    const problem = Object.keys(found).length > 0 ? undefined : check?.(values);
    setFormError(problem);
    if (Object.keys(found).length > 0 || problem !== undefined) return;
    setBusy(true);
    const outcome = await onSubmit(toRequestValues(fields, values));
    setBusy(false);
    if (typeof outcome === 'string') setFormError(outcome);
  };
  return { values, errors, formError, busy, change, submit };
}

/**
 * A form of Crayons editors for a list of fields (quick-create a deal or a contact): the first
 * field has focus when it opens, Enter in a one-line field submits, Escape cancels; every
 * field is validated on submit and each message shows under its field.
 */
export function FieldForm(props: FieldFormProps) {
  const { fields, submitLabel, onCancel, testId = 'field-form' } = props;
  const { values, errors, formError, busy, change, submit } = useFieldForm(props);
  const onFormSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void submit();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (fromOpenPopup(event)) return;
    if (event.key === 'Escape' && !busy) {
      event.stopPropagation();
      onCancel();
    }
  };
  // Capture: Crayons' date picker opens its calendar on Enter, before a bubbling handler runs.
  const onKeyDownCapture = (event: KeyboardEvent<HTMLFormElement>) => {
    const field = fieldOfEvent(fields, event);
    if (field === undefined || !enterSaves(field, event)) return;
    event.preventDefault();
    event.stopPropagation();
    void submit();
  };
  return (
    <form className="field-form" data-testid={testId} noValidate onSubmit={onFormSubmit} onKeyDown={onKeyDown} onKeyDownCapture={onKeyDownCapture} aria-busy={busy}>
      {fields.map((field, index) => (
        <FieldEditor
          key={field.name}
          field={field}
          id={`${testId}-${field.name}`}
          value={values[field.name] ?? null}
          error={errors[field.name]}
          disabled={busy}
          autoFocus={index === 0}
          onChange={(value) => change(field.name, value)}
        />
      ))}
      {formError === undefined ? null : (
        <p className="form-error" role="alert" data-testid="form-error">
          {formError}
        </p>
      )}
      <div className="field-form-actions">
        <FwButton type="submit" size="small" color="primary" data-testid="form-submit" disabled={busy} loading={busy}>
          {submitLabel}
        </FwButton>
        <FwButton size="small" color="secondary" data-testid="form-cancel" disabled={busy} onFwClick={onCancel}>
          {messages.fields.cancel}
        </FwButton>
      </div>
    </form>
  );
}
