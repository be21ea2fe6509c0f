import { ManualClock } from '../../clock';
import { Inspector } from '../inspector/inspector';
import { toRejection } from '../storage/errors';
import type { PlatformErrorShape, ScheduleSpec } from '../types';
import { Scheduler } from './scheduler';

async function failure(promise: Promise<unknown>): Promise<PlatformErrorShape> {
  try {
    await promise;
  } catch (error) {
    return toRejection(error);
  }
  throw new Error('expected the call to reject');
}

const MINUTE = 60_000;

describe('Scheduler', () => {
  let clock: ManualClock;
  let inspector: Inspector;
  let scheduler: Scheduler;

  /** ISO time `minutes` after the clock's now. */
  const inMinutes = (minutes: number): string => new Date(clock.now() + minutes * MINUTE).toISOString();
  const oneTime = (name: string, minutes = 10, data: Record<string, unknown> = { job: name }): ScheduleSpec => ({ name, data, schedule_at: inMinutes(minutes) });
  const recurring = (name: string, repeat: NonNullable<ScheduleSpec['repeat']>, minutes = 10): ScheduleSpec => ({ ...oneTime(name, minutes), repeat });

  beforeEach(() => {
    clock = new ManualClock('2026-11-02T09:00:00Z');
    inspector = new Inspector(clock);
    scheduler = new Scheduler(clock, inspector);
  });

  describe('create and fetch', () => {
    it('creates a schedule and fetches it back as given', async () => {
      const spec = recurring('drain', { time_unit: 'minutes', frequency: 10 });
      await expect(scheduler.create(spec)).resolves.toEqual({ status: 200, message: "Schedule 'drain' created" });
      await expect(scheduler.fetch({ name: 'drain' })).resolves.toEqual(spec);
      expect(scheduler.list()).toEqual([{ ...spec, nextRunAt: '2026-11-02T09:10:00.000Z' }]);
    });

    it('keeps its own copy of data', async () => {
      const data = { cursor: 'a' };
      await scheduler.create(oneTime('job', 10, data));
      data.cursor = 'b';
      const fetched = await scheduler.fetch({ name: 'job' });
      fetched.data.cursor = 'c';
      await expect(scheduler.fetch({ name: 'job' })).resolves.toMatchObject({ data: { cursor: 'a' } });
    });

    it('refuses a name that is already used with 409', async () => {
      await scheduler.create(oneTime('job'));
      expect(await failure(scheduler.create(oneTime('job', 20)))).toEqual({ status: 409, message: "A schedule named 'job' already exists in this installation" });
    });

    it('refuses fetch, update and delete of an unknown name with 404', async () => {
      const notFound = { status: 404, message: "No schedule named 'ghost' in this installation" };
      expect(await failure(scheduler.fetch({ name: 'ghost' }))).toEqual(notFound);
      expect(await failure(scheduler.update(oneTime('ghost')))).toEqual(notFound);
      expect(await failure(scheduler.delete({ name: 'ghost' }))).toEqual(notFound);
    });

    it('deletes a schedule', async () => {
      await scheduler.create(oneTime('job'));
      await expect(scheduler.delete({ name: 'job' })).resolves.toEqual({ status: 200, message: "Schedule 'job' deleted" });
      expect((await failure(scheduler.fetch({ name: 'job' }))).status).toBe(404);
      expect(scheduler.nextDueAt()).toBeUndefined();
    });
  });

  describe('schedule_at', () => {
    it('takes now + 5 minutes computed by app code a few ms before the call reaches the scheduler', async () => {
      const fiveMinutesAhead = new Date(clock.now() + 5 * MINUTE).toISOString();
      clock.advance(5);
      await expect(scheduler.create({ name: 'install', data: {}, schedule_at: fiveMinutesAhead })).resolves.toMatchObject({ status: 200 });
      clock.advance(5);
      await expect(scheduler.update({ name: 'install', data: {}, schedule_at: fiveMinutesAhead })).resolves.toMatchObject({ status: 200 });
      expect(scheduler.nextDueAt()).toBe(Date.parse('2026-11-02T09:05:00.000Z'));
    });

    it('allows 30 s of grace on the 5 minutes and refuses a millisecond more', async () => {
      await expect(scheduler.create({ name: 'edge', data: {}, schedule_at: '2026-11-02T09:04:30.000Z' })).resolves.toMatchObject({ status: 200 });
      expect(await failure(scheduler.create({ name: 'early', data: {}, schedule_at: '2026-11-02T09:04:29.999Z' }))).toEqual({
        status: 400,
        message:
          'schedule_at must be at least 5 minutes after the current time (2026-11-02T09:00:00.000Z; earliest accepted 2026-11-02T09:04:30.000Z, ' +
          'allowing 30 s for the call to arrive); got 2026-11-02T09:04:29.999Z',
      });
    });

    it('refuses 4 minutes ahead, on create and on update', async () => {
      expect((await failure(scheduler.create(oneTime('soon', 4)))).status).toBe(400);
      await scheduler.create(oneTime('job'));
      expect((await failure(scheduler.update(oneTime('job', 4)))).message).toMatch(/^schedule_at must be at least 5 minutes after the current time/);
    });

    it('takes the grace from the limits', async () => {
      const exact = new Scheduler(clock, inspector, { leadGraceMs: 0 });
      await expect(exact.create(oneTime('edge', 5))).resolves.toMatchObject({ status: 200 });
      expect((await failure(exact.create({ name: 'early', data: {}, schedule_at: '2026-11-02T09:04:59.999Z' }))).status).toBe(400);
    });

    it('refuses a time in the past', async () => {
      expect((await failure(scheduler.create({ name: 'late', data: {}, schedule_at: '2026-11-01T09:00:00Z' }))).status).toBe(400);
    });

    it('accepts an offset, which names the same instant in UTC', async () => {
      await scheduler.create({ name: 'ist', data: {}, schedule_at: '2026-11-02T15:00:00+05:30' });
      expect(scheduler.nextDueAt()).toBe(Date.parse('2026-11-02T09:30:00Z'));
    });

    it.each([['tomorrow'], ['2026-11-02 09:10:00'], ['2026-11-02T09:10:00'], ['2026-11-02'], [1793696400000]])('refuses %p as schedule_at', async (scheduleAt) => {
      expect(await failure(scheduler.create({ name: 'bad', data: {}, schedule_at: scheduleAt as string }))).toEqual({
        status: 400,
        message: 'schedule_at must be an ISO-8601 date-time with a time zone, e.g. 2026-07-01T02:00:00.000Z',
      });
    });
  });

  describe('name, data and repeat', () => {
    it('takes data up to 4 KB of JSON and refuses more', async () => {
      const atLimit = { blob: 'x'.repeat(4096 - '{"blob":""}'.length) };
      await expect(scheduler.create(oneTime('fits', 10, atLimit))).resolves.toMatchObject({ status: 200 });
      expect(await failure(scheduler.create(oneTime('big', 10, { blob: `${atLimit.blob}x` })))).toEqual({ status: 400, message: 'data must not exceed 4 KB as JSON (it is 4097 bytes)' });
    });

    it.each([
      ['no data', { name: 'job', schedule_at: '2026-11-02T10:00:00Z' }, 'data is required and must be a JSON object'],
      ['an array as data', { name: 'job', data: [1], schedule_at: '2026-11-02T10:00:00Z' }, 'data is required and must be a JSON object'],
      ['no name', { data: {}, schedule_at: '2026-11-02T10:00:00Z' }, 'name is required: a non-empty string, unique in the installation'],
      ['a blank name', { name: ' ', data: {}, schedule_at: '2026-11-02T10:00:00Z' }, 'name is required: a non-empty string, unique in the installation'],
      ['an unknown time unit', { name: 'job', data: {}, schedule_at: '2026-11-02T10:00:00Z', repeat: { time_unit: 'weeks', frequency: 1 } }, 'repeat.time_unit must be one of minutes, hours, days'],
      ['frequency 0', { name: 'job', data: {}, schedule_at: '2026-11-02T10:00:00Z', repeat: { time_unit: 'hours', frequency: 0 } }, 'repeat.frequency must be an integer of at least 1'],
      ['a fractional frequency', { name: 'job', data: {}, schedule_at: '2026-11-02T10:00:00Z', repeat: { time_unit: 'hours', frequency: 1.5 } }, 'repeat.frequency must be an integer of at least 1'],
      ['repeat that is not an object', { name: 'job', data: {}, schedule_at: '2026-11-02T10:00:00Z', repeat: 'daily' }, 'repeat must be an object { time_unit, frequency }'],
    ])('refuses %s with 400', async (_name, spec, message) => {
      expect(await failure(scheduler.create(spec as unknown as ScheduleSpec))).toEqual({ status: 400, message });
    });

    it('accepts a minutes frequency under 5 with a warning in the inspector', async () => {
      await scheduler.create(recurring('fast', { time_unit: 'minutes', frequency: 1 }));
      expect(inspector.entries('schedule')).toContainEqual(expect.objectContaining({ operation: 'warning', name: 'fast', ok: true, error: expect.stringContaining('under 5 minutes') as string }));
    });
  });

  describe('limits', () => {
    it('refuses a second recurring schedule, but not once the first is gone', async () => {
      await scheduler.create(recurring('drain', { time_unit: 'minutes', frequency: 10 }));
      expect(await failure(scheduler.create(recurring('nightly', { time_unit: 'days', frequency: 1 })))).toEqual({
        status: 400,
        message: "An installation may have only 1 recurring schedule(s); 'drain' already recurs",
      });
      await scheduler.create(oneTime('once'));
      expect((await failure(scheduler.update(recurring('once', { time_unit: 'hours', frequency: 1 })))).status).toBe(400);
      await expect(scheduler.update(recurring('drain', { time_unit: 'hours', frequency: 2 }))).resolves.toMatchObject({ status: 200 });
      await scheduler.delete({ name: 'drain' });
      await expect(scheduler.create(recurring('nightly', { time_unit: 'days', frequency: 1 }))).resolves.toMatchObject({ status: 200 });
    });

    it('refuses one-time schedules over the limit (1,000; 3 here)', async () => {
      const small = new Scheduler(clock, inspector, { maxOneTime: 3 });
      for (const name of ['a', 'b', 'c']) await small.create(oneTime(name));
      expect(await failure(small.create(oneTime('d')))).toEqual({ status: 400, message: 'An installation may have at most 3 one-time schedules' });
      await expect(small.create(recurring('r', { time_unit: 'hours', frequency: 1 }))).resolves.toMatchObject({ status: 200 });
      await expect(small.update(oneTime('c', 30))).resolves.toMatchObject({ status: 200 });
    });

    it('holds 1,000 one-time schedules by default', async () => {
      for (let i = 0; i < 1000; i += 1) await scheduler.create(oneTime(`job-${i}`));
      expect((await failure(scheduler.create(oneTime('job-1000')))).status).toBe(400);
    });
  });

  describe('update', () => {
    it('replaces the data and the time, with the same rules as create', async () => {
      await scheduler.create(oneTime('job', 10, { v: 1 }));
      await expect(scheduler.update(oneTime('job', 30, { v: 2 }))).resolves.toEqual({ status: 200, message: "Schedule 'job' updated" });
      await expect(scheduler.fetch({ name: 'job' })).resolves.toEqual(oneTime('job', 30, { v: 2 }));
      expect(scheduler.nextDueAt()).toBe(clock.now() + 30 * MINUTE);
      expect((await failure(scheduler.update(oneTime('job', 4)))).status).toBe(400);
    });
  });

  describe('due', () => {
    it('fires a one-time schedule once, at its time, then forgets it', async () => {
      await scheduler.create(oneTime('job', 10, { task: 'sync' }));
      clock.advance(10 * MINUTE - 1);
      expect(scheduler.due()).toEqual([]);
      clock.advance(1);
      expect(scheduler.due()).toEqual([{ name: 'job', data: { task: 'sync' } }]);
      expect(scheduler.due()).toEqual([]);
      expect((await failure(scheduler.fetch({ name: 'job' }))).status).toBe(404);
      expect(scheduler.nextDueAt()).toBeUndefined();
    });

    it('fires a recurring schedule every period', async () => {
      await scheduler.create(recurring('drain', { time_unit: 'minutes', frequency: 10 }));
      const fired: string[] = [];
      for (let step = 0; step < 6; step += 1) {
        clock.advance(5 * MINUTE);
        if (scheduler.due().length > 0) fired.push(new Date(clock.now()).toISOString());
      }
      expect(fired).toEqual(['2026-11-02T09:10:00.000Z', '2026-11-02T09:20:00.000Z', '2026-11-02T09:30:00.000Z']);
      await expect(scheduler.fetch({ name: 'drain' })).resolves.toMatchObject({ name: 'drain' });
    });

    it('fires missed periods once and stays on the original grid', async () => {
      await scheduler.create(recurring('drain', { time_unit: 'hours', frequency: 1 }));
      clock.set('2026-11-02T12:40:00Z');
      expect(scheduler.due()).toHaveLength(1);
      expect(scheduler.due()).toHaveLength(0);
      expect(new Date(scheduler.nextDueAt() as number).toISOString()).toBe('2026-11-02T13:10:00.000Z');
    });

    it('keeps the hour and minute of schedule_at for a daily schedule', async () => {
      await scheduler.create({ name: 'nightly', data: { kind: 'nightly' }, schedule_at: '2026-11-03T02:30:00.000Z', repeat: { time_unit: 'days', frequency: 1 } });
      clock.set('2026-11-05T08:00:00Z');
      expect(scheduler.due()).toEqual([{ name: 'nightly', data: { kind: 'nightly' } }]);
      expect(scheduler.list()[0]?.nextRunAt).toBe('2026-11-06T02:30:00.000Z');
    });

    it('fires several due schedules oldest first, and says when the next one is due', async () => {
      await scheduler.create(oneTime('later', 20));
      await scheduler.create(oneTime('sooner', 10));
      await scheduler.create(oneTime('same-time', 10));
      expect(scheduler.nextDueAt()).toBe(clock.now() + 10 * MINUTE);
      clock.advance(30 * MINUTE);
      expect(scheduler.due().map((schedule) => schedule.name)).toEqual(['sooner', 'same-time', 'later']);
      expect(inspector.entries('schedule').filter((entry) => entry.kind === 'schedule' && entry.operation === 'fire')).toHaveLength(3);
    });
  });

  it('records each operation in the inspector, failures with their reason', async () => {
    await scheduler.create(oneTime('job'));
    await failure(scheduler.fetch({ name: 'ghost' }));
    expect(inspector.entries('schedule')).toEqual([
      { kind: 'schedule', operation: 'create', name: 'job', ok: true, at: clock.now() },
      { kind: 'schedule', operation: 'fetch', name: 'ghost', ok: false, error: "404 No schedule named 'ghost' in this installation", at: clock.now() },
    ]);
  });

  it('wipe removes every schedule', async () => {
    await scheduler.create(recurring('drain', { time_unit: 'minutes', frequency: 10 }));
    scheduler.wipe();
    expect(scheduler.list()).toEqual([]);
    await expect(scheduler.create(recurring('drain', { time_unit: 'minutes', frequency: 10 }))).resolves.toMatchObject({ status: 200 });
  });
});
