import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ManualClock } from '../../emulator/clock';
import { MinuteWindow } from '../../emulator/platform/minute-window';
import { Scheduler } from '../../emulator/platform/scheduler/scheduler';
import { EntityStorage } from '../../emulator/platform/storage/entities';
import { KvStore } from '../../emulator/platform/storage/kv';
import { toRejection } from '../../emulator/platform/storage/errors';
import type { EntityField } from '../../emulator/platform/types';
import type { ScheduleApi } from '../../common/platform/schedule';
import type { EntityApi, KeyValueStore } from '../../common/platform/storage';
import type { TemplateInvokeOptions, TemplateSuccess } from '../../common/platform/request';
import type { RenderData } from '../../common/platform/serverless';
import { ENTITY_VERSION, OUTBOX_ENTITY, type Host } from '../lib/platform/host';

/**
 * A Host for the server's unit tests, built from the emulator's real key-value store, entity
 * storage (with the app's own config/entities.json) and scheduler, with their limits and error
 * shapes, on a manual clock. Request templates answer from a script the test gives.
 */
export type Answer = (name: string, options: TemplateInvokeOptions) => Promise<TemplateSuccess>;

export interface TestHost {
  host: Host;
  clock: ManualClock;
  kv: KvStore;
  scheduler: Scheduler;
  invokeTemplate: jest.Mock<Promise<TemplateSuccess>, [string, TemplateInvokeOptions?]>;
  renderData: jest.Mock<void, Parameters<RenderData>>;
  /** Template calls in order: name, context and parsed body. */
  calls(name?: string): Array<{ name: string; context: Record<string, unknown>; body: any }>;
  /** Every log line, `[level] text`. */
  logged(): string;
}

const ENTITIES = JSON.parse(readFileSync(join(__dirname, '..', '..', 'config', 'entities.json'), 'utf8')) as Record<string, { fields: EntityField[] }>;

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): TemplateSuccess => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  response: JSON.stringify(body),
});

/** What the platform rejects a template call with (platform.md §5.5). */
export const rejection = (status: number, errorSource: 'APP' | 'PLATFORM' = 'APP', response = '', headers: Record<string, string> = {}) =>
  ({ status, errorSource, response, headers });

/**
 * The emulator's services reject with a PlatformError; server code receives the plain
 * `{status, message}` the sandbox hands over (emulator/platform/sandbox/platform-globals.ts).
 */
export function asPlatform<T extends object>(service: T, methods: ReadonlyArray<keyof T>): T {
  const wrapped = Object.create(service) as Record<string, unknown>;
  for (const method of methods) {
    const original = (service as Record<string, (...args: unknown[]) => Promise<unknown>>)[method as string] as (...args: unknown[]) => Promise<unknown>;
    wrapped[method as string] = (...args: unknown[]) => original.apply(service, args).catch((error: unknown) => Promise.reject(toRejection(error)));
  }
  return wrapped as T;
}

export const platformSchedule = (scheduler: Scheduler): ScheduleApi => asPlatform<ScheduleApi>(scheduler, ['create', 'fetch', 'update', 'delete']);

export function testHost(answer: Answer = () => Promise.reject(rejection(500)), start = '2026-12-02T09:00:00Z'): TestHost {
  const clock = new ManualClock(start);
  const kv = new KvStore(clock, new MinuteWindow(clock, 'kv', 50));
  const entities = new EntityStorage(ENTITIES, clock, new MinuteWindow(clock, 'entities', 250));
  const scheduler = new Scheduler(clock);
  const invokeTemplate = jest.fn((name: string, options: TemplateInvokeOptions = {}) => answer(name, options));
  const renderData = jest.fn<void, Parameters<RenderData>>();
  const lines: string[] = [];
  const log = (level: string) => (...values: unknown[]) => void lines.push(`[${level}] ${values.map(String).join(' ')}`);
  const host: Host = {
    request: { invokeTemplate },
    kv: asPlatform<KeyValueStore>(kv, ['set', 'get', 'update', 'delete']),
    outbox: asPlatform<EntityApi>(entities.entity({ version: ENTITY_VERSION }).get(OUTBOX_ENTITY), ['schema', 'create', 'get', 'update', 'delete', 'getAll']),
    schedule: platformSchedule(scheduler),
    renderData,
    log: { info: log('info'), warn: log('warn'), error: log('error') },
    generateTargetUrl: () => Promise.resolve('https://example.test/webhook'),
    now: () => clock.now(),
    startedAt: clock.now(),
  };
  const calls = (name?: string) =>
    invokeTemplate.mock.calls
      .filter(([called]) => name === undefined || called === name)
      .map(([called, options = {}]) => ({ name: called, context: (options.context ?? {}), body: options.body === undefined ? undefined : JSON.parse(options.body) }));
  return { host, clock, kv, scheduler, invokeTemplate, renderData, calls, logged: () => lines.join('\n') };
}

type Scripted = (options: TemplateInvokeOptions, call: number) => TemplateSuccess | { status: number; errorSource?: string } | Promise<TemplateSuccess>;

/**
 * Answers per template name; the n-th call of a name is passed as `call` (from 1). A plain
 * object with a non-2xx status is rejected, as the platform does; an unscripted template is a
 * test mistake and fails loudly.
 */
export function script(answers: Record<string, Scripted>): Answer {
  const counts = new Map<string, number>();
  return async (name, options) => {
    const handler = answers[name];
    if (handler === undefined) throw new Error(`unscripted template ${name}`);
    const call = (counts.get(name) ?? 0) + 1;
    counts.set(name, call);
    const answer = await handler(options, call);
    if ('response' in answer && answer.status < 300) return answer;
    // Platform rejections are plain objects, not Errors (platform.md §5.5).
    return Promise.reject(answer);
  };
}

let nextId = 402009000001;
/** A created record as Freshsales answers a POST: `{task: {id, …}}`. */
export const created = (key: 'task' | 'note' | 'contact', extra: Record<string, unknown> = {}) => (options: TemplateInvokeOptions): TemplateSuccess => {
  const body = options.body === undefined ? {} : (JSON.parse(options.body) as Record<string, Record<string, unknown>>);
  const record = { id: nextId++, status: 0, title: 'x', description: 'x', created_at: '2026-12-02T09:00:00Z', ...body[key], ...extra };
  return json(201, { [key]: record });
};
