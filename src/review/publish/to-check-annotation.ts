import type { Finding, Severity } from '../../findings/index.js';
import { neutralizeControls } from '../../render/neutralize-controls.js';
import { truncateUtf8 } from '../../render/truncate-utf8.js';
import type { CheckAnnotation } from '../github-port.js';

/**
 * GitHub caps an annotation message at 64 KB
 * (https://docs.github.com/en/rest/checks/runs#update-a-check-run); one byte less, as the docs do not say
 * whether the bound is inclusive.
 */
export const ANNOTATION_MESSAGE_BYTES = 64 * 1024 - 1;

const LEVEL: Readonly<Record<Severity, CheckAnnotation['level']>> = {
  critical: 'failure',
  high: 'failure',
  medium: 'warning',
  low: 'notice',
  info: 'notice',
};

/**
 * A finding as a check annotation: failure for critical/high, warning for medium, notice for low/info. GitHub
 * shows annotations as plain text, so the message is plain: the explanation, the rule line, the suggestion.
 */
export function toCheckAnnotation(finding: Finding): CheckAnnotation {
  const parts = [
    finding.message.trim() || finding.title,
    `${finding.severity} · ${finding.category} · ${finding.ruleId}`,
  ];
  if (finding.suggestion !== undefined) {
    parts.push(finding.suggestion === '' ? 'Suggestion: delete these lines.' : `Suggestion:\n${finding.suggestion}`);
  }
  return {
    path: finding.path,
    startLine: finding.line,
    endLine: finding.endLine,
    level: LEVEL[finding.severity],
    title: neutralizeControls(finding.title).replace(/\s+/g, ' ').trim(),
    message: truncateUtf8(neutralizeControls(parts.join('\n\n')), ANNOTATION_MESSAGE_BYTES),
  };
}
