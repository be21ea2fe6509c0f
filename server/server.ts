// The serverless entry. The platform evaluates this file as a script and reads the handlers
// from the object assigned to the free variable `exports` (platform.md §2.1), so it stays a
// literal object of functions that pass the sandbox globals on to the modules in lib/.
import { onAppInstall } from './lib/install';

declare let exports: Record<string, (args: unknown) => unknown>;

exports = {
  onAppInstallHandler: function (args: unknown) {
    return onAppInstall(args, { request: $request, renderData, log: console });
  },
};
