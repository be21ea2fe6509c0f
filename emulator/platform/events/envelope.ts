import type { ProductEvent } from '../../crm/feed/change-feed';
import type { InstallationIdentity } from '../types';

/**
 * The payloads the platform hands to server.js (platform.md §3.1, §4.1–4.3, §7.8). The
 * platform injects `currentHost` and all iparams, secure ones included; `account_id` is a
 * numeric string.
 */
type Envelope = Record<string, unknown>;

function base(identity: InstallationIdentity, event: string, timestamp: number, iparams: Record<string, unknown>): Envelope {
  return {
    account_id: identity.accountId,
    domain: identity.domain,
    event,
    region: identity.region,
    timestamp,
    currentHost: identity.currentHost,
    iparams,
    app_settings: {},
  };
}

/** A product event from the CRM's change feed. CRM samples carry epoch seconds with a fraction. */
export function productEnvelope(identity: InstallationIdentity, event: ProductEvent, iparams: Record<string, unknown>): Envelope {
  return {
    ...base(identity, event.name, event.timestamp, iparams),
    ...(event.version === undefined ? {} : { version: event.version }),
    data: event.data,
  };
}

/** onAppInstall, afterAppUpdate, onAppUninstall (§4.1); these samples carry milliseconds. */
export function setupEnvelope(identity: InstallationIdentity, event: string, nowMs: number, iparams: Record<string, unknown>): Envelope {
  return base(identity, event, nowMs, iparams);
}

/** onExternalEvent (§4.2): the incoming headers and the parsed body. */
export function externalEnvelope(
  identity: InstallationIdentity,
  nowMs: number,
  iparams: Record<string, unknown>,
  request: { headers: Record<string, string>; data: unknown },
): Envelope {
  return { ...base(identity, 'onExternalEvent', nowMs, iparams), headers: request.headers, data: request.data };
}

/** onScheduledEvent (§4.3): `data` as given at create/update; the schedule name is not sent. */
export function scheduledEnvelope(identity: InstallationIdentity, nowMs: number, iparams: Record<string, unknown>, data: unknown): Envelope {
  return { ...base(identity, 'onScheduledEvent', nowMs, iparams), data };
}

/**
 * An SMI call receives the front end's payload plus iparams. Whether it also gets currentHost,
 * account_id or domain is unconfirmed (§7.8); the stricter reading gives only those two.
 */
export function smiPayload(payload: unknown, iparams: Record<string, unknown>): Envelope {
  const fields = typeof payload === 'object' && payload !== null && !Array.isArray(payload) ? (payload as Envelope) : {};
  return { ...fields, iparams };
}

const ENVELOPE_FIELDS = ['account_id', 'domain', 'event', 'region', 'timestamp', 'version', 'headers', 'data', 'productContext'];

/**
 * A simulated event (/web/test, `npm run event`): test data is the envelope without `iparams`
 * and `currentHost` (platform.md §9.4), or just its `data`. What the file gives wins, the
 * platform's own values fill the rest, and `iparams` / `currentHost` are always injected.
 */
export function simulatedEnvelope(identity: InstallationIdentity, event: string, nowMs: number, iparams: Record<string, unknown>, payload: Record<string, unknown>): Envelope {
  const isEnvelope = ENVELOPE_FIELDS.some((field) => field !== 'data' && Object.hasOwn(payload, field)) || Object.hasOwn(payload, 'data');
  const given = isEnvelope ? payload : { data: payload };
  return { ...base(identity, event, nowMs, iparams), ...given, event, iparams, currentHost: identity.currentHost };
}
