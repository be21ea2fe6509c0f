import type { PlatformErrorShape } from '../../types';

/** The platform rejects with plain `{status, message, …}` objects, not Errors (platform.md §5.5, §6.1). */
export function rejectWith(shape: PlatformErrorShape): Promise<never> {
  // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- platform rejections are plain objects
  return Promise.reject(shape);
}

export function badArguments(message: string): Promise<never> {
  return rejectWith({ status: 400, message });
}

export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
