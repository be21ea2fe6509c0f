import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';

/** Files that stay out of the built app: local test data (platform.md §9.4–9.5). */
const NOT_SHIPPED = new Set(['iparam_test_data.json']);

/** manifest.json, config/ and README.md go into dist/ as they are. */
export function copyDefinition(root: string, outDir: string): void {
  mkdirSync(outDir, { recursive: true });
  cpSync(join(root, 'manifest.json'), join(outDir, 'manifest.json'));
  cpSync(join(root, 'config'), join(outDir, 'config'), {
    recursive: true,
    filter: (source) => !NOT_SHIPPED.has(basename(source)),
  });
  if (existsSync(join(root, 'README.md'))) cpSync(join(root, 'README.md'), join(outDir, 'README.md'));
}
