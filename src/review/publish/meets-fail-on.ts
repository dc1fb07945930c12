import type { SeverityOrOff } from '../../config/index.js';
import { isAtLeast, SEVERITIES } from '../../findings/index.js';
import type { SeveritySummary } from '../result.js';

/** True when `summary` counts a finding at or above `failOn`; `'off'` never is. */
export function meetsFailOn(summary: SeveritySummary, failOn: SeverityOrOff): boolean {
  if (failOn === 'off') return false;
  return SEVERITIES.some((severity) => summary[severity] > 0 && isAtLeast(severity, failOn));
}
