import { useId, useMemo, type ReactNode } from 'react';
import type { Contact } from '../../../common/crm/records';
import type { CrmUser } from '../../../common/crm/users';
import type { CustomFieldChoice } from '../../../common/sidebar-settings';
import type { AccountData, ContactData, DealData, SidebarActions, SidebarData } from '../data/types';
import { builtInField, chosenCustomFields, stagesOfPipeline } from '../fields/builtins';
import { formatMoney } from '../fields/display';
import { ActionLink } from '../components/links';
import { InlineField } from '../fields/InlineField';
import { messages } from '../i18n/messages';
import { choiceLabel, type FieldDef, type FieldValue } from '../model/fields';
import { ContactName } from './ContactItem';
import { useStageMove } from './LostReason';

const text = messages.fields.summary;

export interface SummarySectionProps {
  data: SidebarData;
  actions: SidebarActions;
  customFields: CustomFieldChoice;
}

interface RowProps {
  field: FieldDef;
  value: FieldValue | undefined;
  display?: ReactNode;
  editable?: boolean;
  /** Defaults to `actions.saveField(field, value)`. */
  onSave?: (value: FieldValue) => Promise<boolean>;
  actions: SidebarActions;
}

/** A dropdown without choices (not in the field settings) cannot be edited, only shown. */
const canEdit = (field: FieldDef): boolean => (field.kind !== 'dropdown' && field.kind !== 'multi_select') || field.choices.length > 0;

function Row({ field, value, display, editable = true, onSave, actions }: RowProps) {
  return (
    <InlineField
      field={field}
      value={value}
      display={display}
      editable={editable && canEdit(field)}
      onSave={onSave ?? ((next) => actions.saveField(field, next))}
    />
  );
}

/** An owner's name: the owner field's choice, else the side-loaded user. */
function ownerName(field: FieldDef, id: number | null | undefined, users: readonly CrmUser[]): string | undefined {
  return choiceLabel(field, id) ?? users.find((user) => user.id === id)?.display_name;
}

function OwnerRow({ data, actions }: { data: SidebarData; actions: SidebarActions }) {
  const field = builtInField(data.fields, 'owner_id', text.owner, 'dropdown');
  const id = data.record.owner_id;
  return <Row field={field} value={id} display={ownerName(field, id, data.users)} actions={actions} />;
}

function CustomRows({ data, actions, customFields }: SummarySectionProps) {
  const values = data.record.custom_field ?? {};
  return (
    <>
      {chosenCustomFields(data.fields, customFields, values).map((field) => (
        <Row key={field.name} field={field} value={values[field.name] ?? null} actions={actions} />
      ))}
    </>
  );
}

function sortedEmails(record: Contact): Array<{ value: string; primary: boolean }> {
  const emails = record.emails ?? (record.email ? [{ value: record.email, is_primary: true }] : []);
  const listed = emails.map((email) => ({ value: email.value, primary: email.is_primary === true }));
  // Primary first; the rest keep the CRM's order.
  return [...listed.filter((email) => email.primary), ...listed.filter((email) => !email.primary)];
}

