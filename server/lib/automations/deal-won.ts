import { isRecord } from '../../../common/guards';
import type { TaskTemplate } from '../settings/settings';
import type { Automation, Facts, Step } from './automation';
import { lifecycleStageId } from './crm-metadata';
import { createNote, createTask, dayOf, dueDate, updateContact } from './crm-writes';
import type { StepResult } from './run-context';

/**
 * Deal won (issue #9 §2.1): the configured follow-up tasks for the deal's owner, linked to the
 * deal; the deal's contacts moved to the configured lifecycle stage; a note saying what was
 * done. The input is frozen when the job is queued, from the event that reported the win.
 */
export interface DealWonInput {
  dealId: number;
  dealName: string;
  ownerId: number | null;
  stageName: string | null;
  contactIds: number[];
  tasks: TaskTemplate[];
  lifecycleStage: string | null;
  /** When the deal was won, epoch ms: tasks fall due counted from it. */
  at: number;
}

const isIds = (value: unknown): value is number[] => Array.isArray(value) && value.every((id) => Number.isSafeInteger(id));
const isTasks = (value: unknown): value is TaskTemplate[] =>
  Array.isArray(value) && value.every((task) => isRecord(task) && typeof task.title === 'string' && typeof task.dueInDays === 'number');

function parse(body: unknown): DealWonInput | string {
  if (!isRecord(body) || typeof body.dealId !== 'number' || typeof body.at !== 'number' || !isIds(body.contactIds) || !isTasks(body.tasks)) return 'the deal_won job input is unreadable';
  return body as unknown as DealWonInput;
}

const DEAL = (input: DealWonInput) => ({ type: 'Deal' as const, id: input.dealId });

function taskStep(task: TaskTemplate, index: number): Step<DealWonInput> {
  return {
    id: `task:${index}`,
    writes: true,
    run: async (context, input) => {
      const due = dueDate(input.at, task.dueInDays);
      const description = `Follow-up after winning ${input.dealName} (created by Companion for Freshsales).`;
      const result = await createTask(context, { title: task.title, dueDate: due, ownerId: input.ownerId, on: DEAL(input), description });
      return { ...result, facts: { tasks: [{ title: task.title, due: dayOf(due), outcome: result.outcome }] } };
    },
  };
}

const lifecycleStep: Step<DealWonInput> = {
  id: 'lifecycle',
  run: async (context, input) => {
    const found = await lifecycleStageId(context, input.lifecycleStage ?? '');
    if ('outcome' in found) return found;
    if (found.id === null) return { outcome: 'failed', detail: `no lifecycle stage named "${input.lifecycleStage ?? ''}"`, facts: { lifecycle_id: null, problems: [`no lifecycle stage is named “${input.lifecycleStage ?? ''}”`] } };
    return { outcome: 'done', facts: { lifecycle_id: found.id } };
  },
};

const CONTACT_FACT: Record<string, string> = { done: 'moved', skipped: 'missing', failed: 'failed', unknown: 'unknown' };

function contactStep(contactId: number): Step<DealWonInput> {
  return {
    id: `contact:${contactId}`,
    writes: true,
    run: async (context, _input, facts) => {
      if (typeof facts.lifecycle_id !== 'number') return { outcome: 'skipped', detail: 'no lifecycle stage to move to' };
      const result: StepResult = await updateContact(context, contactId, { lifecycle_stage_id: facts.lifecycle_id });
      const counter = CONTACT_FACT[result.outcome];
      return { ...result, ...(counter === undefined ? {} : { facts: { [counter]: 1 } }) };
    },
  };
}

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

function taskLine(facts: Facts): string | undefined {
  const tasks = (Array.isArray(facts.tasks) ? facts.tasks : []).filter(isRecord);
  const created = tasks.filter((task) => task.outcome === 'done').map((task) => `“${String(task.title)}” due ${String(task.due)}`);
  const other = tasks.length - created.length;
  if (tasks.length === 0) return undefined;
  return `Created ${plural(created.length, 'follow-up task')}${created.length > 0 ? `: ${created.join(', ')}` : ''}.${other > 0 ? ` ${plural(other, 'task')} could not be created or confirmed.` : ''}`;
}

function contactLine(input: DealWonInput, facts: Facts): string | undefined {
  if (input.lifecycleStage === null || input.contactIds.length === 0 || typeof facts.lifecycle_id !== 'number') return undefined;
  const count = (name: string): number => {
    const value = facts[name];
    return typeof value === 'number' ? value : 0;
  };
  const reasons: Array<[string, string]> = [['missing', 'deleted since'], ['failed', 'refused by Freshsales'], ['unknown', 'not confirmed']];
  const notes = reasons.filter(([name]) => count(name) > 0).map(([name, why]) => `${count(name)} ${why}`);
  return `Moved ${plural(count('moved'), 'contact')} to the lifecycle stage ${input.lifecycleStage}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}.`;
}

/** What the note says: the win, then what was done, then what could not be. */
export function wonNote(input: DealWonInput, facts: Facts): string {
  const problems = Array.isArray(facts.problems) ? (facts.problems as unknown[]).map(String) : [];
  const lines = [
    `Deal won${input.stageName === null ? '' : ` (${input.stageName})`}. Companion for Freshsales followed up:`,
    taskLine(facts),
    contactLine(input, facts),
    ...problems.map((problem) => `Not done: ${problem}.`),
  ];
  return lines.filter((line): line is string => line !== undefined).join('\n');
}

const noteStep: Step<DealWonInput> = {
  id: 'note',
  writes: true,
  run: (context, input, facts) => createNote(context, DEAL(input), wonNote(input, facts)),
};

const movesContacts = (input: DealWonInput): boolean => input.lifecycleStage !== null && input.contactIds.length > 0;

export const dealWon: Automation<DealWonInput> = {
  parse,
  steps: (input) => [...input.tasks.map(taskStep), ...(movesContacts(input) ? [lifecycleStep, ...input.contactIds.map(contactStep)] : []), noteStep],
  // The lifecycle lookup is usually known already: not counted.
  expectedCalls: (input) => input.tasks.length + (movesContacts(input) ? input.contactIds.length : 0) + 1,
};
