import * as z from 'zod/mini';
import type { CrmFailure, CrmFailureKind } from '../../../common/crm/failure';
import { IPARAM_DOMAIN, installationParamsSchema } from '../../../common/iparams';
import type { EntityType } from '../../../common/platform/client';
import { appSetupPayloadSchema } from '../../../common/platform/payloads';
import { RENDER_MESSAGE_MAX } from '../../../common/platform/serverless';
import { CUSTOM_FIELDS_IPARAM, ENTITY_WORDS, SECTIONS_IPARAM } from '../../../common/sidebar-settings';
import { callTemplate } from '../../../common/templates';
import { ok, parseWith } from '../../../common/validation';
import type { Host } from '../platform/host';
import { checkLocally, checkRemotely, SETTING_NAMES, type CrmProbe, type SettingsCheck } from '../settings/check';
import { AUTOMATION_IPARAMS as P } from '../settings/iparams';
import { ensureDrainSchedule } from '../work/schedules';

/**
 * What the installer reads when we refuse to install. The platform shows at most 60
 * characters (platform.md §4.1); a unit test holds every message to that.
 */
export const INSTALL_MESSAGES = {
  badPayload: 'Installation data is incomplete. Please try again.',
  badDomain: 'Enter the domain as acme.myfreshworks.com, no https://',
  missingKey: 'Enter your Freshsales API key.',
  unauthorized: 'Freshsales rejected the API key. Check it and retry.',
  forbidden: "The API key's user may not read users in Freshsales.",
  notFound: 'No Freshsales account at this domain. Check the domain.',
  rateLimited: 'Freshsales is busy (rate limit). Retry in a minute.',
  unreachable: 'Could not reach Freshsales. Check the domain and retry.',
  unexpected: 'Freshsales gave an unexpected answer. Check the domain.',
  failed: 'Could not check the credentials. Please retry.',
  fieldsUnread: 'Could not read the custom fields. Please retry.',
  schedule: 'Could not schedule background work. Please retry.',
} as const;

/** Each automation setting's problem, as the installer reads it (the settings page says more). */
export const SETTING_MESSAGES: Record<string, string> = {
  [P.dealWonTasks]: 'Deal won tasks: write "Title | days; Title | days".',
  [P.dealLostTask]: 'Deal lost task: write "Title | days".',
  [P.phoneCountry]: 'Phone country: a two-letter code such as US.',
  [P.webhookHost]: 'Webhook host: a host name only, like hooks.example.com',
  [P.webhookPath]: 'Webhook path must start with /.',
  [P.webhookSecret]: 'Webhook secret: whsec_ and 32+ Base64 characters.',
  [P.webhookEvents]: 'Webhook events: choose among the listed events.',
  [P.webhookMaxAttempts]: 'Webhook attempts: a whole number from 1 to 20.',
};

const ENTITIES: EntityType[] = ['contact', 'deal', 'sales_account'];
const capitalised = (word: string): string => `${word.charAt(0).toUpperCase()}${word.slice(1)}`;

/** Short forms of the sidebar lists' problems, for the 60 characters the installer sees. */
const SIDEBAR_MESSAGES: Record<string, string> = Object.fromEntries(
  ENTITIES.flatMap((entity) => [
    [SECTIONS_IPARAM[entity], `${capitalised(ENTITY_WORDS[entity])} sidebar sections: at least one known section.`],
    [CUSTOM_FIELDS_IPARAM[entity], `${capitalised(ENTITY_WORDS[entity])} custom fields: all, none or cf_ names.`],
  ]),
);

const clip = (text: string): string => (text.length <= RENDER_MESSAGE_MAX ? text : `${text.slice(0, RENDER_MESSAGE_MAX - 1)}…`);

/** A setting wrong on its own, as the installer reads it. */
function settingMessage(name: string): string {
  return SETTING_MESSAGES[name] ?? SIDEBAR_MESSAGES[name] ?? INSTALL_MESSAGES.badPayload;
}

/** The first problem the check found, as the installer reads it. */
function vetoFor(check: SettingsCheck, afterCalls: boolean): string {
  if (check.credentialsFailure !== undefined) return vetoMessage(check.credentialsFailure);
  const name = SETTING_NAMES.find((setting) => check.errors[setting] !== undefined) ?? '';
  const unknown = check.unknownFields?.[name];
  if (unknown !== undefined) return clip(`Unknown custom field: ${unknown.join(', ')}`);
  // After the calls, what is left is a field list that could not be read.
  return afterCalls ? INSTALL_MESSAGES.fieldsUnread : settingMessage(name);
}

