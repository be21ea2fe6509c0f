import type { RunContext } from '../lib/automations/run-context';
import { runJob, type Checkpoint } from '../lib/automations/runner';
import type { OutboxItem } from '../lib/queue/item';
import { Outbox } from '../lib/queue/outbox';
import { StateStore } from '../lib/state/state-store';
import { CallBudget } from '../lib/budget/call-budget';
import type { TestHost } from './host';

/** A fresh run context (budget, state view, start time) on a test host, as one invocation would have. */
export function runContext(test: TestHost): RunContext {
  const host = { ...test.host, startedAt: test.clock.now() };
  const state = new StateStore(host);
  return { host, state, budget: new CallBudget(host, state) };
}

/** An automation job as the planner queues it, stored in the test host's outbox. */
export async function queuedJob(test: TestHost, name: string, key: string, input: object): Promise<OutboxItem> {
  const now = test.clock.now();
  const item: OutboxItem = { kind: 'automation', status: 'pending', key, name, record: 'test', dueAt: now, attempts: 0, createdAt: now, updatedAt: now, log: [], state: {}, body: JSON.stringify(input) };
  const added = await new Outbox(test.host.outbox).add(item);
  if (!added.ok) throw new Error(added.problem);
  return added.value;
}

/** runJob, reading "left as it was" (undefined) as the item itself, for assertions. */
export async function runJobTo(item: OutboxItem, context: RunContext, checkpoint?: Checkpoint): Promise<OutboxItem> {
  return (await runJob(item, context, checkpoint)) ?? item;
}
