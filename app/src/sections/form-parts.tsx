import { FwButton } from '@freshworks/crayons/react/FwButton';
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { Written } from '../data/operation-writer';
import { momentProblem, parseLocalInput } from '../data/timestamps';
import { format, messages } from '../i18n/messages';

/**
 * Pieces the record-operation forms share (appointment, activity, note, lead conversion):
 * labelled fields with their error, focus on the first field, Esc to close, Enter to save.
 */

const text = messages.operations;

/** Focuses the element once, when the form opens. */
export function useFocusOnOpen<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}

const submitsOnEnter = (target: EventTarget) => target instanceof HTMLInputElement && target.type !== 'checkbox' && target.type !== 'radio';

/** Esc closes the form (and nothing around it); Enter in a one-line field saves. */
export function formKeys(onClose: () => void, onSubmit: () => void) {
  return (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
    } else if (event.key === 'Enter' && submitsOnEnter(event.target)) {
      event.preventDefault();
      onSubmit();
    }
  };
}

export function FieldError({ id, problem }: { id: string; problem: string | undefined }) {
  return problem === undefined ? null : (
    <span id={id} className="form-error">
      {problem}
    </span>
  );
}

/** aria-invalid and aria-describedby for a field that may have a problem. */
export function invalidProps(id: string, problem: string | undefined) {
  return { 'aria-invalid': problem !== undefined, 'aria-describedby': problem === undefined ? undefined : `${id}-error` };
}

interface FieldProps {
  id: string;
  label: string;
  problem: string | undefined;
  children: ReactNode;
}

export function FormField({ id, label, problem, children }: FieldProps) {
  return (
    <div className="form-field">
      <label htmlFor={id}>{label}</label>
      {children}
      <FieldError id={`${id}-error`} problem={problem} />
    </div>
  );
}

/** Why a start/end pair cannot be sent: each on its own, then the end after the start. */
export function momentsProblems(start: string, end: string): { start?: string; end?: string } {
  const startProblem = momentProblem(start);
  const endProblem = momentProblem(end);
  const problems: { start?: string; end?: string } = { start: startProblem && text.moment[startProblem], end: endProblem && text.moment[endProblem] };
  const from = parseLocalInput(start);
  const to = parseLocalInput(end);
  if (from !== undefined && to !== undefined && to.getTime() <= from.getTime()) problems.end = text.moment.endBeforeStart;
  return Object.fromEntries(Object.entries(problems).filter(([, problem]) => problem !== undefined));
}

/** The CRM's refusal, shown in the form that caused it. */
export function RefusalNotice({ reason }: { reason: string | undefined }) {
  return reason === undefined ? null : (
    <p className="form-error" role="alert" data-testid="form-refusal">
      {reason}
    </p>
  );
}

interface ButtonsProps {
  testId: string;
  submitLabel: string;
  saving: boolean;
  onSubmit: () => void;
  onCancel: () => void;
}

export function FormButtons({ testId, submitLabel, saving, onSubmit, onCancel }: ButtonsProps) {
  return (
    <div className="form-buttons">
      <FwButton size="small" color="primary" data-testid={`${testId}-save`} loading={saving} onFwClick={onSubmit}>
        {submitLabel}
      </FwButton>
      <FwButton size="small" color="secondary" data-testid={`${testId}-cancel`} disabled={saving} onFwClick={onCancel}>
        {messages.sections.cancel}
      </FwButton>
    </div>
  );
}

/**
 * Sends a form once at a time: a refusal keeps the form open with the reason, a save or an
 * unknown outcome (the sidebar re-reads the record) closes it.
 */
export function useSubmission(onClose: () => void) {
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string>();
  const run = async (send: () => Promise<Written>) => {
    if (saving) return;
    setSaving(true);
    setRefusal(undefined);
    const outcome = await send();
    setSaving(false);
    if (outcome.status === 'refused') setRefusal(format(text.refused, { reason: outcome.reason }));
    else onClose();
  };
  return { saving, refusal, run };
}
