import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { PlatformError } from './types';

/**
 * The platform's state on disk, as `fdk run` keeps `.fdk/store.sqlite` (platform.md §9.3): the
 * installation (id, external-event token, iparams), its key-value store, entity records and
 * schedules. One JSON file, rewritten whole after every change, so a restart loses nothing.
 */
export const PLATFORM_STATE_VERSION = 1;

const jsonObject = z.record(z.string(), z.unknown());

const kvEntry = z.object({
  key: z.string(),
  value: jsonObject,
  /** Epoch ms: absolute, so a TTL keeps running while the emulator is down. */
  expiresAt: z.number().optional(),
});

const entityTable = z.object({
  name: z.string(),
  /** The next record's creation number (its display_id and marker position). */
  nextSeq: z.int().positive(),
  records: z.array(
    z.object({
      seq: z.int().positive(),
      record: z.object({ display_id: z.string(), created_time: z.number(), updated_time: z.number(), data: jsonObject }),
    }),
  ),
});

const schedule = z.object({
  spec: z.object({
    name: z.string(),
    data: jsonObject,
    schedule_at: z.string(),
    repeat: z.object({ time_unit: z.enum(['minutes', 'hours', 'days']), frequency: z.number() }).optional(),
  }),
  nextAt: z.number(),
  periodMs: z.number().positive().optional(),
  order: z.int(),
});

const installation = z.object({
  id: z.string().min(1),
  token: z.string().min(1),
  iparams: jsonObject,
  kv: z.array(kvEntry),
  entities: z.array(entityTable),
  schedules: z.object({ created: z.int().nonnegative(), entries: z.array(schedule) }),
});

const platformState = z.object({
  version: z.literal(PLATFORM_STATE_VERSION),
  /** Kept after an uninstall, so a new installation never reuses an id. */
  nextInstallationId: z.int().positive(),
  installation: installation.optional(),
});

export type KvEntryState = z.infer<typeof kvEntry>;
export type EntityTableState = z.infer<typeof entityTable>;
export type ScheduleState = z.infer<typeof schedule>;
export type SchedulesState = z.infer<typeof installation>['schedules'];
export type InstallationState = z.infer<typeof installation>;
export type PlatformState = z.infer<typeof platformState>;

/** A state file this emulator cannot read: it says which file and why. */
export class PlatformStateError extends Error {}

function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new PlatformStateError(`The platform state in ${file} is not valid JSON (${error instanceof Error ? error.message : String(error)}); fix or delete the file`);
  }
}

function checkVersion(file: string, raw: unknown): void {
  const version = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>).version : undefined;
  if (version !== PLATFORM_STATE_VERSION) {
    throw new PlatformStateError(`The platform state in ${file} has version ${JSON.stringify(version) ?? 'none'}; this emulator reads version ${PLATFORM_STATE_VERSION} only`);
  }
}

const describeIssues = (error: z.ZodError): string =>
  error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');

/** The state saved in `file`, or undefined when there is none yet; throws PlatformStateError. */
export function readPlatformState(file: string): PlatformState | undefined {
  if (!existsSync(file)) return undefined;
  const raw = parseJson(file, readFileSync(file, 'utf8'));
  checkVersion(file, raw);
  const parsed = platformState.safeParse(raw);
  if (!parsed.success) throw new PlatformStateError(`The platform state in ${file} is damaged: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

/**
 * Synchronous, and written to a temporary file then renamed (as the stand-in's saveSnapshot),
 * so the caller is answered only once the change is on disk and a crash never leaves half a
 * file. No fsync: the process dying cannot lose it, a power cut could.
 */
export function writePlatformState(file: string, state: PlatformState): void {
  writeFileSync(`${file}.tmp`, JSON.stringify(state));
  renameSync(`${file}.tmp`, file);
}

/** `npm start -- --data .tmp/crm.json` keeps the platform's state beside the CRM's: `.tmp/crm.platform.json`. */
export function platformStateFile(crmDataFile: string): string {
  return `${crmDataFile.replace(/\.json$/i, '')}.platform.json`;
}

/** How a store reports to the platform, which saves the state or refuses once it has stopped. */
export interface StoreJournal {
  /** Throws when the platform instance has stopped (killed or closed): it may not read or change anything. */
  guard(): void;
  /** After a successful change, before the caller is answered: saves the state. */
  changed(): void;
}

/** For stores used on their own (unit tests): nothing saved, never stopped. */
export const NO_JOURNAL: StoreJournal = { guard: () => undefined, changed: () => undefined };

/** What a stopped platform instance answers every store, schedule and template call with. */
export const instanceStopped = (): PlatformError =>
  new PlatformError({ status: 503, message: 'The platform instance has stopped: nothing more is read or stored by it', errorSource: 'PLATFORM' });

/** The journal of one platform instance: writes `file` (if any) on every change until stopped. */
export class PlatformJournal implements StoreJournal {
  private stopped = false;

  constructor(
    private readonly file: string | undefined,
    private readonly snapshot: () => PlatformState,
  ) {
    if (file !== undefined) mkdirSync(dirname(file), { recursive: true });
  }

  get alive(): boolean {
    return !this.stopped;
  }

  guard(): void {
    if (this.stopped) throw instanceStopped();
  }

  changed(): void {
    this.guard();
    if (this.file !== undefined) writePlatformState(this.file, this.snapshot());
  }

  /** The process "died": whatever still runs in this instance can no longer touch the state. */
  stop(): void {
    this.stopped = true;
  }
}
