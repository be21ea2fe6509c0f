import type { EntityApi } from '../../../common/platform/storage';
import { describeRejection } from '../platform/rejection';
import { BODY_MAX_CHARS, fromEntityRecord, toEntityData, type OutboxItem } from './item';

/**
 * The outbox in entity storage (250 operations a minute, 10,000 records, platform.md §6.2):
 * the durable queue every handler writes to before it calls anyone, and the delivery log.
 * Queries are field equality only, so the due time is checked in code on pages of pending items.
 */
export type Stored<T> = { ok: true; value: T } | { ok: false; problem: string };

const problem = (what: string, error: unknown): { ok: false; problem: string } => ({ ok: false, problem: `${what}: ${describeRejection(error)}` });

export class Outbox {
  constructor(private readonly entity: EntityApi) {}

  async add(item: OutboxItem): Promise<Stored<OutboxItem>> {
    if (item.body.length > BODY_MAX_CHARS) return { ok: false, problem: `the ${item.name} body has ${item.body.length} characters; the outbox holds at most ${BODY_MAX_CHARS}` };
    try {
      const { record } = await this.entity.create(toEntityData(item));
      return { ok: true, value: { ...item, id: record.display_id } };
    } catch (error) {
      return problem(`could not queue ${item.name} for ${item.record}`, error);
    }
  }

  async save(item: OutboxItem): Promise<Stored<OutboxItem>> {
    if (item.id === undefined) return this.add(item);
    try {
      await this.entity.update(item.id, toEntityData(item));
      return { ok: true, value: item };
    } catch (error) {
      return problem(`could not save outbox item ${item.id}`, error);
    }
  }

  async get(id: string): Promise<Stored<OutboxItem>> {
    try {
      const { record } = await this.entity.get(id);
      const item = fromEntityRecord(record);
      return typeof item === 'string' ? { ok: false, problem: item } : { ok: true, value: item };
    } catch (error) {
      return problem(`no outbox item ${id}`, error);
    }
  }

  /** One page (100 records on the platform) of items matching `query`, in creation order. */
  async page(query: Record<string, unknown>, marker?: string): Promise<Stored<{ items: OutboxItem[]; next?: string; unreadable: string[] }>> {
    try {
      const answer = await this.entity.getAll({ query, ...(marker === undefined ? {} : { next: { marker } }) });
      const read = answer.records.map(fromEntityRecord);
      const items = read.filter((item): item is OutboxItem => typeof item !== 'string');
      const unreadable = read.filter((item): item is string => typeof item === 'string');
      return { ok: true, value: { items, next: answer.links.next?.marker, unreadable } };
    } catch (error) {
      return problem('could not list the outbox', error);
    }
  }

  async remove(id: string): Promise<boolean> {
    try {
      await this.entity.delete(id);
      return true;
    } catch {
      return false;
    }
  }
}
