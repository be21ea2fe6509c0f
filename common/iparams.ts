import * as z from 'zod/mini';
import { fail, ok, type Result } from './validation';

/**
 * Installation parameters every part of the app relies on. The settings page
 * (config/iparams.html) saves them under these names; test/unit/app-definition.test.ts keeps
 * the page and these names in step.
 */
export const IPARAM_DOMAIN = 'domain';
export const IPARAM_API_KEY = 'api_key';
export const IPARAM_WEBHOOK_SECRET = 'webhook_secret';

/**
 * The secure parameters: stored encrypted, given to server code and to request-template
 * headers only, never to the browser. A custom settings page declares them itself in
 * `__meta.secure` (platform.md §8.2); every installation must carry this list.
 */
export const SECURE_IPARAMS = [IPARAM_API_KEY, IPARAM_WEBHOOK_SECRET] as const;

/** The `__meta` a custom settings page saves with its values (platform.md §8.2). */
export function secureMeta(): { secure: string[] } {
  return { secure: [...SECURE_IPARAMS] };
}

/**
 * A Freshsales Suite host as typed in a request template's `host`: bare FQDN, no scheme, port
 * or path (platform.md §5.1). The bundle alias is the sub-domain of myfreshworks.com
 * (freshworks.com is the alternative host, freshsales-api.md §1).
 */
export const BARE_HOST_PATTERN =
  '^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.(?:myfreshworks|freshworks)\\.com$';

const FRESHWORKS_HOST = /\.(?:myfreshworks|freshworks)\.com$/;
/** What admins paste around the host: a scheme, and a path, query or fragment after it. */
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//;
const AFTER_HOST = /[/?#].*$/;

export const DOMAIN_MESSAGES = {
  empty: 'Enter your Freshsales Suite domain, like acme.myfreshworks.com.',
  notHost: (value: string) => `"${value}" is not a Freshsales Suite host name. Enter only the host, like acme.myfreshworks.com.`,
  port: 'Leave out the port: enter only the host, like acme.myfreshworks.com.',
  notFreshworks: (host: string) =>
    `${host} is not a Freshsales Suite domain. Enter the one ending in .myfreshworks.com shown under your API key (Profile settings > API settings).`,
} as const;

/** The text between a pasted scheme and the first path, query or fragment, lower-cased. */
function hostPart(raw: string): string {
  return raw.trim().toLowerCase().replace(SCHEME, '').replace(AFTER_HOST, '');
}

/**
 * The domain as request templates need it. Spaces around it, capitals, a leading https://
 * and a trailing slash or path are what admins paste from the address bar, so they are
 * dropped; anything that is still not a Freshworks host is refused with what to type instead.
 */
export function normalizeDomain(raw: unknown): Result<string, string> {
  if (typeof raw !== 'string' || raw.trim() === '') return fail(DOMAIN_MESSAGES.empty);
  const host = hostPart(raw);
  const problem = hostProblem(host, raw.trim());
  return problem === undefined ? ok(host) : fail(problem);
}

function hostProblem(host: string, typed: string): string | undefined {
  if (/:\d*$/.test(host)) return DOMAIN_MESSAGES.port;
  if (new RegExp(BARE_HOST_PATTERN).test(host)) return undefined;
  const looksLikeHost = host !== '' && !/\s/.test(host) && !FRESHWORKS_HOST.test(host);
  return looksLikeHost ? DOMAIN_MESSAGES.notFreshworks(host) : DOMAIN_MESSAGES.notHost(typed);
}

/**
 * What onAppInstall accepts as saved: the normalised host (capitals are harmless in a host),
 * and a key. The settings page normalises before it saves; a saved value that still needs
 * it would break every request template, so it is refused, not repaired.
 */
export const installationParamsSchema = z.looseObject({
  [IPARAM_DOMAIN]: z.string().check(
    z.regex(new RegExp(BARE_HOST_PATTERN), 'must be a bare host like acme.myfreshworks.com'),
  ),
  [IPARAM_API_KEY]: z.string().check(z.trim(), z.minLength(1, 'must not be empty')),
});

export type InstallationParams = z.infer<typeof installationParamsSchema>;
