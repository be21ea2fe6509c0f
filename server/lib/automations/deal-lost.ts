import { isRecord } from '../../../common/guards';
import type { TaskTemplate } from '../settings/settings';
import type { Automation, Facts, Step } from './automation';
import { createNote, createTask, dayOf, dueDate } from './crm-writes';

/** Deal lost (issue #9 §2.1): an optional follow-up task and a note, with the lost reason when there is one. */
export interface DealLostInput {
  dealId: number;
  dealName: string;
  ownerId: number | null;
  stageName: string | null;
  reason: string | null;
  task: TaskTemplate | null;
  at: number;
}

function parse(body: unknown): DealLostInput | string {
  if (!isRecord(body) || typeof body.dealId !== 'number' || typeof body.at !== 'number' || typeof body.dealName !== 'string') return 'the deal_lost job input is unreadable';
  return body as unknown as DealLostInput;
}

const DEAL = (input: DealLostInput) => ({ type: 'Deal' as const, id: input.dealId });

const taskStep: Step<DealLostInput> = {
  id: 'task',
  writes: true,
  run: async (context, input) => {
    const task = input.task as TaskTemplate;
    const due = dueDate(input.at, task.dueInDays);
    const description = `Follow-up after losing ${input.dealName}${input.reason === null ? '' : ` (${input.reason})`} (created by Companion for Freshsales).`;
    const result = await createTask(context, { title: task.title, dueDate: due, ownerId: input.ownerId, on: DEAL(input), description });
    return { ...result, facts: { task: { title: task.title, due: dayOf(due), outcome: result.outcome } } };
  },
};

export function lostNote(input: DealLostInput, facts: Facts): string {
  const task = isRecord(facts.task) ? facts.task : undefined;
  const taskLine = task === undefined ? undefined : task.outcome === 'done' ? `Companion for Freshsales created the task “${String(task.title)}” due ${String(task.due)}.` : `The follow-up task “${String(task.title)}” could not be created or confirmed.`;
  const lines = [`Deal lost${input.stageName === null ? '' : ` (${input.stageName})`}.`, input.reason === null ? 'No lost reason was given.' : `Lost reason: ${input.reason}.`, taskLine];
  return lines.filter((line): line is string => line !== undefined).join('\n');
}

const noteStep: Step<DealLostInput> = {
  id: 'note',
  writes: true,
  run: (context, input, facts) => createNote(context, DEAL(input), lostNote(input, facts)),
};

export const dealLost: Automation<DealLostInput> = {
  parse,
  steps: (input) => [...(input.task === null ? [] : [taskStep]), noteStep],
  expectedCalls: (input) => (input.task === null ? 1 : 2),
};
