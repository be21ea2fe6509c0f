import { APP_PREFIX, FRAME_PARAMS, SETTINGS_INSTALLATION, SETTINGS_PAGE_PREFIX } from '../protocol';

/** Who this iframe is, as the host put it in the page URL. */
export interface PageIdentity {
  /** From `/__fdk/app/<installationId>/…`; empty when the page is served elsewhere. */
  installationId: string;
  instanceId: string;
  location: string;
  parentId?: string;
}

function installationOf(pathname: string): string {
  const prefix = `${APP_PREFIX}/`;
  if (pathname.startsWith(prefix)) return decodeURIComponent(pathname.slice(prefix.length).split('/')[0] ?? '');
  return pathname.startsWith(SETTINGS_PAGE_PREFIX) ? SETTINGS_INSTALLATION : '';
}

export function pageIdentity(url: Pick<Location, 'pathname' | 'search'>): PageIdentity {
  const query = new URLSearchParams(url.search);
  const installationId = installationOf(url.pathname);
  const parentId = query.get(FRAME_PARAMS.parent) ?? undefined;
  return {
    installationId,
    instanceId: query.get(FRAME_PARAMS.instance) ?? '',
    location: query.get(FRAME_PARAMS.location) ?? '',
    ...(parentId === undefined ? {} : { parentId }),
  };
}
