import type { ReportingDescriptor } from 'sarif';
import type { Severity } from '../findings/finding.js';

type Level = NonNullable<NonNullable<ReportingDescriptor['defaultConfiguration']>['level']>;

const LEVEL: Readonly<Record<Severity, Level>> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};

/** SARIF `level` for a severity: critical/high -> error, medium -> warning, low/info -> note. */
export function sarifLevel(severity: Severity): Level {
  return LEVEL[severity];
}

/**
 * GitHub's `security-severity` score for security rules (a string holding a number from 0.0 to 10.0); GitHub
 * maps > 9.0 to critical, 7.0-8.9 to high, 4.0-6.9 to medium, 0.1-3.9 to low. The values sit inside those bands.
 * https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning
 */
export const SECURITY_SEVERITY: Readonly<Record<Severity, string>> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
  info: '1.0',
};
