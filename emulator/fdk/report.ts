import { formatLintFinding } from './lint/lint-app';
import type { Finding } from './findings';
import { isValid, type ValidationReport } from './validate';

function platformLine(finding: Finding): string {
  const mark = finding.severity === 'error' ? '✖' : '⚠';
  const where = finding.line === undefined ? '' : ` (line ${finding.line})`;
  return `${mark} ${finding.message}${where}`;
}

function box(lines: string[]): string[] {
  const width = Math.max(...lines.map((line) => line.length));
  const edge = '─'.repeat(width + 2);
  return [`┌${edge}┐`, ...lines.map((line) => `│ ${line.padEnd(width)} │`), `└${edge}┘`];
}

/** The FDK's layout: platform errors, lint errors, warnings, then the summary box. */
export function formatReport(report: ValidationReport): string {
  const out: string[] = [];
  if (report.platformErrors.length > 0) out.push('Platform errors:', ...report.platformErrors.map(platformLine), '');
  if (report.lintErrors.length > 0) out.push('Lint errors:', ...report.lintErrors.map(formatLintFinding), '');
  if (report.warnings.length > 0) {
    out.push('Please ensure that the following are addressed for quick review process');
    out.push(...report.warnings.map((w) => (w.kind === 'lint' ? formatLintFinding(w) : platformLine(w))), '');
  }
  out.push(
    ...box([
      `Total Platform Errors: ${report.platformErrors.length}`,
      `Total Lint Errors: ${report.lintErrors.length}`,
      `Total Warnings: ${report.warnings.length}`,
    ]),
  );
  out.push(isValid(report) ? '✔ Validation Successful' : '✖ Validation failed');
  return out.join('\n');
}
