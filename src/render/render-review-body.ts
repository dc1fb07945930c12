import type { Finding } from '../findings/finding.js';
import { summarize } from '../review/result.js';
import { formatSeverityCounts } from './format-severity-counts.js';
import { pluralize } from './pluralize.js';

/** What the short body of a review says. */
export interface ReviewBodyInput {
  /** The findings this review comments on. */
  comments: readonly Finding[];
  /** What was reviewed, Markdown (e.g. "commits `abc1234..def5678`"). */
  scope: string;
  /** The `fail_on` threshold when the review requests changes; null for a plain comment review. */
  requestChangesAt: string | null;
}

/**
 * The body of a review: the comment counts by severity, what was reviewed, why changes are requested when they
 * are, and a pointer to the summary comment. Short, because the comments and the summary carry the detail;
 * never empty, because GitHub rejects a REQUEST_CHANGES review without a body.
 */
export function renderReviewBody({ comments, scope, requestChangesAt }: ReviewBodyInput): string {
  const counts = formatSeverityCounts(summarize(comments));
  const lines = [`**Argus**: ${pluralize(comments.length, 'new comment')}${counts === '' ? '' : ` (${counts})`} on ${scope}.`];
  if (requestChangesAt !== null) {
    lines.push(`Changes requested: a finding is at or above \`fail_on: ${requestChangesAt}\`.`);
  }
  lines.push('See the Argus summary comment for the full review.');
  return lines.join('\n\n');
}
