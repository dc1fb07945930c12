import { SEVERITIES, type Severity } from '../../findings/finding.js';

/** One grade less severe (`critical` -> `high`), never below `info`: for findings the pass is less sure of. */
export function lowerSeverity(severity: Severity): Severity {
  return SEVERITIES[Math.min(SEVERITIES.indexOf(severity) + 1, SEVERITIES.length - 1)]!;
}
