import * as z from 'zod/mini';
import { describeIssues, REPORT_INPUT } from '../../../common/validation';
import type { Host } from '../platform/host';
import type { OutboxItem } from '../queue/item';
import { readSettings } from '../settings/settings';
import { endpointOf } from '../webhooks/deliver';
import { newWork, runItems, type Work } from '../work/worker';

/**
 * Server methods for admins (the admin page comes in a later issue): list the outbox as a
 * delivery log, and replay a dead or finished item. They answer through renderData, with a
 * `{status, message}` error the front end can show.
 */
const iparams = z.optional(z.record(z.string(), z.unknown()));
const listArgsSchema = z.looseObject({ status: z.optional(z.enum(['pending', 'done', 'dead', 'skipped'])), marker: z.optional(z.string()), iparams });
const replayArgsSchema = z.looseObject({ id: z.string().check(z.minLength(1)), iparams });

/** What an admin sees of an item: everything but the body, which may be large. */
export function summaryOf(item: OutboxItem): Record<string, unknown> {
  return { id: item.id, kind: item.kind, name: item.name, record: item.record, status: item.status, attempts: item.attempts, due_at: item.dueAt, created_at: item.createdAt, updated_at: item.updatedAt, log: item.log };
}

const refuse = (host: Host, status: number, message: string): void => host.renderData({ status, message });

function parseArgs<S extends z.ZodMiniType>(schema: S, args: unknown, host: Host): z.infer<S> | undefined {
  const parsed = z.safeParse(schema, args, REPORT_INPUT);
  if (parsed.success) return parsed.data;
  refuse(host, 400, `Invalid arguments: ${describeIssues(parsed.error.issues)}`);
  return undefined;
}

export async function listDeliveries(args: unknown, host: Host): Promise<void> {
  const options = parseArgs(listArgsSchema, args, host);
  if (options === undefined) return;
  const page = await newWork(host, readSettings(options.iparams ?? {})).outbox.page({ status: options.status ?? 'dead' }, options.marker);
  if (!page.ok) return refuse(host, 503, page.problem);
  host.renderData(null, { items: page.value.items.map(summaryOf), next: page.value.next ?? null });
}

/** The item back in the queue, due now, with a fresh count of attempts; its history is kept. */
export function replayed(item: OutboxItem, now: number): OutboxItem {
  return { ...item, status: 'pending', attempts: 0, dueAt: now, updatedAt: now, log: [...item.log, { at: now, outcome: 'retry', answer: 'replayed by an admin' }] };
}

/** Replaying a delivery to an endpoint that said 410 Gone means the admin wants it back. */
async function resumeEndpoint(work: Work): Promise<void> {
  const settings = work.settings.webhooks;
  const gone = (await work.state.read())?.webhook_gone;
  if (!settings.enabled || gone?.url !== endpointOf(settings)) return;
  await work.state.set({ webhook_gone: null });
  work.host.log.info(`replay: deliveries to ${gone.url} resumed`);
}

async function replayNow(work: Work, item: OutboxItem): Promise<OutboxItem> {
  if (item.kind === 'webhook') await resumeEndpoint(work);
  const saved = await work.outbox.save(replayed(item, work.host.now()));
  if (!saved.ok) throw new Error(saved.problem);
  try {
    await runItems(work, [saved.value]);
  } finally {
    await work.budget.release();
  }
  const after = await work.outbox.get(item.id ?? '');
  return after.ok ? after.value : saved.value;
}

export async function replayDelivery(args: unknown, host: Host): Promise<void> {
  const options = parseArgs(replayArgsSchema, args, host);
  if (options === undefined) return;
  const work = newWork(host, readSettings(options.iparams ?? {}));
  const found = await work.outbox.get(options.id);
  if (!found.ok) return refuse(host, 404, found.problem);
  if (found.value.status === 'pending') return refuse(host, 409, `Item ${options.id} is still pending; it will be tried at ${new Date(found.value.dueAt).toISOString()}`);
  try {
    host.renderData(null, { item: summaryOf(await replayNow(work, found.value)) });
  } catch (error) {
    refuse(host, 503, error instanceof Error ? error.message : String(error));
  }
}
