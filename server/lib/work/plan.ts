import { unwrap } from '../../../common/product-events/fields';
import type { DealWonInput } from '../automations/deal-won';
import type { DealLostInput } from '../automations/deal-lost';
import type { HygieneInput } from '../automations/hygiene/contact-hygiene';
import type { AutomationName } from '../automations/automation';
import type { OutboxItem } from '../queue/item';
import type { Settings } from '../settings/settings';
import type { StateStore } from '../state/state-store';
import { closedAs, stageMove, type StageMove } from '../triggers/deal-stage';
import { recordLabel, type ParsedEvent } from '../triggers/parse';
import { deliveryItem, outboundFor } from '../webhooks/outbound';

/**
 * What one product event asks of the app: automation jobs and webhook deliveries, as outbox
 * items due now. Deciding reads nothing but the event and the settings, except a deal's stage
 * move, which needs the forecast type of the stage it left (from the state key).
 */
type DealEvent = Extract<ParsedEvent, { entity: 'deal' }>;
type ContactEvent = Extract<ParsedEvent, { entity: 'contact' }>;

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);
const id = (value: unknown): number | null => (typeof value === 'number' && Number.isSafeInteger(value) ? value : null);

function jobItem(name: AutomationName, key: string, event: ParsedEvent, input: object, now: number): OutboxItem {
  return { kind: 'automation', status: 'pending', key, name, record: recordLabel(event), dueAt: now, attempts: 0, createdAt: now, updatedAt: now, log: [], state: {}, body: JSON.stringify(input) };
}

function dealFacts(event: DealEvent) {
  const { deal } = event.data;
  return { dealId: deal.id, dealName: text(unwrap(deal.name)) ?? `Deal ${deal.id}`, ownerId: id(unwrap(deal.owner_id)), at: event.at };
}

function wonJob(event: DealEvent, move: StageMove, settings: Settings, now: number): OutboxItem[] {
  const { enabled, tasks, lifecycleStage } = settings.dealWon;
  // Nothing configured to do: no job, and no note saying nothing was done.
  if (!enabled || (tasks.length === 0 && lifecycleStage === null)) return [];
  const input: DealWonInput = {
    ...dealFacts(event),
    stageName: move.toName,
    contactIds: (event.data.deal.contact_ids ?? []).filter((contactId) => Number.isSafeInteger(contactId)),
    tasks: settings.dealWon.tasks,
    lifecycleStage: settings.dealWon.lifecycleStage,
  };
  return [jobItem('deal_won', `dw:${move.dealId}:${move.stamp}`, event, input, now)];
}

function lostJob(event: DealEvent, move: StageMove, settings: Settings, now: number): OutboxItem[] {
  if (!settings.dealLost.enabled) return [];
  const input: DealLostInput = { ...dealFacts(event), stageName: move.toName, reason: text(event.data.associations?.deal_reason?.name), task: settings.dealLost.task };
  return [jobItem('deal_lost', `dl:${move.dealId}:${move.stamp}`, event, input, now)];
}

function dealJobs(event: DealEvent, move: StageMove | undefined, settings: Settings, now: number): OutboxItem[] {
  const closed = move === undefined ? undefined : closedAs(move);
  if (move === undefined || closed === undefined) return [];
  return closed === 'won' ? wonJob(event, move, settings, now) : lostJob(event, move, settings, now);
}

function hygieneJob(event: ContactEvent, settings: Settings, now: number): OutboxItem[] {
  if (event.change !== 'create' || !settings.hygiene.enabled) return [];
  const { contact } = event.data;
  const emails = (unwrap(contact.emails) as HygieneInput['emails'] | null | undefined) ?? [];
  const input: HygieneInput = {
    contactId: contact.id,
    name: text(unwrap(contact.name)) ?? ([unwrap(contact.first_name), unwrap(contact.last_name)].filter(text).join(' ') || `Contact ${contact.id}`),
    ownerId: id(unwrap(contact.owner_id)),
    emails: emails.map((email) => ({ id: email.id ?? null, value: email.value, is_primary: email.is_primary === true })),
    workEmail: text(unwrap(contact.work_email)),
    mobile: text(unwrap(contact.mobile_number)),
    work: text(unwrap(contact.work_number)),
    country: text(unwrap(contact.country)),
    defaultCountry: settings.hygiene.defaultCountry,
    hasAccount: (contact.sales_account_ids ?? []).length > 0,
    at: event.at,
  };
  return [jobItem('contact_hygiene', `ch:${contact.id}`, event, input, now)];
}

/** The stage move of a deal update, reading the stage list only when the stage changed. */
async function moveOf(event: ParsedEvent, settings: Settings, state: StateStore): Promise<StageMove | undefined> {
  if (event.entity !== 'deal' || !stageChanged(event) || !usesStageMoves(settings)) return undefined;
  const stages = (await state.read())?.meta?.stages ?? {};
  return stageMove(event.data, stages, event.at);
}

const stageChanged = (event: DealEvent): boolean => event.data.changes?.model_changes.deal_stage_id !== undefined;

const usesStageMoves = (settings: Settings): boolean => settings.dealWon.enabled || settings.dealLost.enabled || settings.webhooks.enabled;

function isDeleted(event: ParsedEvent): boolean {
  const record = event.entity === 'contact' ? event.data.contact : event.entity === 'deal' ? event.data.deal : event.data.sales_account;
  return record.is_deleted === true;
}

function webhookItems(event: ParsedEvent, move: StageMove | undefined, settings: Settings, now: number): OutboxItem[] {
  if (!settings.webhooks.enabled) return [];
  return outboundFor(event, move)
    .filter((outbound) => settings.webhooks.events.has(outbound.type))
    .map((outbound) => deliveryItem(event, outbound, now));
}

export async function planEvent(event: ParsedEvent, settings: Settings, state: StateStore, now: number): Promise<OutboxItem[]> {
  if (isDeleted(event)) return [];
  const move = await moveOf(event, settings, state);
  const jobs = event.entity === 'deal' ? dealJobs(event, move, settings, now) : event.entity === 'contact' ? hygieneJob(event, settings, now) : [];
  return [...jobs, ...webhookItems(event, move, settings, now)];
}
