/**
 * The error bodies Freshsales answers with (freshsales-api.md §8). Handlers throw `CrmError`;
 * the server turns it into the response, so a failed request never half-applies.
 */
export class CrmError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(`HTTP ${status}`);
  }
}

/** `{"errors": {"code": 400, "message": ["…"]}}`: message is an array of strings. */
export function errorBody(code: number, messages: string[]): { errors: { code: number; message: string[] } } {
  return { errors: { code, message: messages } };
}

export const badRequest = (...messages: string[]) => new CrmError(400, errorBody(400, messages));
export const forbidden = (message: string) => new CrmError(403, errorBody(403, [message]));
export const notFound = (what = 'Record') => new CrmError(404, errorBody(404, [`${what} not found`]));
export const payloadTooLarge = (limit: number) =>
  new CrmError(413, errorBody(413, [`Request body is larger than ${limit} bytes`]));
export const unsupportedMediaType = () =>
  new CrmError(415, errorBody(415, ['Content-Type must be application/json']));

/** A non-numeric id: the real service answers 404 with an empty body (§2, §8). */
export const emptyNotFound = () => new CrmError(404, undefined);

/** Missing or wrong API key: the JSON shape observed for unauthenticated calls (§8). */
export const unauthorized = () =>
  new CrmError(401, { login: 'failed', message: 'Incorrect or expired API key' });
