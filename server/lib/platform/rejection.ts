/** What a platform API (`$db`, `$schedule`, entity storage) rejected with, read defensively. */
export interface Rejection {
  status?: number;
  message: string;
}

export function rejectionOf(error: unknown): Rejection {
  if (typeof error !== 'object' || error === null) return { message: String(error) };
  const { status, message } = error as { status?: unknown; message?: unknown };
  return {
    ...(typeof status === 'number' ? { status } : {}),
    message: typeof message === 'string' ? message : JSON.stringify(error),
  };
}

export const isNotFound = (error: unknown): boolean => rejectionOf(error).status === 404;

export function describeRejection(error: unknown): string {
  const { status, message } = rejectionOf(error);
  return status === undefined ? message : `${status} ${message}`;
}
