import { isRecord } from '../../../common/guards';
import type { KeyValueStore } from '../../../common/platform/storage';
import { describeRejection } from '../platform/rejection';

/**
 * Once per transition: before its first write a job claims its key with the store's only
 * atomic primitive, `setIf: "not_exist"` (platform.md §6.1). A second job for the same
 * transition (the platform delivered the event twice, even at the same moment) finds the key
 * taken by another job and does nothing. Keys expire after 30 days; repeats come within minutes.
 */
export const CLAIM_TTL_SECONDS = 30 * 86_400;
const PREFIX = 'once:';

export type Claim = 'ours' | 'taken' | 'unavailable';

export async function claimOnce(kv: KeyValueStore, key: string, owner: string, now: number): Promise<{ claim: Claim; detail?: string }> {
  const name = `${PREFIX}${key}`;
  try {
    await kv.set(name, { owner, at: now }, { setIf: 'not_exist', ttl: CLAIM_TTL_SECONDS });
    return { claim: 'ours' };
  } catch (refused) {
    return holder(kv, name, owner, refused);
  }
}

/** Refused: either the key exists (whose is it?) or the store would not answer now. */
async function holder(kv: KeyValueStore, name: string, owner: string, refused: unknown): Promise<{ claim: Claim; detail?: string }> {
  try {
    const value = await kv.get(name);
    const holderId = isRecord(value) ? String(value.owner) : '?';
    // Our own claim from a run that stopped before it saved its progress.
    return holderId === owner ? { claim: 'ours' } : { claim: 'taken', detail: `already done by outbox item ${holderId}` };
  } catch (error) {
    return { claim: 'unavailable', detail: `could not claim ${name}: ${describeRejection(refused)}; ${describeRejection(error)}` };
  }
}
