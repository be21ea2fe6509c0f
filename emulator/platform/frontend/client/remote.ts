import { API_PREFIX, type ApiAnswer, type ApiOperation, type ApiRequestBodies } from '../protocol';
import { isObject } from './checks';
import { describe, rejectWith } from './errors';

/**
 * What the platform owns (templates, SMI, storage, iparams) is asked of the emulator server;
 * its `{ok: false, error}` answers become the rejection the platform would give.
 */
export type ServerCall = <O extends ApiOperation>(op: O, body: Omit<ApiRequestBodies[O], 'instanceId'>) => Promise<unknown>;

const isAnswer = (value: unknown): value is ApiAnswer => isObject(value) && typeof value.ok === 'boolean';

async function readAnswer(response: Response): Promise<ApiAnswer> {
  const text = await response.text();
  try {
    const parsed: unknown = JSON.parse(text);
    if (isAnswer(parsed)) return parsed;
  } catch {
    // not JSON: reported below with the HTTP status
  }
  return { ok: false, error: { status: response.ok ? 500 : response.status, message: text || response.statusText } };
}

async function post(url: string, text: string): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: text });
  } catch (error) {
    return rejectWith({ status: 502, message: `The platform could not be reached: ${describe(error)}`, errorSource: 'PLATFORM' });
  }
  const answer = await readAnswer(response);
  return answer.ok ? answer.value : rejectWith(answer.error);
}

export function serverCall(installationId: string, instanceId: string): ServerCall {
  return (op, body) => {
    if (installationId === '') return rejectWith({ status: 404, message: 'This page does not belong to an installed app (no installation id in its URL)' });
    let text: string;
    try {
      text = JSON.stringify({ ...body, instanceId });
    } catch (error) {
      return rejectWith({ status: 400, message: `${op}: the arguments must be JSON-serialisable (${describe(error)})` });
    }
    return post(`${API_PREFIX}/${encodeURIComponent(installationId)}/${op}`, text);
  };
}
