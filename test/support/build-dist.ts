import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
export const DIST = join(ROOT, 'dist');

/**
 * Jest global setup of the integration and end-to-end projects: build dist/ once per run,
 * exactly as `npm run build` does, so those tests never see a stale app.
 */
export default function buildDistOnce(): void {
  if (process.env.COMPANION_DIST_BUILT === '1') return;
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'tools/build/cli.ts'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  process.env.COMPANION_DIST_BUILT = '1';
}
