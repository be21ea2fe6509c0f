import { isRecord } from '../../../common/guards';

/**
 * The app's small state in the key-value store (platform.md §6.1: 50 operations a minute, so
 * one key read once per invocation that has work): the request budget of this minute, whether
 * the webhook endpoint said it is gone, and the CRM metadata the automations decide with.
 * It carries a schema version and is migrated when read, never by an update hook:
 * registering `afterAppUpdate` would stop customers from being upgraded automatically (§4.1).
 */
export const STATE_KEY = 'companion:state';
export const STATE_VERSION = 1;

export interface CrmMetadata {
  /** Epoch ms when the stage list was fetched (0: never); the drain refreshes it hourly. */
  stages_at: number;
  /** Deal stage id → forecast type ("Open", "Closed Won", "Closed Lost"). */
  stages: Record<string, string>;
  /** Lower-cased lifecycle stage name → id, fetched when a name is not found. */
  lifecycle: Record<string, number>;
}

export interface AppState {
  v: typeof STATE_VERSION;
  /** Epoch minute the count below belongs to. */
  budget_minute: number;
  /** Request-method calls the server reserved in that minute. */
  budget_used: number;
  /** The endpoint that answered 410 Gone; deliveries to it stop until the URL changes or an admin resumes. */
  webhook_gone: { url: string; at: number } | null;
  meta: CrmMetadata | null;
  /** Epoch ms until which catch-up drains are already scheduled: no need to ask again. */
  catch_up_until: number;
}

export const emptyState = (): AppState => ({ v: STATE_VERSION, budget_minute: 0, budget_used: 0, webhook_gone: null, meta: null, catch_up_until: 0 });

const numberOr = (value: unknown, fallback: number): number => (typeof value === 'number' && Number.isFinite(value) ? value : fallback);

function goneOf(value: unknown): AppState['webhook_gone'] {
  return isRecord(value) && typeof value.url === 'string' ? { url: value.url, at: numberOr(value.at, 0) } : null;
}

function numbersOf(value: unknown): Record<string, number> {
  if (!isRecord(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, number] => typeof entry[1] === 'number'));
}

function textsOf(value: unknown): Record<string, string> {
  if (!isRecord(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

function metaOf(value: unknown): CrmMetadata | null {
  if (!isRecord(value)) return null;
  return { stages_at: numberOr(value.stages_at, 0), stages: textsOf(value.stages), lifecycle: numbersOf(value.lifecycle) };
}

/** Version 1, from whatever is stored: every field checked, anything unreadable reset. */
function fromV1(raw: Record<string, unknown>): AppState {
  return {
    v: STATE_VERSION,
    budget_minute: numberOr(raw.budget_minute, 0),
    budget_used: numberOr(raw.budget_used, 0),
    webhook_gone: goneOf(raw.webhook_gone),
    meta: metaOf(raw.meta),
    catch_up_until: numberOr(raw.catch_up_until, 0),
  };
}

/** Before versioning (v0) the budget was one nested object and the 410 marker was `gone_url`. */
function fromV0(raw: Record<string, unknown>): AppState {
  const budget = isRecord(raw.budget) ? raw.budget : {};
  const url = typeof raw.gone_url === 'string' ? raw.gone_url : undefined;
  return { ...fromV1({}), budget_minute: numberOr(budget.minute, 0), budget_used: numberOr(budget.used, 0), webhook_gone: url === undefined ? null : { url, at: 0 } };
}

export interface MigratedState {
  state: AppState;
  /** True when the stored value was of another version and must be written back. */
  migrated: boolean;
}

/**
 * Reads any stored version. A version newer than this code (an older app version running
 * after a newer one wrote) is read as v1 where the names agree and never written back whole.
 */
export function migrateState(raw: unknown): MigratedState {
  if (!isRecord(raw)) return { state: emptyState(), migrated: true };
  if (raw.v === undefined) return { state: fromV0(raw), migrated: true };
  return { state: fromV1(raw), migrated: false };
}
