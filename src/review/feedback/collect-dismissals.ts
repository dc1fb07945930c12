import type { GitHubPort, PullRequestRef, ReviewCommentInfo } from '../github-port.js';
import { parseDismissMarker } from './dismiss-marker.js';
import { readFindingComment } from './read-finding-comment.js';

/** A finding a maintainer marked as a false positive. */
export interface Dismissal {
  fingerprint: string;
  ruleId: string;
  /** `dismiss`: an `/argus dismiss` (Argus's marker reply); `thumbs-down`: a 👎 on Argus's comment by a writer. */
  via: 'dismiss' | 'thumbs-down';
}

/** What {@link collectDismissals} reads with. */
export interface DismissalSources {
  github: GitHubPort;
  botLogin: string;
  /** Whether `login` has write, maintain or admin permission (a cached lookup: see createPermissionCache). */
  isWriter(login: string): Promise<boolean>;
}

/**
 * The dismissals among `comments` (review comments of one pull request, or of a repository), one per
 * fingerprint. Only Argus's own comments are read: its dismiss-marker replies (written only for users with
 * write permission), and its line comments with a 👎 from at least one user with write permission (who
 * reacted needs one call per comment with a 👎; a reader's 👎 does not count, so drive-by users cannot
 * silence findings).
 */
export async function dismissalsIn(comments: readonly ReviewCommentInfo[], sources: DismissalSources, ref: PullRequestRef): Promise<Dismissal[]> {
  const bot = sources.botLogin.toLowerCase();
  const found = new Map<string, Dismissal>();
  const downVoted: Array<{ comment: ReviewCommentInfo; fingerprint: string; ruleId: string }> = [];
  for (const comment of comments) {
    if (comment.authorLogin.toLowerCase() !== bot) continue;
    const marker = parseDismissMarker(comment.body);
    if (marker !== null) {
      found.set(marker.fingerprint, { ...marker, via: 'dismiss' });
      continue;
    }
    const finding = comment.reactions.minusOne > 0 ? readFindingComment(comment.body) : null;
    if (finding !== null) downVoted.push({ comment, ...finding });
  }
  for (const { comment, fingerprint, ruleId } of downVoted) {
    if (found.has(fingerprint)) continue;
    const logins = await sources.github.listReactionLogins(ref, { kind: 'review-comment', id: comment.id }, '-1');
    for (const login of logins) {
      if (await sources.isWriter(login)) {
        found.set(fingerprint, { fingerprint, ruleId, via: 'thumbs-down' });
        break;
      }
    }
  }
  return [...found.values()];
}

/** The dismissals on one pull request (all its review comments). */
export async function collectDismissals(sources: DismissalSources, ref: PullRequestRef): Promise<Dismissal[]> {
  return dismissalsIn(await sources.github.listReviewComments(ref), sources, ref);
}