function EmailsRow({ record }: { record: Contact }) {
  const emails = sortedEmails(record);
  return (
    <div className="inline-field" data-testid="field-emails" role="group" aria-label={text.emails}>
      <span className="inline-field-label">{text.emails}</span>
      {emails.length === 0 ? (
        <span className="inline-field-value is-empty">{messages.fields.empty}</span>
      ) : (
        <ul className="summary-emails">
          {emails.map((email, index) => (
            <li key={`${index}-${email.value}`}>
              <ActionLink kind="email" text={email.value} />
              {email.primary ? <span className="muted"> ({text.primaryEmail})</span> : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

const NAME_FIELD: FieldDef = { name: 'display_name', label: text.name, kind: 'text', required: false, custom: false, choices: [] };

function contactName(record: Contact): string {
  return record.display_name ?? [record.first_name, record.last_name].filter(Boolean).join(' ');
}

function LifecycleRow({ data, actions }: { data: ContactData; actions: SidebarActions }) {
  const field = builtInField(data.fields, 'lifecycle_stage_id', text.lifecycleStage, 'dropdown');
  // The CRM never echoes lifecycle_stage_id; the status side-load says which stage the contact is in.
  const stageId = data.status?.lifecycleStageId;
  const stageName = choiceLabel(field, stageId) ?? messages.fields.unknown;
  return <Row field={field} value={stageId} display={stageName} editable={false} actions={actions} />;
}

function StatusRow({ data, actions }: { data: ContactData; actions: SidebarActions }) {
  const field = builtInField(data.fields, 'contact_status_id', text.status, 'dropdown');
  const statusId = data.record.contact_status_id ?? data.status?.id;
  return <Row field={field} value={statusId} display={choiceLabel(field, statusId) ?? data.status?.name} actions={actions} />;
}

function ContactRows({ data, actions }: { data: ContactData; actions: SidebarActions }) {
  const { record, fields } = data;
  return (
    <>
      <Row
        field={NAME_FIELD}
        value={contactName(record)}
        display={<ContactName contact={record} />}
        editable={false}
        actions={actions}
      />
      <Row field={builtInField(fields, 'first_name', text.firstName, 'text')} value={record.first_name} actions={actions} />
      <Row field={builtInField(fields, 'last_name', text.lastName, 'text')} value={record.last_name} actions={actions} />
      <Row field={builtInField(fields, 'job_title', text.jobTitle, 'text')} value={record.job_title} actions={actions} />
      <EmailsRow record={record} />
      <Row field={builtInField(fields, 'work_number', text.workNumber, 'phone')} value={record.work_number} actions={actions} />
      <Row field={builtInField(fields, 'mobile_number', text.mobileNumber, 'phone')} value={record.mobile_number} actions={actions} />
      <OwnerRow data={data} actions={actions} />
      <LifecycleRow data={data} actions={actions} />
      <StatusRow data={data} actions={actions} />
    </>
  );
}

function StageRow({ data, actions }: { data: DealData; actions: SidebarActions }) {
  const { record } = data;
  const allStages = builtInField(data.fields, 'deal_stage_id', text.stage, 'dropdown');
  // Stable while the pipeline is, so the select does not get new options on every render.
  const field = useMemo(() => stagesOfPipeline(allStages, record.deal_pipeline_id), [allStages, record.deal_pipeline_id]);
  const { move, prompt } = useStageMove(record, data.fields, actions);
  return (
    <>
      <Row field={field} value={record.deal_stage_id} display={choiceLabel(allStages, record.deal_stage_id)} onSave={(stageId) => move(Number(stageId))} actions={actions} />
      {prompt}
    </>
  );
}

function DealRows({ data, actions }: { data: DealData; actions: SidebarActions }) {
  const { record, fields } = data;
  // Money is edited as a decimal string whatever type the settings give the amount.
  const amountSetting = builtInField(fields, 'amount', text.amount, 'decimal');
  const amount = useMemo((): FieldDef => ({ ...amountSetting, kind: 'decimal' }), [amountSetting]);
  return (
    <>
      <Row field={builtInField(fields, 'name', text.dealName, 'text')} value={record.name} actions={actions} />
      <Row field={amount} value={record.amount} display={formatMoney(record.amount, data.currencyCode)} actions={actions} />
      <StageRow data={data} actions={actions} />
      <Row field={builtInField(fields, 'probability', text.probability, 'number')} value={record.probability} actions={actions} />
      <Row field={builtInField(fields, 'expected_close', text.expectedClose, 'date')} value={record.expected_close} actions={actions} />
      <OwnerRow data={data} actions={actions} />
    </>
  );
}

function AccountRows({ data, actions }: { data: AccountData; actions: SidebarActions }) {
  const { record, fields } = data;
  return (
    <>
      <Row field={builtInField(fields, 'name', text.accountName, 'text')} value={record.name} actions={actions} />
      <Row field={builtInField(fields, 'website', text.website, 'url')} value={record.website} actions={actions} />
      <Row field={builtInField(fields, 'industry_type_id', text.industry, 'dropdown')} value={record.industry_type_id} actions={actions} />
      <OwnerRow data={data} actions={actions} />
      <Row field={builtInField(fields, 'annual_revenue', text.annualRevenue, 'number')} value={record.annual_revenue} actions={actions} />
    </>
  );
}

function EntityRows({ data, actions }: { data: SidebarData; actions: SidebarActions }) {
  if (data.entity === 'contact') return <ContactRows data={data} actions={actions} />;
  if (data.entity === 'deal') return <DealRows data={data} actions={actions} />;
  return <AccountRows data={data} actions={actions} />;
}

/**
 * The open record's main fields and the admin's custom fields, each editable in place
 * (labels, types and required flags from the field settings).
 */
export function SummarySection({ data, actions, customFields }: SummarySectionProps) {
  const headingId = useId();
  return (
    <section className="section summary-section" aria-labelledby={headingId} data-testid="section-summary">
      <h2 id={headingId} className="section-title">
        {text.heading}
      </h2>
      <div className="summary-fields">
        <EntityRows data={data} actions={actions} />
        <CustomRows data={data} actions={actions} customFields={customFields} />
      </div>
    </section>
  );
}
