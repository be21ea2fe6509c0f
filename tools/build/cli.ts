// `npm run build [-- --out <dir>] [--json]`: writes the FDK app to dist/ and prints what it holds
// (with --json, the build report as one JSON line, for tools that build in a child process).
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildProject, type BuildReport } from './index';

function kilobytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} kB`;
}

function printReport(report: BuildReport): void {
  console.log(`Built the app into ${report.outDir}`);
  for (const page of report.pages) {
    console.log(`  app/${page.page.padEnd(16)} ${kilobytes(page.gzipBytes).padStart(9)} gzip JS at open (${page.scripts.length} files)`);
  }
  console.log(`  server/           ${report.server.files.length} files; requires ${report.server.packages.join(', ') || 'no packages'}`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' }, json: { type: 'boolean', default: false } } });
  const root = process.cwd();
  const report = await buildProject(root, values.out === undefined ? undefined : resolve(values.out));
  if (values.json) console.log(JSON.stringify(report));
  else printReport(report);
}

main().catch((error: unknown) => {
  console.error(`Build failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
