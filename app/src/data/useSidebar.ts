import { useCallback, useEffect, useState } from 'react';
import { classifyRejection, type CrmFailure } from '../../../common/crm/failure';
import type { ClientEventName, EntityType } from '../../../common/platform/client';
import { fail, type Result } from '../../../common/validation';
import type { Host } from '../platform/host';
import { loadSidebarData } from './load';
import type { MetadataCache } from './metadata-cache';
import type { DataFor } from './types';

/**
 * Every state of an open sidebar; `busy` is a 429 being waited out before the next try;
 * `refreshing` marks data on screen while a newer copy is on its way.
 */
export type SidebarState<E extends EntityType> =
  | { status: 'loading' }
  | { status: 'ready'; data: DataFor<E>; refreshing?: true }
  | { status: 'busy'; retryInMs: number; attempt: number }
  | { status: 'error'; failure: CrmFailure };

/** After this many automatic tries a 429 becomes an error with a retry button. */
export const MAX_BUSY_RETRIES = 4;
const FIRST_DELAY_MS = 2000;
const MAX_DELAY_MS = 30_000;
/**
 * The longest Retry-After the sidebar waits out on its own (the CRM's minute window); a longer
 * one (the hourly limit) becomes the "busy" error with its retry button at once, since asking
 * sooner would only be refused again.
 */
export const MAX_RETRY_AFTER_MS = 60_000;

/** Exponential backoff, never sooner than Retry-After when the CRM sends one (api §8). */
export function backoffDelayMs(attempt: number, failure: CrmFailure): number {
  const exponential = Math.min(FIRST_DELAY_MS * 2 ** Math.max(0, attempt - 1), MAX_DELAY_MS);
  const asked = (failure.retryAfterSeconds ?? 0) * 1000;
  return Math.max(exponential, asked);
}

const worthWaiting = (failure: CrmFailure, attempt: number) =>
  failure.kind === 'rate_limited' && attempt < MAX_BUSY_RETRIES && (failure.retryAfterSeconds ?? 0) * 1000 <= MAX_RETRY_AFTER_MS;

/** Reopening the drawer refreshes data older than this in the background (B4). */
export const STALE_AFTER_MS = 30_000;
/** Records kept for reopening at once: the few a rep goes back and forth between. */
const REMEMBERED_RECORDS = 5;

const UPDATE_EVENT: Record<EntityType, ClientEventName> = {
  contact: 'contact.update',
  deal: 'deal.update',
  sales_account: 'account.update',
};

export interface SidebarDeps {
  host: Host;
  metadata: MetadataCache;
  /** A load already started before React booted (the open's first request). */
  preload?: { id: number; result: Promise<Result<unknown, CrmFailure>> };
  /** The clock that ages loaded data; tests pin it. */
  now?: () => number;
}

/** A write the UI shows at once and undoes if the CRM refuses it. */
export interface Mutation<E extends EntityType, T> {
  apply: (data: DataFor<E>) => DataFor<E>;
  revert: (data: DataFor<E>) => DataFor<E>;
  request: () => Promise<Result<T, CrmFailure>>;
  /** Folds the CRM's answer in (server ids, computed fields). */
  commit?: (data: DataFor<E>, value: T) => DataFor<E>;
}

export interface Sidebar<E extends EntityType> {
  state: SidebarState<E>;
  /** Reload now (the retry buttons). */
  reload: () => void;
  mutate: <T>(mutation: Mutation<E, T>) => Promise<Result<T, CrmFailure>>;
  /** The current data, for actions that build on it. */
  current: () => DataFor<E> | undefined;
}

interface Tracking {
  ticket: number;
  id: number | undefined;
  active: boolean;
  /** The record changed while the app was hidden: reload on the next activation. */
  dirty: boolean;
  busyAttempt: number;
  timer: ReturnType<typeof setTimeout> | undefined;
}

interface Remembered<E extends EntityType> {
  data: DataFor<E>;
  /** When the CRM answered with it (optimistic edits keep the time of the answer they build on). */
  loadedAt: number;
}

