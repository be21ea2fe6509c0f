import type { TemplateInvokeOptions, TemplateSuccess } from '../../common/platform/request';
import type { Clock } from '../clock';
import type { CrmServer } from '../crm/crm-server';
import type { ProductEvent } from '../crm/feed/change-feed';
import type { EmulatorContext, InstallOutcome } from './context';
import { externalEnvelope, productEnvelope, scheduledEnvelope, setupEnvelope, simulatedEnvelope, smiPayload } from './events/envelope';
import { Installation, type InstallationDeps } from './installation';
import type { Inspector } from './inspector/inspector';
import { setupOutcome, smiOutcome } from './outcomes';
import { PLATFORM_STATE_VERSION, PlatformJournal, instanceStopped, type PlatformState } from './persistence';
import type { createHostRouting } from './requests/routing';
import { ServerSandbox } from './sandbox/sandbox';
import {
  PlatformError, type Caller, type InstallationIdentity, type InvocationRequest, type InvocationResult, type LoadedApp, type SandboxServices,
} from './types';

export interface PlatformOptions {
  app: LoadedApp;
  clock: Clock;
  inspector: Inspector;
  crm?: CrmServer;
  routing: ReturnType<typeof createHostRouting>;
  identity: InstallationIdentity;
  loggedInUser: Record<string, unknown>;
  baseUrl: () => string;
  /** Serverless execution limit, 20 s on the platform (§2.6); tests shorten it. */
  invocationTimeoutMs?: number;
  requestTimeoutMs?: number;
  /** Where declared npm dependencies of server code are found besides the app's own node_modules. */
  nodeModules?: string[];
  /** Where the platform state is saved after every change (persistence.ts); memory only without. */
  dataFile?: string;
  /** The state read from `dataFile` at start, to carry on from. */
  restored?: PlatformState;
}

export interface SimulationRequest {
  event: string;
  /** Narrows the search when two modules declare the same event name. */
  module?: string;
  /** The test data: the envelope without iparams and currentHost, or only its `data`. */
  payload: Record<string, unknown>;
}

export interface SimulationResult {
  ok: boolean;
  outcome: string;
  handler?: string;
  durationMs?: number;
  error?: string;
  rendered?: { error: unknown; data: unknown };
  logs: InvocationResult['logs'];
}

const SETUP_EVENTS = new Set(['onAppInstall', 'afterAppUpdate', 'onAppUninstall']);

function simulationKind(event: string): InvocationRequest['kind'] {
  if (SETUP_EVENTS.has(event)) return 'setup';
  if (event === 'onExternalEvent') return 'external';
  return event === 'onScheduledEvent' ? 'scheduled' : 'product';
}

/** Setup events succeed when they render without a veto; the others when they complete. */
function simulationSucceeded(kind: InvocationRequest['kind'], result: InvocationResult): boolean {
  if (kind !== 'setup') return result.outcome === 'completed';
  return result.outcome === 'rendered' && (result.rendered?.error === null || result.rendered?.error === undefined);
}

const NOT_INSTALLED = () => new PlatformError({ status: 400, message: 'The app is not installed', errorSource: 'PLATFORM' });
const STORAGE_BEFORE_INSTALL = () =>
  new PlatformError({ status: 400, message: '$db and $schedule are available only after the app is installed', errorSource: 'PLATFORM' });
const TARGET_URL_REFUSED = () =>
  new PlatformError({ status: 400, message: 'generateTargetUrl is supported only in onAppInstall and product event handlers', errorSource: 'PLATFORM' });

/** Which handlers may generate the external-event URL (platform.md §4.2). */
const TARGET_URL_EVENTS = new Set(['onAppInstall']);

export class Platform implements EmulatorContext {
  readonly app: LoadedApp;
  readonly clock: Clock;
  readonly inspector: Inspector;
  readonly crm?: CrmServer;
  private readonly sandbox: ServerSandbox;
  private current?: Installation;
  /** What the settings page calls templates with before installation: one, so its budget holds. */
  private settingsRuntime?: Installation;
  private nextId = 1;
  /** Events run one after another, as a queue per installation. */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly journal: PlatformJournal;

