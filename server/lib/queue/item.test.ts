import { BODY_MAX_CHARS, fitLog, fromEntityRecord, ITEM_VERSION, PART_CHARS, PARTS, shortAnswer, splitBody, toEntityData, type Attempt, type OutboxItem } from './item';

const T0 = Date.parse('2026-03-04T10:20:30Z');
const HIGH_SURROGATE = /[\ud800-\udbff]$/;

function item(overrides: Partial<OutboxItem> = {}): OutboxItem {
  return {
    kind: 'webhook',
    status: 'pending',
    key: 'msg_0123456789abcdef0123456789abcdef',
    name: 'deal.won',
    record: 'deal 402000401001',
    dueAt: T0 + 60_000,
    attempts: 1,
    createdAt: T0,
    updatedAt: T0 + 1,
    log: [{ at: T0, outcome: 'retry', status: 503, answer: 'HTTP 503 from the endpoint: maintenance' }],
    state: {},
    body: '{"id":"msg_0123456789abcdef0123456789abcdef","type":"deal.won"}',
    ...overrides,
  };
}

/** What entity storage hands back for stored data (platform.md §6.2). */
const stored = (data: Record<string, unknown>, displayId = '17') => ({ display_id: displayId, data });
const roundTrip = (outbox: OutboxItem): OutboxItem | string => fromEntityRecord(stored(toEntityData(outbox)));
const parts = (data: Record<string, unknown>): string[] => Object.keys(data).filter((name) => name.startsWith('part'));

/**
 * The worst case for splitting: a surrogate pair straddles every 2,048-character boundary, so
 * every part ends one short. `extra` characters beyond the eight 2,047-character parts.
 */
function straddlingBody(extra = 0): string {
  return `${'a'.repeat(PART_CHARS - 1)}${`😀${'a'.repeat(PART_CHARS - 3)}`.repeat(PARTS - 1)}${extra > 0 ? `😀${'b'.repeat(extra - 2)}` : ''}`;
}

describe('splitBody', () => {
  it('keeps a short body in one part and an empty body in none', () => {
    expect(splitBody('{"a":1}')).toEqual(['{"a":1}']);
    expect(splitBody('')).toEqual([]);
  });

  it('cuts plain text every 2,048 characters', () => {
    const body = 'x'.repeat(PART_CHARS * 2 + 5);
    expect(splitBody(body).map((part) => part.length)).toEqual([PART_CHARS, PART_CHARS, 5]);
  });

  it('never cuts a surrogate pair in two', () => {
    const body = `${'a'.repeat(PART_CHARS - 1)}😀tail`;
    const split = splitBody(body);
    expect(split.map((part) => part.length)).toEqual([PART_CHARS - 1, 6]);
    expect(split[1]?.startsWith('😀')).toBe(true);
    expect(split.join('')).toBe(body);
  });

  it('cuts a body of emoji only between pairs', () => {
    const body = `x${'😀'.repeat(5000)}`;
    const split = splitBody(body);
    expect(split.every((part) => part.length <= PART_CHARS && !HIGH_SURROGATE.test(part))).toBe(true);
    expect(split.join('')).toBe(body);
  });
});

describe('BODY_MAX_CHARS', () => {
  it('is what eight paragraph fields hold in the worst case', () => {
    const body = straddlingBody();
    expect(body.length).toBe(BODY_MAX_CHARS);
    expect(splitBody(body)).toHaveLength(PARTS);
    expect(splitBody(body).every((part) => part.length === PART_CHARS - 1)).toBe(true);
  });

  it('is exceeded by a worst-case body of 16,384 characters, which would need a ninth part', () => {
    const body = straddlingBody(8);
    expect(body.length).toBe(16_384);
    expect(body.length).toBeGreaterThan(BODY_MAX_CHARS);
    expect(splitBody(body)).toHaveLength(PARTS + 1);
  });
});

describe('toEntityData', () => {
  it('writes the fields config/entities.json declares, the body in part1..', () => {
    const data = toEntityData(item());
    expect(data).toEqual({
      v: ITEM_VERSION,
      kind: 'webhook',
      status: 'pending',
      key: 'msg_0123456789abcdef0123456789abcdef',
      name: 'deal.won',
      record: 'deal 402000401001',
      due_at: T0 + 60_000,
      attempts: 1,
      created_at: T0,
      updated_at: T0 + 1,
      log: JSON.stringify(item().log),
      state: '{}',
      part1: item().body,
    });
  });

  it('spreads a body of 16,384 characters over exactly part1..part8', () => {
    const body = Array.from({ length: 16_384 }, (_, index) => String.fromCharCode(97 + (index % 26))).join('');
    const data = toEntityData(item({ body }));
    expect(parts(data)).toEqual(['part1', 'part2', 'part3', 'part4', 'part5', 'part6', 'part7', 'part8']);
    expect(parts(data).every((name) => (data[name] as string).length === PART_CHARS)).toBe(true);
  });

  it('writes the largest worst-case body in eight parts, none ending in half a pair', () => {
    const data = toEntityData(item({ body: straddlingBody() }));
    expect(parts(data)).toHaveLength(PARTS);
    expect(parts(data).some((name) => HIGH_SURROGATE.test(data[name] as string))).toBe(false);
  });

  it('writes an automation\'s progress as JSON', () => {
    expect(toEntityData(item({ kind: 'automation', state: { step: 2, taskIds: [5, 6] } })).state).toBe('{"step":2,"taskIds":[5,6]}');
  });
});

