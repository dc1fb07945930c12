import type { Finding } from '../findings/finding.js';
import type { ReviewCommentDraft } from '../review/github-port.js';
import { codeSpan } from './code-span.js';
import { escapeMarkdown } from './escape-markdown.js';
import { formatLocation } from './format-location.js';
import { SEVERITY_EMOJI } from './severity-emoji.js';

/** A line comment GitHub refused, with the finding behind it (null if the caller could not match it). */
export interface UnanchoredFinding {
  comment: ReviewCommentDraft;
  finding: Finding | null;
  /** GitHub's one-line reason. */
  reason: string;
}

/** Heading of the section; also what tests and readers search for. */
export const UNANCHORED_HEADING = '### Findings not anchored in the diff';

/**
 * The summary section for line comments GitHub refused (usually a line no longer in the diff after a push):
 * one item per comment with severity, location, title and GitHub's reason, so the finding is still seen.
 * '' when there are none.
 */
export function renderUnanchoredFindings(items: readonly UnanchoredFinding[]): string {
  if (items.length === 0) return '';
  const lines = items.map(({ comment, finding, reason }) => {
    const start = comment.startLine ?? comment.line;
    const where = codeSpan(formatLocation({ path: comment.path, line: Math.min(start, comment.line), endLine: comment.line }));
    const why = escapeMarkdown(reason, { inline: true });
    if (finding === null) return `- ${where}: ${why}`;
    const what = `${SEVERITY_EMOJI[finding.severity]} **${finding.severity}** ${escapeMarkdown(finding.title, { inline: true })}`;
    return `- ${what} at ${where} (${codeSpan(finding.ruleId)}): ${why}`;
  });
  return [
    UNANCHORED_HEADING,
    'GitHub refused these line comments, so they are listed here instead:',
    lines.join('\n'),
  ].join('\n\n');
}
