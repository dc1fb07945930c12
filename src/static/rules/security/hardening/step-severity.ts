import { SEVERITIES, type Severity } from '../../../../findings/finding.js';

/**
 * The severity `steps` grades below (`down`) or above (`up`) `severity`, clamped to critical..info.
 * Rules grade sub-cases relative to the severity in force, so a config override moves them together.
 */
export function stepSeverity(severity: Severity, direction: 'up' | 'down', steps = 1): Severity {
  const index = SEVERITIES.indexOf(severity) + (direction === 'down' ? steps : -steps);
  return SEVERITIES[Math.min(Math.max(index, 0), SEVERITIES.length - 1)]!;
}
