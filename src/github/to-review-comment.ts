import type { ReviewCommentDraft } from '../review/github-port.js';

/** One comment of a `pulls.createReview` request. */
export interface ReviewCommentParams {
  path: string;
  line: number;
  side: 'RIGHT';
  start_line?: number;
  start_side?: 'RIGHT';
  body: string;
}

/** A draft in GitHub's terms: RIGHT side, `start_line` only for a real range (GitHub wants it before `line`). */
export function toReviewComment(draft: ReviewCommentDraft): ReviewCommentParams {
  const range = draft.startLine !== null && draft.startLine !== draft.line ? { start_line: draft.startLine, start_side: 'RIGHT' as const } : {};
  return { path: draft.path, line: draft.line, side: 'RIGHT', ...range, body: draft.body };
}
