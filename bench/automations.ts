// `npm run bench:automations [-- --app <built app dir>]`: issue #9's figures for the serverless
// half, in the emulator on the seeded stand-in with 150 ms added to every CRM route (as the
// sidebar bench does), on a manual clock (each sample in its own minute). Per automation: the
// CRM calls it made beside the fewest it needs, the store operations it used, and handler time
// (median, p95) as the sandbox measures it. Then a burst of new contacts: the server's calls
// per minute against its share of the request budget, how long the queue takes to deliver
// everything, and that nothing is lost or meets the platform's 429.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ManualClock } from '../emulator/clock';
import type { DealRow } from '../emulator/crm/model/types';
import { startStandIn } from '../emulator/crm/stand-in';
import type { InspectorEntry } from '../emulator/platform/inspector/inspector';
import { startAutomationEnv, STAGES, type AutomationEnv } from '../test/support/automation-env';
import { buildProject } from '../tools/build';
import { formatTable, missedTargets, writeResults, type BenchResults } from './support/results';
import { median, percentile, round1 } from './support/stats';

const LATENCY_MS = 150;
const SAMPLES = Number(process.env.BENCH_AUTOMATIONS_SAMPLES ?? 12);
const BURST = Number(process.env.BENCH_AUTOMATIONS_BURST ?? 60);
const MINUTE = 60_000;
/** No call starts after 4 s of a run, so a handler's work fits the platform's 20 s limit. */
const HANDLER_P95_TARGET_MS = 4_000;
const LIMITS = { serverCalls: 30, kv: 50, entity: 250 };

type Entry = InspectorEntry;
type Template = Extract<Entry, { kind: 'template' }>;

interface Sample {
  calls: number;
  minimum: number;
  deliveries: number;
  kvOps: number;
  entityOps: number;
  handlerMs: number;
}

async function appDirectory(): Promise<{ dir: string; dispose: () => void }> {
  const { values } = parseArgs({ options: { app: { type: 'string' } } });
  if (values.app !== undefined) return { dir: resolve(values.app), dispose: () => undefined };
  const out = mkdtempSync(join(tmpdir(), 'bench-automations-'));
  await buildProject(join(__dirname, '..'), out);
  return { dir: out, dispose: () => rmSync(out, { recursive: true, force: true }) };
}

/** The environment, and how to stop all of it (the stand-in is this bench's own). */
async function environment(appDir: string): Promise<{ env: AutomationEnv; stop: () => Promise<void> }> {
  const clock = new ManualClock(Date.now());
  const crm = await startStandIn({ seed: 1, clock, faults: [{ route: '*', latencyMs: LATENCY_MS }] });
  const env = await startAutomationEnv({ appDir, clock, crm, inspectorKeep: 100_000, settings: { phone_default_country: 'US' } }).catch(async (error: unknown) => {
    await crm.close();
    throw error;
  });
  const stop = async () => {
    await env.close();
    await crm.close();
  };
  const installed = await env.emulator.install(env.settings);
  if (installed.ok) return { env, stop };
  await stop();
  throw new Error(`install refused: ${installed.message ?? ''}`);
}

const isTemplate = (entry: Entry): entry is Template => entry.kind === 'template';
const at = (env: AutomationEnv, time: number): Entry[] => env.emulator.inspector.entries().filter((entry) => entry.at === time);
const storeOps = (entries: Entry[], api: 'kv' | 'entity') => entries.filter((entry) => entry.kind === 'store' && entry.api === api).length;

/**
 * One change made through the CRM's own UI (no latency, no budget), in a minute of its own,
 * and what the app did for the event it caused: the entries up to the handler's own record
 * (the app's writes come back as further events, whose work is not this event's).
 */
async function measure(env: AutomationEnv, event: string, minimum: number, change: () => void): Promise<Sample> {
  env.clock.advance(MINUTE);
  change();
  await env.emulator.idle();
  const entries = at(env, env.clock.now());
  const index = entries.findIndex((entry) => entry.kind === 'event' && entry.event === event);
  const handler = entries[index];
  if (handler?.kind !== 'event') throw new Error(`${event} did not run`);
  const own = entries.slice(0, index);
  const templates = own.filter(isTemplate);
  const crmCalls = templates.filter((entry) => entry.name !== 'sendWebhook').length;
  return { calls: crmCalls, minimum, deliveries: templates.length - crmCalls, kvOps: storeOps(own, 'kv'), entityOps: storeOps(own, 'entity'), handlerMs: handler.durationMs };
}

/** The sales pipeline's open stages (New, Qualification, Demo, Negotiation). */
const OPEN_STAGES = new Set([402001912038, STAGES.qualification, 402001912040, STAGES.negotiation]);

