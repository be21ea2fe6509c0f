import type { CrmFailure } from '../../../common/crm/failure';
import type { EntityType } from '../../../common/platform/client';
import { ok, type Result } from '../../../common/validation';
import { format, messages } from '../i18n/messages';
import {
  accountByNameBody,
  convertedContactBody,
  convertedDealBody,
  lifecycleStageOptions,
  newAccountBody,
  sameName,
  statusOptions,
  type Conversion,
  type LifecycleStageOption,
  type StatusOption,
} from './lead-conversion';
import { pageStorage } from './metadata-cache';
import type { OperationDeps, Writer } from './operation-writer';
import { cachedSelector, sharedSelector } from './selector-cache';
import type { ContactData } from './types';
import type { Verdict } from './unknown-outcome';

/**
 * Lead conversion as a sequence of CRM writes: the account (found by name or created), the
 * contact's stage, status and account link, then the deal. Each step starts only when the one
 * before succeeded, so a refusal stops there and says what was already done; nothing is undone
 * (Freshsales has no transactions), and the record is read again at the end either way.
 */

export type ConversionOutcome = { status: 'saved'; done: string[] } | { status: 'refused'; reason: string; done: string[] } | { status: 'unknown'; done: string[] };

export interface LeadOperations {
  /** The account's lifecycle stages with their types (cached, also across opens). */
  lifecycleStages(): Promise<Result<LifecycleStageOption[], CrmFailure>>;
  contactStatuses(): Promise<Result<StatusOption[], CrmFailure>>;
  convertLead(conversion: Conversion): Promise<ConversionOutcome>;
}

const STORAGE_PREFIX = 'companion:lifecycle:v1';

/** A stored stage list is used only when every entry still has the shape the code reads. */
export function reviveStages(stored: unknown): LifecycleStageOption[] | undefined {
  if (!Array.isArray(stored)) return undefined;
  const valid = stored.every((stage: Partial<LifecycleStageOption> | null) => typeof stage?.id === 'number' && typeof stage.name === 'string' && typeof stage.type === 'string' && Array.isArray(stage.statusIds));
  return valid ? (stored as LifecycleStageOption[]) : undefined;
}

type Step<T> = { ok: true; value: T } | { ok: false; outcome: ConversionOutcome };

const text = () => messages.operations.convert;

export function createLeadOperations<E extends EntityType>(deps: OperationDeps<E>, writer: Writer<E>): LeadOperations {
  const { host } = deps;
  const call = host.call.bind(host);

  const lifecycleStages = sharedSelector(host, 'lifecycleStages', () =>
    cachedSelector(
      async () => {
        const answer = await call('listLifecycleStages', {});
        return answer.ok ? ok(lifecycleStageOptions(answer.value)) : answer;
      },
      { storage: pageStorage(), storageKey: async () => `${STORAGE_PREFIX}:${(await host.domain().catch(() => undefined)) ?? 'default'}`, revive: reviveStages },
    ),
  );

  const contactStatuses = sharedSelector(host, 'contactStatuses', () =>
    cachedSelector(async () => {
      const answer = await call('listContactStatuses', {});
      return answer.ok ? ok(statusOptions(answer.value)) : answer;
    }),
  );

  /** A failed step: a refusal, or after a timeout an unknown outcome (the record is re-read). */
  async function stop(what: string, failure: CrmFailure, done: string[], verdict?: (data: ContactData) => boolean): Promise<{ ok: false; outcome: ConversionOutcome }> {
    // Only a contact sidebar converts (checked before the first step), so its data is ContactData.
    const settled = await writer.settle(what, failure, verdict as Verdict<E> | undefined);
    return { ok: false, outcome: settled.status === 'refused' ? { status: 'refused', reason: settled.reason, done } : { status: 'unknown', done } };
  }

  async function findAccount(name: string): Promise<Result<number | undefined, CrmFailure>> {
    const found = await call('filterAccounts', {}, accountByNameBody(name));
    if (!found.ok) return found;
    return ok(found.value.sales_accounts.find((account) => sameName(account.name, name))?.id);
  }

  /** The account to link: an existing one of that name, else a new one owned by the user. */
  async function accountStep(typed: string | null, done: string[]): Promise<Step<number | undefined>> {
    if (typed === null) return { ok: true, value: undefined };
    const name = typed.trim();
    const existing = await findAccount(name);
    if (!existing.ok) return stop(format(text().findAccount, { name }), existing.failure, done);
    if (existing.value !== undefined) {
      done.push(format(text().reusedAccount, { name }));
      return { ok: true, value: existing.value };
    }
    const created = await call('createAccount', {}, newAccountBody(name, deps.currentUser()?.id));
    if (!created.ok) return stop(format(text().createAccount, { name }), created.failure, done);
    done.push(format(text().createdAccount, { name }));
    return { ok: true, value: created.value.sales_account.id };
  }

  async function contactStep(data: ContactData, conversion: Conversion, accountId: number | undefined, done: string[]): Promise<Step<null>> {
    const moved = await call('updateContact', { id: data.record.id }, convertedContactBody(data, conversion, accountId));
    if (!moved.ok) return stop(text().moveContact, moved.failure, done, (fresh) => fresh.status?.lifecycleStageId === conversion.stageId);
    done.push(text().movedContact);
    return { ok: true, value: null };
  }

  async function dealStep(data: ContactData, conversion: Conversion, accountId: number | undefined, done: string[]): Promise<Step<null>> {
    if (conversion.deal === null) return { ok: true, value: null };
    const name = String(conversion.deal.name ?? '');
    const created = await call('createDeal', {}, convertedDealBody(data, conversion.deal, accountId));
    if (!created.ok) return stop(format(text().createDeal, { name }), created.failure, done, (fresh) => fresh.deals.some((deal) => deal.name === name));
    done.push(format(text().createdDeal, { name }));
    return { ok: true, value: null };
  }

  async function run(data: ContactData, conversion: Conversion): Promise<ConversionOutcome> {
    const done: string[] = [];
    const account = await accountStep(conversion.accountName, done);
    if (!account.ok) return account.outcome;
    const contact = await contactStep(data, conversion, account.value, done);
    if (!contact.ok) return contact.outcome;
    const deal = await dealStep(data, conversion, account.value, done);
    return deal.ok ? { status: 'saved', done } : deal.outcome;
  }

  return {
    lifecycleStages,
    contactStatuses,
    convertLead: async (conversion) => {
      const data = deps.sidebar.current() as ContactData | undefined;
      if (data?.entity !== 'contact') return { status: 'refused', reason: text().notContact, done: [] };
      const outcome = await run(data, conversion);
      if (outcome.status === 'saved') await host.notify('success', format(text().done, { steps: outcome.done.join('; ') })).catch(() => undefined);
      // What changed shows as the CRM has it now: the new stage, the account, the deal.
      if (outcome.status !== 'unknown' && outcome.done.length > 0) await writer.reread();
      return outcome;
    },
  };
}
