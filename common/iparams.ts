import * as z from 'zod/mini';

/**
 * Installation parameters every part of the app relies on. `config/iparams.json` declares the
 * same names and pattern (a unit test keeps the two in step).
 */
export const IPARAM_DOMAIN = 'domain';
export const IPARAM_API_KEY = 'api_key';

/**
 * A Freshsales Suite host as typed in a request template's `host`: bare FQDN, no scheme, port
 * or path (platform.md §5.1). The bundle alias is the sub-domain of myfreshworks.com
 * (freshworks.com is the alternative host, freshsales-api.md §1).
 */
export const BARE_HOST_PATTERN =
  '^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.(?:myfreshworks|freshworks)\\.com$';

export const installationParamsSchema = z.looseObject({
  [IPARAM_DOMAIN]: z.string().check(
    z.regex(new RegExp(BARE_HOST_PATTERN), 'must be a bare host like acme.myfreshworks.com'),
  ),
  [IPARAM_API_KEY]: z.string().check(z.trim(), z.minLength(1, 'must not be empty')),
});

export type InstallationParams = z.infer<typeof installationParamsSchema>;
