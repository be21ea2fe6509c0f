// The serverless entry. The platform evaluates this file as a script and reads the handlers
// from the object assigned to the free variable `exports` (platform.md §2.1), so it stays a
// literal object of functions; each hands its payload to a module in lib/handlers/ with the
// sandbox globals wrapped once (lib/platform/host.ts).
import { checkSettingsFunction } from './lib/handlers/check-settings';
import { listDeliveries, replayDelivery } from './lib/handlers/functions';
import { onAppInstall } from './lib/handlers/install';
import { handleProductEvent } from './lib/handlers/product-event';
import { handleScheduledEvent } from './lib/handlers/scheduled-event';
import { onAppUninstall } from './lib/handlers/uninstall';
import { hostFrom, type Host } from './lib/platform/host';

declare let exports: Record<string, (args: unknown) => unknown>;

exports = {
  onAppInstallHandler: function (args: unknown) {
    return onAppInstall(args, platformHost());
  },
  onAppUninstallHandler: function () {
    return onAppUninstall(platformHost());
  },
  onContactCreateHandler: function (args: unknown) {
    return handleProductEvent('onContactCreate', args, platformHost());
  },
  onContactUpdateHandler: function (args: unknown) {
    return handleProductEvent('onContactUpdate', args, platformHost());
  },
  onDealCreateHandler: function (args: unknown) {
    return handleProductEvent('onDealCreate', args, platformHost());
  },
  onDealUpdateHandler: function (args: unknown) {
    return handleProductEvent('onDealUpdate', args, platformHost());
  },
  onSalesAccountCreateHandler: function (args: unknown) {
    return handleProductEvent('onSalesAccountCreate', args, platformHost());
  },
  onSalesAccountUpdateHandler: function (args: unknown) {
    return handleProductEvent('onSalesAccountUpdate', args, platformHost());
  },
  onScheduledEventHandler: function (args: unknown) {
    return handleScheduledEvent(args, platformHost());
  },
  replayDelivery: function (args: unknown) {
    return replayDelivery(args, platformHost());
  },
  listDeliveries: function (args: unknown) {
    return listDeliveries(args, platformHost());
  },
  checkSettings: function (args: unknown) {
    return checkSettingsFunction(args, platformHost());
  },
};

/** The sandbox's globals, read here and nowhere else. */
function platformHost(): Host {
  return hostFrom({ $request, $db, $schedule, generateTargetUrl, renderData, console });
}
