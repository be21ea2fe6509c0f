import { callTemplate } from '../../../common/templates';
import type { CrmFailure, CrmFailureKind } from '../../../common/crm/failure';
import * as z from 'zod/mini';
import { IPARAM_DOMAIN, installationParamsSchema } from '../../../common/iparams';
import { appSetupPayloadSchema } from '../../../common/platform/payloads';
import type { Host } from '../platform/host';
import { readSettings } from '../settings/settings';
import { AUTOMATION_IPARAMS as P } from '../settings/iparams';
import { ensureDrainSchedule } from '../work/schedules';
import { parseWith } from '../../../common/validation';

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
  schedule: 'Could not schedule background work. Please retry.',
} as const;

/** The settings the regexes of the settings page cannot fully check, as the installer reads them. */
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

/** The first misconfigured setting, as a veto message; details go to the log. */
function settingsVeto(args: unknown, log: Host['log']): string | undefined {
  const iparams = (args as { iparams: Record<string, unknown> }).iparams;
  const { problems } = readSettings(iparams);
  if (problems.length === 0) return undefined;
  log.error(`onAppInstall: settings refused: ${problems.join('; ')}`);
  const name = problems[0]?.split(':')[0] ?? '';
  return SETTING_MESSAGES[name] ?? INSTALL_MESSAGES.badPayload;
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

async function verifyCredentials(platform: InstallHost): Promise<string | undefined> {
  const owners = await callTemplate(platform.request, 'listOwners', {});
  if (owners.ok) return undefined;
  platform.log.error(`onAppInstall: credentials check failed: ${owners.failure.detail}`);
  return vetoMessage(owners.failure);
}

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
    veto = checkInstallPayload(args) ?? settingsVeto(args, platform.log) ?? (await verifyCredentials(platform)) ?? (await scheduleDrain(platform));
  } catch (error) {
    platform.log.error(`onAppInstall: ${error instanceof Error ? error.message : String(error)}`);
    veto = INSTALL_MESSAGES.failed;
  }
  if (veto === undefined) platform.renderData();
  else platform.renderData({ message: veto });
}
