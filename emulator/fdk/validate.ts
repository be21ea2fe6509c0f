import { resolve } from 'node:path';
import { loadAppFiles } from './app-files';
import { checkAppDirectory, checkLocations } from './checks/app-dir';
import { checkEntities } from './checks/entities';
import { checkHandlers } from './checks/handlers';
import { checkIparams } from './checks/iparams';
import { checkManifest } from './checks/manifest';
import { checkRequests } from './checks/requests';
import type { Finding } from './findings';
import { lintApp } from './lint/lint-app';

export interface ValidationReport {
  appDir: string;
  platformErrors: Finding[];
  lintErrors: Finding[];
  warnings: Finding[];
}

export const isValid = (report: ValidationReport): boolean =>
  report.platformErrors.length === 0 && report.lintErrors.length === 0;

function split(appDir: string, findings: Finding[]): ValidationReport {
  const errors = findings.filter((f) => f.severity === 'error');
  return {
    appDir,
    platformErrors: errors.filter((f) => f.kind === 'platform'),
    lintErrors: errors.filter((f) => f.kind === 'lint'),
    warnings: findings.filter((f) => f.severity === 'warning'),
  };
}

/**
 * Validates an FDK app directory the way `fdk validate` does for what this app uses
 * (platform.md §9.1–9.2). The manifest check runs first: the others read what it accepted.
 */
export async function validateApp(dir: string): Promise<ValidationReport> {
  const appDir = resolve(dir);
  const findings: Finding[] = [];
  const app = loadAppFiles(appDir, findings);
  findings.push(...checkManifest(app));
  findings.push(...checkAppDirectory(app));
  findings.push(...checkRequests(app));
  findings.push(...checkIparams(app));
  findings.push(...checkHandlers(app));
  findings.push(...checkLocations(app));
  findings.push(...checkEntities(app));
  const declaredDependencies = Object.keys(app.manifest?.dependencies ?? {});
  findings.push(...(await lintApp(appDir, { declaredDependencies })));
  return split(appDir, findings);
}
