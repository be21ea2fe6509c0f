import type { Clock } from '../../clock';

/**
 * Everything the emulator did, for the inspector page and for tests: request-template calls,
 * events dispatched with their outcome and logs, store operations, schedules, installs.
 */
export type InspectorEntry =
  | { kind: 'template'; at: number; caller: string; name: string; status: number; durationMs: number; attempts: number; url?: string; error?: string }
  | { kind: 'event'; at: number; event: string; handler: string; outcome: string; durationMs: number; logs: LogLine[]; error?: string; rendered?: unknown }
  | { kind: 'store'; at: number; api: 'kv' | 'entity'; operation: string; key: string; ok: boolean; error?: string }
  | { kind: 'schedule'; at: number; operation: string; name: string; ok: boolean; error?: string }
  | { kind: 'install'; at: number; operation: 'install' | 'uninstall'; ok: boolean; message?: string }
  | { kind: 'external'; at: number; status: number; contentType: string; bytes: number; error?: string };

export interface LogLine {
  level: 'log' | 'info' | 'warn' | 'error';
  message: string;
  at: number;
}

/** A budget as the inspector shows it: how much of a per-minute limit is used. */
export interface Budget {
  name: string;
  limit: number;
  used: number;
  resetsAt: number;
}

type EntryInput = InspectorEntry extends infer E ? (E extends { at: number } ? Omit<E, 'at'> : never) : never;

export class Inspector {
  private readonly log: InspectorEntry[] = [];
  private readonly budgets = new Map<string, () => Budget>();

  constructor(
    private readonly clock: Clock,
    private readonly keep = 1000,
  ) {}

  record(entry: EntryInput): void {
    this.log.push({ ...entry, at: this.clock.now() });
    if (this.log.length > this.keep) this.log.shift();
  }

  /** Registers a live budget (request method, KV, external events, …). */
  budget(name: string, read: () => Budget): void {
    this.budgets.set(name, read);
  }

  entries(kind?: InspectorEntry['kind']): InspectorEntry[] {
    return kind === undefined ? [...this.log] : this.log.filter((entry) => entry.kind === kind);
  }

  snapshot(): { entries: InspectorEntry[]; budgets: Budget[] } {
    return { entries: this.entries(), budgets: [...this.budgets.values()].map((read) => read()) };
  }

  clear(): void {
    this.log.length = 0;
  }
}
