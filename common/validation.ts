import * as z from 'zod/mini';

/** The outcome of anything that can fail in an expected way: callers branch, nothing throws. */
export type Result<T, F> = { ok: true; value: T } | { ok: false; failure: F };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const fail = <F>(failure: F): { ok: false; failure: F } => ({ ok: false, failure });

type Issue = z.core.$ZodIssue;

/** zod leaves `input` out of issues unless asked; `describeIssue` needs it to say what it got. */
export const REPORT_INPUT = { reportInput: true } as const;

function describeReceived(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'an array';
  return typeof input;
}

function describeIssue(issue: Issue): string {
  const where = issue.path.length > 0 ? issue.path.map(String).join('.') : 'value';
  // zod/mini leaves every message as "Invalid input"; spell out what was expected instead.
  if (issue.code === 'invalid_type') {
    const received = 'input' in issue ? describeReceived(issue.input) : 'something else';
    return `${where}: expected ${issue.expected}, got ${received}`;
  }
  if (issue.message !== 'Invalid input') return `${where}: ${issue.message}`;
  return `${where}: invalid (${issue.code})`;
}

/** One line per problem, e.g. `users.0.id: expected number, got string`. */
export function describeIssues(issues: readonly Issue[]): string {
  return issues.map(describeIssue).join('; ');
}

/** Parse `input` with `schema`; on failure say what was wrong with `what`. */
export function parseWith<S extends z.ZodMiniType>(
  schema: S,
  input: unknown,
  what: string,
): Result<z.infer<S>, string> {
  const parsed = z.safeParse(schema, input, REPORT_INPUT);
  if (parsed.success) return ok(parsed.data);
  return fail(`${what} is invalid: ${describeIssues(parsed.error.issues)}`);
}

/** JSON.parse that reports instead of throwing. */
export function parseJson(text: string): Result<unknown, string> {
  try {
    return ok(JSON.parse(text) as unknown);
  } catch (error) {
    return fail(error instanceof Error ? error.message : 'not JSON');
  }
}
