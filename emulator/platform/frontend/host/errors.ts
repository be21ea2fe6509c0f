import { isRecord } from '../../../../common/guards';
import type { PlatformErrorShape } from '../../types';

/**
 * Rejections the host page gives the app, as `{status, message}` (the platform's front-end
 * error shape, platform.md §6.1). platform.md does not give statuses for front-end argument
 * errors: 400 is used for invalid arguments and 403 for a method the instance's location may
 * not use (events and interface methods inside modals, §7.4).
 */
export class HostError extends Error {
  constructor(readonly shape: PlatformErrorShape) {
    super(shape.message);
  }
}

export const invalid = (message: string): HostError => new HostError({ status: 400, message });

export const notHere = (message: string): HostError => new HostError({ status: 403, message });

export function shapeOf(error: unknown): PlatformErrorShape {
  if (error instanceof HostError) return error.shape;
  return { status: 500, message: error instanceof Error ? error.message : 'The host page failed to answer' };
}

const isObject = isRecord;

/** The options object of a call; `what` names the call in the message. */
export function objectArg(what: string, value: unknown): Record<string, unknown> {
  if (!isObject(value)) throw invalid(`${what}: options must be an object`);
  return value;
}

/** An optional string of at most `max` characters. */
export function optionalText(what: string, options: Record<string, unknown>, key: string, max: number): string | undefined {
  const value = options[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw invalid(`${what}: "${key}" must be a string`);
  if ([...value].length > max) throw invalid(`${what}: "${key}" must be at most ${max} characters (got ${[...value].length})`);
  return value;
}

/** A required non-blank string of at most `max` characters. */
export function requiredText(what: string, options: Record<string, unknown>, key: string, max: number): string {
  const value = optionalText(what, options, key, max);
  if (value === undefined || value.trim() === '') throw invalid(`${what}: "${key}" is required (a string of at most ${max} characters)`);
  return value;
}
