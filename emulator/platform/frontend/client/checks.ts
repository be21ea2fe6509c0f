import { isRecord } from '../../../../common/guards';
/**
 * Argument checks the platform's client makes before anything leaves the page, shared with the
 * server API so a request that skips the client (or a future client) meets the same rules.
 * Each returns the error message, or undefined when the arguments are acceptable.
 */

export const isObject = isRecord;

const isContextValue = (value: unknown): boolean => typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));

const isName = (value: unknown): value is string => typeof value === 'string' && value !== '';

function contextError(context: unknown): string | undefined {
  if (context === undefined) return undefined;
  if (isObject(context) && Object.values(context).every(isContextValue)) return undefined;
  return 'invokeTemplate: options.context must be an object whose values are strings or numbers';
}

function cacheError(options: Record<string, unknown>): string | undefined {
  if (options.cache !== undefined && typeof options.cache !== 'boolean') return 'invokeTemplate: options.cache must be a boolean';
  if (options.ttl !== undefined && !(typeof options.ttl === 'number' && options.ttl > 0)) return 'invokeTemplate: options.ttl must be a positive number of milliseconds';
  return undefined;
}

function optionsError(options: unknown): string | undefined {
  if (options === undefined) return undefined;
  if (!isObject(options)) return 'invokeTemplate: options must be an object ({context, body, cache, ttl})';
  // The platform never serialises the body for the app (platform.md §5.3).
  if (options.body !== undefined && typeof options.body !== 'string') return 'invokeTemplate: options.body must be a string (JSON.stringify the body yourself)';
  return contextError(options.context) ?? cacheError(options);
}

export function templateArgumentError(name: unknown, options: unknown): string | undefined {
  if (!isName(name)) return 'invokeTemplate: the template name must be a non-empty string';
  return optionsError(options);
}

/** SMI: the server receives `{...payload, iparams}`, so the payload must be a JSON object (platform.md §7.8). */
export function invokeArgumentError(name: unknown, payload: unknown): string | undefined {
  if (!isName(name)) return 'invoke: the function name must be a non-empty string';
  if (!isObject(payload)) return 'invoke: the payload must be a JSON object';
  return undefined;
}

export function dbKeyError(method: string, key: unknown): string | undefined {
  return typeof key === 'string' ? undefined : `db.${method}: the key must be a string`;
}

/** Entity storage has one API version (platform.md §6.2). */
export function entityArgumentError(version: unknown, entity: unknown): string | undefined {
  if (version !== 'v1') return `db.entity: unsupported version ${JSON.stringify(version ?? null)}; use {version: 'v1'}`;
  if (!isName(entity)) return 'db.entity: the entity name must be a non-empty string';
  return undefined;
}

export function iparamKeyError(key: unknown): string | undefined {
  return key === undefined || typeof key === 'string' ? undefined : 'iparams.get: the key must be a string';
}
