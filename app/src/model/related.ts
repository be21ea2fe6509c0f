import type { Appointment, Deal, Note, Task } from '../../../common/crm/records';
import type { CrmUser } from '../../../common/crm/users';
import { messages } from '../i18n/messages';
import { fieldByName, type Choice, type FieldDef } from './fields';
import { baseCurrencyCode, baseMoney, type Money } from './money';

/**
 * Pure helpers behind the related-record sections: ordering, stage lookups, due status and the
 * account's pipeline summary. Nothing here formats for display except the user-name fallback.
 */

export type Forecast = 'open' | 'won' | 'lost';

/** The stage choices (with pipeline and forecast) of the deal field settings. */
function stageChoices(dealFields: readonly FieldDef[]): Choice[] {
  return fieldByName(dealFields, 'deal_stage_id')?.choices ?? [];
}

export function stageById(dealFields: readonly FieldDef[], stageId: number | null | undefined): Choice | undefined {
  if (stageId === null || stageId === undefined) return undefined;
  return stageChoices(dealFields).find((choice) => choice.id === String(stageId));
}

/** The stages of one pipeline, in the pipeline's order. */
export function pipelineStages(dealFields: readonly FieldDef[], pipelineId: number | null | undefined): Choice[] {
  return stageChoices(dealFields)
    .filter((choice) => choice.pipelineId === pipelineId)
    .sort((a, b) => a.position - b.position);
}

/** The pipeline new deals go to: the first pipeline choice, else the first stage's pipeline. */
export function defaultPipelineId(dealFields: readonly FieldDef[]): number | undefined {
  const first = fieldByName(dealFields, 'deal_pipeline_id')?.choices[0];
  if (first !== undefined && /^\d+$/.test(first.id)) return Number(first.id);
  return stageChoices(dealFields).find((choice) => choice.pipelineId !== undefined)?.pipelineId;
}

export function forecastOf(stage: Choice | undefined): Forecast {
  if (stage?.forecast === 'Closed Won') return 'won';
  if (stage?.forecast === 'Closed Lost') return 'lost';
  return 'open';
}

export function dealForecast(deal: Deal, dealFields: readonly FieldDef[]): Forecast {
  return forecastOf(stageById(dealFields, deal.deal_stage_id));
}

const FORECAST_ORDER: Record<Forecast, number> = { open: 0, won: 1, lost: 2 };

/** `YYYY-MM-DD` strings compare as dates; a missing date sorts last. */
function compareOptionalText(a: string | null | undefined, b: string | null | undefined): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  return a < b ? -1 : 1;
}

/** Open deals first, then won, then lost; within each, soonest expected close first. */
export function sortDeals(deals: readonly Deal[], dealFields: readonly FieldDef[]): Deal[] {
  const rank = (deal: Deal) => FORECAST_ORDER[dealForecast(deal, dealFields)];
  return [...deals].sort((a, b) => rank(a) - rank(b) || compareOptionalText(a.expected_close, b.expected_close));
}

// ---- Tasks and appointments ----

export type DueStatus = 'overdue' | 'today' | 'upcoming' | 'none';

/** A calendar day in the browser's local time, as a sortable number (20240510). */
function localDay(date: Date): number {
  return date.getFullYear() * 10000 + (date.getMonth() + 1) * 100 + date.getDate();
}

