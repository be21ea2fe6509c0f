import { startOfZonedDay, startOfZonedDayFrom, zonedDateFrom } from '../zone';

/**
 * A seeded generator for the demo data: the same seed always gives the same sequence, so the
 * same seed and `now` give the same records. Never Math.random() or Date.now() in the seed.
 */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

// Module-level copies: in a vm context (jest) every `Math.x` is a global lookup, and the
// generator runs a few hundred thousand times per seed.
const imul = Math.imul;
const floor = Math.floor;
const DIGITS = '0123456789';

/** mulberry32 (the same generator as faults.ts's seededRandom). */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over "seed:label", then a murmur3 finalizer: independent, stable streams per kind. */
function mix(seed: number, label: string): number {
  let hash = 0x811c9dc5;
  for (const char of `${seed}:${label}`) hash = imul(hash ^ (char.codePointAt(0) ?? 0), 0x01000193);
  hash = imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

export class Random {
  private readonly next: () => number;

  constructor(
    private readonly seed: number,
    label = 'root',
  ) {
    this.next = mulberry32(mix(seed, label));
  }

  /**
   * A separate stream for one part of the data, so adding records of one kind does not
   * shift the values of every other kind.
   */
  fork(label: string): Random {
    return new Random(this.seed, label);
  }

  /** In [0, 1). */
  float(): number {
    return this.next();
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[floor(this.next() * items.length)] as T;
  }

  /** One of the entries, each as likely as its weight. */
  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let left = this.next() * total;
    for (const [value, weight] of entries) {
      left -= weight;
      if (left < 0) return value;
    }
    return this.pick(entries)[0];
  }

  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    return this.sample(items, items.length);
  }

  /** `count` distinct items (all of them when there are fewer), in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = items.slice();
    const size = count < copy.length ? count : copy.length;
    // Partial Fisher–Yates: only the first `size` places are drawn.
    for (let index = 0; index < size; index++) {
      const other = index + floor(this.next() * (copy.length - index));
      const kept = copy[index] as T;
      copy[index] = copy[other] as T;
      copy[other] = kept;
    }
    return size > 0 ? copy.slice(0, size) : [];
  }

  /** The value of `make()` with this probability, else null. */
  maybe<T>(probability: number, make: () => T): T | null {
    return this.chance(probability) ? make() : null;
  }

  /** An integer timestamp in [from, to); `from` when the range is empty. */
  between(from: number, to: number): number {
    return to <= from ? from : from + floor(this.next() * (to - from));
  }

  /** The pattern with each `#` replaced by a random digit: "+49 30 ####" → "+49 30 4821". */
  digits(pattern: string): string {
    let text = '';
    for (let index = 0; index < pattern.length; index++) {
      const char = pattern.charAt(index);
      text += char === '#' ? DIGITS.charAt(floor(this.next() * 10)) : char;
    }
    return text;
  }
}

/** Epoch ms of the local midnight that starts the day of `epochMs` in the account's zone. */
export const startOfLocalDay = (epochMs: number, zone: string): number => startOfZonedDay(epochMs, zone);

/** Epoch ms of the local midnight `days` calendar days after the day of `epochMs` (DST days last 23 or 25 hours). */
export const startOfLocalDayFrom = (epochMs: number, days: number, zone: string): number => startOfZonedDayFrom(epochMs, days, zone);

/** "YYYY-MM-DD" of the local day `days` calendar days away from the day of `epochMs`. */
export const localDateFrom = (epochMs: number, days: number, zone: string): string => zonedDateFrom(epochMs, days, zone);

/** A time rounded down to a quarter hour, as people book meetings and due dates. */
export const quarterHour = (epochMs: number): number => floor(epochMs / (15 * MINUTE)) * 15 * MINUTE;
