/** A plain JSON-like object (not null, not an array). No dependencies: browser scripts bundle it. */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
