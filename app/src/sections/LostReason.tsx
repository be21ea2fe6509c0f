import { FwButton } from '@freshworks/crayons/react/FwButton';
import { useId, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import type { Deal } from '../../../common/crm/records';
import { formatIsolated } from '../components/Isolate';
import { useFocusOnMount } from '../components/keyboard';
import type { SidebarActions } from '../data/types';
import { messages } from '../i18n/messages';
import { fieldByName, type Choice, type FieldDef } from '../model/fields';
import { forecastOf, stageById } from '../model/related';

const text = messages.sections.deals;

/** The account's lost reasons: the choices of the deal field `deal_reason_id` ("Lost reason"). */
export function lostReasons(dealFields: readonly FieldDef[]): Choice[] {
  return fieldByName(dealFields, 'deal_reason_id')?.choices ?? [];
}

/** A move to a Closed Lost stage asks why, when the account has lost reasons to choose from. */
export function asksLostReason(dealFields: readonly FieldDef[], stageId: number): boolean {
  return forecastOf(stageById(dealFields, stageId)) === 'lost' && lostReasons(dealFields).length > 0;
}

interface PromptProps {
  dealName: string;
  reasons: Choice[];
  onConfirm: (reasonId: number) => Promise<void>;
  onCancel: () => void;
}

/** "Why was Acme renewal lost?": a reason from the list, then Mark as lost; Escape or Cancel backs out. */
export function LostReasonPrompt({ dealName, reasons, onConfirm, onCancel }: PromptProps) {
  const ids = { select: useId(), error: useId() };
  const select = useFocusOnMount<HTMLSelectElement>();
  const [reasonId, setReasonId] = useState('');
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const confirm = async (event?: FormEvent) => {
    event?.preventDefault();
    if (saving) return;
    if (!/^\d+$/.test(reasonId)) return setError(text.lostReasonRequired);
    setSaving(true);
    await onConfirm(Number(reasonId));
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || saving) return;
    event.stopPropagation();
    onCancel();
  };
  return (
    <form className="related-form lost-reason" data-testid="lost-reason-form" noValidate onSubmit={(event) => void confirm(event)} onKeyDown={onKeyDown}>
      <div className="form-field">
        <label htmlFor={ids.select}>{formatIsolated(text.lostReason, { name: dealName })}</label>
        <select
          id={ids.select}
          ref={select}
          data-testid="lost-reason"
          value={reasonId}
          aria-invalid={error !== undefined}
          aria-describedby={error === undefined ? undefined : ids.error}
          onChange={(event) => {
            setReasonId(event.target.value);
            setError(undefined);
          }}
        >
          <option value="">{messages.fields.selectPlaceholder}</option>
          {reasons.map((reason) => (
            <option key={reason.id} value={reason.id}>
              {reason.label}
            </option>
          ))}
        </select>
        {error === undefined ? null : (
          <span id={ids.error} className="form-error" role="alert">
            {error}
          </span>
        )}
      </div>
      <div className="form-buttons">
        <FwButton size="small" color="danger" data-testid="lost-reason-save" loading={saving} onFwClick={() => void confirm()}>
          {text.markLost}
        </FwButton>
        <FwButton size="small" color="secondary" data-testid="lost-reason-cancel" disabled={saving} onFwClick={onCancel}>
          {messages.sections.cancel}
        </FwButton>
      </div>
    </form>
  );
}

interface Pending {
  stageId: number;
  /** Settles the move: true once the deal moved, false when it did not (refused or given up). */
  settle: (moved: boolean) => void;
}

/**
 * Stage moves of one deal. A move to a lost stage on an account with lost reasons waits for
 * the reason (the prompt the caller renders) and then sends stage and reason together; any
 * other move is sent at once. `move` resolves like `changeDealStage`.
 */
export function useStageMove(deal: Deal, dealFields: readonly FieldDef[], actions: SidebarActions): { move: (stageId: number) => Promise<boolean>; prompt: ReactNode } {
  const [pending, setPending] = useState<Pending>();
  const move = (stageId: number): Promise<boolean> => {
    if (!asksLostReason(dealFields, stageId)) return actions.changeDealStage(deal, stageId);
    return new Promise((settle) => setPending({ stageId, settle }));
  };
  const finish = (moved: boolean) => {
    pending?.settle(moved);
    setPending(undefined);
  };
  const prompt =
    pending === undefined ? null : (
      <LostReasonPrompt
        dealName={deal.name}
        reasons={lostReasons(dealFields)}
        onConfirm={async (reasonId) => finish(await actions.changeDealStage(deal, pending.stageId, reasonId))}
        onCancel={() => finish(false)}
      />
    );
  return { move, prompt };
}
