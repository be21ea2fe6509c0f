import type { OutboxItem } from '../queue/item';
import { isDue, runItems, type Outcome, type Work } from './worker';

/** Putting work in the outbox before anyone is called, and taking due work out of it. */
/**
 * Every item is stored before anyone is called: one create each, the least entity storage
 * (250 operations a minute) allows, so a burst of events still fits. A repeated event is not
 * looked up here: its automation job finds the once-per-transition key claimed and does
 * nothing, and its deliveries carry the same webhook-id, by which receivers drop repeats.
 */
export async function enqueue(work: Work, items: OutboxItem[]): Promise<OutboxItem[]> {
  const queued: OutboxItem[] = [];
  for (const item of items) {
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
