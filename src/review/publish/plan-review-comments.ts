import type { Finding } from '../../findings/index.js';
import type { RenderContext } from '../../render/context.js';
import { renderLineComment } from '../../render/render-line-comment.js';
import type { ReviewCommentDraft } from '../github-port.js';

/** A line comment to post, with the finding it comes from. */
export interface PlannedComment {
  draft: ReviewCommentDraft;
  finding: Finding;
}

/**
 * The line comments for the findings not posted yet: a fingerprint already on the pull request (a re-delivery,
 * a re-run, a re-push of the same code) or seen earlier in `findings` gives no comment. At most `max` comments.
 * A multi-line finding becomes a GitHub range comment (`startLine` < `line`, the range's last line as `line`).
 */
export function planReviewComments(
  findings: readonly Finding[],
  posted: ReadonlySet<string>,
  max: number,
  ctx: RenderContext,
): PlannedComment[] {
  const seen = new Set(posted);
  const planned: PlannedComment[] = [];
  for (const finding of findings) {
    if (planned.length >= max) break;
    if (seen.has(finding.fingerprint)) continue;
    seen.add(finding.fingerprint);
    const draft: ReviewCommentDraft = {
      path: finding.path,
      line: finding.endLine,
      startLine: finding.endLine > finding.line ? finding.line : null,
      body: renderLineComment(finding, ctx),
      fingerprint: finding.fingerprint,
    };
    planned.push({ draft, finding });
  }
  return planned;
}