describe('fitLog', () => {
  const attempt = (index: number, answer = `answer ${index} ${'z'.repeat(140)}`): Attempt => ({ at: T0 + index * 60_000, outcome: 'retry', status: 503, answer });

  it('keeps a log that fits as it is', () => {
    const log = [attempt(0), attempt(1)];
    expect(fitLog(log)).toBe(JSON.stringify(log));
    expect(fitLog([])).toBe('[]');
  });

  it('keeps the first and the latest attempts within 2,048 characters', () => {
    const log = Array.from({ length: 30 }, (_, index) => attempt(index));
    expect(JSON.stringify(log).length).toBeGreaterThan(PART_CHARS);
    const text = fitLog(log);
    const kept = JSON.parse(text) as Attempt[];
    expect(text.length).toBeLessThanOrEqual(PART_CHARS);
    expect(kept[0]).toEqual(log[0]);
    expect(kept.slice(1)).toEqual(log.slice(log.length - (kept.length - 1)));
    // As many as fit: one more of the latest would not.
    expect(JSON.stringify([log[0], ...log.slice(log.length - kept.length)]).length).toBeGreaterThan(PART_CHARS);
  });

  it('gives up on two attempts that do not fit together', () => {
    expect(fitLog([attempt(0, 'a'.repeat(1500)), attempt(1, 'b'.repeat(1500))])).toBe('[]');
  });
});

describe('shortAnswer', () => {
  it('keeps 160 characters and shortens longer text to 160 with an ellipsis', () => {
    expect(shortAnswer('k'.repeat(160))).toBe('k'.repeat(160));
    expect(shortAnswer('k'.repeat(161))).toBe(`${'k'.repeat(159)}…`);
  });
});

describe('fromEntityRecord', () => {
  it('reads back what toEntityData wrote, with the record id', () => {
    const original = item({ kind: 'automation', status: 'done', name: 'deal_won', state: { step: 'tasks', done: [1, 2] } });
    expect(roundTrip(original)).toEqual({ ...original, id: '17' });
  });

  it.each([
    ['plain text of 16,384 characters', 'q'.repeat(16_384)],
    ['a worst-case body of BODY_MAX_CHARS', straddlingBody()],
    ['unicode', '{"name":"Zoë 山田 👩‍💻"}'.repeat(600)],
    ['an empty body', ''],
  ])('round-trips %s', (_case, body) => {
    const back = roundTrip(item({ body }));
    expect(typeof back === 'string' ? back : back.body).toBe(body);
  });

  it('reads a v0 record (no `v`, the body in one `body` field) as the current shape', () => {
    const v0 = {
      kind: 'webhook',
      status: 'dead',
      key: 'msg_aa',
      name: 'contact.created',
      record: 'contact 402000500470',
      due_at: T0,
      attempts: 8,
      created_at: T0 - 1000,
      updated_at: T0,
      log: '[{"at":1772619630000,"outcome":"dead","status":400}]',
      state: '{}',
      body: '{"type":"contact.created"}',
    };
    expect(fromEntityRecord(stored(v0, '3'))).toEqual({
      id: '3',
      kind: 'webhook',
      status: 'dead',
      key: 'msg_aa',
      name: 'contact.created',
      record: 'contact 402000500470',
      dueAt: T0,
      attempts: 8,
      createdAt: T0 - 1000,
      updatedAt: T0,
      log: [{ at: 1772619630000, outcome: 'dead', status: 400 }],
      state: {},
      body: '{"type":"contact.created"}',
    });
  });

  it('reads missing parts as empty', () => {
    expect(fromEntityRecord(stored({ v: 1, kind: 'webhook', status: 'pending', key: 'k', part1: 'ab', part3: 'cd' }))).toMatchObject({ body: 'abcd' });
  });

  it.each([
    ['an unknown kind', { kind: 'email', status: 'pending', key: 'k' }, 'outbox record 9 is unreadable (kind email, status pending)'],
    ['no kind', { status: 'pending', key: 'k' }, 'outbox record 9 is unreadable (kind ?, status pending)'],
    ['an unknown status', { kind: 'webhook', status: 'failed', key: 'k' }, 'outbox record 9 is unreadable (kind webhook, status failed)'],
    ['a status that is not text', { kind: 'webhook', status: 3, key: 'k' }, 'outbox record 9 is unreadable (kind webhook, status ?)'],
    ['no key', { kind: 'automation', status: 'done' }, 'outbox record 9 is unreadable (kind automation, status done)'],
    ['a numeric key', { kind: 'automation', status: 'done', key: 42 }, 'outbox record 9 is unreadable (kind automation, status done)'],
  ])('says why a record with %s is unreadable', (_case, data, reason) => {
    expect(fromEntityRecord(stored(data, '9'))).toBe(reason);
  });

  it('falls back to an empty log and state when their JSON is bad or of the wrong shape', () => {
    const base = { kind: 'webhook', status: 'pending', key: 'k' };
    for (const [log, state] of [['not json', '{oops'], ['{"at":1}', '[1,2]'], ['[{"at":"noon"}]', 'null'], ['[1]', '"text"'], [null, 7]]) {
      expect(fromEntityRecord(stored({ ...base, log, state }))).toMatchObject({ log: [], state: {} });
    }
  });

  it('falls back to defaults for unreadable numbers and texts', () => {
    expect(fromEntityRecord(stored({ kind: 'webhook', status: 'pending', key: 'k', name: 5, record: null, due_at: 'soon', attempts: Number.NaN, created_at: null, updated_at: Number.POSITIVE_INFINITY }))).toEqual({
      id: '17',
      kind: 'webhook',
      status: 'pending',
      key: 'k',
      name: '',
      record: '',
      dueAt: 0,
      attempts: 0,
      createdAt: 0,
      updatedAt: 0,
      log: [],
      state: {},
      body: '',
    });
  });
});
