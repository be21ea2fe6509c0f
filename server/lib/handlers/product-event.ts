import type { ProductEventName } from '../../../common/product-events/names';
import type { Host } from '../platform/host';
import { readSettings, type Settings } from '../settings/settings';
import { parseProductEvent, recordLabel } from '../triggers/parse';
import { BUDGET_POLICY } from '../budget/call-budget';
import { planEvent } from '../work/plan';
import { ensureCatchUp } from '../work/schedules';
import { drain, enqueue } from '../work/queue';
import { newWork, runItems, type Work } from '../work/worker';

/**
 * onContactCreate, onDealUpdate… (platform.md §3): validate, decide, queue, then do what the
 * budget allows now; the scheduled drain finishes the rest. A payload that is not what the
 * platform documents is logged with the reason and changes nothing.
 */

/** Left in this minute's server share before a handler also drains the queue. */
export const SPARE_CALLS = 10;

function warnAboutSettings(host: Host, settings: Settings): void {
  if (settings.problems.length > 0) host.log.warn(`settings: ${settings.problems.join('; ')}; those parts are off until fixed`);
}

async function spareRoom(work: Work): Promise<number> {
  const state = await work.state.read();
  const minute = Math.floor(work.host.now() / 60_000);
  const used = state?.budget_minute === minute ? state.budget_used : 0;
  return state === undefined ? 0 : BUDGET_POLICY.serverRequestsPerMinute - used;
}

/** With budget to spare, a handler also runs other due items of the queue. */
async function drainSpare(work: Work, own: ReadonlySet<string>): Promise<number> {
  if ((await spareRoom(work)) < SPARE_CALLS) return 0;
  return (await drain(work, { pages: 1, skip: own })).finished;
}

export async function handleProductEvent(name: ProductEventName, args: unknown, host: Host): Promise<void> {
  const parsed = parseProductEvent(name, args, host.now());
  if (!parsed.ok) {
    host.log.error(`${parsed.failure}; nothing was done`);
    return;
  }
  const event = parsed.value;
  const settings = readSettings(event.iparams);
  warnAboutSettings(host, settings);
  const work = newWork(host, settings);
  try {
    const items = await planEvent(event, settings, work.state, host.now());
    if (items.length === 0) return host.log.info(`${name} ${recordLabel(event)}: nothing to do`);
    const queued = await enqueue(work, items);
    const own = await runItems(work, queued);
    // Own work left waiting means no budget to spare: drains every minute from the earliest the scheduler allows.
    const more = own.waiting > 0 ? 0 : await drainSpare(work, new Set(queued.map((item) => item.id ?? '')));
    if (own.waiting > 0) await ensureCatchUp(host.schedule, work.state, host.now());
    host.log.info(`${name} ${recordLabel(event)}: ${items.map((item) => item.name).join(', ')}; ${own.finished} finished, ${own.waiting} waiting in the queue${more > 0 ? `, ${more} more from the queue` : ''}`);
  } finally {
    await work.budget.release();
  }
}
