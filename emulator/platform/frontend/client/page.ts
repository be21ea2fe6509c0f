import { APP_PREFIX, FRAME_PARAMS } from '../protocol';

/** Who this iframe is, as the host put it in the page URL. */
export interface PageIdentity {
  /** From `/__fdk/app/<installationId>/…`; empty when the page is served elsewhere. */
  installationId: string;
  instanceId: string;
  location: string;
  parentId?: string;
}

export function pageIdentity(url: Pick<Location, 'pathname' | 'search'>): PageIdentity {
  const query = new URLSearchParams(url.search);
  const prefix = `${APP_PREFIX}/`;
  const installationId = url.pathname.startsWith(prefix) ? decodeURIComponent(url.pathname.slice(prefix.length).split('/')[0] ?? '') : '';
  const parentId = query.get(FRAME_PARAMS.parent) ?? undefined;
  return {
    installationId,
    instanceId: query.get(FRAME_PARAMS.instance) ?? '',
    location: query.get(FRAME_PARAMS.location) ?? '',
    ...(parentId === undefined ? {} : { parentId }),
  };
}
