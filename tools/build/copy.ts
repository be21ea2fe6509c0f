import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';

/** Files that stay out of the built app: local test data (platform.md §9.4–9.5). */
const NOT_SHIPPED = new Set(['iparam_test_data.json']);

/** manifest.json, config/, README.md and server/test_data go into dist/ as they are. */
export function copyDefinition(root: string, outDir: string): void {
  mkdirSync(outDir, { recursive: true });
  cpSync(join(root, 'manifest.json'), join(outDir, 'manifest.json'));
  cpSync(join(root, 'config'), join(outDir, 'config'), {
    recursive: true,
    filter: (source) => !NOT_SHIPPED.has(basename(source)),
  });
  if (existsSync(join(root, 'README.md'))) cpSync(join(root, 'README.md'), join(outDir, 'README.md'));
  // The payloads /web/test fires, where `fdk run` reads them; `fdk pack` leaves them out.
  const testData = join(root, 'server', 'test_data');
  if (existsSync(testData)) cpSync(testData, join(outDir, 'server', 'test_data'), { recursive: true });
}
