/**
 * The `lint` validator of `fdk validate` (platform.md §9.1, §9.2) over a built app directory:
 * `server/**\/*.js` (without test_data) and `app/scripts/**\/*.js`, linted with ESLint's Linter
 * and the FDK 10 rule list — no config-file lookup, so the repo's own ESLint setup never leaks in.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Linter } from 'eslint';
import type { Finding } from '../findings';
import { fdkConfigFor, type FdkFileKind, type FdkLintOptions } from './fdk-rules';

export type LintAppOptions = FdkLintOptions;

/** Directories never linted: installed packages, and the FDK's local simulation payloads. */
function isSkippedDir(relative: string, name: string): boolean {
  return name === 'node_modules' || relative === 'server/test_data';
}

/** `.js` files under `dir`, as posix paths relative to `appDir`. */
async function jsFilesUnder(appDir: string, dir: string): Promise<string[]> {
  const entries = await readdir(path.join(appDir, dir), { withFileTypes: true });
  const nested = await Promise.all(
    entries.map(async (entry): Promise<string[]> => {
      const relative = `${dir}/${entry.name}`;
      if (entry.isDirectory()) return isSkippedDir(relative, entry.name) ? [] : jsFilesUnder(appDir, relative);
      return entry.isFile() && entry.name.endsWith('.js') ? [relative] : [];
    }),
  );
  return nested.flat();
}

async function filesOf(appDir: string, dir: string): Promise<string[]> {
  return existsSync(path.join(appDir, dir)) ? jsFilesUnder(appDir, dir) : [];
}

const kindOf = (file: string): FdkFileKind => (file.startsWith('server/') ? 'server' : 'app');

function verify(linter: Linter, code: string, filename: string, config: Linter.Config[]): Linter.LintMessage[] {
  return linter.verify(code, config, { filename });
}

const needsModule = (messages: Linter.LintMessage[]): boolean =>
  messages.some((m) => m.fatal === true && m.message.includes("'import' and 'export' may appear only with"));

/** App scripts are browser scripts; one that fails only on import/export is an ES module. */
function lintCode(linter: Linter, code: string, filename: string, kind: FdkFileKind, options: FdkLintOptions): Linter.LintMessage[] {
  const first = verify(linter, code, filename, fdkConfigFor(kind, options));
  if (kind === 'server' || !needsModule(first)) return first;
  return verify(linter, code, filename, fdkConfigFor(kind, options, 'module'));
}

function toFinding(file: string, message: Linter.LintMessage): Finding {
  return {
    kind: 'lint',
    severity: message.severity === 2 ? 'error' : 'warning',
    check: 'lint',
    message: message.message,
    file,
    line: message.line,
    column: message.column,
    // Parse errors come without a rule.
    ...(message.ruleId === null ? {} : { ruleId: message.ruleId }),
  };
}

async function lintFile(linter: Linter, appDir: string, file: string, options: FdkLintOptions): Promise<Finding[]> {
  const filename = path.join(appDir, ...file.split('/'));
  const code = await readFile(filename, 'utf8');
  return lintCode(linter, code, filename, kindOf(file), options).map((message) => toFinding(file, message));
}

/** Code-unit order (not locale order), so the output is the same on every machine. */
function compareText(a = '', b = ''): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

function compareFindings(a: Finding, b: Finding): number {
  return compareText(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}

/** Lint findings for the built app in `appDir`, sorted by file, line and column. */
export async function lintApp(appDir: string, options: LintAppOptions): Promise<Finding[]> {
  const root = path.resolve(appDir);
  const files = [...(await filesOf(root, 'server')), ...(await filesOf(root, 'app/scripts'))];
  const linter = new Linter({ configType: 'flat', cwd: root });
  const findings = await Promise.all(files.map((file) => lintFile(linter, root, file, options)));
  return findings.flat().sort(compareFindings);
}

/** The FDK's one-line style: `✖ server/server.js::12: Unexpected var, use let or const instead.` */
export function formatLintFinding(finding: Finding): string {
  const mark = finding.severity === 'error' ? '✖' : '⚠';
  const where = finding.file === undefined ? '' : `${finding.file}::${finding.line ?? ''}: `;
  return `${mark} ${where}${finding.message}`;
}
