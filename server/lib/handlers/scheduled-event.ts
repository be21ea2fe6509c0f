import * as z from 'zod/mini';
import { scheduledEventPayloadSchema } from '../../../common/platform/payloads';
import { describeIssues, REPORT_INPUT } from '../../../common/validation';
import { isStale, refreshDealStages } from '../automations/crm-metadata';
import type { Host } from '../platform/host';
import { readSettings } from '../settings/settings';
import { removeOldItems } from '../work/housekeeping';
import { drain } from '../work/queue';
import { DRAIN_TASK, ensureCatchUp } from '../work/schedules';
import { newWork, type Work } from '../work/worker';

/**
 * onScheduledEvent (platform.md §4.3): one handler for every schedule, routed on `data.task`
 * since the schedule's name is not delivered. The drain runs what is due in the outbox,
 * refreshes the account metadata hourly, ages out old log entries, and asks for catch-up
 * drains while a backlog remains.
 */
export const DRAIN_PAGES = 3;

/** The stage list decides what counts as a win: kept at most an hour old. */
async function refreshMetadata(work: Work): Promise<void> {
  const state = await work.state.read();
  if (state === undefined || !isStale(state.meta, work.host.now())) return;
  await work.budget.reserve(1);
  await refreshDealStages(work);
}

async function runDrain(work: Work): Promise<void> {
  const outcome = await drain(work, { pages: DRAIN_PAGES });
  await refreshMetadata(work);
  const removed = await removeOldItems(work);
  const catchUp = outcome.waiting > 0 ? await ensureCatchUp(work.host.schedule, work.state, work.host.now()) : 0;
  work.host.log.info(`drain: ${outcome.finished} finished, ${outcome.waiting} waiting${catchUp > 0 ? ` (${catchUp} catch-up drains scheduled)` : ''}, ${removed} old entries removed`);
}

export async function handleScheduledEvent(args: unknown, host: Host): Promise<void> {
  const parsed = z.safeParse(scheduledEventPayloadSchema, args, REPORT_INPUT);
  if (!parsed.success) {
    host.log.error(`onScheduledEvent: the payload is invalid: ${describeIssues(parsed.error.issues)}; nothing was done`);
    return;
  }
  const task = parsed.data.data.task;
  if (task !== DRAIN_TASK) {
    host.log.warn(`onScheduledEvent: unknown task ${JSON.stringify(task)}; nothing was done`);
    return;
  }
  const work = newWork(host, readSettings(parsed.data.iparams));
  try {
    await runDrain(work);
  } finally {
    await work.budget.release();
  }
}
