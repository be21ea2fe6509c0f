import { PlatformError, type PlatformErrorShape } from '../types';
import { cloneJson } from './json';

/**
 * The services reject with PlatformError (types.ts); app code must receive a plain object,
 * so the sandbox and the front-end API turn whatever a service threw into one with this.
 */
export function toRejection(error: unknown): PlatformErrorShape {
  if (error instanceof PlatformError) return cloneJson(error.shape);
  const message = error instanceof Error ? error.message : String(error);
  return { status: 500, message: `Internal platform error: ${message}`, errorSource: 'PLATFORM' };
}

/** For `Promise.reject`, which must be given an Error. */
export function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/** What the inspector shows for a failed operation. */
export function describeFailure(error: unknown): string {
  if (error instanceof PlatformError) return `${error.shape.status} ${error.shape.message}`;
  return asError(error).message;
}

/**
 * Runs a store operation the way every platform API answers: synchronously decided, always
 * through a promise, recorded either way.
 */
export function settle<T>(action: () => T, record: (error?: unknown) => void): Promise<T> {
  try {
    const result = action();
    record();
    return Promise.resolve(result);
  } catch (error) {
    record(error);
    return Promise.reject(asError(error));
  }
}
