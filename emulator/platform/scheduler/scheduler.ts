import type { Clock } from '../../clock';
import type { Inspector } from '../inspector/inspector';
import { NO_JOURNAL, type SchedulesState, type StoreJournal } from '../persistence';
import { describeFailure, settle } from '../storage/errors';
import { cloneJson, isPlainObject } from '../storage/json';
import { PlatformError, type ScheduleApi, type ScheduleSpec } from '../types';
import { SCHEDULE_LIMITS, badRequest, frequencyWarning, queryName, validSchedule, type ScheduleLimits, type ValidSchedule } from './rules';

export { SCHEDULE_LIMITS, type ScheduleLimits } from './rules';

interface Entry {
  spec: ScheduleSpec;
  /** Epoch ms of the next firing. */
  nextAt: number;
  /** Set for a recurring schedule. */
  periodMs?: number;
  /** Creation order, to fire schedules due at the same instant in a stable order. */
  order: number;
}

/** What `list()` shows: the schedule as given, and when it fires next. */
export type ScheduleListing = ScheduleSpec & { nextRunAt: string };

export interface DueSchedule {
  name: string;
  data: Record<string, unknown>;
}

const nameOf = (spec: unknown): string => (isPlainObject(spec) && typeof spec.name === 'string' ? spec.name : '?');

/** The operations the journal saves after; fetch never writes. */
const MUTATIONS = new Set(['create', 'update', 'delete']);

const ok = (message: string): { status: number; message: string } => ({ status: 200, message });

/**
 * `$schedule` of one installation (platform.md §4.3), on the injectable clock.
 *
 * Readings chosen [U]: a duplicate name on create rejects 409, an unknown name on
 * fetch/update/delete rejects 404, going over the 1 recurring / 1,000 one-time limits rejects
 * 400; a fired one-time schedule is removed (fetch then rejects 404); a recurring schedule
 * first fires at schedule_at, then every period after it, so a daily one keeps the UTC hour and
 * minute of schedule_at; periods missed while nothing called `due()` fire once, not once each.
 * `fetch` returns schedule_at as it was given, not the next run.
 */
export class Scheduler implements ScheduleApi {
  private readonly schedules = new Map<string, Entry>();
  private readonly limits: ScheduleLimits;
  private created = 0;

  constructor(
    private readonly clock: Clock,
    private readonly inspector?: Inspector,
    limits: Partial<ScheduleLimits> = {},
    private readonly journal: StoreJournal = NO_JOURNAL,
  ) {
    this.limits = { ...SCHEDULE_LIMITS, ...limits };
  }

  create(spec: ScheduleSpec): Promise<{ status: number; message: string }> {
    return this.run('create', nameOf(spec), () => {
      const valid = validSchedule(spec, this.clock.now(), this.limits);
      const { name } = valid.spec;
      if (this.schedules.has(name)) throw new PlatformError({ status: 409, message: `A schedule named '${name}' already exists in this installation` });
      this.checkRoom(valid);
      this.store(valid);
      return ok(`Schedule '${name}' created`);
    });
  }

  fetch(query: { name: string }): Promise<ScheduleSpec> {
    return this.run('fetch', nameOf(query), () => cloneJson(this.existing(queryName(query)).spec));
  }

  update(spec: ScheduleSpec): Promise<{ status: number; message: string }> {
    return this.run('update', nameOf(spec), () => {
      const valid = validSchedule(spec, this.clock.now(), this.limits);
      this.existing(valid.spec.name);
      this.checkRoom(valid, valid.spec.name);
      this.store(valid);
      return ok(`Schedule '${valid.spec.name}' updated`);
    });
  }

  delete(query: { name: string }): Promise<{ status: number; message: string }> {
    return this.run('delete', nameOf(query), () => {
      const name = queryName(query);
      this.existing(name);
      this.schedules.delete(name);
      return ok(`Schedule '${name}' deleted`);
    });
  }

