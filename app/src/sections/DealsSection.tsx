import { useState } from 'react';
import type { Deal } from '../../../common/crm/records';
import type { CustomFieldChoice } from '../../../common/sidebar-settings';
import { createFormFields, formCustomFields } from '../fields/builtins';
import type { AccountData, ContactData, CurrentUser } from '../data/types';
import { formatDate, formatMoney } from '../fields/display';
import { FieldForm } from '../fields/FieldForm';
import { format, messages } from '../i18n/messages';
import type { FieldDef, FieldValue } from '../model/fields';
import { dealMoney } from '../model/money';
import { defaultPipelineId, forecastOf, pipelineStages, sortDeals, stageById } from '../model/related';
import { useStageMove } from './LostReason';
import { EmptyState, HeaderAction, PagedList, RecordLink, Section } from './Section';
import type { SectionProps } from './types';

const text = messages.sections.deals;

/** Asked for on every new deal, required or not, hidden or not; everything else only when required or the admin's choice. */
const QUICK_DEAL_FIELDS = ['name', 'amount', 'expected_close', 'deal_stage_id', 'owner_id'];

/**
 * The "+ Deal" form: the quick fields, every required one and the admin's custom fields
 * (`createFormFields`; the pipeline is implied by the stage, which is limited to the default
 * pipeline's stages).
 */
export function newDealFields(dealFields: readonly FieldDef[], customFields: CustomFieldChoice = { kind: 'none' }): FieldDef[] {
  const pipelineId = defaultPipelineId(dealFields);
  return createFormFields(dealFields, QUICK_DEAL_FIELDS, customFields)
    .filter((field) => field.name !== 'deal_pipeline_id')
    .map((field) => {
      if (field.name === 'name') return { ...field, required: true };
      if (field.name === 'deal_stage_id') return { ...field, choices: pipelineStages(dealFields, pipelineId) };
      return field;
    });
}

/** Record-form starting values: the default pipeline's first stage, owned by the signed-in user. */
export function newDealInitial(dealFields: readonly FieldDef[], currentUser: CurrentUser | undefined): Record<string, FieldValue> {
  const firstStage = pipelineStages(dealFields, defaultPipelineId(dealFields))[0];
  return {
    ...(firstStage === undefined ? {} : { deal_stage_id: Number(firstStage.id) }),
    ...(currentUser === undefined ? {} : { owner_id: currentUser.id }),
  };
}

interface StageSelectProps {
  deal: Deal;
  dealFields: readonly FieldDef[];
  onChange: (stageId: number) => void;
}

/** The stage pill: coloured by forecast, and a select of the pipeline's stages to move the deal. */
function StageSelect({ deal, dealFields, onChange }: StageSelectProps) {
  const stage = stageById(dealFields, deal.deal_stage_id);
  const stages = pipelineStages(dealFields, deal.deal_pipeline_id ?? stage?.pipelineId);
  const known = stage !== undefined && stages.some((choice) => choice.id === stage.id);
  return (
    <select
      className={`stage-pill stage-pill--${forecastOf(stage)}`}
      data-testid="deal-stage"
      aria-label={format(text.stageLabel, { name: deal.name })}
      value={String(deal.deal_stage_id ?? '')}
      onChange={(event) => onChange(Number(event.target.value))}
    >
      {known ? null : <option value={String(deal.deal_stage_id ?? '')}>{messages.sections.unknownStage}</option>}
      {stages.map((choice) => (
        <option key={choice.id} value={choice.id}>
          {choice.label}
        </option>
      ))}
    </select>
  );
}

/** What the deals filter matches: name and stage. */
export function dealText(deal: Deal, dealFields: readonly FieldDef[]): string {
  return `${deal.name} ${stageById(dealFields, deal.deal_stage_id)?.label ?? ''}`;
}

function DealItem({ deal, dealFields, actions }: { deal: Deal; dealFields: readonly FieldDef[]; actions: SectionProps['actions'] }) {
  const { move, prompt } = useStageMove(deal, dealFields, actions);
  const money = dealMoney(deal, dealFields);
  const amount = money === undefined ? text.noAmount : formatMoney(money.amount, money.currencyCode);
  return (
    <>
      <RecordLink name={deal.name} onOpen={() => actions.openRecord('deal', deal.id)} />
      <div className="item-line">
        <StageSelect deal={deal} dealFields={dealFields} onChange={(stageId) => void move(stageId)} />
        <span>{amount}</span>
      </div>
      {deal.expected_close ? <span className="muted">{format(text.expectedClose, { date: formatDate(deal.expected_close) })}</span> : null}
      {prompt}
    </>
  );
}

/** The contact's or account's deals, open first; change a stage in place or add a deal. */
export function DealsSection({ data, actions, currentUser, settings }: SectionProps<ContactData | AccountData>) {
  const [adding, setAdding] = useState(false);
  const deals = sortDeals(data.deals, data.dealFields);
  const pipelineId = defaultPipelineId(data.dealFields);
  const create = async (values: Record<string, FieldValue>) => {
    const created = await actions.createDeal({ ...(pipelineId === undefined ? {} : { deal_pipeline_id: pipelineId }), ...values });
    if (created) setAdding(false);
    return created;
  };
  return (
    <Section name="deals" title={text.title} count={deals.length} action={<HeaderAction label={text.create} testId="deal-create" onClick={() => setAdding(true)} />}>
      {adding ? (
        <FieldForm
          fields={newDealFields(data.dealFields, formCustomFields(settings, 'deal'))}
          initial={newDealInitial(data.dealFields, currentUser)}
          submitLabel={text.createSubmit}
          onSubmit={create}
          onCancel={() => setAdding(false)}
          testId="deal-form"
        />
      ) : null}
      {deals.length === 0 ? (
        <EmptyState text={text.empty} />
      ) : (
        <PagedList
          items={deals}
          keyOf={(deal) => deal.id}
          itemTestId="deal-item"
          textOf={(deal) => dealText(deal, data.dealFields)}
          things={text.things}
          render={(deal) => <DealItem deal={deal} dealFields={data.dealFields} actions={actions} />}
        />
      )}
    </Section>
  );
}