function parseTime(iso: string | null | undefined): Date | undefined {
  if (iso === null || iso === undefined || iso === '') return undefined;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** Overdue when due on an earlier calendar day than `now`, in local time. */
export function dueStatus(task: Task, now: Date): DueStatus {
  const due = parseTime(task.due_date);
  if (due === undefined) return 'none';
  const diff = localDay(due) - localDay(now);
  if (diff < 0) return 'overdue';
  return diff === 0 ? 'today' : 'upcoming';
}

const DUE_ORDER: Record<DueStatus, number> = { overdue: 0, today: 1, upcoming: 2, none: 3 };

/** Open tasks: overdue first, then due today, then the rest, each by due time. */
export function openTasks(tasks: readonly Task[], now: Date): Task[] {
  const time = (task: Task) => parseTime(task.due_date)?.getTime() ?? 0;
  return tasks
    .filter((task) => task.status === 0)
    .sort((a, b) => DUE_ORDER[dueStatus(a, now)] - DUE_ORDER[dueStatus(b, now)] || time(a) - time(b));
}

/** Today in local time as `YYYY-MM-DD` (the default due date of a new task). */
export function localYmd(now: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Appointments starting now or later, soonest first. */
export function upcomingAppointments(appointments: readonly Appointment[], now: Date): Appointment[] {
  const start = (appointment: Appointment) => parseTime(appointment.from_date)?.getTime();
  return appointments
    .filter((appointment) => (start(appointment) ?? -Infinity) >= now.getTime())
    .sort((a, b) => (start(a) ?? 0) - (start(b) ?? 0));
}

export function notesNewestFirst(notes: readonly Note[]): Note[] {
  const time = (note: Note) => parseTime(note.created_at)?.getTime() ?? 0;
  return [...notes].sort((a, b) => time(b) - time(a));
}

export function userName(users: readonly CrmUser[], id: number | null | undefined): string {
  const user = id === null || id === undefined ? undefined : users.find((candidate) => candidate.id === id);
  return user?.display_name ?? messages.sections.unknownUser;
}

// ---- Exact decimal sums (money stays a decimal string) ----

interface Scaled {
  units: bigint;
  scale: number;
}

// Sign, whole digits, fraction digits; every group always matches (possibly empty).
const DECIMAL = /^\s*([+-]?)(\d*)\.?(\d*)\s*$/;
const ZERO: Scaled = { units: BigInt(0), scale: 0 };

/** "12000.50" → 1200050 units at scale 2; anything that is not a decimal counts as zero. */
function parseDecimal(value: string | null | undefined): Scaled {
  const match = DECIMAL.exec(value ?? '');
  const [sign, whole, fraction] = [1, 2, 3].map((index) => match?.[index] ?? '');
  const digits = `${whole}${fraction}`;
  if (digits === '') return ZERO;
  const units = BigInt(digits);
  return { units: sign === '-' ? -units : units, scale: fraction?.length ?? 0 };
}

function rescale(value: Scaled, scale: number): bigint {
  return value.units * BigInt(10) ** BigInt(scale - value.scale);
}

function formatScaled({ units, scale }: Scaled): string {
  const negative = units < BigInt(0);
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = scale > 0 ? `.${digits.slice(digits.length - scale)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/** Exact sum of two decimal strings, keeping the longer fraction: "0.1" + "0.2" = "0.3". */
export function addDecimals(a: string | null | undefined, b: string | null | undefined): string {
  const left = parseDecimal(a);
  const right = parseDecimal(b);
  const scale = Math.max(left.scale, right.scale);
  return formatScaled({ units: rescale(left, scale) + rescale(right, scale), scale });
}

export function sumDecimals(values: ReadonlyArray<string | null | undefined>): string {
  return values.reduce<string>((total, value) => addDecimals(total, value), '0');
}

// ---- The account's pipeline summary ----

export interface Total {
  count: number;
  /** Decimal string: the sum of `amounts` (meaningful as money only when there is one currency, the usual case). */
  value: string;
  /** The sum per currency, in base-currency amounts where the CRM gives them. */
  amounts: Money[];
}

export interface StageTotal extends Total {
  stageId: string;
  name: string;
}

export interface PipelineSummary {
  open: StageTotal[];
  won: Total;
  lost: Total;
}

/** Exact sums per currency, in the order the currencies first appear; none is one zero in the base currency. */
export function sumByCurrency(moneys: readonly Money[], fallbackCode?: string): Money[] {
  const sums = new Map<string | undefined, string>();
  moneys.forEach((money) => sums.set(money.currencyCode, addDecimals(sums.get(money.currencyCode) ?? '0', money.amount)));
  if (sums.size === 0) sums.set(fallbackCode, '0');
  return [...sums].map(([currencyCode, amount]) => (currencyCode === undefined ? { amount } : { amount, currencyCode }));
}

function totalOf(deals: readonly Deal[], dealFields: readonly FieldDef[]): Total {
  const amounts = sumByCurrency(
    deals.flatMap((deal) => baseMoney(deal, dealFields) ?? []),
    baseCurrencyCode(dealFields),
  );
  return { count: deals.length, value: sumDecimals(amounts.map((money) => money.amount)), amounts };
}

/** Where a stage sits: its pipeline's place among the pipelines, then its own position. */
function stageRank(dealFields: readonly FieldDef[]): (stageId: string) => [number, number] {
  const stages = stageChoices(dealFields);
  const pipelines = [...new Set(stages.map((stage) => stage.pipelineId))];
  return (stageId) => {
    const stage = stages.find((choice) => choice.id === stageId);
    if (stage === undefined) return [Number.MAX_SAFE_INTEGER, 0];
    return [pipelines.indexOf(stage.pipelineId), stage.position];
  };
}

/** Deals by stage id; deals on stages the settings do not know share one group (key ''). */
function groupByStage(deals: readonly Deal[], dealFields: readonly FieldDef[]): Map<string, Deal[]> {
  const groups = new Map<string, Deal[]>();
  for (const deal of deals) {
    const key = stageById(dealFields, deal.deal_stage_id)?.id ?? '';
    groups.set(key, [...(groups.get(key) ?? []), deal]);
  }
  return groups;
}

/** Open deals by stage in pipeline order (stages without deals left out), won and lost totals. */
export function pipelineSummary(deals: readonly Deal[], dealFields: readonly FieldDef[]): PipelineSummary {
  const byForecast = (forecast: Forecast) => deals.filter((deal) => dealForecast(deal, dealFields) === forecast);
  const rank = stageRank(dealFields);
  const open = [...groupByStage(byForecast('open'), dealFields)].map(([stageId, group]) => ({
    stageId,
    name: (stageId === '' ? undefined : stageById(dealFields, Number(stageId)))?.label ?? messages.sections.unknownStage,
    ...totalOf(group, dealFields),
  }));
  open.sort((a, b) => {
    const [pipelineA, positionA] = rank(a.stageId);
    const [pipelineB, positionB] = rank(b.stageId);
    return pipelineA - pipelineB || positionA - positionB;
  });
  return { open, won: totalOf(byForecast('won'), dealFields), lost: totalOf(byForecast('lost'), dealFields) };
}
