import type {
  AppGlobal,
  Client,
  ClientEventHandler,
  ClientEventName,
  CurrentEntityInfo,
  DataMap,
  InstanceContext,
  InstanceMessage,
  InterfaceActions,
  LoggedInUser,
} from '../../../common/platform/client';
import type {
  TemplateFailureShape,
  TemplateInvokeOptions,
  TemplateSuccess,
} from '../../../common/platform/request';

/**
 * An in-memory platform `client` (platform.md §7) for jsdom tests: it records what the page
 * asks of the platform and answers request templates the way the platform does (a string
 * `response` body on success, the §5.5 rejection shape on failure).
 */

export interface TemplateCall {
  name: string;
  options: TemplateInvokeOptions | undefined;
}

export interface TriggerCall {
  action: keyof InterfaceActions;
  options: InterfaceActions[keyof InterfaceActions];
}

export interface Subscription {
  action: 'on' | 'off';
  name: ClientEventName;
  handler: ClientEventHandler;
}

/** A template answer the test releases when it wants to (to observe loading states, races). */
export interface HeldAnswer {
  /** Resolve with `body` (JSON-encoded unless already a string). */
  resolve(body: unknown, status?: number): void;
  reject(failure: TemplateFailureShape): void;
  /** Whether the page has asked for it yet. */
  readonly requested: boolean;
}

type Answer = (options?: TemplateInvokeOptions) => Promise<TemplateSuccess>;

/** A promise a test settles by hand. */
export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(reason: unknown): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve: (value: T) => void = () => undefined;
  let reject: (reason: unknown) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** The platform rejects with plain objects (platform.md §5.5), not Errors. */
function rejectWith<T>(reason: unknown): Promise<T> {
  // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the platform's shape
  return new Promise<T>((_resolve, reject) => reject(reason));
}

/** A 2xx the way the platform delivers it: the body is always a string. */
export function success(body: unknown, status = 200): TemplateSuccess {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    response: typeof body === 'string' ? body : JSON.stringify(body),
  };
}

/** A rejection from the CRM (`APP`): its status, headers and error body. */
export function crmRejection(status: number, body: unknown = {}, headers: Record<string, string> = {}): TemplateFailureShape {
  return {
    status,
    headers: { 'content-type': 'application/json', ...headers },
    response: typeof body === 'string' ? body : JSON.stringify(body),
    errorSource: 'APP',
  };
}

/** A status the platform's proxy made up itself (502 connection, 504 timeout, 429 limit…). */
export function platformRejection(status: number, message = 'platform error'): TemplateFailureShape {
  return { status, headers: {}, response: message, message, errorSource: 'PLATFORM' };
}

export const DEFAULT_USER: LoggedInUser = {
  id: 7,
  display_name: 'Ada Lovelace',
  email: 'ada@example.com',
  time_zone: 'Europe/London',
};

export interface FakeClientOptions {
  entity?: CurrentEntityInfo;
  loggedInUser?: LoggedInUser;
  iparams?: Record<string, unknown>;
  location?: string;
}

export class FakeClient implements Client {
  /** Every `request.invokeTemplate` call, in order. */
  readonly templateCalls: TemplateCall[] = [];
  /** Every `interface.trigger` call, in order. */
  readonly triggers: TriggerCall[] = [];
  /** The `height` of every `instance.resize` call, e.g. `"240px"`. */
  readonly resizes: string[] = [];
  /** Every `events.on` / `events.off`, in order. */
  readonly subscriptions: Subscription[] = [];
  /** Messages sent with `instance.send`. */
  readonly sent: Array<{ message: unknown; receiver?: string }> = [];
  closed = 0;

  /** Non-secure installation parameters, as `client.iparams.get()` returns them. */
  params: Record<string, unknown>;
  entityInfo: CurrentEntityInfo | undefined;
  user: LoggedInUser;
  location: string;
  /** Make `instance.resize` reject (the platform may refuse, e.g. inside some hosts). */
  failResize = false;
  /** Make `iparams.get` reject. */
  failIparams = false;

