import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatTimestamp } from './format';
import { createAccountStore } from './seed/account';
import { loadSnapshot, saveSnapshot, SNAPSHOT_VERSION, CrmStore, ID_BASES } from './store';
import type { ListRow } from './model/types';

const list = (store: CrmStore, name: string, deleted = false): ListRow => ({
  id: store.lists.allocateId(),
  name,
  contact_ids: [],
  created_at: 1,
  updated_at: 1,
  creater_id: 1,
  updater_id: 1,
  is_deleted: deleted,
});

describe('the stand-in store', () => {
  it('hands out int64-sized ids per table and hides soft-deleted rows', () => {
    const store = createAccountStore();
    const first = store.lists.put(list(store, 'A'));
    const gone = store.lists.put(list(store, 'B', true));
    expect(first.id).toBe(ID_BASES.lists);
    expect(gone.id).toBe(ID_BASES.lists + 1);
    expect(store.lists.get(gone.id)).toBeUndefined();
    expect(store.lists.raw(gone.id)).toBe(gone);
    expect(store.lists.all().map((row) => row.name)).toEqual(['A']);
    expect(store.lists.everything()).toHaveLength(2);
    expect(store.lists.erase(gone.id)).toBe(true);
    expect(store.lists.size).toBe(1);
  });

  it('saves and restores a snapshot, bigints and id counters included', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crm-store-'));
    try {
      const store = createAccountStore();
      store.lists.put(list(store, 'Webinar'));
      store.account.plan = 'enterprise';
      const file = join(dir, 'crm.json');
      saveSnapshot(store, file);
      expect(JSON.parse(readFileSync(file, 'utf8')).version).toBe(SNAPSHOT_VERSION);
      const restored = loadSnapshot(file) as CrmStore;
      expect(restored.account.plan).toBe('enterprise');
      expect(restored.lists.all().map((row) => row.name)).toEqual(['Webinar']);
      expect(restored.toSnapshot()).toEqual(store.toSnapshot());
      expect(restored.lists.allocateId()).toBe(ID_BASES.lists + 1);
      expect(loadSnapshot(join(dir, 'missing.json'))).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('loads a version 1 snapshot, whose fixed utcOffset becomes the zone, on the default profile', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crm-store-'));
    try {
      const current = createAccountStore();
      current.lists.put(list(current, 'Old list'));
      const account = Object.fromEntries(Object.entries(current.toSnapshot().account).filter(([key]) => key !== 'timeZone' && key !== 'profile'));
      const file = join(dir, 'old.json');
      writeFileSync(file, JSON.stringify({ ...current.toSnapshot(), version: 1, account: { ...account, utcOffset: '-03:30' } }, (_key, value: unknown) =>
        typeof value === 'bigint' ? { $bigint: value.toString() } : value));
      const restored = loadSnapshot(file) as CrmStore;
      expect(restored.account).toMatchObject({ timeZone: '-03:30', profile: 'default' });
      expect(restored.account).not.toHaveProperty('utcOffset');
      expect(restored.lists.all().map((row) => row.name)).toEqual(['Old list']);
      expect(formatTimestamp(Date.parse('2026-07-01T12:00:00Z'), restored.account.timeZone)).toBe('2026-07-01T08:30:00-03:30');
      saveSnapshot(restored, file);
      expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ version: SNAPSHOT_VERSION, account: { timeZone: '-03:30' } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a snapshot of another version', () => {
    const snapshot = { ...createAccountStore().toSnapshot(), version: 99 };
    expect(() => CrmStore.fromSnapshot(snapshot)).toThrow('unsupported snapshot version 99');
  });
});
