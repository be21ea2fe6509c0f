import { useState, type ReactNode } from 'react';
import type { Task } from '../../../common/crm/records';
import type { SidebarActions } from '../data/types';
import { format, messages } from '../i18n/messages';
import type { Choice } from '../model/fields';
import { localYmd } from '../model/related';
import { ItemActions } from './ItemActions';
import { RefusalNotice } from './form-parts';
import { TaskForm } from './TaskForm';

const text = messages.operations.tasks;

/** The task as the form edits it: its due day in local time, its owner. */
export function taskDraft(task: Task, fallbackOwner: string) {
  const due = task.due_date ? new Date(task.due_date) : undefined;
  return {
    title: task.title,
    dueDate: due === undefined || Number.isNaN(due.getTime()) ? '' : localYmd(due),
    ownerId: task.owner_id === null || task.owner_id === undefined ? fallbackOwner : String(task.owner_id),
  };
}

interface TaskEditorProps {
  task: Task;
  owners: Choice[];
  actions: SidebarActions;
  onClose: () => void;
}

/** The quick task form, filled with the task; a refusal shows under it and keeps it open. */
function TaskEditor({ task, owners, actions, onClose }: TaskEditorProps) {
  const [refusal, setRefusal] = useState<string>();
  const submit = async (input: Parameters<SidebarActions['records']['updateTask']>[1]) => {
    const outcome = await actions.records.updateTask(task, input);
    setRefusal(outcome.status === 'refused' ? format(messages.operations.refused, { reason: outcome.reason }) : undefined);
    return outcome.status !== 'refused';
  };
  return (
    <div className="task-editor" data-testid="task-editor">
      <TaskForm owners={owners} initial={taskDraft(task, owners[0]?.id ?? '')} submitLabel={messages.operations.save} onSubmit={submit} onCancel={onClose} />
      <RefusalNotice reason={refusal} />
    </div>
  );
}

/** Edit and Delete of each open task; a task not yet saved (negative id) has neither. */
export function useTaskEditing(actions: SidebarActions, owners: Choice[]): (task: Task) => ReactNode {
  const [editingId, setEditingId] = useState<number>();
  const close = () => setEditingId(undefined);
  return (task) => {
    if (task.id < 0) return null;
    if (editingId === task.id) return <TaskEditor task={task} owners={owners} actions={actions} onClose={close} />;
    return (
      <ItemActions
        testId="task"
        editLabel={format(text.editLabel, { title: task.title })}
        deleteLabel={format(text.deleteLabel, { title: task.title })}
        deleteQuestion={format(text.deleteQuestion, { title: task.title })}
        onEdit={() => setEditingId(task.id)}
        onDelete={() => actions.records.deleteTask(task)}
      />
    );
  };
}
