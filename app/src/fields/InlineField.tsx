import { FwButton } from '@freshworks/crayons/react/FwButton';
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { Isolate } from '../components/Isolate';
import { fromOpenPopup } from '../components/keyboard';
import { ActionLink, type LinkKind } from '../components/links';
import { format, messages } from '../i18n/messages';
import type { FieldDef, FieldKind, FieldValue } from '../model/fields';
import { toEditorValue } from './choices';
import { displayValue } from './display';
import { enterSaves } from './keys';
import { LazyFieldEditor as FieldEditor } from './LazyFieldEditor';
import { isEmptyValue, toRequestValue, validateField } from './validate';

export interface InlineFieldProps {
  field: FieldDef;
  /** The stored value (as on the record). */
  value: FieldValue | undefined;
  /** Read-mode content when the plain `displayValue` is not enough (money in its currency, a name in parts). */
  display?: ReactNode;
  /** Default true; false shows the value without an edit button. */
  editable?: boolean;
  /**
   * Saves the value, already in request form (`toRequestValue`); resolves false when the CRM
   * refused it, and the editor stays open with what the user typed.
   */
  onSave?: (value: FieldValue) => Promise<boolean>;
}

/** Kinds whose values are addresses to act on: a click mails, calls or opens the website. */
const LINK_KINDS: Partial<Record<FieldKind, LinkKind>> = { email: 'email', phone: 'phone', url: 'url' };

function ValueContent({ field, value }: { field: FieldDef; value: FieldValue | undefined }) {
  const text = displayValue(field, value ?? null);
  const link = LINK_KINDS[field.kind];
  return link === undefined || isEmptyValue(value ?? null, field.kind) ? <Isolate>{text}</Isolate> : <ActionLink kind={link} text={text} />;
}

function ReadValue({ field, value, display }: Pick<InlineFieldProps, 'field' | 'value' | 'display'>) {
  const empty = display === undefined && isEmptyValue(value ?? null, field.kind) && field.kind !== 'checkbox';
  return (
    <span className={empty ? 'inline-field-value is-empty' : 'inline-field-value'}>
      {display === undefined ? <ValueContent field={field} value={value} /> : <Isolate>{display}</Isolate>}
    </span>
  );
}

interface EditingProps {
  field: FieldDef;
  initial: FieldValue;
  onSave: (value: FieldValue) => Promise<boolean>;
  onDone: () => void;
}

function useEditing({ field, initial, onSave, onDone }: EditingProps) {
  const [draft, setDraft] = useState<FieldValue>(initial);
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const save = async () => {
    if (saving) return;
    const message = validateField(field, draft);
    setError(message);
    if (message !== undefined) return;
    setSaving(true);
    const saved = await onSave(toRequestValue(field, draft));
    setSaving(false);
    if (saved) onDone();
  };
  const change = (value: FieldValue) => {
    setDraft(value);
    setError(undefined);
  };
  return { draft, error, saving, save, change };
}

function Editing(props: EditingProps) {
  const { field, onDone } = props;
  const { draft, error, saving, save, change } = useEditing(props);
  // Escape while a select or calendar is open closes that popup only.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape' || saving || fromOpenPopup(event)) return;
    event.stopPropagation();
    onDone();
  };
  // Capture: Crayons' date picker opens its calendar on Enter, before a bubbling handler runs.
  const onKeyDownCapture = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!enterSaves(field, event)) return;
    event.preventDefault();
    event.stopPropagation();
    void save();
  };
  return (
    <div className="inline-field-editing" onKeyDown={onKeyDown} onKeyDownCapture={onKeyDownCapture} aria-busy={saving}>
      <FieldEditor field={field} value={draft} onChange={change} error={error} id={`inline-${field.name}`} autoFocus disabled={saving} />
      <div className="inline-field-actions">
        <FwButton size="small" color="primary" data-testid="field-save" loading={saving} onFwClick={() => void save()}>
          {saving ? messages.fields.saving : messages.fields.save}
        </FwButton>
        <FwButton size="small" color="secondary" data-testid="field-cancel" disabled={saving} onFwClick={onDone}>
          {messages.fields.cancel}
        </FwButton>
      </div>
    </div>
  );
}

/** Drawn inline: fw-icon would fetch its SVG from a CDN, and the sidebar makes no such requests. */
function PencilIcon() {
  return (
    <svg width="12" height="12" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path fill="currentColor" d="M11.7 1.3a1 1 0 0 1 1.4 0l1.6 1.6a1 1 0 0 1 0 1.4L5.4 13.6 1.5 14.5l.9-3.9 9.3-9.3zM3.3 11.2l-.4 1.9 1.9-.4 7.6-7.6-1.5-1.5-7.6 7.6z" />
    </svg>
  );
}

function EditButton({ label, name, onClick, buttonRef }: { label: string; name: string; onClick: () => void; buttonRef: RefObject<HTMLButtonElement | null> }) {
  const text = format(messages.fields.edit, { label });
  return (
    <button type="button" ref={buttonRef} className="inline-field-edit" data-testid={`field-edit-${name}`} aria-label={text} title={text} onClick={onClick}>
      <PencilIcon />
    </button>
  );
}

/** Focus goes back to the edit button when the editor closes. */
function useFocusOnClose(editing: boolean) {
  const button = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  useEffect(() => {
    if (!editing && wasEditing.current) button.current?.focus();
    wasEditing.current = editing;
  }, [editing]);
  return button;
}

/**
 * One field of a record: label and value, and (when editable) an edit button that swaps in the
 * Crayons editor with Save and Cancel. Enter saves (except where the control needs Enter),
 * Escape cancels; a refused save keeps the editor open with the typed value.
 */
export function InlineField({ field, value, display, editable = true, onSave }: InlineFieldProps) {
  const [editing, setEditing] = useState(false);
  const editButton = useFocusOnClose(editing);
  const save = editable ? onSave : undefined;
  if (editing && save !== undefined) {
    return (
      <div className="inline-field is-editing" data-testid={`field-${field.name}`} role="group" aria-label={field.label}>
        <Editing field={field} initial={toEditorValue(field, value)} onSave={save} onDone={() => setEditing(false)} />
      </div>
    );
  }
  return (
    <div className="inline-field" data-testid={`field-${field.name}`} role="group" aria-label={field.label}>
      <span className="inline-field-label">
        <Isolate>{field.label}</Isolate>
      </span>
      <ReadValue field={field} value={value} display={display} />
      {save === undefined ? null : <EditButton label={field.label} name={field.name} buttonRef={editButton} onClick={() => setEditing(true)} />}
    </div>
  );
}
