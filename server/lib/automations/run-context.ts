import type { CrmFailure } from '../../../common/crm/failure';
import { callTemplate, type TemplateContexts, type TemplateName, type TemplateResponse } from '../../../common/templates';
import type { Host } from '../platform/host';
import type { StateStore } from '../state/state-store';
import type { CallBudget } from '../budget/call-budget';

/**
 * What an automation step may use, and how a CRM call inside a step ends. Steps never throw:
 * each CRM answer becomes an outcome the runner knows what to do with.
 */
export interface RunContext {
  host: Host;
  budget: CallBudget;
  state: StateStore;
}

/**
 * - done: the step did its work;
 * - skipped: nothing to do (the record was deleted since, nothing changed);
 * - failed: the CRM refused for good (a validation error); the job goes on and reports it;
 * - unknown: a write was sent and its answer never came: not repeated, reported as unknown;
 * - retry: a 429, 5xx or connection error: the job stops and tries again later;
 * - deferred: no request budget or time left in this run: the job waits for the next one.
 */
export type StepOutcome = 'done' | 'skipped' | 'failed' | 'unknown' | 'retry' | 'deferred';

export interface StepResult {
  outcome: StepOutcome;
  detail?: string;
  retryAfterSeconds?: number;
}

export type CallResult<T> = { ok: true; value: T } | { ok: false; result: StepResult };

const FAILURE_OUTCOMES: Partial<Record<CrmFailure['kind'], StepOutcome>> = {
  rate_limited: 'retry',
  server_error: 'retry',
  unreachable: 'retry',
  timeout: 'unknown',
  not_found: 'skipped',
};

function failureDetail(failure: CrmFailure): string {
  return failure.messages.length > 0 ? `${failure.detail}: ${failure.messages.join('; ')}` : failure.detail;
}

/** A 2xx whose body was not what we expected still means the write happened. */
const answeredOk = (failure: CrmFailure): boolean => failure.kind === 'bad_response' && failure.status !== undefined && failure.status < 300;

async function resultOf(context: RunContext, failure: CrmFailure): Promise<StepResult> {
  if (answeredOk(failure)) return { outcome: 'done', detail: failure.detail };
  const outcome = FAILURE_OUTCOMES[failure.kind] ?? 'failed';
  if (failure.kind === 'rate_limited') await context.budget.exhausted(failure.detail);
  return { outcome, detail: failureDetail(failure), ...(failure.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: failure.retryAfterSeconds }) };
}

/** One CRM call within the run's budget. */
export async function crmCall<N extends TemplateName>(
  context: RunContext,
  name: N,
  templateContext: TemplateContexts[N],
  body?: unknown,
): Promise<CallResult<TemplateResponse<N> | undefined>> {
  if (!(await context.budget.take())) return { ok: false, result: { outcome: 'deferred', detail: context.budget.stopReason ?? 'no request budget or time left in this run' } };
  const answer = await callTemplate(context.host.request, name, templateContext, body);
  if (answer.ok) return answer;
  const result = await resultOf(context, answer.failure);
  return result.outcome === 'done' ? { ok: true, value: undefined } : { ok: false, result };
}
