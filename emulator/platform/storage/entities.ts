import type { Clock } from '../../clock';
import type { Inspector } from '../inspector/inspector';
import type { MinuteWindow } from '../minute-window';
import { NO_JOURNAL, type EntityTableState, type StoreJournal } from '../persistence';
import type { EntityApi, EntityField, EntityRecord, LoadedApp } from '../types';
import { EntityError, entityNotFound, entityRateLimited, invalidRequest, recordNotFound, unsupportedVersion, type EntityIssue } from './entity-errors';
import { dataFields, dataIssues } from './entity-fields';
import { matchesQuery, queryIssues } from './entity-query';
import { describeFailure, settle } from './errors';
import { cloneJson, isPlainObject, jsonBytes, type JsonObject } from './json';

// installation.ts imports both from here.
export { Db } from './db';

export interface EntityLimits {
  /** Records per entity (platform.md §6.2: 10,000). */
  maxRecords: number;
  /** UTF-8 bytes of a record's data as JSON (100 KB). */
  maxRecordBytes: number;
  /** Records per `getAll` page: undocumented [U]; 100 chosen, follow `links.next.marker` for more. */
  pageSize: number;
}

export const ENTITY_LIMITS: EntityLimits = { maxRecords: 10_000, maxRecordBytes: 100 * 1024, pageSize: 100 };

interface StoredRecord {
  /** Creation order: pages follow it, and markers point into it. */
  seq: number;
  record: EntityRecord;
}

interface Table {
  nextSeq: number;
  records: Map<string, StoredRecord>;
}

interface Definition {
  name: string;
  fields: EntityField[];
  table: Table;
}

/** The operations the journal saves after; reads never write. */
const MUTATIONS = new Set(['create', 'update', 'delete']);

const MARKER_PREFIX = 'after:';

const encodeMarker = (seq: number): string => Buffer.from(`${MARKER_PREFIX}${seq}`, 'utf8').toString('base64url');

function decodeMarker(marker: unknown): number | undefined {
  if (typeof marker !== 'string') return undefined;
  const text = Buffer.from(marker, 'base64url').toString('utf8');
  const seq = Number(text.slice(MARKER_PREFIX.length));
  return text.startsWith(MARKER_PREFIX) && Number.isSafeInteger(seq) && seq >= 0 ? seq : undefined;
}

function refuse(issues: EntityIssue[]): void {
  if (issues.length > 0) throw invalidRequest(issues);
}

function requireDisplayId(displayId: unknown): asserts displayId is string {
  // A string, as the platform hands it out [U: stricter, a number is refused].
  if (typeof displayId !== 'string' || displayId.trim() === '') refuse([{ name: 'display_id', message: 'display_id must be a non-empty string' }]);
}

/** After reading `options.next`, the sequence number to continue after (0 from the start). */
function startAfter(options: JsonObject): number {
  if (options.next === undefined) return 0;
  const seq = isPlainObject(options.next) ? decodeMarker(options.next.marker) : undefined;
  if (seq === undefined) refuse([{ name: 'marker', message: 'next must be { marker } with a marker from a previous getAll of this entity' }]);
  return seq as number;
}

function readGetAll(options: unknown, fields: EntityField[]): { query: JsonObject; after: number } {
  if (options === undefined || options === null) return { query: {}, after: 0 };
  if (!isPlainObject(options)) refuse([{ name: 'options', message: 'getAll takes { query?, next? }' }]);
  const given = options as JsonObject;
  const query = given.query ?? {};
  refuse(queryIssues(query, new Map(dataFields(fields).map((field) => [field.name, field]))));
  return { query: query as JsonObject, after: startAfter(given) };
}

/**
 * Entity storage (custom objects) of one installation, per config/entities.json
 * (platform.md §6.2). Every call counts against the per-minute window (about 250/min), failed
 * ones included (stricter). `update` replaces the record's data with the data given, checked
 * like `create` (stricter than a merge: required fields must be given again).
 * `display_id` is the record's creation number as a string; never parse it.
 */
export class EntityStorage {
  private readonly tables = new Map<string, Table>();
  private readonly limits: EntityLimits;

  constructor(
    private readonly schema: LoadedApp['entities'],
    private readonly clock: Clock,
    private readonly window: MinuteWindow,
    private readonly inspector?: Inspector,
    limits: Partial<EntityLimits> = {},
    private readonly journal: StoreJournal = NO_JOURNAL,
  ) {
    this.limits = { ...ENTITY_LIMITS, ...limits };
    inspector?.budget(window.name, () => window.budget());
  }

  /** False when the app has no config/entities.json. */
  get defined(): boolean {
    return this.schema !== undefined;
  }

  /**
   * `$db.entity({version: 'v1'}).get(name)`. Like the platform's handle, it is only a name: an
   * unknown entity or version rejects each operation (the shape of §6.2) rather than throwing.
   */
  entity(options: { version: string }): { get(name: string): EntityApi } {
    const version: unknown = isPlainObject(options) ? options.version : options;
    return { get: (name: string) => this.handle(name, version) };
  }

  /** Uninstall: every record of every entity goes. */
  wipe(): void {
    this.tables.clear();
  }

