import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import {
  defaultTargetStage,
  statusesOfStage,
  targetStages,
  type Conversion,
  type LifecycleStageOption,
  type StatusOption,
} from '../data/lead-conversion';
import type { ConversionOutcome } from '../data/lead-operations';
import { refusalReason } from '../data/operation-writer';
import type { RecordOperations } from '../data/record-operations';
import type { ContactData, CurrentUser } from '../data/types';
import { toEditorValue } from '../fields/choices';
import { LazyFieldEditor } from '../fields/LazyFieldEditor';
import { toRequestValues, validateAll } from '../fields/validate';
import { format, messages } from '../i18n/messages';
import type { FieldDef, FieldValue } from '../model/fields';
import { newDealFields, newDealInitial } from './DealsSection';
import { FieldError, FormButtons, FormField, formKeys, invalidProps } from './form-parts';

const text = messages.operations.convert;

export interface ConvertLeadProps {
  data: ContactData;
  records: RecordOperations;
  currentUser: CurrentUser | undefined;
  onClose: () => void;
}

interface Options {
  stages: LifecycleStageOption[];
  statuses: StatusOption[];
}

type Loaded = { state: 'loading' } | { state: 'ready'; options: Options } | { state: 'failed'; reason: string };

/** Stages and statuses, both needed before the form can offer anything. */
function useOptions(records: RecordOperations): Loaded {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    void Promise.all([records.lifecycleStages(), records.contactStatuses()]).then(([stages, statuses]) => {
      if (!live) return;
      if (!stages.ok) setLoaded({ state: 'failed', reason: refusalReason(stages.failure) });
      else if (!statuses.ok) setLoaded({ state: 'failed', reason: refusalReason(statuses.failure) });
      else setLoaded({ state: 'ready', options: { stages: stages.value, statuses: statuses.value } });
    });
    return () => {
      live = false;
    };
  }, [records]);
  return loaded;
}

export interface ConversionDraft {
  stageId: string;
  statusId: string;
  withAccount: boolean;
  accountName: string;
  withDeal: boolean;
  deal: Record<string, FieldValue>;
}

export function contactName(data: ContactData): string {
  return data.record.display_name ?? [data.record.first_name, data.record.last_name].filter(Boolean).join(' ');
}

/** The next stage and its first status; an account when the contact has none; a deal. */
export function initialDraft(data: ContactData, options: Options, dealFields: FieldDef[], currentUser: CurrentUser | undefined): ConversionDraft {
  const stage = defaultTargetStage(options.stages, data.status?.lifecycleStageId);
  const status = statusesOfStage(options.statuses, stage)[0];
  const initial: Record<string, FieldValue> = { name: contactName(data), ...newDealInitial(data.dealFields, currentUser) };
  return {
    stageId: stage === undefined ? '' : String(stage.id),
    statusId: status === undefined ? '' : String(status.id),
    withAccount: data.accounts.length === 0,
    accountName: '',
    withDeal: true,
    deal: Object.fromEntries(dealFields.map((field) => [field.name, toEditorValue(field, initial[field.name])])),
  };
}

type Problems = Record<string, string>;

function choiceProblems(draft: ConversionDraft, options: Options): Problems {
  const stage = options.stages.find((candidate) => String(candidate.id) === draft.stageId);
  if (stage === undefined) return { stageId: text.stageRequired };
  return statusesOfStage(options.statuses, stage).length > 0 && draft.statusId === '' ? { statusId: text.statusRequired } : {};
}

/** Everything wrong with a draft, by field ("stageId", "accountName", or a deal field's name). */
export function conversionProblems(draft: ConversionDraft, options: Options, dealFields: FieldDef[]): Problems {
  const account: Problems = draft.withAccount && draft.accountName.trim() === '' ? { accountName: text.accountRequired } : {};
  const deal = draft.withDeal ? validateAll(dealFields, draft.deal) : {};
  return { ...choiceProblems(draft, options), ...account, ...deal };
}

export function toConversion(draft: ConversionDraft, dealFields: FieldDef[]): Conversion {
  return {
    stageId: Number(draft.stageId),
    statusId: draft.statusId === '' ? null : Number(draft.statusId),
    accountName: draft.withAccount ? draft.accountName.trim() : null,
    deal: draft.withDeal ? toRequestValues(dealFields, draft.deal) : null,
  };
}

/** What a stopped conversion says: why, and what had already been done (nothing is undone). */
export function stoppedMessage(outcome: Extract<ConversionOutcome, { status: 'refused' }>): string {
  return format(text.partial, { reason: outcome.reason, steps: outcome.done.length === 0 ? text.nothingDone : outcome.done.join('; ') });
}

interface PartProps {
  id: string;
  draft: ConversionDraft;
  problems: Problems;
  onChange: (draft: ConversionDraft) => void;
}

function StageFields({ id, draft, problems, onChange, options, currentId }: PartProps & { options: Options; currentId: number | undefined }) {
  const stages = targetStages(options.stages, currentId);
  const stage = stages.find((candidate) => String(candidate.id) === draft.stageId);
  const statuses = statusesOfStage(options.statuses, stage);
  const pickStage = (stageId: string) => {
    const first = statusesOfStage(options.statuses, stages.find((candidate) => String(candidate.id) === stageId))[0];
    onChange({ ...draft, stageId, statusId: first === undefined ? '' : String(first.id) });
  };
  return (
    <>
      <FormField id={`${id}-stage`} label={text.stage} problem={problems.stageId}>
        <select id={`${id}-stage`} data-testid="convert-stage" value={draft.stageId} onChange={(event) => pickStage(event.target.value)} {...invalidProps(`${id}-stage`, problems.stageId)}>
          {stages.map((option) => (
            <option key={option.id} value={String(option.id)}>
              {option.name}
            </option>
          ))}
        </select>
      </FormField>
      <FormField id={`${id}-status`} label={text.status} problem={problems.statusId}>
        <select id={`${id}-status`} data-testid="convert-status" value={draft.statusId} onChange={(event) => onChange({ ...draft, statusId: event.target.value })} {...invalidProps(`${id}-status`, problems.statusId)}>
          {statuses.length === 0 ? <option value="">{text.noStatus}</option> : null}
          {statuses.map((option) => (
            <option key={option.id} value={String(option.id)}>
              {option.name}
            </option>
          ))}
        </select>
      </FormField>
    </>
  );
}

