import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Written } from '../data/operation-writer';
import { format, messages } from '../i18n/messages';

const text = messages.operations;

interface ConfirmButtonProps {
  /** The trigger's accessible name: "Delete Demo". */
  label: string;
  /** What the confirmation asks: "Delete “Demo”?". */
  question: string;
  testId: string;
  onConfirm: () => Promise<Written>;
}

type Phase = { step: 'idle'; error?: string } | { step: 'asking' } | { step: 'busy' };

/**
 * A destructive action that asks first: "Delete" turns into the question with Delete and
 * Keep. Keep has the focus (the safe answer), Esc keeps too and returns focus to the trigger.
 * A refusal says why and changes nothing; on success the item goes away with this button.
 */
export function ConfirmButton({ label, question, testId, onConfirm }: ConfirmButtonProps) {
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const keep = useRef<HTMLButtonElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);

  useEffect(() => {
    if (phase.step === 'asking') keep.current?.focus();
    else if (phase.step === 'idle' && asked.current) trigger.current?.focus();
  }, [phase.step]);

  const cancel = () => setPhase({ step: 'idle' });
  const confirm = async () => {
    setPhase({ step: 'busy' });
    const outcome = await onConfirm();
    setPhase(outcome.status === 'refused' ? { step: 'idle', error: format(text.deleteFailed, { reason: outcome.reason }) } : { step: 'idle' });
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    cancel();
  };

  if (phase.step === 'idle') {
    return (
      <>
        <button
          ref={trigger}
          type="button"
          className="icon-button"
          data-testid={testId}
          aria-label={label}
          onClick={() => {
            asked.current = true;
            setPhase({ step: 'asking' });
          }}
        >
          {text.delete}
        </button>
        {phase.error === undefined ? null : (
          <span className="form-error" role="alert" data-testid={`${testId}-error`}>
            {phase.error}
          </span>
        )}
      </>
    );
  }
  return (
    <span className="confirm" role="group" aria-label={question} onKeyDown={onKeyDown}>
      <span className="confirm-question">{question}</span>
      <button type="button" className="icon-button icon-button--danger" data-testid={`${testId}-confirm`} disabled={phase.step === 'busy'} onClick={() => void confirm()}>
        {text.confirmDelete}
      </button>
      <button ref={keep} type="button" className="icon-button" data-testid={`${testId}-keep`} disabled={phase.step === 'busy'} onClick={cancel}>
        {text.keep}
      </button>
    </span>
  );
}
