// `npm start [-- --app <dir>] [--port <p>] [--crm-url <base> [--domain <host>] [--api-key <key>]]
// [--seed <n>] [--no-install] [--data <file>] [--user-email <email>] [--profile default|real]
// [--tz <IANA zone>]`: builds the app (unless --app names another FDK app), starts the
// Freshsales stand-in (or uses the server at --crm-url) and the platform emulator, installs the
// app with demo settings and prints where to open it.
// --user-email signs in as that user of the account (the stand-in's, or with --crm-url and
// --api-key that server's, read from GET /selector/owners); by default the first active user.
// --profile and --tz go to the stand-in (npm run crm's options): `--profile real` answers as
// real accounts do, `--tz Europe/Berlin` writes timestamps in that zone.
// --data keeps the stand-in's data in <file> and the platform's (installation, store, entities,
// schedules) beside it (crm.json → crm.platform.json); a restart restores the installation.
// Live mode: FRESHSALES_DOMAIN and FRESHSALES_API_KEY in the environment send the request
// templates to that real account instead of the stand-in.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SEED_LANDMARKS } from '../emulator/crm/seed/index';
import { PROFILES, type Profile } from '../emulator/crm/store';
import { DEFAULT_PORT, startEmulator, type CrmTarget, type Emulator } from '../emulator/platform/emulator';
import { platformStateFile } from '../emulator/platform/persistence';
import { buildProject } from './build/index';

interface StartOptions {
  app?: string;
  port: number;
  crmUrl?: string;
  /** The bundle alias host and key to install with when --crm-url names another server. */
  domain?: string;
  apiKey?: string;
  seed: number;
  install: boolean;
  /** --data: the stand-in's snapshot, and the platform state beside it. */
  data?: { crm: string; platform: string };
  /** --user-email: who signs in (the first active user by default). */
  userEmail?: string;
  /** --profile and --tz, for the stand-in. */
  profile?: Profile;
  tz?: string;
}

function readProfile(value: string | undefined): Profile | undefined {
  if (value !== undefined && !PROFILES.includes(value as Profile)) throw new Error(`--profile must be one of ${PROFILES.join(', ')}`);
  return value as Profile | undefined;
}

