// `npm run validate [-- --app <dir>]`: `fdk validate` for dist/ (or any FDK app directory).
import { parseArgs } from 'node:util';
import { formatReport } from './report';
import { isValid, validateApp } from './validate';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { app: { type: 'string', default: 'dist' } } });
  const dir = values.app ?? 'dist';
  const report = await validateApp(dir);
  console.log(`Validating the app in ${report.appDir}`);
  console.log(formatReport(report));
  process.exitCode = isValid(report) ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(`Validation could not run: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
});
