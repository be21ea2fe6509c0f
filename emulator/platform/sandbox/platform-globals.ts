import { PlatformError, type SandboxServices } from '../types';
import { intoRealm, type Realm } from './realm';

/**
 * `$request`, `$db`, `$schedule` and `generateTargetUrl` for one invocation (platform.md §2.2),
 * forwarding to the services the caller passes. Answers are copied into the sandbox realm as
 * JSON (the platform hands data over the wire too); a `PlatformError` rejects with its plain
 * `{status, message, …}` shape, which is what server code receives from the platform.
 */

type AsyncFn = (...args: unknown[]) => Promise<unknown>;

function rejectionOf(realm: Realm, error: unknown): unknown {
  if (error instanceof PlatformError) return intoRealm(realm, error.shape);
  return error instanceof Error ? error : intoRealm(realm, error);
}

/** A sandbox function calling `fn`; a synchronous throw becomes a rejection, as for any platform API. */
function forward(realm: Realm, fn: AsyncFn): AsyncFn {
  return realm.wrap((...args: unknown[]) => {
    const answer = new Promise<unknown>((resolve) => resolve(fn(...args))).then(
      (value) => intoRealm(realm, value),
      // Platform rejections are plain `{status, message}` objects, not Errors.
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      (error: unknown) => Promise.reject(rejectionOf(realm, error)),
    );
    return realm.promise(answer);
  });
}

function forwardAll(realm: Realm, target: object, methods: readonly string[]): Record<string, unknown> {
  const api = realm.object();
  const source = target as Record<string, AsyncFn>;
  for (const method of methods) api[method] = forward(realm, (...args) => (source[method] as AsyncFn).apply(target, args));
  return api;
}

const KV_METHODS = ['set', 'get', 'update', 'delete'] as const;
const SCHEDULE_METHODS = ['create', 'fetch', 'update', 'delete'] as const;
const ENTITY_METHODS = ['schema', 'create', 'get', 'update', 'delete', 'getAll'] as const;

function createDb(realm: Realm, services: SandboxServices): Record<string, unknown> {
  const db = forwardAll(realm, services.db, KV_METHODS);
  db.entity = realm.wrap((options: { version: string }) => {
    const store = services.db.entity(options);
    const entity = realm.object();
    entity.get = realm.wrap((name: string) => forwardAll(realm, store.get(name), ENTITY_METHODS));
    return entity;
  });
  return db;
}

export function createPlatformGlobals(realm: Realm, services: SandboxServices): Record<string, unknown> {
  // `$request.invoke` appears in one 2026 sample only [U]: not offered (stricter reading).
  return {
    $request: forwardAll(realm, services, ['invokeTemplate']),
    $db: createDb(realm, services),
    $schedule: forwardAll(realm, services.schedules, SCHEDULE_METHODS),
    generateTargetUrl: forward(realm, () => services.generateTargetUrl()),
  };
}