  private readonly answers = new Map<string, Answer[]>();
  private readonly fallbacks = new Map<string, Answer>();
  private readonly handlers = new Map<ClientEventName, Set<ClientEventHandler>>();
  private readonly receivers: Array<(event: { helper: { getData(): InstanceMessage } }) => void> = [];
  private readonly store = new Map<string, unknown>();

  constructor(options: FakeClientOptions = {}) {
    this.entityInfo = options.entity ?? { currentEntityId: 12, currentEntityType: 'contact' };
    this.user = options.loggedInUser ?? DEFAULT_USER;
    this.params = options.iparams ?? { domain: 'acme.myfreshworks.com' };
    this.location = options.location ?? 'contact_entity_menu';
  }

  // ---- scripting -------------------------------------------------------------------------

  /** Queue one successful answer for `name`. */
  respond(name: string, body: unknown, status = 200): this {
    return this.enqueue(name, () => Promise.resolve(success(body, status)));
  }

  /** Queue one rejection for `name`. */
  reject(name: string, failure: TemplateFailureShape): this {
    return this.enqueue(name, () => rejectWith(failure));
  }

  /** Answer `name` with `body` whenever nothing is queued. */
  respondAlways(name: string, body: unknown, status = 200): this {
    this.fallbacks.set(name, () => Promise.resolve(success(body, status)));
    return this;
  }

  /** Whenever nothing is queued, answer `name` with a body chosen from the call (e.g. by context). */
  respondBy(name: string, body: (options: TemplateInvokeOptions | undefined) => unknown): this {
    this.fallbacks.set(name, (options) => Promise.resolve(success(body(options))));
    return this;
  }

  /** Queue one answer that stays pending until the test settles it. */
  hold(name: string): HeldAnswer {
    const pending = deferred<TemplateSuccess>();
    let requested = false;
    this.enqueue(name, () => {
      requested = true;
      return pending.promise;
    });
    return {
      resolve: (body, status) => pending.resolve(success(body, status)),
      reject: (failure) => pending.reject(failure),
      get requested() {
        return requested;
      },
    };
  }

  /** Calls made to one template. */
  callsTo(name: string): TemplateCall[] {
    return this.templateCalls.filter((call) => call.name === name);
  }

  /** The `showNotify` options, in order. */
  get notifications(): Array<InterfaceActions['showNotify']> {
    return this.triggers
      .filter((call) => call.action === 'showNotify')
      .map((call) => call.options as InterfaceActions['showNotify']);
  }

  /** Fire a front-end event at every current subscriber. */
  fire(name: ClientEventName, data: unknown = {}): void {
    const event = { type: name, helper: { getData: () => data } };
    [...(this.handlers.get(name) ?? [])].forEach((handler) => handler(event));
  }

  /** How many handlers are subscribed to `name` right now. */
  listenerCount(name: ClientEventName): number {
    return this.handlers.get(name)?.size ?? 0;
  }

  /** Deliver a message to `instance.receive` handlers, as from another instance. */
  deliver(message: InstanceMessage): void {
    this.receivers.forEach((receive) => receive({ helper: { getData: () => message } }));
  }

  private enqueue(name: string, answer: Answer): this {
    const queue = this.answers.get(name) ?? [];
    queue.push(answer);
    this.answers.set(name, queue);
    return this;
  }

  private nextAnswer(name: string): Answer {
    const queued = this.answers.get(name)?.shift();
    if (queued !== undefined) return queued;
    const fallback = this.fallbacks.get(name);
    if (fallback !== undefined) return fallback;
    // The platform's own answer to a template it does not know: 400 from the proxy.
    return () => rejectWith(platformRejection(400, `no answer scripted for template ${name}`));
  }

  private domainParam(): string {
    const domain = this.params.domain;
    return typeof domain === 'string' ? domain : 'acme.myfreshworks.com';
  }

