import { formatNullableTimestamp, formatTimestamp } from '../format';
import type { CrmStore } from '../store';

/** What serializers need: the store for lookups and its zone, and the clock's now. */
export interface SerializeContext {
  store: CrmStore;
  /** Epoch ms from the injectable clock (for computed fields such as a deal's age). */
  now: number;
}

export const at = (context: SerializeContext, epochMs: number): string =>
  formatTimestamp(epochMs, context.store.account.timeZone);

export const atOrNull = (context: SerializeContext, epochMs: number | null | undefined): string | null =>
  formatNullableTimestamp(epochMs, context.store.account.timeZone);

/** Association ids a response shows only when the matching include was asked for (api §3 rule 6). */
export type Emit = ReadonlySet<string>;

/** `{owner_id: 1}` when `owner_id` is to be emitted, else nothing. */
export function pick(emit: Emit, values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([name]) => emit.has(name)));
}
