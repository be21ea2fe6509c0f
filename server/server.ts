// The serverless entry. The platform evaluates this file as a script and reads the handlers
// from the object assigned to the free variable `exports` (platform.md §2.1), so it stays a
// literal object of functions that pass the sandbox globals on to the modules in lib/.
import { onAppInstall } from './lib/install';

// The directive below sits on the `declare`, which tsc erases with its comments, so it never
// reaches dist/server/server.js (whose lint knows no @typescript-eslint rules). The free
// variable is assigned once and read by the sandbox, which ESLint cannot see.
/* eslint-disable prefer-const, @typescript-eslint/no-unused-vars */
declare let exports: Record<string, (args: unknown) => unknown>;

exports = {
  onAppInstallHandler: function (args: unknown) {
    return onAppInstall(args, { request: $request, renderData, log: console });
  },
};
