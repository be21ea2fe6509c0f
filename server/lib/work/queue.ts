import type { OutboxItem } from '../queue/item';
import { isDue, runItems, type Outcome, type Work } from './worker';

/**
 * Putting work in the outbox before anyone is called, and taking due work out of it. A
 * repeated event finds its twin by key and is not queued again (the automations also claim
 * their key atomically before the first write, for repeats that arrive side by side).
 */
/** The items of one event that are not in the outbox yet (one query for all their keys). */
async function newItems(work: Work, items: OutboxItem[]): Promise<OutboxItem[]> {
  const twins = await work.outbox.byKeys(items.map((item) => item.key));
  // If the query fails, queueing goes on: the automations' claim still stops repeats.
  if (!twins.ok) return items;
  return items.filter((item) => {
    const twin = twins.value.get(item.key);
    if (twin !== undefined) work.host.log.info(`${item.name} for ${item.record}: a repeat of outbox item ${twin.id ?? '?'}; not queued again`);
    return twin === undefined;
  });
}

export async function enqueue(work: Work, items: OutboxItem[]): Promise<OutboxItem[]> {
  if (items.length === 0) return [];
  const queued: OutboxItem[] = [];
  for (const item of await newItems(work, items)) {
    const added = await work.outbox.add(item);
    // Not stored: still tried now; if that fails too, the error says what was lost.
    if (!added.ok) work.host.log.error(`outbox: ${added.problem}; trying it now without a copy in the queue`);
    queued.push(added.ok ? added.value : item);
  }
  return queued;
}

export interface DrainOptions {
  /** Pages of pending items to read (100 each on the platform). */
  pages: number;
  /** Items this run owns already (a handler's own) that the drain must not run again. */
  skip?: ReadonlySet<string>;
}

/** Pending items that are due, oldest due first, from the first pages of the outbox. */
async function dueItems(work: Work, options: DrainOptions): Promise<OutboxItem[]> {
  const found: OutboxItem[] = [];
  let marker: string | undefined;
  for (let page = 0; page < options.pages; page += 1) {
    const answer = await work.outbox.page({ status: 'pending' }, marker);
    if (!answer.ok) {
      work.host.log.warn(`drain: ${answer.problem}`);
      break;
    }
    answer.value.unreadable.forEach((problem) => work.host.log.error(`drain: ${problem}`));
    found.push(...answer.value.items.filter((item) => isDue(item, work.host.now()) && !options.skip?.has(item.id ?? '')));
    marker = answer.value.next;
    if (marker === undefined) break;
  }
  return found;
}

/** Runs what is due in the outbox with the budget this run can get. */
export async function drain(work: Work, options: DrainOptions): Promise<Outcome> {
  const due = await dueItems(work, options);
  return due.length === 0 ? { finished: 0, waiting: 0 } : runItems(work, due);
}
