import { isRecord } from '../../../common/guards';
import type { AppEventBinding, LoadedApp } from '../types';
import { describeEvent, isSafeName } from './test-data';

/**
 * Turns a `POST /web/test/simulate` body into the event to fire and its payload, or into the
 * specific message a person (or `npm run event`) needs to fix the request.
 */

export interface Simulation {
  binding: AppEventBinding;
  payload: Record<string, unknown>;
  /** "request", or the test data file the payload was read from. */
  payloadSource: string;
}

export type Judged<T> = { ok: true; value: T } | { ok: false; status: number; message: string };

const refuse = (message: string, status = 400): { ok: false; status: number; message: string } => ({ ok: false, status, message });

function parseJson(text: string, what: string): Judged<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return refuse(`${what} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

interface Names {
  event: string;
  module?: string;
  payload: unknown;
}

function moduleOf(value: unknown): Judged<string | undefined> {
  if (value === undefined || value === '') return { ok: true, value: undefined };
  if (typeof value !== 'string') return refuse('"module" must be a string');
  // The page's group "Common" names the manifest's "common" module; manifests spell modules in lower case.
  return { ok: true, value: value.toLowerCase() };
}

function namesOf(body: unknown): Judged<Names> {
  if (!isRecord(body) || typeof body.event !== 'string' || body.event === '') return refuse('Send a JSON object {"event": "<name>", "module"?: "<module>", "payload"?: {…}}');
  const module = moduleOf(body.module);
  if (!module.ok) return module;
  if (![body.event, module.value].every((name) => name === undefined || isSafeName(name))) return refuse('Event and module names are letters, digits and underscores only');
  return { ok: true, value: { event: body.event, module: module.value, payload: body.payload } };
}

function bindingFor(app: LoadedApp, names: Names): Judged<AppEventBinding> {
  const declared = app.events.filter((binding) => binding.event === names.event);
  const matching = declared.filter((binding) => names.module === undefined || binding.module === names.module);
  const known = app.events.map((binding) => `${binding.module}/${binding.event}`).join(', ') || 'none';
  if (declared.length === 0) return refuse(`Unknown event ${names.event}: the app declares ${known}`);
  if (matching.length === 0) return refuse(`The app declares no ${names.event} in module ${names.module ?? ''}: it is in ${declared.map((binding) => binding.module).join(', ')}`);
  if (matching.length > 1) return refuse(`${names.event} is declared in ${matching.map((binding) => binding.module).join(', ')}: say which with "module"`);
  return { ok: true, value: matching[0] as AppEventBinding };
}

function fromTestData(app: LoadedApp, binding: AppEventBinding): Judged<Simulation> {
  const described = describeEvent(app, binding);
  if (described.testDataError !== undefined) return refuse(described.testDataError);
  if (described.testData === undefined) return refuse(`No test data for ${binding.module}/${binding.event}: write ${described.testDataFile} or send a payload`);
  return { ok: true, value: { binding, payload: described.testData, payloadSource: described.testDataFile } };
}

/** A pasted payload arrives as JSON text (so its syntax errors are ours to report) or as an object. */
function fromRequest(binding: AppEventBinding, payload: unknown): Judged<Simulation> {
  const parsed = typeof payload === 'string' ? parseJson(payload, 'The payload') : { ok: true as const, value: payload };
  if (!parsed.ok) return parsed;
  if (!isRecord(parsed.value)) return refuse('The payload must be a JSON object: the event envelope without iparams and currentHost, or its data');
  return { ok: true, value: { binding, payload: parsed.value, payloadSource: 'request' } };
}

/** The body of `POST /web/test/simulate`, judged against the loaded app. */
export function judgeSimulation(app: LoadedApp, bodyText: string): Judged<Simulation> {
  const body = parseJson(bodyText, 'The request body');
  if (!body.ok) return body;
  const names = namesOf(body.value);
  if (!names.ok) return names;
  const binding = bindingFor(app, names.value);
  if (!binding.ok) return binding;
  return names.value.payload === undefined ? fromTestData(app, binding.value) : fromRequest(binding.value, names.value.payload);
}