function readOptions(): StartOptions {
  const { values } = parseArgs({
    options: {
      app: { type: 'string' },
      port: { type: 'string', default: String(DEFAULT_PORT) },
      'crm-url': { type: 'string' },
      domain: { type: 'string' },
      'api-key': { type: 'string' },
      seed: { type: 'string', default: '1' },
      'no-install': { type: 'boolean', default: false },
      data: { type: 'string' },
      'user-email': { type: 'string' },
      profile: { type: 'string' },
      tz: { type: 'string' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('--port must be a port number');
  return {
    app: values.app,
    port,
    crmUrl: values['crm-url'],
    domain: values.domain,
    apiKey: values['api-key'],
    seed: Number(values.seed),
    install: !values['no-install'],
    data: values.data === undefined ? undefined : { crm: resolve(values.data), platform: platformStateFile(resolve(values.data)) },
    userEmail: values['user-email'],
    profile: readProfile(values.profile),
    tz: values.tz,
  };
}

function liveAccount(): { domain: string; apiKey: string } | undefined {
  const domain = process.env.FRESHSALES_DOMAIN;
  const apiKey = process.env.FRESHSALES_API_KEY;
  return domain && apiKey ? { domain, apiKey } : undefined;
}

function crmTarget(options: StartOptions, live: { domain: string; apiKey: string } | undefined): CrmTarget {
  if (live !== undefined) return { kind: 'live', domain: live.domain, apiKey: live.apiKey };
  if (options.crmUrl !== undefined) return { kind: 'url', url: options.crmUrl, domain: options.domain, apiKey: options.apiKey };
  return { kind: 'stand-in', seed: options.seed, dataFile: options.data?.crm, profile: options.profile, timeZone: options.tz };
}

/** The stand-in's line of the banner: where, with which key, profile and zone. */
function standInLine(crm: NonNullable<Emulator['crm']>): string {
  const { profile, timeZone } = crm.store.account;
  return `  Freshsales stand-in  ${crm.apiBase}  (API key ${crm.apiKey}; profile ${profile}, time zone ${timeZone})`;
}

/** The account to install with: the live one, the one named for --crm-url, or none (the stand-in's). */
function account(options: StartOptions, live: { domain: string; apiKey: string } | undefined): { domain: string; apiKey: string } | undefined {
  if (live !== undefined) return live;
  return options.domain !== undefined && options.apiKey !== undefined ? { domain: options.domain, apiKey: options.apiKey } : undefined;
}

const isBlank = (value: unknown) => value === undefined || value === '';

/** The values a Freshsales app's credentials take here: the stand-in's, or the live account's. */
function knownValues(emulator: Emulator, live: { domain: string; apiKey: string } | undefined): Record<string, unknown> {
  if (live !== undefined) return { domain: live.domain, api_key: live.apiKey };
  return { domain: emulator.platform.identity().domain, api_key: emulator.crm?.apiKey };
}

/**
 * A custom settings page (config/iparams.html) keeps its fields to itself: the app gets the
 * credentials, saved as such a page saves them, with the key secure (platform.md §8.2), and
 * its own defaults for the rest.
 */
function customPageSettings(known: Record<string, unknown>): Record<string, unknown> | undefined {
  if (isBlank(known.domain) || isBlank(known.api_key)) return undefined;
  return { ...known, __meta: { secure: ['api_key'] } };
}

/** Settings that install the app on the stand-in (or the live account); other apps use the settings page. */
function demoSettings(emulator: Emulator, live: { domain: string; apiKey: string } | undefined): Record<string, unknown> | undefined {
  const fields = emulator.app.iparamFields;
  const known = knownValues(emulator, live);
  if (fields === undefined) return emulator.app.customSettingsPage ? customPageSettings(known) : undefined;
  const values = Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, known[name] ?? field.default_value]));
  const missing = Object.entries(fields).filter(([name, field]) => field.required === true && isBlank(values[name]));
  return missing.length === 0 ? values : undefined;
}

async function appDirectory(options: StartOptions): Promise<string> {
  if (options.app !== undefined) return resolve(options.app);
  console.log('Building the app into dist/ …');
  const report = await buildProject(process.cwd());
  return report.outDir;
}

async function installDemo(emulator: Emulator, live: { domain: string; apiKey: string } | undefined): Promise<string> {
  const settings = demoSettings(emulator, live);
  if (settings === undefined) return `not installed: open ${emulator.settingsUrl()} to install it`;
  const outcome = await emulator.install(settings);
  return outcome.ok ? 'installed with demo settings' : `installation refused: ${outcome.message ?? ''} (settings: ${emulator.settingsUrl()})`;
}

/** A restored installation is used as it is; otherwise the demo install, unless --no-install. */
function installation(emulator: Emulator, options: StartOptions, live: { domain: string; apiKey: string } | undefined): Promise<string> {
  if (emulator.restored) return Promise.resolve(`installation restored from ${options.data?.platform ?? 'saved state'}`);
  if (!options.install) return Promise.resolve(`not installed (--no-install): ${emulator.settingsUrl()}`);
  return installDemo(emulator, account(options, live));
}

/** Where --data keeps things; the stand-in's file is used only when the stand-in runs. */
function dataLine(emulator: Emulator, data: { crm: string; platform: string }): string {
  const crm = emulator.crm === undefined ? '' : `${data.crm} (Freshsales stand-in), `;
  return `  Data                 ${crm}${data.platform} (platform)`;
}

async function main(): Promise<void> {
  const options = readOptions();
  const live = liveAccount();
  if (options.data !== undefined) mkdirSync(dirname(options.data.crm), { recursive: true });
  const emulator = await startEmulator({
    appDir: await appDirectory(options),
    port: options.port,
    crm: crmTarget(options, live),
    dataFile: options.data?.platform,
    userEmail: options.userEmail,
  });
  const installed = await installation(emulator, options, live);
  console.log(`\nCompanion emulator is running the app in ${emulator.app.dir}: ${installed}`);
  if (emulator.crm !== undefined) console.log(standInLine(emulator.crm));
  if (live !== undefined) console.log(`  Live account         https://${live.domain}`);
  if (options.data !== undefined) console.log(dataLine(emulator, options.data));
  const user = emulator.platform.loggedInUser();
  console.log(`  Signed in as         ${String(user.display_name)} <${String(user.email)}> (user ${String(user.id)})`);
  console.log(`  Contact page         ${emulator.recordUrl('contacts', SEED_LANDMARKS.contacts.unicode.zoe)}   ← open this, then the app in the right-hand drawer`);
  console.log(`  Deals, accounts      ${emulator.recordUrl('deals')}   ${emulator.recordUrl('accounts')}`);
  console.log(`  Settings             ${emulator.settingsUrl()}`);
  console.log(`  Inspector            ${emulator.url}/__fdk/inspector`);
  const stop = () => void emulator.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`The emulator could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
