import type { RunContext, StepResult } from './run-context';

/**
 * An automation is a fixed list of steps computed from its input (what the event said, frozen
 * when the job was queued). Steps share `facts` (what earlier steps found or did), which the
 * job keeps between runs, so a job stopped by a 429 resumes after its last finished step.
 */
export type Facts = Record<string, unknown>;

export interface Step<I> {
  id: string;
  /** A write to the CRM: the job saves its progress after it, so it is never repeated. */
  writes?: boolean;
  run(context: RunContext, input: I, facts: Facts): Promise<StepResult & { facts?: Facts }>;
}

export interface Automation<I> {
  /** Reads the job's stored input; a string says why it cannot be used. */
  parse(body: unknown): I | string;
  steps(input: I): Array<Step<I>>;
  /** The calls a fresh job will most likely make, to reserve budget for it. */
  expectedCalls(input: I): number;
}

export type AutomationName = 'deal_won' | 'deal_lost' | 'contact_hygiene';

/** Facts steps add up: counters add, lists concatenate, anything else replaces. */
export function mergeFacts(facts: Facts, update: Facts | undefined): Facts {
  if (update === undefined) return facts;
  const merged: Facts = { ...facts };
  for (const [name, value] of Object.entries(update)) {
    const current = merged[name];
    if (typeof value === 'number' && typeof current === 'number') merged[name] = current + value;
    else if (Array.isArray(value) && Array.isArray(current)) merged[name] = [...(current as unknown[]), ...(value as unknown[])];
    else merged[name] = value;
  }
  return merged;
}
