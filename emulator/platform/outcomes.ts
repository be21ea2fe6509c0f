import { RENDER_MESSAGE_MAX } from '../../common/platform/serverless';
import type { InstallOutcome } from './context';
import { PlatformError, type InvocationResult } from './types';

/**
 * What an invocation's outcome means to whoever waits for it: the installer (setup events,
 * platform.md §2.5, §4.1) or the front end (SMI, §7.8).
 */

const field = (value: unknown, name: string): unknown =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;

function messageOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  const message = field(value, 'message');
  if (message === undefined) return undefined;
  return typeof message === 'string' ? message : JSON.stringify(message);
}

function statusOf(value: unknown): number {
  const status = field(value, 'status');
  return typeof status === 'number' ? status : 500;
}

const isVeto = (error: unknown) => error !== null && error !== undefined;

/** What the waiting side hears when the handler never rendered: a timeout or its error. */
function failureOf(event: string, result: InvocationResult): string {
  return result.outcome === 'timeout' ? `${event} did not call renderData in time` : `${event} failed: ${result.error ?? 'error'}`;
}

/** Setup events: renderData() goes ahead, renderData({message}) vetoes, anything else fails. */
export function setupOutcome(event: string, result: InvocationResult): InstallOutcome {
  if (result.outcome !== 'rendered') return { ok: false, message: failureOf(event, result) };
  const error = result.rendered?.error;
  if (!isVeto(error)) return { ok: true };
  // The product shows at most 60 characters of the veto (§2.5).
  return { ok: false, message: (messageOf(error) ?? `${event} refused without a message`).slice(0, RENDER_MESSAGE_MAX) };
}

function notRendered(name: string, result: InvocationResult): PlatformError {
  if (result.outcome === 'timeout') return new PlatformError({ status: 504, message: `Timeout error while processing the request (${name})`, errorSource: 'PLATFORM' });
  return new PlatformError({ status: 500, message: `Error while executing ${name}: ${result.error ?? 'no renderData'}`, errorSource: 'APP' });
}

/** SMI: renderData(null, data) → {response: data}; renderData(error) and failures reject. */
export function smiOutcome(name: string, result: InvocationResult): { response: unknown } {
  if (result.outcome !== 'rendered') throw notRendered(name, result);
  const error = result.rendered?.error;
  if (isVeto(error)) throw new PlatformError({ status: statusOf(error), message: messageOf(error) ?? 'error', errorSource: 'APP' });
  return { response: result.rendered?.data };
}
