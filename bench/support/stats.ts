/** Order statistics for benchmark samples. */

function sorted(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

/** The middle value; the mean of the two middle ones for an even count. NaN when empty. */
export function median(values: readonly number[]): number {
  const ordered = sorted(values);
  const middle = Math.floor(ordered.length / 2);
  if (ordered.length === 0) return Number.NaN;
  return ordered.length % 2 === 1 ? (ordered[middle] as number) : ((ordered[middle - 1] as number) + (ordered[middle] as number)) / 2;
}

/** Nearest-rank percentile (p in 0..1): the smallest value with at least p of the samples at or below it. */
export function percentile(values: readonly number[], p: number): number {
  const ordered = sorted(values);
  if (ordered.length === 0) return Number.NaN;
  const rank = Math.min(ordered.length, Math.max(1, Math.ceil(p * ordered.length)));
  return ordered[rank - 1] as number;
}

export const round1 = (value: number) => Math.round(value * 10) / 10;