/** The last few records' data by id, oldest first, for showing a reopened record at once. */
function createMemory<E extends EntityType>() {
  const records = new Map<number, Remembered<E>>();
  return {
    get: (id: number | undefined) => (id === undefined ? undefined : records.get(id)),
    keep(id: number | undefined, data: DataFor<E>, loadedAt: number) {
      if (id === undefined) return;
      records.delete(id);
      records.set(id, { data, loadedAt });
      if (records.size > REMEMBERED_RECORDS) records.delete(records.keys().next().value as number);
    },
  };
}

/** The platform would not say which record is open. */
const UNKNOWN_RECORD: CrmFailure = { kind: 'platform', messages: [], detail: 'currentEntityInfo is not available' };

async function settleLoad<E extends EntityType>(entity: E, deps: SidebarDeps, id: number | undefined, preload: boolean): Promise<Result<DataFor<E>, CrmFailure>> {
  // Without a record id there is nothing to load: say so instead of loading forever.
  if (id === undefined) return fail(UNKNOWN_RECORD);
  try {
    if (preload && deps.preload?.id === id) return (await deps.preload.result) as Result<DataFor<E>, CrmFailure>;
    return await loadSidebarData(entity, deps, id);
  } catch (error) {
    return fail(classifyRejection(error));
  }
}

async function currentId(host: Host, known: number | undefined): Promise<number | undefined> {
  try {
    return (await host.entity()).currentEntityId;
  } catch {
    return known;
  }
}

interface Controller<E extends EntityType> {
  start: () => () => void;
  load: (quiet: boolean, preload?: boolean) => Promise<void>;
  activate: () => Promise<void>;
  reload: () => void;
  mutate: <T>(mutation: Mutation<E, T>) => Promise<Result<T, CrmFailure>>;
  current: () => DataFor<E> | undefined;
}

/**
 * The sidebar's loading logic without React: tickets drop stale answers, a 429 is waited out
 * with backoff, a failed background refresh keeps the data on screen (a deleted record does
 * not), and writes apply at once and undo on failure.
 */
