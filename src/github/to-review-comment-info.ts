import type { ReviewCommentInfo } from '../review/github-port.js';

/** The fields of a GitHub review comment that {@link toReviewCommentInfo} reads (list, get and reply answers alike). */
export interface GitHubReviewComment {
  id: number;
  body: string;
  user: { login: string } | null;
  path: string;
  line?: number | null;
  in_reply_to_id?: number | null;
  reactions?: { '+1': number; '-1': number };
}

/**
 * A review comment in the port's terms. GitHub sends `line: null` for an outdated comment (its line left the
 * diff), and may leave out `reactions`; a deleted ("ghost") author leaves `user` null, read as ''.
 */
export function toReviewCommentInfo(comment: GitHubReviewComment): ReviewCommentInfo {
  return {
    id: comment.id,
    body: comment.body,
    authorLogin: comment.user?.login ?? '',
    path: comment.path,
    line: comment.line ?? null,
    inReplyToId: comment.in_reply_to_id ?? null,
    reactions: { plusOne: comment.reactions?.['+1'] ?? 0, minusOne: comment.reactions?.['-1'] ?? 0 },
  };
}
