import type { CrmMetadata } from '../state/app-state';
import { forecastOf } from '../triggers/deal-stage';
import { crmCall, type RunContext, type StepResult } from './run-context';

/**
 * Account metadata automations decide with, kept in the app's state key: the forecast type of
 * every deal stage and the ids of the lifecycle stages by name. Refreshed hourly by the drain
 * and whenever a name is missing, so a stage or lifecycle stage added today is found.
 */
export const METADATA_MAX_AGE_MS = 60 * 60_000;

const emptyMetadata = (): CrmMetadata => ({ stages_at: 0, stages: {}, lifecycle: {} });

async function fetchLifecycle(context: RunContext): Promise<Record<string, number> | StepResult> {
  const answer = await crmCall(context, 'listLifecycleStages', {});
  if (!answer.ok) return answer.result;
  return Object.fromEntries((answer.value?.lifecycle_stages ?? []).map((stage) => [stage.name.trim().toLowerCase(), stage.id]));
}

const isResult = (value: Record<string, number> | StepResult): value is StepResult => typeof value.outcome === 'string';

export async function refreshDealStages(context: RunContext): Promise<StepResult> {
  const answer = await crmCall(context, 'listDealStages', {});
  if (!answer.ok) return answer.result;
  const stages = Object.fromEntries(
    (answer.value?.deal_stages ?? []).flatMap((stage) => {
      const forecast = forecastOf(stage.forecast_type);
      return forecast === undefined ? [] : [[String(stage.id), forecast === 'won' ? 'Closed Won' : forecast === 'lost' ? 'Closed Lost' : 'Open']];
    }),
  );
  return save(context, { stages, stages_at: context.host.now() });
}

async function save(context: RunContext, part: Partial<CrmMetadata>): Promise<StepResult> {
  const state = await context.state.read();
  const meta = { ...(state?.meta ?? emptyMetadata()), ...part };
  const saved = await context.state.set({ meta });
  return { outcome: 'done', detail: saved ? 'metadata refreshed' : 'metadata fetched, not saved' };
}

/** The lifecycle stage id for a name, fetching the list once when the name is not known. */
export async function lifecycleStageId(context: RunContext, name: string): Promise<{ id: number | null } | StepResult> {
  const key = name.trim().toLowerCase();
  const state = await context.state.read();
  const known = state?.meta?.lifecycle[key];
  if (known !== undefined) return { id: known };
  const lifecycle = await fetchLifecycle(context);
  if (isResult(lifecycle)) return lifecycle;
  await save(context, { lifecycle });
  return { id: lifecycle[key] ?? null };
}

/** True when the stage list is older than an hour, or was never fetched. */
export function isStale(meta: CrmMetadata | null, now: number): boolean {
  return meta === null || now - meta.stages_at > METADATA_MAX_AGE_MS;
}
