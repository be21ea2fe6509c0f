import { crmCall, type RunContext, type StepResult } from './run-context';

/** The CRM writes automations make, each one call through a request template (api §4). */

export type Targetable = 'Contact' | 'Deal' | 'SalesAccount';

const DAY_MS = 86_400_000;

/** Due `days` after the event, as an ISO timestamp (the API takes any ISO offset). */
export const dueDate = (at: number, days: number): string => new Date(at + days * DAY_MS).toISOString();

/** `2026-12-03` for notes: unambiguous in every locale. */
export const dayOf = (iso: string): string => iso.slice(0, 10);

export interface NewTask {
  title: string;
  dueDate: string;
  ownerId: number | null;
  on: { type: Targetable; id: number };
  description: string;
}

export async function createTask(context: RunContext, task: NewTask): Promise<StepResult> {
  const body = {
    task: {
      title: task.title,
      description: task.description,
      due_date: task.dueDate,
      ...(task.ownerId === null ? {} : { owner_id: task.ownerId }),
      targetable_type: task.on.type,
      targetable_id: task.on.id,
    },
  };
  const answer = await crmCall(context, 'createTask', {}, body);
  return answer.ok ? { outcome: 'done', detail: `task ${answer.value?.task.id ?? '?'}` } : answer.result;
}

export async function createNote(context: RunContext, on: { type: Targetable; id: number }, description: string): Promise<StepResult> {
  const answer = await crmCall(context, 'createNote', {}, { note: { description, targetable_type: on.type, targetable_id: on.id } });
  return answer.ok ? { outcome: 'done', detail: `note ${answer.value?.note.id ?? '?'}` } : answer.result;
}

export async function updateContact(context: RunContext, id: number, patch: Record<string, unknown>): Promise<StepResult> {
  const answer = await crmCall(context, 'updateContact', { id }, { contact: patch });
  return answer.ok ? { outcome: 'done' } : answer.result;
}
