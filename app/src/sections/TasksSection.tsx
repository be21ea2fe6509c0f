import { useState } from 'react';
import type { Task } from '../../../common/crm/records';
import { formatIsolated, Isolate } from '../components/Isolate';
import type { CurrentUser } from '../data/types';
import { formatDate } from '../fields/display';
import { format, messages } from '../i18n/messages';
import { fieldByName, type Choice, type FieldDef } from '../model/fields';
import { dueStatus, localYmd, openTasks, userName } from '../model/related';
import { EmptyState, HeaderAction, PagedList, Section, Unavailable } from './Section';
import { useTaskEditing } from './TaskControls';
import { TaskForm } from './TaskForm';
import type { SectionProps } from './types';

const text = messages.sections.tasks;

/** Owner choices from the entity's `owner_id` field; the current user is always one of them. */
export function ownerChoices(fields: readonly FieldDef[], currentUser: CurrentUser | undefined): Choice[] {
  const choices = fieldByName(fields, 'owner_id')?.choices ?? [];
  if (currentUser === undefined || choices.some((choice) => choice.id === String(currentUser.id))) return choices;
  return [{ id: String(currentUser.id), label: currentUser.name, position: 0 }, ...choices];
}

function DueMarker({ task, now }: { task: Task; now: Date }) {
  const status = dueStatus(task, now);
  if (status === 'overdue' || status === 'today') {
    return <span className={`marker marker--${status}`}>{status === 'overdue' ? text.overdue : text.today}</span>;
  }
  return null;
}

interface TaskItemProps {
  task: Task;
  now: Date;
  owner: string;
  onComplete: (task: Task) => void;
}

function TaskItem({ task, now, owner, onComplete }: TaskItemProps) {
  const due = task.due_date ? format(text.due, { date: formatDate(task.due_date) }) : text.noDue;
  return (
    <div className="item-line task-row">
      <input type="checkbox" data-testid="task-complete" aria-label={format(text.complete, { title: task.title })} onChange={() => onComplete(task)} />
      <div className="related-item-body">
        <div className="item-line">
          <span className="item-title">
            <Isolate>{task.title}</Isolate>
          </span>
          <DueMarker task={task} now={now} />
        </div>
        <span className="muted">{formatIsolated(text.meta, { due, owner })}</span>
      </div>
    </div>
  );
}

function initialDraft(owners: Choice[], currentUser: CurrentUser | undefined, now: Date) {
  return { title: '', dueDate: localYmd(now), ownerId: currentUser === undefined ? (owners[0]?.id ?? '') : String(currentUser.id) };
}

/** Open tasks, overdue first; complete one in a click, or add one. */
export function TasksSection({ data, actions, currentUser, now = new Date() }: SectionProps) {
  const [adding, setAdding] = useState(false);
  const owners = ownerChoices(data.fields, currentUser);
  const taskControls = useTaskEditing(actions, owners);
  const action = <HeaderAction label={text.create} testId="task-create" onClick={() => setAdding(true)} />;
  if (data.tasks === null) {
    // Tasks the sidebar cannot list would vanish once created, so no form either.
    return (
      <Section name="tasks" title={text.title}>
        <Unavailable things={text.things} entity={data.entity} />
      </Section>
    );
  }
  const tasks = openTasks(data.tasks, now);
  return (
    <Section name="tasks" title={text.title} count={tasks.length} action={action}>
      {adding ? <TaskForm owners={owners} initial={initialDraft(owners, currentUser, now)} onSubmit={(task) => actions.createTask(task)} onCancel={() => setAdding(false)} /> : null}
      {tasks.length === 0 ? (
        <EmptyState text={text.empty} />
      ) : (
        <PagedList
          items={tasks}
          keyOf={(task) => task.id}
          itemTestId="task-item"
          textOf={(task) => `${task.title} ${userName(data.users, task.owner_id)}`}
          things={text.things}
          render={(task) => (
            <>
              <TaskItem task={task} now={now} owner={userName(data.users, task.owner_id)} onComplete={(done) => void actions.completeTask(done)} />
              {taskControls(task)}
            </>
          )}
        />
      )}
    </Section>
  );
}