  constructor(private readonly options: PlatformOptions) {
    this.app = options.app;
    this.clock = options.clock;
    this.inspector = options.inspector;
    this.crm = options.crm;
    this.sandbox = new ServerSandbox(options.app, { clock: options.clock, nodeModules: options.nodeModules });
    this.journal = new PlatformJournal(options.dataFile, () => this.state());
    if (options.restored !== undefined) this.restore(options.restored);
  }

  private restore(state: PlatformState): void {
    this.nextId = state.nextInstallationId;
    if (state.installation === undefined) return;
    this.current = Installation.fromState(state.installation, this.installationDeps());
    this.inspector.record({ kind: 'install', operation: 'install', ok: true, message: `restored from ${this.options.dataFile ?? 'saved state'}` });
  }

  /** What persistence.ts saves: the installation, if any, and the id counter. */
  state(): PlatformState {
    return { version: PLATFORM_STATE_VERSION, nextInstallationId: this.nextId, ...(this.current === undefined ? {} : { installation: this.current.state() }) };
  }

  /** False once killed or closed: nothing running in this instance may read or change the state. */
  get alive(): boolean {
    return this.journal.alive;
  }

  /** The process "dies": handlers still running here get rejections from every store and template. */
  kill(): void {
    this.journal.stop();
  }

  baseUrl(): string {
    return this.options.baseUrl();
  }

  identity(): InstallationIdentity {
    return this.options.identity;
  }

  loggedInUser(): Record<string, unknown> {
    return this.options.loggedInUser;
  }

  installation(): Installation | undefined {
    return this.current;
  }

  private installationDeps(): InstallationDeps {
    return {
      app: this.app,
      clock: this.clock,
      inspector: this.inspector,
      routing: this.options.routing,
      identity: this.options.identity,
      baseUrl: this.options.baseUrl,
      requestTimeoutMs: this.options.requestTimeoutMs,
      journal: this.journal,
    };
  }

  private newInstallation(values: Record<string, unknown>): Installation {
    return new Installation(String(this.nextId++), values, this.installationDeps());
  }

  private handlerFor(event: string, module = 'common'): string | undefined {
    return this.app.events.find((binding) => binding.event === event && binding.module === module)?.handler;
  }

  /** The FDK says so when an event reaches an app that registered no handler for it. */
  private noHandler(event: string, module: string): void {
    this.inspector.record({ kind: 'event', event, handler: '—', outcome: 'no handler registered', durationMs: 0, logs: [], error: `No handler registered for ${event} in module ${module}` });
  }

  private services(installation: Installation, targetUrlAllowed: boolean): SandboxServices {
    return {
      // A killed instance sends nothing more: a handler resuming after the kill gets a rejection.
      invokeTemplate: (name, options) => (this.alive ? installation.engine.invoke('serverless', name, options) : Promise.reject(instanceStopped())),
      db: installation.db,
      schedules: installation.scheduler,
      generateTargetUrl: () => (targetUrlAllowed ? Promise.resolve(installation.services.targetUrl()) : Promise.reject(TARGET_URL_REFUSED())),
    };
  }

  /** Server methods called by the settings page see no store and no scheduler (platform.md §7.8). */
  private preInstallServices(installation: Installation): SandboxServices {
    const refuse = () => Promise.reject(STORAGE_BEFORE_INSTALL());
    const db = { set: refuse, get: refuse, update: refuse, delete: refuse, entity: () => ({ get: () => { throw STORAGE_BEFORE_INSTALL(); } }) };
    return {
      invokeTemplate: (name, options) => installation.engine.invoke('install-page', name, options),
      db,
      schedules: { create: refuse, fetch: refuse, update: refuse, delete: refuse },
      generateTargetUrl: () => Promise.reject(TARGET_URL_REFUSED()),
    };
  }

  private async run(installation: Installation, request: InvocationRequest, event: string, targetUrlAllowed = false, preInstall = false): Promise<InvocationResult> {
    const services = preInstall ? this.preInstallServices(installation) : this.services(installation, targetUrlAllowed);
    const result = await this.sandbox.invoke({ timeoutMs: this.options.invocationTimeoutMs, ...request }, services);
    this.inspector.record({
      kind: 'event',
      event,
      handler: request.handler,
      outcome: result.outcome,
      durationMs: result.durationMs,
      logs: result.logs,
      ...(result.error === undefined ? {} : { error: result.error }),
      ...(result.rendered === undefined ? {} : { rendered: result.rendered }),
    });
    return result;
  }