function createController<E extends EntityType>(entity: E, deps: SidebarDeps, publish: (state: SidebarState<E>) => void): Controller<E> {
  let state: SidebarState<E> = { status: 'loading' };
  const t: Tracking = { ticket: 0, id: deps.preload?.id, active: true, dirty: false, busyAttempt: 0, timer: undefined };
  const now = deps.now ?? Date.now;
  const memory = createMemory<E>();
  const set = (next: SidebarState<E>) => {
    state = next;
    publish(next);
  };
  const show = (data: DataFor<E>, loadedAt: number) => {
    memory.keep(t.id, data, loadedAt);
    set({ status: 'ready', data });
  };
  const update = (change: (data: DataFor<E>) => DataFor<E>) => {
    if (state.status === 'ready') show(change(state.data), memory.get(t.id)?.loadedAt ?? now());
  };
  const markRefreshing = () => {
    if (state.status === 'ready' && state.refreshing !== true) set({ ...state, refreshing: true });
  };
  const stale = (id: number | undefined) => now() - (memory.get(id)?.loadedAt ?? Number.NEGATIVE_INFINITY) >= STALE_AFTER_MS;
  const refreshWanted = (id: number | undefined) => (t.dirty && state.status !== 'loading') || (state.status === 'ready' && stale(id));

  function waitOut(failure: CrmFailure, keep: boolean): void {
    t.busyAttempt += 1;
    const retryInMs = backoffDelayMs(t.busyAttempt, failure);
    // Data already on screen stays there while the refresh waits its turn.
    if (!keep) set({ status: 'busy', retryInMs, attempt: t.busyAttempt });
    t.timer = setTimeout(() => void controller.load(keep), retryInMs);
  }

  function settleFailure(failure: CrmFailure, quiet: boolean): void {
    const keep = quiet && state.status === 'ready';
    if (worthWaiting(failure, t.busyAttempt)) return waitOut(failure, keep);
    t.busyAttempt = 0;
    // A failed background refresh keeps what is on screen, unless the record is gone.
    if (keep && failure.kind !== 'not_found' && state.status === 'ready') return set({ status: 'ready', data: state.data });
    return set({ status: 'error', failure });
  }

  function settle(result: Result<DataFor<E>, CrmFailure>, quiet: boolean, loadedAt: number): void {
    if (!result.ok) return settleFailure(result.failure, quiet);
    t.busyAttempt = 0;
    return show(result.value, loadedAt);
  }

  const resolveId = async (preload: boolean) => (preload && t.id !== undefined ? t.id : currentId(deps.host, t.id));

  const controller: Controller<E> = {
    async load(quiet, preload = false) {
      clearTimeout(t.timer);
      const ticket = ++t.ticket;
      t.dirty = false;
      if (!quiet && state.status !== 'loading') set({ status: 'loading' });
      if (quiet) markRefreshing();
      const id = await resolveId(preload);
      t.id = id ?? t.id;
      const askedAt = now();
      const result = await settleLoad(entity, deps, id, preload);
      if (ticket === t.ticket) settle(result, quiet, askedAt);
    },
    /**
     * The drawer opened again (B4). The record it shows appears at once from memory, and is read
     * again in the background (one call: field settings are cached) when it changed while hidden
     * or was loaded 30 s ago or more. A record never seen gets the skeleton and a load; a load
     * already on its way is left to finish.
     */
    async activate() {
      t.active = true;
      const id = await currentId(deps.host, t.id);
      if (id === t.id) return refreshWanted(id) ? controller.load(true) : undefined;
      const remembered = memory.get(id);
      if (remembered === undefined) return controller.load(false);
      clearTimeout(t.timer);
      Object.assign(t, { ticket: t.ticket + 1, id, dirty: false, busyAttempt: 0 });
      set({ status: 'ready', data: remembered.data });
      return stale(id) ? controller.load(true) : undefined;
    },
    start() {
      void controller.load(false, true);
      const onUpdate = () => {
        if (t.active) void controller.load(true);
        else t.dirty = true;
      };
      const onActivated = () => void controller.activate();
      const offs = [
        deps.host.on(UPDATE_EVENT[entity], onUpdate),
        deps.host.on('app.activated', onActivated),
        deps.host.on('app.deactivated', () => {
          t.active = false;
        }),
      ];
      return () => {
        t.ticket += 1;
        clearTimeout(t.timer);
        offs.forEach((off) => off());
      };
    },
    reload() {
      t.busyAttempt = 0;
      void controller.load(false);
    },
    async mutate<T>(mutation: Mutation<E, T>): Promise<Result<T, CrmFailure>> {
      update(mutation.apply);
      const result = await mutation.request().catch((error: unknown) => fail(classifyRejection(error)));
      if (!result.ok) update(mutation.revert);
      else if (mutation.commit !== undefined) update((data) => mutation.commit?.(data, result.value) ?? data);
      return result;
    },
    current: () => (state.status === 'ready' ? state.data : undefined),
  };
  return controller;
}

/**
 * Loads the open record's sidebar, keeps it fresh (the record's update event, and
 * `app.activated` when the record changed while hidden or its data is 30 s old), drops stale
 * answers, waits out 429s with backoff, and applies optimistic writes with rollback.
 */
export function useSidebar<E extends EntityType>(entity: E, deps: SidebarDeps): Sidebar<E> {
  const [state, setState] = useState<SidebarState<E>>({ status: 'loading' });
  const [controller] = useState(() => createController(entity, deps, setState));
  useEffect(() => controller.start(), [controller]);
  const reload = useCallback(() => controller.reload(), [controller]);
  const mutate = useCallback(<T,>(mutation: Mutation<E, T>) => controller.mutate(mutation), [controller]);
  const current = useCallback(() => controller.current(), [controller]);
  return { state, reload, mutate, current };
}
