import { emptyState, migrateState, STATE_KEY, STATE_VERSION, type AppState } from './app-state';

const MINUTE = 29_546_460; // 2026-03-04T10:20Z in epoch minutes
const GONE_AT = Date.parse('2026-03-04T10:20:30Z');

const CURRENT: AppState = {
  v: 1,
  budget_minute: MINUTE,
  budget_used: 17,
  webhook_gone: { url: 'https://hooks.example.com/events', at: GONE_AT },
  meta: {
    stages_at: GONE_AT - 3_600_000,
    stages: { '402000010201': 'Open', '402000010205': 'Closed Won', '402000010206': 'Closed Lost' },
    lifecycle: { lead: 402000000001, customer: 402000000003 },
  },
  catch_up_until: GONE_AT + 600_000,
};

describe('STATE_KEY', () => {
  it('is a valid key-value store key: 1 to 60 characters (platform.md §6.1)', () => {
    expect(STATE_KEY.length).toBeGreaterThan(0);
    expect(STATE_KEY.length).toBeLessThanOrEqual(60);
  });
});

describe('emptyState', () => {
  it('is the current version with nothing used, nothing gone and no metadata', () => {
    expect(emptyState()).toEqual({ v: STATE_VERSION, budget_minute: 0, budget_used: 0, webhook_gone: null, meta: null, catch_up_until: 0 });
  });

  it('is a fresh object each time', () => {
    const first = emptyState();
    first.budget_used = 5;
    expect(emptyState().budget_used).toBe(0);
  });
});

describe('migrateState', () => {
  describe('v1', () => {
    it('reads a valid state as it is, with nothing to write back', () => {
      expect(migrateState(structuredClone(CURRENT))).toEqual({ state: CURRENT, migrated: false });
    });

    it('reads a state without a gone endpoint or metadata', () => {
      const state = { v: 1, budget_minute: MINUTE, budget_used: 0, webhook_gone: null, meta: null, catch_up_until: 0 };
      expect(migrateState(state)).toEqual({ state, migrated: false });
    });

    it('resets each unreadable field and keeps the rest', () => {
      const raw = { v: 1, budget_minute: 'now', budget_used: Number.NaN, webhook_gone: { url: 42, at: GONE_AT }, meta: CURRENT.meta, catch_up_until: 'later', extra: 'dropped' };
      expect(migrateState(raw)).toEqual({ state: { ...emptyState(), meta: CURRENT.meta }, migrated: false });
    });

    it('reads a gone endpoint without a time as gone since 0', () => {
      expect(migrateState({ v: 1, webhook_gone: { url: 'https://x.example.com/' } }).state.webhook_gone).toEqual({ url: 'https://x.example.com/', at: 0 });
      expect(migrateState({ v: 1, webhook_gone: { url: 'https://x.example.com/', at: 'yesterday' } }).state.webhook_gone).toEqual({ url: 'https://x.example.com/', at: 0 });
    });

    it.each([['text', 'https://x.example.com/'], ['an array', ['https://x.example.com/']], ['true', true]])('drops a gone endpoint given as %s', (_case, gone) => {
      expect(migrateState({ v: 1, webhook_gone: gone }).state.webhook_gone).toBeNull();
    });

    it('reads metadata without a readable fetch time as never fetched, keeping the stages', () => {
      expect(migrateState({ v: 1, meta: { stages: CURRENT.meta?.stages, lifecycle: {} } }).state.meta).toEqual({ stages_at: 0, stages: CURRENT.meta?.stages, lifecycle: {} });
      expect(migrateState({ v: 1, meta: { stages_at: '2026-03-04', stages: {}, lifecycle: { lead: 1 } } }).state.meta).toEqual({ stages_at: 0, stages: {}, lifecycle: { lead: 1 } });
    });

    it.each([['text', 'stale'], ['an array', [{ stages_at: 5 }]], ['null', null]])('drops metadata given as %s', (_case, meta) => {
      expect(migrateState({ v: 1, meta }).state.meta).toBeNull();
    });

    it('keeps only the stages and lifecycle stages of the right types', () => {
      const meta = { stages_at: 5, stages: { '1': 'Open', '2': 7, '3': null, '4': 'Closed Won' }, lifecycle: { lead: 11, customer: '12', other: null } };
      expect(migrateState({ v: 1, meta }).state.meta).toEqual({ stages_at: 5, stages: { '1': 'Open', '4': 'Closed Won' }, lifecycle: { lead: 11 } });
    });

    it('reads stage and lifecycle maps that are not objects as empty', () => {
      expect(migrateState({ v: 1, meta: { stages_at: 5, stages: ['Open'], lifecycle: 'lead' } }).state.meta).toEqual({ stages_at: 5, stages: {}, lifecycle: {} });
    });

    it('reads an empty v1 object as the empty state', () => {
      expect(migrateState({ v: 1 })).toEqual({ state: emptyState(), migrated: false });
    });
  });

  describe('v0', () => {
    it('moves the nested budget and gone_url into the current fields, to be written back', () => {
      const v0 = { budget: { minute: MINUTE, used: 33 }, gone_url: 'https://hooks.example.com/old' };
      expect(migrateState(v0)).toEqual({
        state: { ...emptyState(), v: STATE_VERSION, budget_minute: MINUTE, budget_used: 33, webhook_gone: { url: 'https://hooks.example.com/old', at: 0 } },
        migrated: true,
      });
    });

    it('reads a v0 state without a gone endpoint', () => {
      expect(migrateState({ budget: { minute: MINUTE, used: 2 } })).toEqual({ state: { ...emptyState(), budget_minute: MINUTE, budget_used: 2 }, migrated: true });
    });

    it('resets an unreadable v0 budget and gone_url', () => {
      expect(migrateState({ budget: [MINUTE, 2], gone_url: 404 })).toEqual({ state: emptyState(), migrated: true });
      expect(migrateState({ budget: { minute: 'x', used: null } })).toEqual({ state: emptyState(), migrated: true });
    });

    it('ignores v1 names in a v0 state', () => {
      expect(migrateState({ budget_minute: MINUTE, budget_used: 4, meta: CURRENT.meta, catch_up_until: 5 })).toEqual({ state: emptyState(), migrated: true });
    });

    it('reads an empty object as a v0 state with nothing in it', () => {
      expect(migrateState({})).toEqual({ state: emptyState(), migrated: true });
    });
  });

  it.each([null, undefined, 'companion', 42, true, [CURRENT]])('starts over from %p', (raw) => {
    expect(migrateState(raw)).toEqual({ state: emptyState(), migrated: true });
  });

  it('reads a newer version where the names agree and does not write it back', () => {
    const v2 = { ...structuredClone(CURRENT), v: 2, budget_used: 3, queue_paused: true };
    const { state, migrated } = migrateState(v2);
    expect(migrated).toBe(false);
    expect(state).toEqual({ ...CURRENT, budget_used: 3 });
    expect(state).not.toHaveProperty('queue_paused');
  });
});