  private async runSetup(installation: Installation, event: 'onAppInstall' | 'onAppUninstall'): Promise<InstallOutcome> {
    const handler = this.handlerFor(event);
    if (handler === undefined) return { ok: true };
    const payload = setupEnvelope(this.options.identity, event, this.clock.now(), installation.iparams);
    const result = await this.run(installation, { kind: 'setup', handler, payload }, event, TARGET_URL_EVENTS.has(event));
    return setupOutcome(event, result);
  }

  /**
   * Saves the settings and runs onAppInstall, which may veto (platform.md §4.1). On an
   * installed app it saves edited settings: whether the platform runs a handler then is not
   * documented, so none runs and the installation's data stays.
   */
  async install(values: Record<string, unknown>): Promise<InstallOutcome> {
    this.journal.guard();
    if (this.current !== undefined) return this.saveSettings(this.current, values);
    const pending = this.newInstallation(values);
    const outcome = await this.runSetup(pending, 'onAppInstall');
    if (outcome.ok) {
      this.current = pending;
      this.settingsRuntime = undefined;
      this.journal.changed();
    } else {
      pending.wipe();
    }
    this.inspector.record({ kind: 'install', operation: 'install', ok: outcome.ok, ...(outcome.message ? { message: outcome.message } : {}) });
    return outcome;
  }

  private saveSettings(installation: Installation, values: Record<string, unknown>): InstallOutcome {
    installation.iparams = values;
    this.journal.changed();
    this.inspector.record({ kind: 'install', operation: 'install', ok: true, message: 'settings saved' });
    return { ok: true, message: 'Settings saved' };
  }

  /** Runs onAppUninstall; unless it vetoes, the installation's data and schedules are wiped. */
  async uninstall(): Promise<InstallOutcome> {
    this.journal.guard();
    const installation = this.current;
    if (installation === undefined) return { ok: false, message: 'The app is not installed' };
    const outcome = await this.runSetup(installation, 'onAppUninstall');
    if (outcome.ok) {
      installation.wipe();
      this.current = undefined;
      // The saved state keeps only the id counter.
      this.journal.changed();
    }
    this.inspector.record({ kind: 'install', operation: 'uninstall', ok: outcome.ok, ...(outcome.message ? { message: outcome.message } : {}) });
    return outcome;
  }

  /** Templates from the browser or server code use the installation; the settings page may call before it exists. */
  invokeTemplate(caller: Caller, name: string, options?: TemplateInvokeOptions): Promise<TemplateSuccess> {
    const installation = this.current ?? (caller === 'install-page' ? this.preInstallRuntime() : undefined);
    if (installation === undefined) return Promise.reject(NOT_INSTALLED());
    return installation.engine.invoke(caller, name, options);
  }

  private preInstallRuntime(): Installation {
    this.settingsRuntime ??= this.newInstallation({});
    return this.settingsRuntime;
  }

  /**
   * SMI (platform.md §7.8): declared functions only, 50 a minute, answered through renderData.
   * Before installation only the settings page calls, and $db and $schedule are not there yet.
   */
  async invokeFunction(name: string, payload: unknown): Promise<{ response: unknown }> {
    const installation = this.current ?? this.preInstallRuntime();
    if (this.app.functions[name] === undefined) throw new PlatformError({ status: 404, message: 'Requested function not found or registered', errorSource: 'PLATFORM' });
    if (!installation.windows.smi.take()) throw new PlatformError({ status: 429, message: 'Rate limit exceeded for server method invocations', errorSource: 'PLATFORM' });
    const timeoutMs = Math.min(this.options.invocationTimeoutMs ?? Number.POSITIVE_INFINITY, (this.app.functions[name]?.timeout ?? 20) * 1000);
    const request: InvocationRequest = { kind: 'smi', handler: name, payload: smiPayload(payload, installation.iparams), timeoutMs };
    const result = await this.run(installation, request, name, false, this.current === undefined);
    return smiOutcome(name, result);
  }

