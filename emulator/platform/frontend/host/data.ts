import type { HostEnv } from './env';
import { invalid, notHere } from './errors';

/**
 * `client.data.get(name)` on Freshsales Suite (platform.md §7.2): always an object keyed by the
 * name. Modals and dialogs may use it too (§7.4). `domainName` is [U] on CRM: refused here.
 */
const DATA: Record<string, (env: HostEnv) => unknown> = {
  currentEntityInfo: (env) => {
    const entity = env.boot.entity;
    if (entity === null) throw notHere('data.get: currentEntityInfo is available only on contact, deal and sales account details pages');
    return { currentEntityInfo: { currentEntityId: entity.id, currentEntityType: entity.type } };
  },
  loggedInUser: (env) => ({ loggedInUser: env.boot.loggedInUser }),
  currentHost: (env) => ({ currentHost: env.boot.currentHost }),
};

export function dataGet(env: HostEnv, _instance: unknown, args: unknown[]): unknown {
  const name = args[0];
  if (typeof name !== 'string' || name === '') throw invalid('data.get: the data name must be a non-empty string');
  const read = Object.hasOwn(DATA, name) ? DATA[name] : undefined;
  if (read === undefined) throw invalid(`data.get: "${name}" is not available on Freshsales Suite; use ${Object.keys(DATA).join(', ')}`);
  return read(env);
}
