import type { AppGlobal, Client } from '../../../../common/platform/client';
import { createBridge } from './bridge';
import { createClient } from './client';
import { pageIdentity } from './page';
import { serverCall } from './remote';
import { SETTINGS_INSTALLATION } from '../protocol';

/**
 * The script served in place of `{{{appclient}}}` (platform.md §7.1): defines the global
 * `app`, whose `initialized()` greets the host page once and resolves with the client.
 */
const page = pageIdentity(window.location);
const bridge = createBridge(window, page.instanceId);
let ready: Promise<Client> | undefined;

const app: AppGlobal = {
  initialized() {
    ready ??= Promise.resolve().then(() => {
      bridge.hello();
      return createClient(bridge, serverCall(page.installationId, page.instanceId), page.installationId === SETTINGS_INSTALLATION);
    });
    return ready;
  },
};

(window as unknown as { app: AppGlobal }).app = app;
