import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { listAppFiles } from './pack-files';
import type { Finding } from './findings';
import { isValid, validateApp, type ValidationReport } from './validate';

/** The marketplace asks for this much coverage on public apps (platform.md §9.3, §9.5). */
export const COVERAGE_TARGET = 80;
/** Entries carry a fixed time so the same app always packs to the same bytes. */
const FIXED_MTIME = new Date('2020-01-01T00:00:00Z');

export interface CoverageTotals {
  lines: number;
  statements: number;
  functions: number;
  branches: number;
}

export interface PackOptions {
  /** The zip's name without `.zip`; `fdk pack` uses the app directory's name. */
  name: string;
  /** Where the zip goes; defaults to `<appDir>/<name>.zip` (the FDK writes dist/<name>.zip). */
  outFile?: string;
  /** Jest's `coverage-summary.json`, if tests ran. */
  coverageSummaryFile?: string;
  skipCoverage?: boolean;
}

export type PackOutcome =
  | { ok: true; zipFile: string; entries: string[]; coverage?: CoverageTotals; notes: string[] }
  | { ok: false; reason: string; report?: ValidationReport };

function readCoverage(file: string | undefined): CoverageTotals | undefined {
  if (file === undefined || !existsSync(file)) return undefined;
  const summary = JSON.parse(readFileSync(file, 'utf8')) as { total?: Record<keyof CoverageTotals, { pct: number }> };
  if (summary.total === undefined) return undefined;
  const { lines, statements, functions, branches } = summary.total;
  return { lines: lines.pct, statements: statements.pct, functions: functions.pct, branches: branches.pct };
}

function coverageProblem(coverage: CoverageTotals | undefined, options: PackOptions): string | undefined {
  if (options.skipCoverage === true || coverage === undefined) return undefined;
  const low = Object.entries(coverage).filter(([, pct]) => pct < COVERAGE_TARGET);
  if (low.length === 0) return undefined;
  const detail = low.map(([metric, pct]) => `${metric} ${pct}%`).join(', ');
  return `Coverage is below ${COVERAGE_TARGET}% (${detail}). We recommend a coverage of 80% for apps that are to be published in the public marketplace`;
}

function lintSummary(findings: Finding[]) {
  return findings.map(({ file, line, column, ruleId, message, severity }) => ({ file, line, column, ruleId, message, severity }));
}

function reportJson(report: ValidationReport, coverage: CoverageTotals | undefined): string {
  return JSON.stringify(
    {
      lint: { errors: lintSummary(report.lintErrors), warnings: lintSummary(report.warnings.filter((w) => w.kind === 'lint')) },
      coverage: coverage ?? null,
      summary: {
        platformErrors: report.platformErrors.length,
        lintErrors: report.lintErrors.length,
        warnings: report.warnings.length,
        coverageChecked: coverage !== undefined,
      },
    },
    null,
    2,
  );
}

/** md5sum-style lines, one per packed file, so a reviewer can check the contents. */
function digest(files: Record<string, Uint8Array>): string {
  return Object.keys(files)
    .sort()
    .map((name) => `${createHash('md5').update(files[name] as Uint8Array).digest('hex')}  ${name}`)
    .join('\n');
}

function zipEntries(appDir: string, paths: string[], extra: Record<string, string>): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  for (const path of paths) files[relative(appDir, path).split(sep).join('/')] = readFileSync(path);
  for (const [name, text] of Object.entries(extra)) files[name] = new TextEncoder().encode(text);
  return files;
}

/** `fdk pack`: validate, check coverage, then zip the app the way the FDK lays it out. */
export async function packApp(appDir: string, options: PackOptions): Promise<PackOutcome> {
  const report = await validateApp(appDir);
  if (!isValid(report)) return { ok: false, reason: 'The app has validation errors', report };
  const coverage = readCoverage(options.coverageSummaryFile);
  const problem = coverageProblem(coverage, options);
  if (problem !== undefined) return { ok: false, reason: problem };
  const files = zipEntries(appDir, listAppFiles(appDir), { '.report.json': reportJson(report, coverage) });
  files['digest.md5'] = new TextEncoder().encode(digest(files));
  const zippable: Zippable = {};
  // The FDK's zips prefix every path with "./" (platform.md §9.5).
  for (const [name, data] of Object.entries(files)) zippable[`./${name}`] = [data, { mtime: FIXED_MTIME }];
  const zipFile = options.outFile ?? join(appDir, `${options.name}.zip`);
  writeFileSync(zipFile, zipSync(zippable, { level: 9 }));
  const notes = coverage === undefined && options.skipCoverage !== true ? ['No coverage data found (run npm test first); packed without the coverage check'] : [];
  return { ok: true, zipFile, entries: Object.keys(zippable).sort(), coverage, notes };
}