  private dataValue<N extends keyof DataMap>(name: N): DataMap[N] | undefined {
    const values: { [K in keyof DataMap]: DataMap[K] | undefined } = {
      currentEntityInfo: this.entityInfo === undefined ? undefined : { currentEntityInfo: this.entityInfo },
      loggedInUser: { loggedInUser: this.user },
      currentHost: {
        currentHost: {
          subscribed_modules: ['contact', 'deal', 'sales_account'],
          endpoint_urls: { freshworks_crm: `https://${this.domainParam()}` },
        },
      },
    };
    return values[name];
  }

  // ---- the Client interface --------------------------------------------------------------
  // Members are arrow-function properties: the page may pass them around unbound.

  readonly data: Client['data'] = {
    get: <N extends keyof DataMap>(name: N): Promise<DataMap[N]> => {
      const value = this.dataValue(name);
      if (value === undefined) return rejectWith(new Error(`${name} is not available here`));
      return Promise.resolve(value);
    },
  };

  readonly events: Client['events'] = {
    on: (name, handler) => {
      this.subscriptions.push({ action: 'on', name, handler });
      const set = this.handlers.get(name) ?? new Set<ClientEventHandler>();
      set.add(handler);
      this.handlers.set(name, set);
    },
    off: (name, handler) => {
      this.subscriptions.push({ action: 'off', name, handler });
      this.handlers.get(name)?.delete(handler);
    },
  };

  readonly interface: Client['interface'] = {
    trigger: (action, options) => {
      this.triggers.push({ action, options });
      return Promise.resolve({ message: 'success' });
    },
  };

  readonly instance: Client['instance'] = {
    resize: ({ height }) => {
      this.resizes.push(height);
      return this.failResize ? rejectWith(new Error('resize refused')) : Promise.resolve();
    },
    context: (): Promise<InstanceContext> => Promise.resolve({ instanceId: '1', location: this.location }),
    get: () => Promise.resolve([{ instanceId: '1', location: this.location }]),
    send: (message) => {
      this.sent.push(message);
    },
    receive: (handler) => {
      this.receivers.push(handler);
    },
    close: () => {
      this.closed += 1;
    },
  };

  readonly request: Client['request'] = {
    invokeTemplate: (name, options) => {
      this.templateCalls.push({ name, options });
      return this.nextAnswer(name)(options);
    },
    invoke: (name) => rejectWith({ status: 404, message: `no SMI function ${name} in this fake` }),
  };

  readonly db: Client['db'] = {
    set: (key, value) => {
      this.store.set(key, value);
      return Promise.resolve({ Created: true });
    },
    get: (key) => {
      if (!this.store.has(key)) return rejectWith({ status: 404, message: 'Record not found' });
      return Promise.resolve(this.store.get(key));
    },
    update: (key, action, attributes) => {
      if (!this.store.has(key)) return rejectWith({ status: 404, message: 'Record not found' });
      // Only `set` is modelled: it merges the attributes into the stored object.
      if (action === 'set') this.store.set(key, { ...(this.store.get(key) as object), ...attributes });
      return Promise.resolve({ Updated: true });
    },
    delete: (key) => {
      this.store.delete(key);
      return Promise.resolve({ Deleted: true });
    },
  };

  readonly iparams: Client['iparams'] = {
    get: (key) => {
      if (this.failIparams) return rejectWith(new Error('iparams unavailable'));
      if (key === undefined) return Promise.resolve({ ...this.params });
      return Promise.resolve({ [key]: this.params[key] });
    },
  };
}

/** The global `app` of the `{{{appclient}}}` script, resolving to `client`. */
export function fakeApp(client: Client): AppGlobal & { initializedCalls: number } {
  const app = {
    initializedCalls: 0,
    initialized: () => {
      app.initializedCalls += 1;
      return Promise.resolve(client);
    },
  };
  return app;
}

/** Freshsales refusing a write with a 400 and its messages, as the platform relays it. */
export const crmRefusal = (...crmMessages: string[]) => crmRejection(400, { errors: { code: 400, message: crmMessages } });