/** Deals still open, with an owner and contacts: each sample takes new ones. */
function openDeals(env: AutomationEnv, count: number): DealRow[] {
  return env.crm.store.deals.all().filter((deal) => OPEN_STAGES.has(deal.deal_stage_id) && deal.contact_ids.length > 0 && deal.owner_id !== null).slice(0, count);
}

const move = (env: AutomationEnv, deal: DealRow, stage: number) => () => void env.crm.internal('PUT', `/deals/${deal.id}`, { deal: { deal_stage_id: stage } });

/** Whether the app already knows the lifecycle stage ids (it looks them up once). */
function knowsLifecycle(env: AutomationEnv): boolean {
  const state = env.emulator.platform.installation()?.kv.peek('companion:state') as { meta?: { lifecycle?: Record<string, number> } } | undefined;
  return Object.keys(state?.meta?.lifecycle ?? {}).length > 0;
}

async function dealsWon(env: AutomationEnv): Promise<Sample[]> {
  const samples: Sample[] = [];
  for (const deal of openDeals(env, SAMPLES)) {
    // 2 configured tasks, one lifecycle update per contact, one note, and the stage list once.
    const minimum = 2 + deal.contact_ids.length + 1 + (knowsLifecycle(env) ? 0 : 1);
    samples.push(await measure(env, 'onDealUpdate', minimum, move(env, deal, STAGES.won)));
  }
  return samples;
}

async function dealsLost(env: AutomationEnv): Promise<Sample[]> {
  const samples: Sample[] = [];
  for (const deal of openDeals(env, SAMPLES)) samples.push(await measure(env, 'onDealUpdate', 1, move(env, deal, STAGES.lost)));
  return samples;
}

