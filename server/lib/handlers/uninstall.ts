import type { Host } from '../platform/host';
import { removeSchedules } from '../work/schedules';

/**
 * onAppUninstall (platform.md §4.1): removes the schedules install and the drain created. The
 * platform deletes the key-value store and entity records itself. It always completes: an
 * error here would block the admin from uninstalling.
 */
export async function onAppUninstall(host: Pick<Host, 'schedule' | 'renderData' | 'log'>): Promise<void> {
  try {
    const problems = await removeSchedules(host.schedule);
    if (problems.length > 0) host.log.warn(`onAppUninstall: some schedules were not removed: ${problems.join('; ')}`);
  } catch (error) {
    host.log.error(`onAppUninstall: ${error instanceof Error ? error.message : String(error)}`);
  }
  host.renderData();
}
