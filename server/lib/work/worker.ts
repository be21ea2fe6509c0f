import { expectedCalls, runJob } from '../automations/runner';
import type { Host } from '../platform/host';
import type { OutboxItem } from '../queue/item';
import { Outbox } from '../queue/outbox';
import type { Settings } from '../settings/settings';
import { StateStore } from '../state/state-store';
import { deliverItem } from '../webhooks/delivery';
import { CallBudget } from '../budget/call-budget';

/**
 * The work of one invocation: its budget, its view of the state key, the outbox. Items run
 * one after another, oldest due first, each saved as soon as it changed, so a run cut short
 * by the time limit loses at most the step that was in flight.
 */
export interface Work {
  host: Host;
  settings: Settings;
  state: StateStore;
  budget: CallBudget;
  outbox: Outbox;
}

export function newWork(host: Host, settings: Settings): Work {
  const state = new StateStore(host);
  return { host, settings, state, budget: new CallBudget(host, state), outbox: new Outbox(host.outbox) };
}

export const isDue = (item: OutboxItem, now: number): boolean => item.status === 'pending' && item.dueAt <= now;

/** Calls an item is likely to need: one per delivery, the job's expected calls. */
export const estimatedCalls = (item: OutboxItem): number => (item.kind === 'webhook' ? 1 : expectedCalls(item));

function step(work: Work, item: OutboxItem): Promise<OutboxItem | undefined> {
  if (item.kind === 'webhook') return deliverItem(item, { host: work.host, budget: work.budget, state: work.state, settings: work.settings.webhooks });
  return runJob(item, work, (progress) => saveItem(work, progress));
}

async function saveItem(work: Work, item: OutboxItem): Promise<void> {
  const saved = await work.outbox.save(item);
  if (!saved.ok) work.host.log.error(`outbox: ${saved.problem}`);
}

export interface Outcome {
  /** Items that reached done, dead or skipped. */
  finished: number;
  /** Due items still pending after this run (budget, time or a retry later). */
  waiting: number;
}

/** Runs the due items with what the budget grants now; every changed item is saved. */
export async function runItems(work: Work, items: OutboxItem[]): Promise<Outcome> {
  const now = work.host.now();
  const due = items.filter((item) => isDue(item, now)).sort((a, b) => a.dueAt - b.dueAt);
  await work.budget.reserve(due.reduce((sum, item) => sum + estimatedCalls(item), 0));
  let finished = 0;
  for (const item of due) {
    const next = await step(work, item);
    if (next === undefined) continue;
    await saveItem(work, next);
    if (next.status !== 'pending') finished += 1;
  }
  return { finished, waiting: due.length - finished };
}
