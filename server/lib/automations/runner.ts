import { isRecord } from '../../../common/guards';
import { retryDelayMs } from '../queue/backoff';
import type { Attempt, OutboxItem } from '../queue/item';
import { mergeFacts, type Automation, type AutomationName, type Facts } from './automation';
import { claimOnce } from './claim';
import { dealLost } from './deal-lost';
import { dealWon } from './deal-won';
import { contactHygiene } from './hygiene/contact-hygiene';
import type { RunContext, StepResult } from './run-context';

/**
 * Runs an automation job from where it stopped: claims its once-per-transition key before the
 * first write, runs the steps not done yet, and settles the item: done, waiting for budget,
 * retried later after a 429/5xx (growing delays), or dead after MAX_JOB_ATTEMPTS.
 */
export const MAX_JOB_ATTEMPTS = 8;

const AUTOMATIONS: Record<AutomationName, Automation<unknown>> = {
  deal_won: dealWon,
  deal_lost: dealLost,
  contact_hygiene: contactHygiene,
};

interface Progress {
  claimed: boolean;
  done: string[];
  facts: Facts;
}

function progressOf(state: Record<string, unknown>): Progress {
  const done = Array.isArray(state.done) ? state.done.map(String) : [];
  return { claimed: state.claimed === true, done, facts: isRecord(state.facts) ? state.facts : {} };
}

function inputOf(item: OutboxItem): { automation: Automation<unknown>; input: unknown } | string {
  const automation = Object.prototype.hasOwnProperty.call(AUTOMATIONS, item.name) ? AUTOMATIONS[item.name as AutomationName] : undefined;
  if (automation === undefined) return `unknown automation ${item.name}`;
  let body: unknown;
  try {
    body = JSON.parse(item.body);
  } catch {
    return `the ${item.name} job input is not JSON`;
  }
  const input = automation.parse(body);
  return typeof input === 'string' ? input : { automation, input };
}

/** How many calls the job is likely to make now, to reserve budget for it. */
export function expectedCalls(item: OutboxItem): number {
  const found = inputOf(item);
  if (typeof found === 'string') return 0;
  const { done } = progressOf(item.state);
  const left = found.automation.steps(found.input).filter((step) => !done.includes(step.id)).length;
  return Math.min(left, found.automation.expectedCalls(found.input));
}

const finished = (item: OutboxItem, status: OutboxItem['status'], now: number, attempt: Attempt): OutboxItem => ({ ...item, status, updatedAt: now, log: [...item.log, attempt] });

interface Ran {
  progress: Progress;
  log: Attempt[];
  stop?: StepResult;
}

const wroteSomething = (step: { writes?: boolean }, result: StepResult): boolean => step.writes === true && result.outcome !== 'skipped';

/** Saves the job between steps, so a run cut short repeats at most the step in flight. */
export type Checkpoint = (item: OutboxItem) => Promise<void>;

async function runSteps(context: RunContext, job: { item: OutboxItem; automation: Automation<unknown>; input: unknown }, start: Progress, checkpoint: Checkpoint): Promise<Ran> {
  const progress: Progress = { ...start, done: [...start.done] };
  const log: Attempt[] = [];
  const steps = job.automation.steps(job.input).filter((candidate) => !progress.done.includes(candidate.id));
  for (const [index, step] of steps.entries()) {
    const result = await step.run(context, job.input, progress.facts);
    if (result.outcome === 'deferred') return { progress, log, stop: result };
    log.push({ at: context.host.now(), step: step.id, outcome: result.outcome, ...(result.detail === undefined ? {} : { answer: result.detail.slice(0, 160) }) });
    if (result.outcome === 'retry') return { progress, log, stop: result };
    progress.done.push(step.id);
    progress.facts = mergeFacts(progress.facts, result.facts);
    // After a write, unless the job's own save follows at once.
    if (wroteSomething(step, result) && index < steps.length - 1) {
      await checkpoint({ ...job.item, state: { ...progress, done: [...progress.done] }, log: [...job.item.log, ...log], updatedAt: context.host.now() });
    }
  }
  return { progress, log };
}

function settle(item: OutboxItem, ran: Ran, now: number): OutboxItem | undefined {
  const next: OutboxItem = { ...item, state: { ...ran.progress }, log: [...item.log, ...ran.log], updatedAt: now };
  if (ran.stop === undefined) return { ...next, status: 'done' };
  // Nothing done before the budget ran out: nothing to save (its claim is recognised as its own).
  if (ran.stop.outcome === 'deferred') return ran.log.length === 0 ? undefined : next;
  const attempts = item.attempts + 1;
  if (attempts >= MAX_JOB_ATTEMPTS) return { ...next, attempts, status: 'dead' };
  return { ...next, attempts, dueAt: now + retryDelayMs(attempts, ran.stop.retryAfterSeconds) };
}

/** Claims the job's key; undefined when it may run, else the item as it must be saved. */
async function claim(item: OutboxItem, context: RunContext, progress: Progress): Promise<OutboxItem | undefined> {
  if (progress.claimed) return undefined;
  const now = context.host.now();
  const { claim: outcome, detail } = await claimOnce(context.host.kv, item.key, item.id ?? `inline:${item.key}`, now);
  if (outcome === 'ours') return undefined;
  if (outcome === 'taken') return finished(item, 'skipped', now, { at: now, outcome: 'skipped', answer: detail ?? 'a repeat' });
  // The store would not answer (its own limit): try again in the next run.
  return { ...item, updatedAt: now, log: [...item.log, { at: now, outcome: 'retry', answer: detail ?? 'claim unavailable' }] };
}

const NO_CHECKPOINT: Checkpoint = () => Promise.resolve();

/** The job as it must be saved, or undefined when this run left it exactly as it was. */
export async function runJob(item: OutboxItem, context: RunContext, checkpoint: Checkpoint = NO_CHECKPOINT): Promise<OutboxItem | undefined> {
  const now = context.host.now();
  const found = inputOf(item);
  if (typeof found === 'string') return finished(item, 'dead', now, { at: now, outcome: 'dead', answer: found });
  const progress = progressOf(item.state);
  // No budget now: leave it untouched rather than spend a store operation on its claim.
  if (!progress.claimed && !(await context.budget.hasRoom())) return undefined;
  const blocked = await claim(item, context, progress);
  if (blocked !== undefined) return blocked;
  const ran = await runSteps(context, { item, ...found }, { ...progress, claimed: true }, checkpoint);
  return settle(item, ran, context.host.now());
}
