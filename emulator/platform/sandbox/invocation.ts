import { RENDER_MESSAGE_MAX } from '../../../common/platform/serverless';
import type { Clock } from '../../clock';
import type { InvocationRequest, InvocationResult } from '../types';
import { formatLogValues, type LogLevel } from './console';

/** The platform does not document the caller's wording; this is what the emulator reports. */
export const TIMEOUT_MESSAGE = 'Timeout error while processing the request';
/** platform.md §2.6: 20 s for every kind of invocation. */
export const DEFAULT_TIMEOUT_MS = 20_000;

type Settlement = Pick<InvocationResult, 'outcome' | 'rendered' | 'error'>;

/** SMI and app-setup events answer through renderData; the others end when the handler settles. */
const AWAITS_RENDER: ReadonlySet<InvocationRequest['kind']> = new Set(['smi', 'setup']);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** What an exception or rejection reads as: `boom`, `TypeError: x is not a function`, `{status, message}` → message. */
export function describeError(error: unknown): string {
  if (typeof error === 'string') return error;
  if (!isRecord(error) || typeof error.message !== 'string') return formatLogValues([error]);
  const name = typeof error.name === 'string' ? error.name : 'Error';
  return name === 'Error' ? error.message : `${name}: ${error.message}`;
}

function isVmTimeout(error: unknown): boolean {
  return isRecord(error) && error.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT';
}

/** renderData's arguments travel as JSON to the caller. */
function asJson(value: unknown): unknown {
  if (value === undefined) return undefined;
  const text = JSON.stringify(value);
  return text === undefined ? undefined : JSON.parse(text);
}

/** `renderData(new Error('x'))`: JSON would drop the non-enumerable message; keep it. */
function renderedError(error: unknown): unknown {
  if (error === undefined || error === null) return null;
  const copy = asJson(error);
  if (isRecord(copy) && isRecord(error) && typeof error.message === 'string') copy.message = error.message;
  return copy;
}

/**
 * onAppInstall / afterAppUpdate / onAppUninstall veto with `renderData({ message })`, shown to
 * the user and limited to 60 characters (platform.md §2.5, §4.1). What the platform does with a
 * longer or missing message is undocumented; the stricter reading is to fail the event with a
 * message naming the rule (still a veto for the caller) rather than truncate.
 */
export function setupVetoProblem(error: unknown, event: string): string | undefined {
  if (error === null) return undefined;
  const message = isRecord(error) ? error.message : undefined;
  if (typeof message !== 'string') {
    return `renderData error for ${event} must be an object with a message string, e.g. renderData({ message: 'Invalid API key' })`;
  }
  if (message.length <= RENDER_MESSAGE_MAX) return undefined;
  return `renderData error message for ${event} is ${message.length} characters; the platform shows at most ${RENDER_MESSAGE_MAX}: "${message}"`;
}

/** The state of one call into server.js: logs, the renderData contract, the time budget. */
export class Invocation {
  private readonly logs: InvocationResult['logs'] = [];
  private readonly started = performance.now();
  private readonly timeoutMs: number;
  private readonly settled: Promise<Settlement>;
  private resolveSettled: (settlement: Settlement) => void = () => undefined;
  private settlement?: Settlement;
  private renderCalls = 0;
  private closed = false;

  /**
   * `appPaths` rewrites the app's absolute paths in what the invocation reports (log lines,
   * error), as stack traces and Node's messages name files by where the emulator found them.
   */
  constructor(
    private readonly request: InvocationRequest,
    private readonly clock: Clock,
    private readonly appPaths: (text: string) => string = (text) => text,
  ) {
    this.timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.settled = new Promise((resolve) => {
      this.resolveSettled = resolve;
    });
  }

  private get awaitsRender(): boolean {
    return AWAITS_RENDER.has(this.request.kind);
  }

  /** Real milliseconds left (at least 1, as vm's `timeout` must be positive). */
  remainingMs(): number {
    return Math.max(1, Math.ceil(this.timeoutMs - (performance.now() - this.started)));
  }

  /** Lines logged after the invocation ended are dropped, as the platform ends the run. */
  log(level: LogLevel, values: unknown[]): void {
    if (!this.closed) this.logs.push({ level, message: this.appPaths(formatLogValues(values)), at: this.clock.now() });
  }

  private settle(settlement: Settlement): void {
    if (this.settlement !== undefined) return;
    this.settlement = settlement;
    this.resolveSettled(settlement);
  }

  /** The sandbox's renderData: the first call decides; product/external/scheduled ignore it. */
  renderData(error: unknown, data: unknown): void {
    this.renderCalls += 1;
    if (!this.awaitsRender) return;
    if (this.renderCalls > 1) {
      this.log('warn', ['renderData called more than once; only the first call counts']);
      return;
    }
    this.settle(this.rendered(error, data));
  }

  private rendered(error: unknown, data: unknown): Settlement {
    let rendered: { error: unknown; data: unknown };
    try {
      rendered = { error: renderedError(error), data: asJson(data) };
    } catch (problem) {
      return { outcome: 'error', error: `renderData arguments must be JSON-serialisable: ${describeError(problem)}` };
    }
    const veto = this.request.kind === 'setup' ? setupVetoProblem(rendered.error, this.eventName()) : undefined;
    return veto === undefined ? { outcome: 'rendered', rendered } : { outcome: 'error', error: veto };
  }

  private eventName(): string {
    const { event } = this.request.payload;
    return typeof event === 'string' ? event : this.request.handler;
  }

  /** Follows what the handler returned: a settled promise ends events; SMI/setup keep waiting. */
  watch(returned: unknown): void {
    Promise.resolve(returned).then(
      () => {
        if (!this.awaitsRender) this.settle({ outcome: 'completed' });
      },
      (error: unknown) => this.fail(error),
    );
  }

  /** A promise of this invocation rejected with no handler: fails it, as a crashed runtime would. */
  unhandledRejection(reason: unknown): void {
    const message = `Unhandled promise rejection: ${describeError(reason)}`;
    this.log('error', [message]);
    this.settle({ outcome: 'error', error: message });
  }

  fail(error: unknown): void {
    this.settle(isVmTimeout(error) ? { outcome: 'timeout', error: TIMEOUT_MESSAGE } : { outcome: 'error', error: describeError(error) });
  }

  /** Waits for the outcome, or the time limit (real time: the handler runs in real time). */
  async outcome(): Promise<Settlement> {
    const timer = setTimeout(() => this.settle({ outcome: 'timeout', error: TIMEOUT_MESSAGE }), this.remainingMs());
    try {
      return await this.settled;
    } finally {
      clearTimeout(timer);
    }
  }

  finish(settlement: Settlement): InvocationResult {
    this.closed = true;
    const error = settlement.error === undefined ? {} : { error: this.appPaths(settlement.error) };
    return { ...settlement, ...error, logs: [...this.logs], durationMs: Math.round(performance.now() - this.started) };
  }
}
