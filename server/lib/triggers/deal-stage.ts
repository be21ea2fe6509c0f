import { unwrap } from '../../../common/product-events/fields';
import type { DealEventData } from '../../../common/product-events/records';

/**
 * Whether a deal update moved it into a won or lost stage (issue #9 §2.1): decided from
 * `model_changes.deal_stage_id` and the stages' forecast types, never from stage names, which
 * each account renames. The new stage's forecast type comes with the event
 * (`associations.deal_stage`, platform.md §3.4); the old one from the account's stage list
 * the app keeps (an old stage the app does not know counts as open).
 */
export type Forecast = 'open' | 'won' | 'lost';

/** "Closed Won" / "Closed Lost" / "Open" (freshsales-api.md §6), read case-insensitively. */
export function forecastOf(value: unknown): Forecast | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim().toLowerCase();
  if (text === 'closed won' || text === 'won') return 'won';
  if (text === 'closed lost' || text === 'lost') return 'lost';
  return text === 'open' ? 'open' : undefined;
}

export interface StageMove {
  dealId: number;
  from: number | null;
  to: number;
  fromForecast: Forecast;
  toForecast: Forecast;
  toName: string | null;
  /** Identifies this move: the same on a repeated delivery, new on every later move. */
  stamp: string;
}

const asId = (value: unknown): number | null => (typeof value === 'number' && Number.isSafeInteger(value) ? value : null);

/** The new stage from the event, only when the association agrees with the record. */
function currentStage(data: DealEventData): { id: number; forecast: Forecast; name: string | null } | undefined {
  const stage = data.associations?.deal_stage;
  if (stage === undefined || stage === null || stage.id !== asId(unwrap(data.deal.deal_stage_id))) return undefined;
  const forecast = forecastOf(stage.forecast_type);
  return forecast === undefined ? undefined : { id: stage.id, forecast, name: stage.name ?? null };
}

const timeOf = (value: unknown): number => (typeof value === 'string' ? Date.parse(value) : Number.NaN);

/** The first readable of the stage's update time, the record's, the event's. */
function stampOf(data: DealEventData, fallback: number): string {
  const times = [timeOf(unwrap(data.deal.stage_updated_time)), timeOf(unwrap(data.deal.updated_at)), fallback];
  return String(Math.floor((times.find((time) => !Number.isNaN(time)) ?? fallback) / 1000));
}

/** The stage move of an update event, or undefined when the stage did not change. */
export function stageMove(data: DealEventData, stages: Record<string, string>, at: number): StageMove | undefined {
  const change = data.changes?.model_changes.deal_stage_id;
  const current = currentStage(data);
  if (change === undefined || current === undefined || change[0] === change[1]) return undefined;
  const from = asId(change[0]);
  return {
    dealId: data.deal.id,
    from,
    to: current.id,
    fromForecast: (from === null ? undefined : forecastOf(stages[String(from)])) ?? 'open',
    toForecast: current.forecast,
    toName: current.name,
    stamp: stampOf(data, at),
  };
}

/** `won` or `lost` when the move closed the deal that way; a move between closed stages of one kind is none. */
export function closedAs(move: StageMove): 'won' | 'lost' | undefined {
  if (move.toForecast === 'open' || move.toForecast === move.fromForecast) return undefined;
  return move.toForecast;
}
