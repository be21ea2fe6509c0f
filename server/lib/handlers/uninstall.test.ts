import { testHost } from '../../testing/host';
import { CATCH_UP_NAMES, DRAIN_SCHEDULE, ensureDrainSchedule, scheduleCatchUp } from '../work/schedules';
import { onAppUninstall } from './uninstall';

describe('onAppUninstall', () => {
  it('removes the recurring drain and the catch-up drains, then completes', async () => {
    const test = testHost();
    await ensureDrainSchedule(test.host.schedule, test.clock.now());
    await scheduleCatchUp(test.host.schedule, test.clock.now());
    expect(test.scheduler.list()).toHaveLength(1 + CATCH_UP_NAMES.length);
    await onAppUninstall(test.host);
    expect(test.scheduler.list()).toEqual([]);
    expect(test.renderData).toHaveBeenCalledWith();
  });

  it('completes when there is nothing to remove (404s are fine)', async () => {
    const test = testHost();
    await onAppUninstall(test.host);
    expect(test.renderData).toHaveBeenCalledTimes(1);
    expect(test.logged()).toBe('');
  });

  it('never blocks the uninstall: a refusal is logged and renderData() still comes', async () => {
    const test = testHost();
    jest.spyOn(test.host.schedule, 'delete').mockRejectedValue({ status: 500, message: 'scheduler down' });
    await onAppUninstall(test.host);
    expect(test.renderData).toHaveBeenCalledWith();
    expect(test.logged()).toContain(`${DRAIN_SCHEDULE}: 500 scheduler down`);
  });
});
