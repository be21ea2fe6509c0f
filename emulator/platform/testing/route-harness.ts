import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Router } from '../../crm/http/router';
import type { EmulatorContext, EmulatorRoute, RegisterEmulatorRoutes } from '../context';
import { dispatch, sendJson } from '../http/dispatch';

/** Serves the given route modules over real HTTP with a context the test provides. */
export async function startRouteHarness(modules: RegisterEmulatorRoutes[], context: EmulatorContext): Promise<{ url: string; close(): Promise<void> }> {
  const router = new Router<EmulatorRoute>();
  modules.forEach((register) => register(router));
  const server = createServer((request, response) => {
    void dispatch(router, context, request, response).then((handled) => {
      if (!handled) sendJson(response, 404, { message: 'not found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
