import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

  it('refuses a snapshot of another version', () => {
    const snapshot = { ...createAccountStore().toSnapshot(), version: 99 };
    expect(() => CrmStore.fromSnapshot(snapshot)).toThrow('unsupported snapshot version 99');
  });
});
