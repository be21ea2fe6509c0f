/**
 * Faults switched on per route while the stand-in runs (from tests, the CLI, or over HTTP):
 * added latency, 5xx answers, 429 storms, hangs past the client's timeout, truncated or
 * malformed bodies. Random choices come from a seeded generator so runs repeat.
 */
export interface FaultRule {
  /** `*`, `GET /contacts/:id` (one method) or `/contacts/:id` (any method). */
  route: string;
  /** Added before answering. */
  latencyMs?: number;
  /** Share of matching calls answered with `errorStatus` (default 500). */
  errorRate?: number;
  errorStatus?: number;
  /** Share answered 429, as if the account's limit were spent. 1 = a storm. */
  rateLimitRate?: number;
  /**
   * The `Retry-After` seconds of those 429s (default 1: a storm should not make every test
   * that meets one wait out a real window).
   */
  retryAfterSeconds?: number;
  /** Share never answered until `hangMs` has passed, then the socket is dropped. */
  hangRate?: number;
  hangMs?: number;
  /** Share whose JSON body is cut in half. */
  truncateRate?: number;
  /** Share whose body is an HTML error page instead of JSON. */
  malformedRate?: number;
  /** The rule retires after this many matching calls. */
  times?: number;
}

export type FaultEffect =
  | { kind: 'none' }
  | { kind: 'error'; status: number }
  | { kind: 'rate_limit'; retryAfterSeconds: number }
  | { kind: 'hang'; ms: number }
  | { kind: 'truncate' }
  | { kind: 'malformed' };

export interface FaultPlan {
  latencyMs: number;
  effect: FaultEffect;
}

export const DEFAULT_HANG_MS = 60_000;
export const DEFAULT_FAULT_RETRY_AFTER_SECONDS = 1;

/** mulberry32: small, fast, good enough to pick faults reproducibly. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface ActiveRule extends FaultRule {
  id: number;
  remaining: number;
}

function routeMatches(rule: FaultRule, route: string): boolean {
  if (rule.route === '*') return true;
  if (rule.route === route) return true;
  // "/contacts/:id" matches "GET /contacts/:id" and "PUT /contacts/:id".
  return rule.route.startsWith('/') && route.endsWith(` ${rule.route}`);
}

export class FaultController {
  private rules: ActiveRule[] = [];
  private nextId = 1;

  constructor(private readonly random: () => number = seededRandom(1)) {}

  add(rule: FaultRule): number {
    validateRule(rule);
    const id = this.nextId++;
    this.rules.push({ ...rule, id, remaining: rule.times ?? Number.POSITIVE_INFINITY });
    return id;
  }

  remove(id: number): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((rule) => rule.id !== id);
    return this.rules.length < before;
  }

  clear(): void {
    this.rules = [];
  }

  list(): Array<FaultRule & { id: number }> {
    return this.rules.map(({ remaining, ...rule }) => ({ ...rule, ...(Number.isFinite(remaining) ? { times: remaining } : {}) }));
  }

  /** Effects in order of precedence; each rolls its own dice. */
  private pickEffect(rule: FaultRule): FaultEffect {
    const candidates: Array<[number | undefined, () => FaultEffect]> = [
      [rule.hangRate, () => ({ kind: 'hang', ms: rule.hangMs ?? DEFAULT_HANG_MS })],
      [rule.rateLimitRate, () => ({ kind: 'rate_limit', retryAfterSeconds: rule.retryAfterSeconds ?? DEFAULT_FAULT_RETRY_AFTER_SECONDS })],
      [rule.errorRate, () => ({ kind: 'error', status: rule.errorStatus ?? 500 })],
      [rule.truncateRate, () => ({ kind: 'truncate' })],
      [rule.malformedRate, () => ({ kind: 'malformed' })],
    ];
    const hit = candidates.find(([rate]) => rate !== undefined && this.random() < rate);
    return hit === undefined ? { kind: 'none' } : hit[1]();
  }

  /** What happens to one call of `route`: latencies add up, the first effect that fires wins. */
  plan(route: string): FaultPlan {
    let latencyMs = 0;
    let effect: FaultEffect = { kind: 'none' };
    for (const rule of this.rules.filter((candidate) => routeMatches(candidate, route))) {
      rule.remaining -= 1;
      latencyMs += rule.latencyMs ?? 0;
      if (effect.kind === 'none') effect = this.pickEffect(rule);
    }
    this.rules = this.rules.filter((rule) => rule.remaining > 0);
    return { latencyMs, effect };
  }
}

const RATES = ['errorRate', 'rateLimitRate', 'hangRate', 'truncateRate', 'malformedRate'] as const;

const inRange = (value: number | undefined, min: number, max: number) =>
  value === undefined || (typeof value === 'number' && value >= min && value <= max);

const isWholeSeconds = (value: number | undefined) => value === undefined || (Number.isSafeInteger(value) && value >= 0);

/** The checks after route and rates, each with what it says when it fails. */
const CHECKS: Array<[(rule: FaultRule) => boolean, string]> = [
  [(rule) => inRange(rule.errorStatus, 500, 599), 'errorStatus must be a 5xx status'],
  [(rule) => inRange(rule.latencyMs, 0, Number.MAX_SAFE_INTEGER), 'latencyMs must be >= 0'],
  [(rule) => inRange(rule.times, 1, Number.MAX_SAFE_INTEGER), 'times must be >= 1'],
  [(rule) => isWholeSeconds(rule.retryAfterSeconds), 'retryAfterSeconds must be a whole number of seconds >= 0'],
];

export function validateRule(rule: FaultRule): void {
  if (typeof rule.route !== 'string' || rule.route === '') throw new RangeError('fault: route is required');
  const badRate = RATES.find((name) => !inRange(rule[name], 0, 1));
  if (badRate !== undefined) throw new RangeError(`fault: ${badRate} must be between 0 and 1`);
  const failed = CHECKS.find(([check]) => !check(rule));
  if (failed !== undefined) throw new RangeError(`fault: ${failed[1]}`);
}

/**
 * The CLI form: `GET /contacts/:id latency=150 error=0.2:503 ratelimit=1:30 hang=0.1:20000
 * truncate=0.5 malformed=0.5 times=3` (`ratelimit=<share>[:<Retry-After seconds>]`).
 */
export function parseFaultSpec(spec: string): FaultRule {
  const words = spec.trim().split(/\s+/);
  const routeWords = words.filter((word) => !word.includes('='));
  const rule: FaultRule = { route: routeWords.join(' ') || '*' };
  for (const word of words.filter((candidate) => candidate.includes('='))) applyOption(rule, word);
  validateRule(rule);
  return rule;
}

function applyOption(rule: FaultRule, word: string): void {
  const [name = '', value = ''] = word.split('=');
  const [first = '', second] = value.split(':');
  const number = Number(first);
  const setters: Record<string, () => void> = {
    latency: () => (rule.latencyMs = number),
    error: () => Object.assign(rule, { errorRate: number }, second === undefined ? {} : { errorStatus: Number(second) }),
    ratelimit: () => Object.assign(rule, { rateLimitRate: number }, second === undefined ? {} : { retryAfterSeconds: Number(second) }),
    hang: () => Object.assign(rule, { hangRate: number }, second === undefined ? {} : { hangMs: Number(second) }),
    truncate: () => (rule.truncateRate = number),
    malformed: () => (rule.malformedRate = number),
    times: () => (rule.times = number),
  };
  const set = setters[name];
  if (set === undefined || Number.isNaN(number)) throw new RangeError(`fault: cannot read '${word}'`);
  set();
}