  /**
   * Every schedule whose time has come, oldest first, for onScheduledEvent: one-time ones are
   * removed, recurring ones move to their first run after now. A firing is saved when it is
   * handed out, so a restart does not fire it again.
   */
  due(): DueSchedule[] {
    this.journal.guard();
    const now = this.clock.now();
    const fired = [...this.schedules.values()].filter((entry) => entry.nextAt <= now).sort((a, b) => a.nextAt - b.nextAt || a.order - b.order);
    for (const entry of fired) {
      this.advance(entry, now);
      this.inspector?.record({ kind: 'schedule', operation: 'fire', name: entry.spec.name, ok: true });
    }
    if (fired.length > 0) this.journal.changed();
    return fired.map((entry) => ({ name: entry.spec.name, data: cloneJson(entry.spec.data) }));
  }

  /** When the next schedule fires, so the emulator knows when to wake up. */
  nextDueAt(): number | undefined {
    const times = [...this.schedules.values()].map((entry) => entry.nextAt);
    return times.length === 0 ? undefined : Math.min(...times);
  }

  list(): ScheduleListing[] {
    return [...this.schedules.values()]
      .sort((a, b) => a.nextAt - b.nextAt || a.order - b.order)
      .map((entry) => ({ ...cloneJson(entry.spec), nextRunAt: new Date(entry.nextAt).toISOString() }));
  }

  /** What to save: each schedule with its next run, and the creation counter. */
  state(): SchedulesState {
    return { created: this.created, entries: [...this.schedules.values()].map((entry) => cloneJson(entry)) };
  }

  /** Replaces the schedules with saved ones; they fire at their saved next run. */
  restore(state: SchedulesState): void {
    this.schedules.clear();
    this.created = state.created;
    state.entries.forEach((entry) => this.schedules.set(entry.spec.name, cloneJson(entry)));
  }

  /** Uninstall removes every schedule. */
  wipe(): void {
    this.schedules.clear();
  }

  private advance(entry: Entry, now: number): void {
    if (entry.periodMs === undefined) {
      this.schedules.delete(entry.spec.name);
      return;
    }
    const periods = Math.floor((now - entry.nextAt) / entry.periodMs) + 1;
    entry.nextAt += periods * entry.periodMs;
  }

  private existing(name: string): Entry {
    const entry = this.schedules.get(name);
    if (entry === undefined) throw new PlatformError({ status: 404, message: `No schedule named '${name}' in this installation` });
    return entry;
  }

  /** The 1 recurring / 1,000 one-time limits; `replacing` is the schedule an update rewrites. */
  private checkRoom(valid: ValidSchedule, replacing?: string): void {
    const others = [...this.schedules.values()].filter((entry) => entry.spec.name !== replacing);
    const recurring = valid.periodMs !== undefined;
    const sameKind = others.filter((entry) => (entry.periodMs !== undefined) === recurring);
    if (recurring && sameKind.length >= this.limits.maxRecurring) {
      throw badRequest(`An installation may have only ${this.limits.maxRecurring} recurring schedule(s); '${sameKind[0]?.spec.name ?? ''}' already recurs`);
    }
    if (!recurring && sameKind.length >= this.limits.maxOneTime) throw badRequest(`An installation may have at most ${this.limits.maxOneTime} one-time schedules`);
  }

  private store(valid: ValidSchedule): void {
    const previous = this.schedules.get(valid.spec.name);
    const order = previous?.order ?? (this.created += 1);
    this.schedules.set(valid.spec.name, { spec: valid.spec, nextAt: valid.at, periodMs: valid.periodMs, order });
    const warning = frequencyWarning(valid.spec);
    if (warning !== undefined) this.inspector?.record({ kind: 'schedule', operation: 'warning', name: valid.spec.name, ok: true, error: warning });
  }

  private run<T>(operation: string, name: string, action: () => T): Promise<T> {
    const journaled = () => {
      this.journal.guard();
      const result = action();
      if (MUTATIONS.has(operation)) this.journal.changed();
      return result;
    };
    return settle(journaled, (error) =>
      this.inspector?.record({ kind: 'schedule', operation, name, ok: error === undefined, ...(error === undefined ? {} : { error: describeFailure(error) }) }),
    );
  }
}
