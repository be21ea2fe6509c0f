/**
 * What `fdk validate` reports, split the way its summary box counts them (platform.md §9.1):
 * platform errors, lint errors and warnings.
 */
export type FindingKind = 'platform' | 'lint';
export type Severity = 'error' | 'warning';

export interface Finding {
  kind: FindingKind;
  severity: Severity;
  /** The FDK validator that owns the check: manifest, requests, iparam, event, lint, … */
  check: string;
  message: string;
  /** Path relative to the app directory, with forward slashes. */
  file?: string;
  line?: number;
  column?: number;
  /** For lint findings: the rule that fired. */
  ruleId?: string;
}

export const platformError = (check: string, message: string, file?: string): Finding => ({
  kind: 'platform',
  severity: 'error',
  check,
  message,
  ...(file === undefined ? {} : { file }),
});

export const platformWarning = (check: string, message: string, file?: string): Finding => ({
  kind: 'platform',
  severity: 'warning',
  check,
  message,
  ...(file === undefined ? {} : { file }),
});
