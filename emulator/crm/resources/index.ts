import type { CrmHandler } from '../context';
import type { Router } from '../http/router';

/** Each resource module adds its routes (paths below /crm/sales/api). */
export type RegisterRoutes = (router: Router<CrmHandler>) => void;

export function registerResources(router: Router<CrmHandler>, modules: RegisterRoutes[]): Router<CrmHandler> {
  modules.forEach((register) => register(router));
  return router;
}
