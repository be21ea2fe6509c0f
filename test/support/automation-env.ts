import { secureMeta } from '../../common/iparams';
import { ManualClock } from '../../emulator/clock';
import type { CrmServer } from '../../emulator/crm/crm-server';
import { startStandIn } from '../../emulator/crm/stand-in';
import { startEmulator, type Emulator } from '../../emulator/platform/emulator';
import type { InspectorEntry } from '../../emulator/platform/inspector/inspector';
import { DIST } from './build-dist';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver';

/**
 * The built app in the platform emulator on the seeded Freshsales stand-in, with a verifying
 * webhook receiver at hooks.example.test and a manual clock: what the automation tests and
 * the benchmark drive. The stand-in is its own server, so the platform can restart beside it.
 */
export const SECRET = `whsec_${Buffer.alloc(32, 42).toString('base64')}`;
export const HOOK_HOST = 'hooks.example.test';
export const STAGES = { qualification: 402001912039, negotiation: 402001912041, won: 402001912042, lost: 402001912043 } as const;
export const CUSTOMER = 402009647300;
export const ALL_EVENTS = ['deal.won', 'deal.lost', 'deal.created', 'deal.stage_changed', 'contact.created', 'contact.updated', 'contact.list_added', 'account.created', 'account.updated'];

export interface AutomationEnv {
  clock: ManualClock;
  crm: CrmServer;
  receiver: WebhookReceiver;
  emulator: Emulator;
  settings: Record<string, unknown>;
  /** A call to the stand-in's REST API as another integration (or the CRM's UI) makes it. */
  crmCall(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
  /** Template calls the app made, optionally of one template. */
  calls(name?: string): Array<Extract<InspectorEntry, { kind: 'template' }>>;
  /** A new emulator on the same data file and stand-in, after the old one was killed. */
  restart(): Promise<Emulator>;
  close(): Promise<void>;
}

export interface EnvOptions {
  /** A built app other than dist/ (benchmarks build their own). */
  appDir?: string;
  settings?: Record<string, unknown>;
  dataFile?: string;
  crm?: CrmServer;
  clock?: ManualClock;
  /** Off for benchmarks that count calls only. */
  limits?: boolean;
  requestTimeoutMs?: number;
  inspectorKeep?: number;
}

async function emulatorFor(crm: CrmServer, receiver: WebhookReceiver, clock: ManualClock, options: EnvOptions): Promise<Emulator> {
  return startEmulator({
    appDir: options.appDir ?? DIST,
    port: 0,
    clock,
    crm: { kind: 'stand-in', server: crm },
    hostOverrides: { [HOOK_HOST]: receiver.url },
    ...(options.dataFile === undefined ? {} : { dataFile: options.dataFile }),
    ...(options.requestTimeoutMs === undefined ? {} : { requestTimeoutMs: options.requestTimeoutMs }),
    ...(options.inspectorKeep === undefined ? {} : { inspectorKeep: options.inspectorKeep }),
  });
}

export async function startAutomationEnv(options: EnvOptions = {}): Promise<AutomationEnv> {
  const clock = options.clock ?? new ManualClock(Date.now());
  const crm = options.crm ?? (await startStandIn({ seed: 1, clock, limits: options.limits }));
  const receiver = await startWebhookReceiver(SECRET, () => clock.now());
  let emulator: Emulator;
  try {
    emulator = await emulatorFor(crm, receiver, clock, options);
  } catch (error) {
    // An app the emulator refuses: leave nothing running behind the error.
    await receiver.close();
    if (options.crm === undefined) await crm.close();
    throw error;
  }
  // As the settings page saves them: the secure settings listed in __meta (platform.md §8.2).
  const settings = { domain: crm.store.account.domain, api_key: crm.apiKey, webhook_host: HOOK_HOST, webhook_path: '/freshsales', webhook_secret: SECRET, webhook_events: ALL_EVENTS, __meta: secureMeta(), ...options.settings };
  const env: AutomationEnv = {
    clock,
    crm,
    receiver,
    get emulator() {
      return emulator;
    },
    settings,
    crmCall: async (method, path, body) => {
      const response = await fetch(`${crm.apiBase}${path}`, {
        method,
        headers: { Authorization: `Token token=${crm.apiKey}`, 'Content-Type': 'application/json', Accept: 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
    },
    calls: (name) => emulator.inspector.entries('template').filter((entry): entry is Extract<InspectorEntry, { kind: 'template' }> => entry.kind === 'template' && (name === undefined || entry.name === name)),
    restart: async () => {
      emulator = await emulatorFor(crm, receiver, clock, options);
      return emulator;
    },
    close: async () => {
      await emulator.close();
      await receiver.close();
      if (options.crm === undefined) await crm.close();
    },
  };
  return env;
}
