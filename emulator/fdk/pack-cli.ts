// `npm run pack [-- --app <dir>] [--skip-coverage]`: `fdk pack` for dist/, into dist/<name>.zip.
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { packApp } from './pack';
import { formatReport } from './report';

/** Our dist/ is named after the package; any other app after its directory, like the FDK. */
function appName(appDir: string): string {
  const projectManifest = join(appDir, '..', 'package.json');
  if (basename(appDir) === 'dist' && existsSync(projectManifest)) {
    const { name } = JSON.parse(readFileSync(projectManifest, 'utf8')) as { name?: string };
    if (name) return name.replace(/^@.*\//, '');
  }
  return basename(appDir);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { app: { type: 'string', default: 'dist' }, 'skip-coverage': { type: 'boolean', default: false } },
  });
  const appDir = resolve(values.app ?? 'dist');
  const outcome = await packApp(appDir, {
    name: appName(appDir),
    coverageSummaryFile: resolve('coverage/coverage-summary.json'),
    skipCoverage: values['skip-coverage'],
  });
  if (!outcome.ok) {
    if (outcome.report) console.error(formatReport(outcome.report));
    console.error(`Pack failed: ${outcome.reason}`);
    process.exitCode = 1;
    return;
  }
  outcome.notes.forEach((note) => console.log(`Note: ${note}`));
  console.log(`Packed ${outcome.entries.length} files into ${outcome.zipFile}`);
}

main().catch((error: unknown) => {
  console.error(`Pack could not run: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
});
