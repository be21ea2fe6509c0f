import type { ItemStatus } from '../queue/item';
import type { Work } from './worker';

/**
 * Keeps the outbox under entity storage's 10,000 records (platform.md §6.2): finished items
 * stay in the delivery log for a week, dead ones for 30 days (long enough to replay them),
 * then the scheduled drain removes the oldest, a bounded number per run.
 */
const DAY_MS = 86_400_000;
export const KEEP_MS: Record<Exclude<ItemStatus, 'pending'>, number> = { done: 7 * DAY_MS, skipped: 7 * DAY_MS, dead: 30 * DAY_MS };
export const REMOVALS_PER_RUN = 25;

export async function removeOldItems(work: Work): Promise<number> {
  let removed = 0;
  for (const [status, keep] of Object.entries(KEEP_MS)) {
    const page = await work.outbox.page({ status });
    if (!page.ok) continue;
    const cutoff = work.host.now() - keep;
    for (const item of page.value.items.filter((candidate) => candidate.updatedAt < cutoff)) {
      if (removed >= REMOVALS_PER_RUN) return removed;
      if (item.id !== undefined && (await work.outbox.remove(item.id))) removed += 1;
    }
  }
  return removed;
}
