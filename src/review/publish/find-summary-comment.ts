import { SUMMARY_MARKER } from '../../render/markers.js';
import type { IssueCommentInfo } from '../github-port.js';

/**
 * Argus's summary comment among the conversation's comments: the newest (highest id) one written by `botLogin`
 * that starts with SUMMARY_MARKER; null when there is none. Filtering by author is what makes the summary's
 * hidden state trustworthy: anyone can paste the marker into a comment of their own. Logins compare without
 * case, as GitHub treats them.
 */
export function findSummaryComment(comments: readonly IssueCommentInfo[], botLogin: string): IssueCommentInfo | null {
  const login = botLogin.toLowerCase();
  let newest: IssueCommentInfo | null = null;
  for (const comment of comments) {
    if (comment.authorLogin.toLowerCase() !== login || !comment.body.startsWith(SUMMARY_MARKER)) continue;
    if (newest === null || comment.id > newest.id) newest = comment;
  }
  return newest;
}
