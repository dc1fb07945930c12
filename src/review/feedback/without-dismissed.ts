import { summarize, type ReviewResult } from '../result.js';

/** The result without the findings whose fingerprint was dismissed on this pull request (summary recounted). */
export function withoutDismissed(result: ReviewResult, dismissed: ReadonlySet<string>): ReviewResult {
  const findings = result.findings.filter((f) => !dismissed.has(f.fingerprint));
  return findings.length === result.findings.length ? result : { ...result, findings, summary: summarize(findings) };
}
