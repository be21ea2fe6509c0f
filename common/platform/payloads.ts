import * as z from 'zod/mini';

/** `currentHost` as injected into Platform 3.0 runtime payloads (platform.md §3.1). */
export const currentHostSchema = z.looseObject({
  subscribed_modules: z.array(z.string()),
  endpoint_urls: z.record(z.string(), z.string()),
});

/**
 * The envelope of app-setup events (onAppInstall, afterAppUpdate, onAppUninstall), §4.1.
 * `account_id` is numeric but always a string; `timestamp` comes in seconds or milliseconds.
 */
export const appSetupPayloadSchema = z.looseObject({
  account_id: z.string(),
  domain: z.string(),
  event: z.string(),
  region: z.optional(z.string()),
  timestamp: z.optional(z.union([z.number(), z.string()])),
  currentHost: z.optional(currentHostSchema),
  iparams: z.record(z.string(), z.unknown()),
});

export type AppSetupPayload = z.infer<typeof appSetupPayloadSchema>;