const domainOf = (website: string | null): string => (website ?? 'example.com').replace(/^https?:\/\//, '').replace(/^www\./, '').split('/')[0] ?? 'example.com';

/** Clean: free mail, no phone → the email search only. Messy: email, mobile and account searches, one update. */
function newContact(kind: 'clean' | 'messy', index: number, website: string | null): Record<string, unknown> {
  if (kind === 'clean') return { first_name: `Clean${index}`, emails: `clean${index}.bench@gmail.com` };
  return { first_name: `Messy${index}`, emails: ` Messy${index}.Bench@${domainOf(website).toUpperCase()} `, mobile_number: `(415) 555-${1000 + index}` };
}

async function contacts(env: AutomationEnv, kind: 'clean' | 'messy'): Promise<Sample[]> {
  const samples: Sample[] = [];
  const accounts = env.crm.store.sales_accounts.all().filter((account) => account.website !== null);
  for (let index = 0; index < SAMPLES; index += 1) {
    const contact = newContact(kind, index, accounts[index]?.website ?? null);
    samples.push(await measure(env, 'onContactCreate', kind === 'clean' ? 1 : 4, () => void env.crm.internal('POST', '/contacts', { contact })));
  }
  return samples;
}

async function accountUpdates(env: AutomationEnv): Promise<Sample[]> {
  const samples: Sample[] = [];
  const accounts = env.crm.store.sales_accounts.all().slice(10, 10 + SAMPLES);
  for (const [index, account] of accounts.entries()) {
    samples.push(await measure(env, 'onSalesAccountUpdate', 0, () => void env.crm.internal('PUT', `/sales_accounts/${account.id}`, { sales_account: { city: `Bench City ${index}` } })));
  }
  return samples;
}

function perMinute(entries: Entry[], start: number, keep: (entry: Entry) => boolean): number {
  const counts = new Map<number, number>();
  entries.filter(keep).forEach((entry) => counts.set(Math.floor((entry.at - start) / MINUTE), (counts.get(Math.floor((entry.at - start) / MINUTE)) ?? 0) + 1));
  return Math.max(0, ...counts.values());
}

/** A burst of new contacts in one minute; then minutes pass until every delivery is in. */
async function burst(env: AutomationEnv): Promise<Record<string, number>> {
  env.clock.advance(10 * MINUTE);
  const start = env.clock.now();
  for (let index = 0; index < BURST; index += 1) env.crm.internal('POST', '/contacts', { contact: { first_name: `Burst${index}`, emails: `burst${index}.bench@gmail.com` } });
  await env.emulator.idle();
  const delivered = () => env.receiver.events().filter((event) => event.type === 'contact.created' && String((event.data.contact as { first_name?: unknown }).first_name).startsWith('Burst')).length;
  let minutes = 0;
  while (delivered() < BURST && minutes < 60) {
    await env.emulator.advance(MINUTE);
    minutes += 1;
  }
  const entries = env.emulator.inspector.entries().filter((entry) => entry.at >= start);
  return {
    burst_contacts: BURST,
    burst_delivered: delivered(),
    burst_minutes_to_deliver_all: minutes,
    burst_server_calls_max_per_minute: perMinute(entries, start, isTemplate),
    burst_kv_ops_max_per_minute: perMinute(entries, start, (entry) => entry.kind === 'store' && entry.api === 'kv' && entry.ok),
    burst_entity_ops_max_per_minute: perMinute(entries, start, (entry) => entry.kind === 'store' && entry.api === 'entity' && entry.ok),
    burst_kv_refused: entries.filter((entry) => entry.kind === 'store' && entry.api === 'kv' && /429/.test(entry.error ?? '')).length,
    burst_entity_refused: entries.filter((entry) => entry.kind === 'store' && entry.api === 'entity' && /429/.test(entry.error ?? '')).length,
    burst_platform_429s: entries.filter((entry) => isTemplate(entry) && entry.status === 429).length,
  };
}

function summarise(name: string, samples: Sample[], results: BenchResults, minimumLabel: string): void {
  const pick = (key: keyof Sample) => samples.map((sample) => sample[key]);
  Object.assign(results.figures, {
    [`${name}_samples`]: samples.length,
    [`${name}_crm_calls_median`]: median(pick('calls')),
    [`${name}_crm_calls_minimum_median`]: median(pick('minimum')),
    [`${name}_calls_over_minimum_max`]: Math.max(...samples.map((sample) => sample.calls - sample.minimum)),
    [`${name}_webhook_deliveries_median`]: median(pick('deliveries')),
    [`${name}_kv_ops_median`]: median(pick('kvOps')),
    [`${name}_entity_ops_median`]: median(pick('entityOps')),
    [`${name}_handler_ms_median`]: round1(median(pick('handlerMs'))),
    [`${name}_handler_ms_p95`]: round1(percentile(pick('handlerMs'), 0.95)),
  });
  results.targets[`${name}_samples`] = { op: '>=', value: SAMPLES };
  results.targets[`${name}_calls_over_minimum_max`] = { op: '<=', value: 0 };
  results.targets[`${name}_handler_ms_p95`] = { op: '<=', value: HANDLER_P95_TARGET_MS };
  results.reference[`${name}_crm_calls_minimum_median`] = minimumLabel;
  results.reference[`${name}_calls_over_minimum_max`] = 'CRM calls beyond the minimum, worst sample';
  results.reference[`${name}_handler_ms_p95`] = `${LATENCY_MS} ms per CRM call; no call starts after 4 s, the platform stops a run at 20 s`;
}

function burstTargets(results: BenchResults): void {
  Object.assign(results.targets, {
    burst_delivered: { op: '>=', value: BURST },
    burst_server_calls_max_per_minute: { op: '<=', value: LIMITS.serverCalls },
    burst_kv_ops_max_per_minute: { op: '<=', value: LIMITS.kv },
    burst_entity_ops_max_per_minute: { op: '<=', value: LIMITS.entity },
    burst_entity_refused: { op: '<=', value: 0 },
    burst_platform_429s: { op: '<=', value: 0 },
  });
  Object.assign(results.reference, {
    burst_delivered: 'every contact.created delivered: nothing lost',
    burst_minutes_to_deliver_all: `${BURST} × (1 search + 1 delivery) at 30 calls a minute; the first drains come 6 minutes after the burst`,
    burst_server_calls_max_per_minute: 'the server’s share: 30 of the platform’s 50 calls a minute, 20 kept for sidebars',
    burst_kv_ops_max_per_minute: 'the key-value store’s limit, 50 a minute',
    burst_entity_ops_max_per_minute: 'entity storage’s limit, 250 a minute',
    burst_kv_refused: 'state reads refused at the store’s limit: one per event that then waits in the outbox',
    burst_entity_refused: 'outbox writes refused: none, or work would have nowhere to wait',
  });
}

async function main(): Promise<void> {
  const app = await appDirectory();
  const { env, stop } = await environment(app.dir).catch((error: unknown) => {
    app.dispose();
    throw error;
  });
  const results: BenchResults = { figures: {}, targets: {}, reference: {} };
  try {
    summarise('deal_won', await dealsWon(env), results, '2 tasks + 1 update per contact + 1 note (+1 lifecycle lookup, first win only)');
    summarise('deal_lost', await dealsLost(env), results, '1 note (no task configured)');
    summarise('contact_clean', await contacts(env, 'clean'), results, '1 email search (free mail: no account search, nothing to change)');
    summarise('contact_messy', await contacts(env, 'messy'), results, 'email + mobile + account searches, 1 update');
    summarise('account_update', await accountUpdates(env), results, 'no CRM call; 1 webhook delivery');
    Object.assign(results.figures, await burst(env));
    burstTargets(results);
  } finally {
    await stop();
    app.dispose();
  }
  console.log(formatTable(results));
  console.log(`\nwrote ${writeResults('automations', results)}`);
  const missed = missedTargets(results);
  if (missed.length > 0) {
    console.log(`missed: ${missed.join(', ')}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
