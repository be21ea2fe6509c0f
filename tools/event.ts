// `npm run event -- <event> [payload.json] [--module <m>] [--url <emulator url>]`: fires one of
// the app's events in a running emulator (`npm start`) through its serverless test API
// (POST /web/test/simulate, as `fdk run`'s /web/test page does), prints the outcome, duration,
// error and the handler's log lines, and exits 0 on success, 1 otherwise. Without a payload
// file the app's server/test_data file of the event is used.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { WEBTEST_PATHS, type SimulateBody, type SimulateResponse } from '../emulator/platform/webtest/protocol';

/** Where `npm start` and `fdk run` listen (emulator.ts DEFAULT_PORT; not imported, to start fast). */
const DEFAULT_URL = 'http://localhost:10001';
/** A handler may run 20 s and wait behind queued events; a hung server must not hang the CLI. */
const TIMEOUT_MS = 120_000;
const USAGE = 'Usage: npm run event -- <event> [payload.json] [--module <module>] [--url <emulator url>]';

interface EventOptions {
  event: string;
  payloadFile?: string;
  module?: string;
  url: string;
}

/** A failure with the line to print; every one exits 1. */
class Refusal extends Error {}

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: { module: { type: 'string' }, url: { type: 'string', default: DEFAULT_URL }, help: { type: 'boolean', default: false } },
    });
  } catch (error) {
    throw new Refusal(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
}

function readOptions(argv: string[]): EventOptions {
  const { values, positionals } = parse(argv);
  const [event, payloadFile, ...rest] = positionals;
  if (values.help || event === undefined || rest.length > 0) throw new Refusal(USAGE);
  return { event, payloadFile, module: values.module, url: values.url.replace(/\/+$/, '') };
}

/** npm runs scripts from the package root; a relative payload path means the caller's directory. */
function readPayload(file: string): string {
  const path = resolve(process.env.INIT_CWD ?? process.cwd(), file);
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new Refusal(`Cannot read the payload file ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function bodyOf(options: EventOptions): SimulateBody {
  // Sent as text, so the emulator reports a syntax error in the file with its position.
  const payload = options.payloadFile === undefined ? undefined : readPayload(options.payloadFile);
  return { event: options.event, ...(options.module === undefined ? {} : { module: options.module }), ...(payload === undefined ? {} : { payload }) };
}

function causeOf(error: unknown): string {
  const cause = error instanceof Error ? (error.cause ?? error) : error;
  return cause instanceof Error ? cause.message : String(cause);
}

async function post(url: string, body: SimulateBody): Promise<Response> {
  try {
    return await fetch(`${url}${WEBTEST_PATHS.simulate}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    throw new Refusal(`No emulator answers at ${url} (${causeOf(error)}): start it with npm start, or pass --url`);
  }
}

async function answerOf(url: string, response: Response): Promise<SimulateResponse> {
  const text = await response.text();
  let answer: unknown;
  try {
    answer = JSON.parse(text) as unknown;
  } catch {
    throw new Refusal(`${url} answered ${response.status} to POST ${WEBTEST_PATHS.simulate}, not JSON: is it the platform emulator (npm start)?`);
  }
  if (!response.ok) throw new Refusal(`Not simulated (${response.status}): ${(answer as { message?: string }).message ?? text}`);
  return answer as SimulateResponse;
}

/** `source` names the payload file the caller gave; the emulator only knows it came with the request. */
function report(result: SimulateResponse, source: string): string {
  const lines = [
    `${result.event} (${result.module}) → ${result.handler ?? '?'}`,
    `${result.ok ? 'Success' : 'Failed'}: ${result.outcome} in ${result.durationMs ?? 0} ms`,
    `Payload: ${source}`,
  ];
  if (result.error !== undefined) lines.push(`Error: ${result.error}`);
  if (result.rendered !== undefined) lines.push(`renderData: ${JSON.stringify(result.rendered)}`);
  lines.push(result.logs.length === 0 ? 'Log: no lines' : 'Log:', ...result.logs.map((line) => `  [${line.level}] ${line.message}`));
  return lines.join('\n');
}

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2));
  const result = await answerOf(options.url, await post(options.url, bodyOf(options)));
  console.log(report(result, options.payloadFile ?? result.payloadSource));
  process.exitCode = result.ok ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Refusal ? error.message : `npm run event failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
