import { FwButton } from '@freshworks/crayons/react/FwButton';
import { useEffect, useState } from 'react';
import { isLeadStage, type LifecycleStageOption } from '../data/lead-conversion';
import type { RecordOperations } from '../data/record-operations';
import type { ContactData, CurrentUser, SidebarActions } from '../data/types';
import { format, messages } from '../i18n/messages';
import { LazyConvertLead } from './LazyForms';

const contactName = (data: ContactData) => data.record.display_name ?? '';

const text = messages.operations.convert;

/** The account's lifecycle stages (cached across opens), or undefined until known. */
function useLifecycleStages(records: RecordOperations): LifecycleStageOption[] | undefined {
  const [stages, setStages] = useState<LifecycleStageOption[]>();
  useEffect(() => {
    let live = true;
    void records.lifecycleStages().then((answer) => {
      if (live && answer.ok) setStages(answer.value);
    });
    return () => {
      live = false;
    };
  }, [records]);
  return stages;
}

interface LeadConversionProps {
  data: ContactData;
  actions: SidebarActions;
  currentUser: CurrentUser | undefined;
}

/**
 * "Convert lead" on a contact whose lifecycle stage is of a lead type (never judged by the
 * stage's name); nothing on other contacts, or while the stages are unknown.
 */
function ConversionBar({ stage, onOpen }: { stage: string; onOpen: () => void }) {
  return (
    <div className="lead-conversion-bar">
      <bdi className="muted">{format(text.intro, { stage })}</bdi>
      <FwButton size="small" color="primary" data-testid="convert-lead" onFwClick={onOpen}>
        {text.button}
      </FwButton>
    </div>
  );
}

export function LeadConversion({ data, actions, currentUser }: LeadConversionProps) {
  const stages = useLifecycleStages(actions.records);
  const [open, setOpen] = useState(false);
  const stageId = data.status?.lifecycleStageId;
  if (stages === undefined || !isLeadStage(stages, stageId)) return null;
  const stage = stages.find((candidate) => candidate.id === stageId) as LifecycleStageOption;
  return (
    <section className="section lead-conversion" data-testid="lead-conversion" aria-label={format(text.title, { name: contactName(data) })}>
      {open ? (
        <LazyConvertLead data={data} records={actions.records} currentUser={currentUser} onClose={() => setOpen(false)} />
      ) : (
        <ConversionBar stage={stage.name} onOpen={() => setOpen(true)} />
      )}
    </section>
  );
}
