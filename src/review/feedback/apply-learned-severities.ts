import { SEVERITIES, isAtLeast, severityRank, type Severity } from '../../findings/finding.js';
import { summarize, type ReviewResult } from '../result.js';

/**
 * The result with each finding of a rule in `drops` lowered by its steps (never below `info`); findings that
 * fall below `minSeverity` are left out, as any finding below it is. Also returns how many were lowered,
 * for a note in the summary.
 */
export function applyLearnedSeverities(
  result: ReviewResult,
  drops: ReadonlyMap<string, number>,
  minSeverity: Severity,
): { result: ReviewResult; lowered: number } {
  if (drops.size === 0) return { result, lowered: 0 };
  let lowered = 0;
  const findings = result.findings.flatMap((f) => {
    const steps = drops.get(f.ruleId) ?? 0;
    if (steps === 0) return [f];
    const severity = SEVERITIES[Math.min(SEVERITIES.length - 1, severityRank(f.severity) + steps)]!;
    if (severity !== f.severity) lowered++;
    return isAtLeast(severity, minSeverity) ? [{ ...f, severity }] : [];
  });
  return { result: { ...result, findings, summary: summarize(findings) }, lowered };
}
