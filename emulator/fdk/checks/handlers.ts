import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { declaredFunctions, hasServerCode, modulesOf, type AppFiles, type Manifest } from '../app-files';
import { platformError, type Finding } from '../findings';
import { scanServerExports } from '../server-exports';

const FILE = 'server/server.js';

interface Binding {
  what: string;
  handler: string;
}

function bindings(manifest: Manifest): Binding[] {
  const events = modulesOf(manifest).flatMap(([module, definition]) =>
    Object.entries(definition.events ?? {}).map(([event, { handler }]) => ({
      what: `event '${event}' of module ${module}`,
      handler,
    })),
  );
  const functions = declaredFunctions(manifest).map((name) => ({ what: `function '${name}'`, handler: name }));
  return [...events, ...functions];
}

/** The event and function validators: every declared handler is an exported function. */
export function checkHandlers(app: AppFiles): Finding[] {
  if (app.manifest === undefined || !hasServerCode(app.manifest)) return [];
  const path = join(app.dir, FILE);
  if (!existsSync(path)) return [platformError('event', 'server/server.js is missing, but manifest.json declares events or functions', FILE)];
  const scan = scanServerExports(readFileSync(path, 'utf8'));
  if (!scan.ok) return [platformError('event', scan.reason, FILE)];
  return bindings(app.manifest).flatMap(({ what, handler }) => {
    if (scan.functions.includes(handler)) return [];
    const problem = scan.others.includes(handler) ? 'is exported but is not a function' : 'is not exported by server/server.js';
    return [platformError('event', `Handler '${handler}' for ${what} ${problem}`, FILE)];
  });
}
