// `npm run crm -- --port <p> [--seed <n>] [--data <file>] [--plan free|growth|pro|enterprise]
//  [--profile default|real] [--tz <IANA zone>] [--fault "<spec>"]… [--no-limits]`: the
//  Freshsales stand-in alone, until Ctrl-C.
// --profile real answers as real accounts do (freshsales-api.md §11: hidden built-in fields,
//  positions per field group, choice extras, no `users` in write answers, an inactive owner
//  first, Europe/Berlin); --tz sets the zone timestamps are written in, with daylight saving
//  (default Asia/Kolkata, +05:30 all year; Europe/Berlin for the real profile). A --data file
//  keeps its profile; --tz and --plan also apply to it.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseFaultSpec } from './faults';
import { HOURLY_LIMITS } from './rate-limit';
import { startStandIn } from './stand-in';
import { PROFILES, type Plan, type Profile } from './store';

const PLANS = Object.keys(HOURLY_LIMITS) as Plan[];

function readOptions() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4010' },
      host: { type: 'string', default: '127.0.0.1' },
      seed: { type: 'string', default: '1' },
      data: { type: 'string' },
      plan: { type: 'string' },
      profile: { type: 'string' },
      tz: { type: 'string' },
      fault: { type: 'string', multiple: true, default: [] },
      'no-limits': { type: 'boolean', default: false },
    },
  });
  return {
    ...values,
    plan: readPlan(values.plan),
    profile: readProfile(values.profile),
    port: readPort(values.port),
    seed: readSeed(values.seed),
    faults: (values.fault ?? []).map(parseFaultSpec),
  };
}

function readProfile(value: string | undefined): Profile | undefined {
  if (value !== undefined && !PROFILES.includes(value as Profile)) throw new Error(`--profile must be one of ${PROFILES.join(', ')}`);
  return value as Profile | undefined;
}

function readPlan(value: string | undefined): Plan | undefined {
  if (value !== undefined && !PLANS.includes(value as Plan)) throw new Error(`--plan must be one of ${PLANS.join(', ')}`);
  return value as Plan | undefined;
}

function readPort(value: string | undefined): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('--port must be a port number');
  return port;
}

function readSeed(value: string | undefined): number {
  const seed = Number(value);
  if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
  return seed;
}

async function main(): Promise<void> {
  const options = readOptions();
  const server = await startStandIn({
    port: options.port,
    host: options.host,
    seed: options.seed,
    dataFile: options.data === undefined ? undefined : resolve(options.data),
    plan: options.plan,
    profile: options.profile,
    timeZone: options.tz,
    faults: options.faults,
    limits: !options['no-limits'],
  });
  const { account } = server.store;
  console.log('Freshsales stand-in is running');
  console.log(`  base URL  ${server.apiBase}`);
  console.log(`  API key   ${server.apiKey}   (header  Authorization: Token token=${server.apiKey})`);
  console.log(`  account   ${account.domain}, plan ${account.plan}${options['no-limits'] ? ' (limits off)' : ''}`);
  console.log(`  profile   ${account.profile}, time zone ${account.timeZone}`);
  console.log(`  data      ${options.data === undefined ? `seed ${options.seed}, in memory` : resolve(options.data)}`);
  console.log(`  faults    ${server.url}/_crm/faults   (${options.faults.length} active)`);
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`The stand-in could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
