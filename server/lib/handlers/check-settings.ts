import * as z from 'zod/mini';
import { IPARAM_API_KEY, IPARAM_DOMAIN } from '../../../common/iparams';
import { callTemplate, type TemplateRequester } from '../../../common/templates';
import { describeIssues, ok, REPORT_INPUT } from '../../../common/validation';
import type { Host } from '../platform/host';
import { checkLocally, checkRemotely, publicValues, type CrmProbe, type SettingsCheck, type Values } from '../settings/check';

/**
 * Server method `checkSettings`: the settings page (config/iparams.html) calls it from its
 * `validate()` on install and on every later save, because the platform runs onAppInstall only
 * on install (platform.md §4.1, §8.2). It answers `{ok, values, errors}`: the settings as they
 * will be saved, without the secrets, or what is wrong with each. The domain and key go to
 * Freshsales in `context`: on the settings page they are not saved yet, or are being changed.
 */

export type CheckSettingsHost = Pick<Host, 'request' | 'renderData'>;

const argsSchema = z.looseObject({ settings: z.record(z.string(), z.unknown()) });

/** The calls of the check, with the domain and key being saved. */
export function contextProbe(request: TemplateRequester, values: Values): CrmProbe {
  const credentials = { domain: String(values[IPARAM_DOMAIN]), api_key: String(values[IPARAM_API_KEY]) };
  return {
    owners: () => callTemplate(request, 'checkOwners', credentials),
    fieldNames: async (entity) => {
      const settings = await callTemplate(request, 'checkFieldSettings', { ...credentials, entity });
      return settings.ok ? ok(settings.value.fields.map((field) => field.name)) : settings;
    },
  };
}

function check(settings: Values, request: TemplateRequester): Promise<SettingsCheck> {
  const local = checkLocally(settings);
  return checkRemotely(local, contextProbe(request, local.values));
}

export async function checkSettingsFunction(args: unknown, host: CheckSettingsHost): Promise<void> {
  const parsed = z.safeParse(argsSchema, args, REPORT_INPUT);
  if (!parsed.success) return host.renderData({ status: 400, message: `Invalid arguments: ${describeIssues(parsed.error.issues)}` });
  try {
    const { values, errors } = await check(parsed.data.settings, host.request);
    host.renderData(null, { ok: Object.keys(errors).length === 0, values: publicValues(values), errors });
  } catch (error) {
    host.renderData({ status: 500, message: `The settings could not be checked: ${error instanceof Error ? error.message : String(error)}` });
  }
}