  /** Every table to save: records with their creation numbers, and the next number. */
  state(): EntityTableState[] {
    return [...this.tables].map(([name, table]) => ({ name, nextSeq: table.nextSeq, records: cloneJson([...table.records.values()]) }));
  }

  /** Replaces the tables with saved ones, so display ids and getAll markers carry on. */
  restore(tables: EntityTableState[]): void {
    this.tables.clear();
    for (const { name, nextSeq, records } of tables) {
      // Pages follow the map's order, which must be creation order.
      const ordered = cloneJson(records).sort((a, b) => a.seq - b.seq);
      this.tables.set(name, { nextSeq, records: new Map(ordered.map((stored) => [stored.record.display_id, stored])) });
    }
  }

  private handle(name: string, version: unknown): EntityApi {
    const run = <T>(operation: string, key: string, action: (definition: Definition) => T): Promise<T> =>
      this.run(name, version, operation, key, action);
    return {
      schema: () => run('schema', name, (definition) => ({ name: definition.name, fields: cloneJson(definition.fields) })),
      create: (data) => run('create', name, (definition) => this.create(definition, data)),
      get: (displayId) => run('get', `${name}/${String(displayId)}`, (definition) => ({ record: cloneJson(this.find(definition, displayId).record) })),
      update: (displayId, data) => run('update', `${name}/${String(displayId)}`, (definition) => this.update(definition, displayId, data)),
      delete: (displayId) => run('delete', `${name}/${String(displayId)}`, (definition) => this.remove(definition, displayId)),
      getAll: (options) => run('getAll', name, (definition) => this.getAll(definition, options)),
    };
  }

  private run<T>(name: string, version: unknown, operation: string, key: string, action: (definition: Definition) => T): Promise<T> {
    return settle(
      () => {
        this.journal.guard();
        if (!this.window.take()) throw entityRateLimited(this.window.limit);
        if (version !== 'v1') throw unsupportedVersion(version);
        const result = action(this.definition(name));
        if (MUTATIONS.has(operation)) this.journal.changed();
        return result;
      },
      (error) =>
        this.inspector?.record({ kind: 'store', api: 'entity', operation, key, ok: error === undefined, ...(error === undefined ? {} : { error: describeFailure(error) }) }),
    );
  }

  private definition(name: string): Definition {
    const entity = typeof name === 'string' && this.schema !== undefined && Object.hasOwn(this.schema, name) ? this.schema[name] : undefined;
    if (entity === undefined) throw entityNotFound(String(name));
    let table = this.tables.get(name);
    if (table === undefined) {
      table = { nextSeq: 1, records: new Map() };
      this.tables.set(name, table);
    }
    return { name, fields: entity.fields, table };
  }

  private validData(definition: Definition, data: unknown): JsonObject {
    refuse(dataIssues(definition.name, definition.fields, data));
    const copy = cloneJson(data as JsonObject);
    const bytes = jsonBytes(copy);
    if (bytes > this.limits.maxRecordBytes) refuse([{ name: 'data', message: `A record may hold at most ${this.limits.maxRecordBytes} bytes of JSON data (got ${bytes})` }]);
    return copy;
  }

  private create(definition: Definition, data: unknown): { record: EntityRecord } {
    const copy = this.validData(definition, data);
    const { table } = definition;
    if (table.records.size >= this.limits.maxRecords) {
      throw new EntityError(400, 'Record limit reached', [{ name: 'entity', message: `Entity '${definition.name}' already holds ${this.limits.maxRecords} records, the most it may hold` }]);
    }
    const seq = table.nextSeq;
    table.nextSeq += 1;
    const now = this.clock.now();
    const record: EntityRecord = { display_id: String(seq), created_time: now, updated_time: now, data: copy };
    table.records.set(record.display_id, { seq, record });
    return { record: cloneJson(record) };
  }

  private find(definition: Definition, displayId: unknown): StoredRecord {
    requireDisplayId(displayId);
    const stored = definition.table.records.get(displayId);
    if (stored === undefined) throw recordNotFound(definition.name, displayId);
    return stored;
  }

  private update(definition: Definition, displayId: unknown, data: unknown): { record: EntityRecord } {
    const stored = this.find(definition, displayId);
    const copy = this.validData(definition, data);
    stored.record = { ...stored.record, updated_time: this.clock.now(), data: copy };
    return { record: cloneJson(stored.record) };
  }

  private remove(definition: Definition, displayId: unknown): Record<string, never> {
    const stored = this.find(definition, displayId);
    definition.table.records.delete(stored.record.display_id);
    return {};
  }

  private getAll(definition: Definition, options: unknown): { records: EntityRecord[]; links: { next?: { marker: string } } } {
    const { query, after } = readGetAll(options, definition.fields);
    const matching = [...definition.table.records.values()].filter((stored) => stored.seq > after && matchesQuery(stored.record.data, query));
    const page = matching.slice(0, this.limits.pageSize);
    const last = page[page.length - 1];
    const more = matching.length > page.length && last !== undefined;
    return { records: page.map((stored) => cloneJson(stored.record)), links: more ? { next: { marker: encodeMarker(last.seq) } } : {} };
  }
}
