import { ManualClock, type Clock } from '../../clock';
import type { FaultRule } from '../faults';
import type { RegisterRoutes } from '../resources/index';
import { createAccountStore, DEMO_API_KEY } from '../seed/account';
import { startCrmServer, type CrmServer } from '../crm-server';
import type { CrmStore } from '../store';

export interface Answer {
  status: number;
  headers: Headers;
  /** Raw body text, to check int64s and exact bytes. */
  text: string;
  /** Parsed JSON, or undefined when the body is empty or not JSON. */
  body: any;
}

export interface TestCrm {
  server: CrmServer;
  store: CrmStore;
  clock: ManualClock | Clock;
  /** Calls `<apiBase><path>` with the demo API key (override with headers.Authorization). */
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer>;
  close(): Promise<void>;
}

function parse(text: string): unknown {
  try {
    return text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}

/** Starts the stand-in with the given resource modules on a free port, over real HTTP. */
export async function startTestCrm(options: {
  resources: RegisterRoutes[];
  store?: CrmStore;
  clock?: Clock;
  faults?: FaultRule[];
}): Promise<TestCrm> {
  const store = options.store ?? createAccountStore();
  const clock = options.clock ?? new ManualClock('2026-11-02T09:00:00Z');
  const server = await startCrmServer({ store, clock, resources: options.resources, faults: options.faults });
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${server.apiBase}${path}`, {
      method,
      headers: {
        Authorization: `Token token=${DEMO_API_KEY}`,
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, text, body: parse(text) };
  };
  return { server, store, clock, call, close: () => server.close() };
}