/** Every problem for developers: the calls' details, else what the settings page would say. */
function logProblems(check: SettingsCheck, log: Host['log']): void {
  const lines = check.details.length > 0 ? check.details : Object.entries(check.errors).map(([name, message]) => `${name}: ${message}`);
  log.error(`onAppInstall: ${lines.join('; ')}`);
}

/** The calls of the check, through the templates the app uses, with the saved iparams. */
function installedProbe(request: InstallHost['request']): CrmProbe {
  return {
    owners: () => callTemplate(request, 'listOwners', {}),
    fieldNames: async (entity) => {
      const settings = await callTemplate(request, 'getFieldSettings', { entity });
      return settings.ok ? ok(settings.value.fields.map((field) => field.name)) : settings;
    },
  };
}

/** The settings on their own (no call when they are wrong), then the credentials and field names. */
async function settingsVeto(args: unknown, platform: InstallHost): Promise<string | undefined> {
  const iparams = (args as { iparams: Record<string, unknown> }).iparams;
  const local = checkLocally(iparams);
  const afterCalls = Object.keys(local.errors).length === 0;
  const check = afterCalls ? await checkRemotely(local, installedProbe(platform.request)) : local;
  if (Object.keys(check.errors).length === 0) return undefined;
  logProblems(check, platform.log);
  return vetoFor(check, afterCalls);
}

const MESSAGE_BY_KIND: Record<CrmFailureKind, string> = {
  unauthorized: INSTALL_MESSAGES.unauthorized,
  forbidden: INSTALL_MESSAGES.forbidden,
  not_found: INSTALL_MESSAGES.notFound,
  rate_limited: INSTALL_MESSAGES.rateLimited,
  unreachable: INSTALL_MESSAGES.unreachable,
  timeout: INSTALL_MESSAGES.unreachable,
  server_error: INSTALL_MESSAGES.failed,
  platform: INSTALL_MESSAGES.failed,
  invalid: INSTALL_MESSAGES.failed,
  bad_response: INSTALL_MESSAGES.unexpected,
};

export function vetoMessage(failure: CrmFailure): string {
  return MESSAGE_BY_KIND[failure.kind];
}

/** Checks the submitted iparams before any call; returns the veto message, if any. */
export function checkInstallPayload(args: unknown): string | undefined {
  const envelope = parseWith(appSetupPayloadSchema, args, 'onAppInstall payload');
  if (!envelope.ok) return INSTALL_MESSAGES.badPayload;
  const params = z.safeParse(installationParamsSchema, envelope.value.iparams);
  if (params.success) return undefined;
  const domainIsWrong = params.error.issues.some((issue) => issue.path[0] === IPARAM_DOMAIN);
  return domainIsWrong ? INSTALL_MESSAGES.badDomain : INSTALL_MESSAGES.missingKey;
}

export type InstallHost = Pick<Host, 'request' | 'renderData' | 'log' | 'schedule' | 'now'>;

async function scheduleDrain(platform: InstallHost): Promise<string | undefined> {
  const problem = await ensureDrainSchedule(platform.schedule, platform.now());
  if (problem === undefined) return undefined;
  platform.log.error(`onAppInstall: could not create the drain schedule: ${problem}`);
  return INSTALL_MESSAGES.schedule;
}

/**
 * `onAppInstall`: refuse the installation unless the settings hold together, one real call
 * with the submitted domain and key succeeds, and the recurring drain is scheduled.
 * `renderData` is called exactly once on every path, or the platform would time the
 * installation out.
 */
export async function onAppInstall(args: unknown, platform: InstallHost): Promise<void> {
  let veto: string | undefined;
  try {
    veto = checkInstallPayload(args) ?? (await settingsVeto(args, platform)) ?? (await scheduleDrain(platform));
  } catch (error) {
    platform.log.error(`onAppInstall: ${error instanceof Error ? error.message : String(error)}`);
    veto = INSTALL_MESSAGES.failed;
  }
  if (veto === undefined) platform.renderData();
  else platform.renderData({ message: veto });
}
