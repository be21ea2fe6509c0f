import { format } from 'node:util';
import type { InvocationResult } from '../types';
import type { Realm } from './realm';

export type LogLevel = InvocationResult['logs'][number]['level'];

/** One log line the way Node's console would print it: `util.format` (format strings, inspect). */
export function formatLogValues(values: readonly unknown[]): string {
  return format(...values);
}

/** A single value as it appears in a log line. */
export function formatLogValue(value: unknown): string {
  return typeof value === 'string' ? value : format('%O', value);
}

/** Method of the sandbox console → level recorded (`debug` prints like `log` in Node). */
const METHODS: Record<string, LogLevel> = { log: 'log', debug: 'log', info: 'info', warn: 'warn', error: 'error' };

/**
 * The `console` server code sees (platform.md §2.8): every call is captured for this
 * invocation only, with its level; nothing reaches the host's stdout.
 */
export function createSandboxConsole(realm: Realm, sink: (level: LogLevel, values: unknown[]) => void): Record<string, unknown> {
  const sandboxConsole = realm.object();
  for (const [method, level] of Object.entries(METHODS)) {
    sandboxConsole[method] = realm.wrap((...values: unknown[]) => sink(level, values));
  }
  return sandboxConsole;
}
