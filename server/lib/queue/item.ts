import { isRecord } from '../../../common/guards';

/**
 * One unit of deferred work in the outbox (entity storage, config/entities.json): a webhook
 * delivery or an automation job. The same record is the delivery log: finished items stay,
 * with their attempts and answers, until the drain ages them out.
 */
export const ITEM_VERSION = 1;

export type ItemKind = 'webhook' | 'automation';
/** pending: to do at `dueAt`; done; dead: gave up (kept for replay); skipped: nothing to do (a repeat). */
export type ItemStatus = 'pending' | 'done' | 'dead' | 'skipped';

/** What one attempt or step came to. `unknown`: sent, but the answer never came (a timeout). */
export type AttemptOutcome = 'delivered' | 'retry' | 'dead' | 'gone' | 'unknown' | 'done' | 'failed' | 'skipped';

export interface Attempt {
  at: number;
  outcome: AttemptOutcome;
  status?: number;
  /** What the other side answered, shortened; never a secret. */
  answer?: string;
  step?: string;
}

export interface OutboxItem {
  /** The entity record's display_id once stored. */
  id?: string;
  kind: ItemKind;
  status: ItemStatus;
  /** Idempotency key: the webhook id, or the automation's once-per-transition key. */
  key: string;
  /** The webhook type (`deal.won`) or the automation (`deal_won`). */
  name: string;
  /** e.g. `deal 402000401001`. */
  record: string;
  dueAt: number;
  attempts: number;
  createdAt: number;
  updatedAt: number;
  log: Attempt[];
  /** An automation's progress; `{}` for webhooks. */
  state: Record<string, unknown>;
  /** The webhook's JSON body, or the automation's input as JSON. */
  body: string;
}

export const PARTS = 8;
export const PART_CHARS = 2048;
/**
 * Paragraph fields hold 2,048 characters (platform.md §6.2); the body spans eight of them. A part
 * ends one short rather than cut a surrogate pair, so only 2,047 per part are certain to fit.
 */
export const BODY_MAX_CHARS = PARTS * (PART_CHARS - 1);
const ANSWER_MAX = 160;

/** Splits without cutting a surrogate pair in two. */
export function splitBody(body: string): string[] {
  const parts: string[] = [];
  let rest = body;
  while (rest.length > 0) {
    let cut = Math.min(PART_CHARS, rest.length);
    if (cut < rest.length && /[\ud800-\udbff]/.test(rest.charAt(cut - 1))) cut -= 1;
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  return parts;
}

export const shortAnswer = (text: string): string => (text.length > ANSWER_MAX ? `${text.slice(0, ANSWER_MAX - 1)}…` : text);

/** The attempts as JSON within one paragraph: the first attempt and the latest ones are kept. */
export function fitLog(log: Attempt[]): string {
  let kept = log;
  let text = JSON.stringify(kept);
  while (text.length > PART_CHARS && kept.length > 2) {
    kept = [kept[0] as Attempt, ...kept.slice(2)];
    text = JSON.stringify(kept);
  }
  return text.length > PART_CHARS ? '[]' : text;
}

export function toEntityData(item: OutboxItem): Record<string, unknown> {
  const parts = splitBody(item.body);
  return {
    v: ITEM_VERSION,
    kind: item.kind,
    status: item.status,
    key: item.key,
    name: item.name,
    record: item.record,
    due_at: item.dueAt,
    attempts: item.attempts,
    created_at: item.createdAt,
    updated_at: item.updatedAt,
    log: fitLog(item.log),
    state: JSON.stringify(item.state),
    ...Object.fromEntries(parts.map((part, index) => [`part${index + 1}`, part])),
  };
}

const KINDS: readonly string[] = ['webhook', 'automation'];
const STATUSES: readonly string[] = ['pending', 'done', 'dead', 'skipped'];

function jsonOr<T>(text: unknown, check: (value: unknown) => value is T, fallback: T): T {
  if (typeof text !== 'string') return fallback;
  try {
    const value: unknown = JSON.parse(text);
    return check(value) ? value : fallback;
  } catch {
    return fallback;
  }
}

const isAttempts = (value: unknown): value is Attempt[] => Array.isArray(value) && value.every((entry) => isRecord(entry) && typeof entry.at === 'number');
const numberOr = (value: unknown, fallback: number): number => (typeof value === 'number' && Number.isFinite(value) ? value : fallback);
const textOr = (value: unknown, fallback: string): string => (typeof value === 'string' ? value : fallback);

function bodyOf(data: Record<string, unknown>): string {
  // v0 kept the whole body in one `body` field, before bodies outgrew a paragraph.
  if (typeof data.body === 'string') return data.body;
  return Array.from({ length: PARTS }, (_, index) => textOr(data[`part${index + 1}`], '')).join('');
}

/**
 * Reads a stored record of any version (v0: no `v`, body in one field) as the current shape,
 * or says why it cannot be used.
 */
export function fromEntityRecord(record: { display_id: string; data: Record<string, unknown> }): OutboxItem | string {
  const { data } = record;
  const kind = textOr(data.kind, '');
  const status = textOr(data.status, '');
  if (!KINDS.includes(kind) || !STATUSES.includes(status) || typeof data.key !== 'string') return `outbox record ${record.display_id} is unreadable (kind ${kind || '?'}, status ${status || '?'})`;
  return {
    id: record.display_id,
    kind: kind as ItemKind,
    status: status as ItemStatus,
    key: data.key,
    name: textOr(data.name, ''),
    record: textOr(data.record, ''),
    dueAt: numberOr(data.due_at, 0),
    attempts: numberOr(data.attempts, 0),
    createdAt: numberOr(data.created_at, 0),
    updatedAt: numberOr(data.updated_at, 0),
    log: jsonOr(data.log, isAttempts, []),
    state: jsonOr(data.state, isRecord, {}),
    body: bodyOf(data),
  };
}
