import type { DiffFile } from '../diff/types.js';

/**
 * True when a review comment can span new-file lines `start..end`: both ends inside ONE hunk and every line
 * in between commentable. GitHub refuses a multi-line comment whose `start_line` and `line` lie in different
 * hunks (https://docs.github.com/en/rest/pulls/comments#create-a-review-comment-for-a-pull-request).
 */
export function isCommentableRange(diff: DiffFile, start: number, end: number): boolean {
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 1 || end < start) return false;
  const hunk = diff.hunks.find((h) => h.newLines > 0 && h.newStart <= start && end <= h.newStart + h.newLines - 1);
  if (!hunk) return false;
  for (let n = start; n <= end; n++) if (!diff.commentableLines.has(n)) return false;
  return true;
}
