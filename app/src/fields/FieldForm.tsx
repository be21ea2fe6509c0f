import { FwButton } from '@freshworks/crayons/react/FwButton';
import { useState, type FormEvent } from 'react';
import { messages } from '../i18n/messages';
import type { FieldDef, FieldValue } from '../model/fields';
import { toEditorValue } from './choices';
import { LazyFieldEditor as FieldEditor } from './LazyFieldEditor';
import { toRequestValues, validateAll } from './validate';

export interface FieldFormProps {
  fields: FieldDef[];
  /** Starting values by field name, as stored on records (ids, labels, booleans). */
  initial?: Record<string, FieldValue>;
  submitLabel: string;
  /**
   * Gets every field's value in request form (`toRequestValue`: numbers, ids, labels, null for
   * empty); resolves false to keep the form open with what the user typed.
   */
  onSubmit: (values: Record<string, FieldValue>) => Promise<boolean>;
  onCancel: () => void;
  testId?: string;
}

function startValues(fields: readonly FieldDef[], initial: Record<string, FieldValue> = {}): Record<string, FieldValue> {
  return Object.fromEntries(fields.map((field) => [field.name, toEditorValue(field, initial[field.name])]));
}

function withoutKey(errors: Record<string, string>, name: string): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).filter(([key]) => key !== name));
}

function useFieldForm({ fields, initial, onSubmit }: FieldFormProps) {
  const [values, setValues] = useState(() => startValues(fields, initial));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const change = (name: string, value: FieldValue) => {
    setValues((current) => ({ ...current, [name]: value }));
    setErrors((current) => withoutKey(current, name));
  };
  const submit = async () => {
    if (busy) return;
    const found = validateAll(fields, values);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    await onSubmit(toRequestValues(fields, values));
    setBusy(false);
  };
  return { values, errors, busy, change, submit };
}

/**
 * A form of Crayons editors for a list of fields (quick-create a deal or a contact): validates
 * every field on submit and shows each message under its field.
 */
export function FieldForm(props: FieldFormProps) {
  const { fields, submitLabel, onCancel, testId = 'field-form' } = props;
  const { values, errors, busy, change, submit } = useFieldForm(props);
  const onFormSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void submit();
  };
  return (
    <form className="field-form" data-testid={testId} noValidate onSubmit={onFormSubmit} aria-busy={busy}>
      {fields.map((field) => (
        <FieldEditor
          key={field.name}
          field={field}
          id={`${testId}-${field.name}`}
          value={values[field.name] ?? null}
          error={errors[field.name]}
          disabled={busy}
          onChange={(value) => change(field.name, value)}
        />
      ))}
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
