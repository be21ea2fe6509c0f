import * as z from 'zod/mini';

/** `currentHost` as injected into Platform 3.0 runtime payloads (platform.md §3.1). */
export const currentHostSchema = z.looseObject({
  subscribed_modules: z.array(z.string()),
  endpoint_urls: z.record(z.string(), z.string()),
});

/**
 * Fields every runtime payload carries (platform.md §3.1, §4.1–4.3). `account_id` is numeric
 * but always a string; `timestamp` comes in seconds with a fraction (CRM samples),
 * milliseconds, or as a string.
 */
const runtimeEnvelope = {
  account_id: z.string(),
  domain: z.string(),
  event: z.string(),
  region: z.optional(z.string()),
  timestamp: z.optional(z.union([z.number(), z.string()])),
  currentHost: z.optional(currentHostSchema),
  app_settings: z.optional(z.unknown()),
  iparams: z.record(z.string(), z.unknown()),
};

/** The envelope of app-setup events (onAppInstall, afterAppUpdate, onAppUninstall), §4.1. */
export const appSetupPayloadSchema = z.looseObject(runtimeEnvelope);

export type AppSetupPayload = z.infer<typeof appSetupPayloadSchema>;

/** A product event (onContactCreate, onDealUpdate…): `data` is parsed per entity (common/product-events). */
export const productEventPayloadSchema = z.looseObject({
  ...runtimeEnvelope,
  version: z.optional(z.string()),
  data: z.record(z.string(), z.unknown()),
});
export type ProductEventPayload = z.infer<typeof productEventPayloadSchema>;

/** onExternalEvent (§4.2): the incoming headers as received and the parsed body. */
export const externalEventPayloadSchema = z.looseObject({
  ...runtimeEnvelope,
  headers: z.record(z.string(), z.string()),
  data: z.unknown(),
});
export type ExternalEventPayload = z.infer<typeof externalEventPayloadSchema>;

/** onScheduledEvent (§4.3): `data` as given when the schedule was created; the name is not sent. */
export const scheduledEventPayloadSchema = z.looseObject({
  ...runtimeEnvelope,
  data: z.record(z.string(), z.unknown()),
});
export type ScheduledEventPayload = z.infer<typeof scheduledEventPayloadSchema>;

const SECONDS_BEFORE = 1e11;
const DATE_TEXT = /^(?:\d{4}-\d{2}-\d{2}|[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4})/;

/**
 * The event time in epoch ms: CRM samples send seconds with a fraction, others milliseconds,
 * one a string (§3.1). Undefined when it cannot be read.
 */
export function eventTimeMs(timestamp: number | string | undefined): number | undefined {
  if (typeof timestamp === 'number') return epochMs(timestamp);
  if (typeof timestamp !== 'string') return undefined;
  if (/^\d+(?:\.\d+)?$/.test(timestamp.trim())) return epochMs(Number(timestamp));
  // ISO 8601 or an HTTP date only: Date.parse also reads "-5" or "May 5" as dates.
  const parsed = DATE_TEXT.test(timestamp.trim()) ? Date.parse(timestamp) : Number.NaN;
  return Number.isNaN(parsed) ? undefined : parsed;
}

function epochMs(number: number): number | undefined {
  if (!Number.isFinite(number) || number <= 0) return undefined;
  return Math.round(number < SECONDS_BEFORE ? number * 1000 : number);
}