function AccountFields({ id, draft, problems, onChange }: PartProps) {
  return (
    <fieldset className="form-field form-choices">
      <label className="form-choice">
        <input type="checkbox" data-testid="convert-with-account" checked={draft.withAccount} onChange={(event) => onChange({ ...draft, withAccount: event.target.checked })} />
        {text.account}
      </label>
      {draft.withAccount ? (
        <>
          <label htmlFor={`${id}-account`}>{text.accountName}</label>
          <input id={`${id}-account`} data-testid="convert-account-name" maxLength={255} value={draft.accountName} onChange={(event) => onChange({ ...draft, accountName: event.target.value })} {...invalidProps(`${id}-account`, problems.accountName)} />
          <FieldError id={`${id}-account-error`} problem={problems.accountName} />
        </>
      ) : null}
    </fieldset>
  );
}

function DealFields({ id, draft, problems, onChange, fields }: PartProps & { fields: FieldDef[] }) {
  return (
    <fieldset className="form-field form-choices">
      <label className="form-choice">
        <input type="checkbox" data-testid="convert-with-deal" checked={draft.withDeal} onChange={(event) => onChange({ ...draft, withDeal: event.target.checked })} />
        {text.deal}
      </label>
      {draft.withDeal
        ? fields.map((field) => (
            <LazyFieldEditor
              key={field.name}
              field={field}
              id={`${id}-deal-${field.name}`}
              value={draft.deal[field.name] ?? null}
              error={problems[field.name]}
              onChange={(value) => onChange({ ...draft, deal: { ...draft.deal, [field.name]: value } })}
            />
          ))
        : null}
    </fieldset>
  );
}

type Sending = { state: 'idle' } | { state: 'sending' } | { state: 'stopped'; message: string };

function useConversion(records: RecordOperations, onClose: () => void) {
  const [sending, setSending] = useState<Sending>({ state: 'idle' });
  const send = async (conversion: Conversion) => {
    if (sending.state === 'sending') return;
    setSending({ state: 'sending' });
    const outcome = await records.convertLead(conversion);
    if (outcome.status === 'refused') return setSending({ state: 'stopped', message: stoppedMessage(outcome) });
    setSending({ state: 'idle' });
    return onClose();
  };
  return { sending, send };
}

interface FormProps extends ConvertLeadProps {
  options: Options;
}

function ConversionForm({ data, records, currentUser, onClose, options }: FormProps) {
  const id = useId();
  const first = useRef<HTMLFormElement>(null);
  const dealFields = newDealFields(data.dealFields);
  const [draft, setDraft] = useState(() => initialDraft(data, options, dealFields, currentUser));
  const [problems, setProblems] = useState<Problems>({});
  const { sending, send } = useConversion(records, onClose);
  useEffect(() => {
    first.current?.querySelector('select')?.focus();
  }, []);

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const found = conversionProblems(draft, options, dealFields);
    setProblems(found);
    if (Object.keys(found).length === 0) void send(toConversion(draft, dealFields));
  };
  const part = { id, draft, problems, onChange: setDraft };
  return (
    <form ref={first} className="related-form" data-testid="convert-form" aria-label={format(text.title, { name: contactName(data) })} noValidate onSubmit={submit} onKeyDown={formKeys(onClose, submit)}>
      <StageFields {...part} options={options} currentId={data.status?.lifecycleStageId} />
      <AccountFields {...part} />
      <DealFields {...part} fields={dealFields} />
      {sending.state === 'stopped' ? (
        <p className="form-error" role="alert" data-testid="form-refusal">
          {sending.message}
        </p>
      ) : null}
      <FormButtons testId="convert" submitLabel={text.submit} saving={sending.state === 'sending'} onSubmit={submit} onCancel={onClose} />
    </form>
  );
}

function Notice({ message, alert, onClose }: { message: string; alert: boolean; onClose: () => void }) {
  return (
    <div className="related-form" data-testid="convert-notice">
      <p className={alert ? 'form-error' : 'muted'} role={alert ? 'alert' : 'status'}>
        {message}
      </p>
      <button type="button" className="icon-button" onClick={onClose}>
        {messages.sections.cancel}
      </button>
    </div>
  );
}

/** The lead conversion form: stages and statuses load first, then the form focuses the stage. */
export default function ConvertLead(props: ConvertLeadProps) {
  const loaded = useOptions(props.records);
  if (loaded.state === 'loading') return <p className="muted" role="status">{text.loading}</p>;
  if (loaded.state === 'failed') return <Notice alert message={format(text.loadFailed, { reason: loaded.reason })} onClose={props.onClose} />;
  if (targetStages(loaded.options.stages, props.data.status?.lifecycleStageId).length === 0) return <Notice alert={false} message={text.noTargets} onClose={props.onClose} />;
  return <ConversionForm {...props} options={loaded.options} />;
}