  private enqueue(work: () => Promise<unknown>): Promise<void> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next.then(() => undefined);
  }

  private subscribed(module: string): boolean {
    return this.options.identity.currentHost.subscribed_modules.includes(module);
  }

  /** A CRM change: the declared handler of its module runs, if the account subscribes to it (§3.8). */
  dispatchProduct(event: ProductEvent): Promise<void> {
    const installation = this.current;
    if (installation === undefined || !this.subscribed(event.module)) return Promise.resolve();
    const handler = this.handlerFor(event.name, event.module);
    if (handler === undefined) {
      this.noHandler(event.name, event.module);
      return Promise.resolve();
    }
    const payload = productEnvelope(this.options.identity, event, installation.iparams);
    return this.enqueue(() => this.run(installation, { kind: 'product', handler, payload }, event.name, true));
  }

  /** An accepted webhook (the HTTP route already answered 200). */
  dispatchExternal(installation: Installation, request: { headers: Record<string, string>; data: unknown }): Promise<void> {
    const handler = this.handlerFor('onExternalEvent');
    if (handler === undefined) {
      this.noHandler('onExternalEvent', 'common');
      return Promise.resolve();
    }
    const payload = externalEnvelope(this.options.identity, this.clock.now(), installation.iparams, request);
    return this.enqueue(() => this.run(installation, { kind: 'external', handler, payload }, 'onExternalEvent'));
  }

  /** Fires every schedule that is due on the clock, through the single onScheduledEvent handler. */
  async runDueSchedules(): Promise<number> {
    const installation = this.current;
    if (installation === undefined || !this.alive) return 0;
    const handler = this.handlerFor('onScheduledEvent');
    const due = installation.scheduler.due();
    if (handler === undefined) {
      due.forEach(() => this.noHandler('onScheduledEvent', 'common'));
      return due.length;
    }
    for (const schedule of due) {
      const payload = scheduledEnvelope(this.options.identity, this.clock.now(), installation.iparams, schedule.data);
      await this.enqueue(() => this.run(installation, { kind: 'scheduled', handler, payload }, 'onScheduledEvent'));
    }
    return due.length;
  }

  /**
   * Fires one event with a given payload, as the FDK's /web/test simulator does (platform.md
   * §9.3, §9.4): the payload is test data without iparams and currentHost, which the platform
   * injects along with any envelope field the file leaves out. Setup events run like a real
   * install or uninstall would, without changing the installation.
   */
  async simulate(request: SimulationRequest): Promise<SimulationResult> {
    const installation = this.current;
    if (installation === undefined) return { ok: false, outcome: 'not installed', error: 'Install the app before simulating events', logs: [] };
    const binding = this.app.events.find((candidate) => candidate.event === request.event && (request.module === undefined || candidate.module === request.module));
    if (binding === undefined) {
      this.noHandler(request.event, request.module ?? 'common');
      return { ok: false, outcome: 'no handler registered', error: `No handler registered for ${request.event}`, logs: [] };
    }
    const kind = simulationKind(binding.event);
    const payload = simulatedEnvelope(this.options.identity, binding.event, this.clock.now(), installation.iparams, request.payload);
    const result = await this.enqueueResult(() => this.run(installation, { kind, handler: binding.handler, payload }, binding.event, kind === 'product' || binding.event === 'onAppInstall'));
    return { ok: simulationSucceeded(kind, result), outcome: result.outcome, handler: binding.handler, durationMs: result.durationMs, logs: result.logs, ...(result.error === undefined ? {} : { error: result.error }), ...(result.rendered === undefined ? {} : { rendered: result.rendered }) };
  }

  private enqueueResult<T>(work: () => Promise<T>): Promise<T> {
    let result: T | undefined;
    return this.enqueue(async () => {
      result = await work();
    }).then(() => result as T);
  }

  /** Resolves when every queued event has run. */
  async idle(): Promise<void> {
    // Handlers' own writes queue more events while they run: wait until none is left.
    let seen: Promise<unknown> | undefined;
    while (seen !== this.queue) {
      seen = this.queue;
      await seen;
    }
  }
}
