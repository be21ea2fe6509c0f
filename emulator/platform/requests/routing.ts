import { PlatformError } from '../types';

/**
 * Where the emulator sends a template's request. The app addresses real hosts
 * (`<bundle>.myfreshworks.com`, a customer's webhook receiver); the emulator maps them to local
 * servers so nothing leaves the machine unless asked to.
 */
export interface HostRoutingOptions {
  /**
   * Base URL for `*.myfreshworks.com` and `*.freshworks.com`: the stand-in, or any
   * Freshsales-compatible server (`--crm-url`). A base ending in `/crm/sales/api` is accepted:
   * template paths already start with it, so it is not repeated.
   */
  crmBaseUrl?: string;
  /** Send CRM hosts to the real `https://<hostname>` (live mode). */
  live?: boolean;
  /** Exact host names (e.g. `hooks.partner.example`) → local base URLs; these win over every other rule. */
  overrides?: Record<string, string>;
  /**
   * Let hosts with no route go to the internet. Off by default: an unrouted host is refused
   * with a 502 PLATFORM error, so tests stay offline and a forgotten override fails loudly.
   */
  allowInternet?: boolean;
}

export interface HostRouting {
  /** The base URL (origin plus optional path prefix, no trailing slash) to prefix the template path with. */
  resolve(hostname: string, protocol?: 'https' | 'http'): string;
}

const CRM_HOST = /\.(?:myfreshworks|freshworks)\.com$/;
const CRM_API_PREFIX = '/crm/sales/api';

function baseUrl(raw: string, what: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${what} is not a URL: ${raw}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`${what} must be an http(s) URL: ${raw}`);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

function crmBase(raw: string): string {
  const base = baseUrl(raw, 'The CRM base URL');
  return base.endsWith(CRM_API_PREFIX) ? base.slice(0, -CRM_API_PREFIX.length) : base;
}

function overridesOf(overrides: Record<string, string> = {}): Map<string, string> {
  return new Map(Object.entries(overrides).map(([host, url]) => [host.toLowerCase(), baseUrl(url, `The override for ${host}`)]));
}

function refuse(hostname: string): never {
  throw new PlatformError({
    status: 502,
    errorSource: 'PLATFORM',
    message:
      `Error in establishing connection: the emulator has no route for host '${hostname}' and does not send requests to the internet ` +
      '(map the host to a local server with a host override, or allow the internet)',
  });
}

/** Builds the routing once, validating every configured URL up front. */
export function createHostRouting(options: HostRoutingOptions = {}): HostRouting {
  const overrides = overridesOf(options.overrides);
  const crm = options.crmBaseUrl === undefined ? undefined : crmBase(options.crmBaseUrl);
  const crmTarget = (hostname: string): string | undefined => {
    if (!CRM_HOST.test(hostname)) return undefined;
    return options.live === true ? `https://${hostname}` : crm;
  };
  return {
    resolve(hostname, protocol = 'https') {
      const host = hostname.toLowerCase();
      const routed = overrides.get(host) ?? crmTarget(host);
      if (routed !== undefined) return routed;
      return options.allowInternet === true ? `${protocol}://${host}` : refuse(host);
    },
  };
}
