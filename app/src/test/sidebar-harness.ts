import { act, renderHook } from '@testing-library/react';
import { useMemo } from 'react';
import type { EntityType } from '../../../common/platform/client';
import { createActions } from '../data/actions';
import { createMetadataCache } from '../data/metadata-cache';
import type { CurrentUser } from '../data/types';
import { useSidebar, type SidebarDeps } from '../data/useSidebar';
import { createHost } from '../platform/host';
import { IDS } from './crm-fixtures';
import { FakeClient } from './fake-client';

/**
 * The sidebar's data layer without its sections: `useSidebar` plus the actions wired the way
 * Sidebar.tsx wires them, rendered with a FakeClient.
 */

const RECORD_ID: Record<EntityType, number> = { contact: IDS.contact, deal: IDS.deal, sales_account: IDS.primaryAccount };

export const CURRENT_USER: CurrentUser = { id: IDS.asha, name: 'Asha Rao' };

export function clientFor(entity: EntityType): FakeClient {
  return new FakeClient({ entity: { currentEntityId: RECORD_ID[entity], currentEntityType: entity } });
}

export function renderSidebarHook<E extends EntityType>(entity: E, client: FakeClient, extra: Pick<SidebarDeps, 'preload' | 'now'> = {}) {
  const host = createHost(client);
  const metadata = createMetadataCache(host, { scope: 'test' });
  const deps: SidebarDeps = { host, metadata, ...extra };
  const hook = renderHook(() => {
    const sidebar = useSidebar(entity, deps);
     
    const { mutate, current } = sidebar;
    const actions = useMemo(
      () => createActions({ entity, host, metadata, sidebar: { mutate, current }, currentUser: () => CURRENT_USER }),
      [mutate, current],
    );
    return { sidebar, actions };
  });
  return { host, metadata, ...hook };
}

/** Let the page's promise chains run to their end (works with fake timers too). */
export async function flush(): Promise<void> {
  await act(async () => {
    for (let step = 0; step < 50; step += 1) await Promise.resolve();
  });
}

/** Starts a write inside act and hands back its promise, for asserting what shows meanwhile. */
export function start<T>(run: () => Promise<T>): Promise<T> {
  let promise: Promise<T> = Promise.resolve(undefined as T);
  act(() => {
    promise = run();
  });
  return promise;
}

/** Waits for a started write inside act, so its state updates land before the assertions. */
export async function settled<T>(promise: Promise<T>): Promise<T> {
  let value: T | undefined;
  await act(async () => {
    value = await promise;
  });
  return value as T;
}
