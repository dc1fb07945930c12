import type { PullRequestRef, ReviewCommentDraft } from '../review/github-port.js';
import { callGitHub } from './call-github.js';
import { GitHubCallError } from './github-call-error.js';
import type { GitHubOctokit } from './github-octokit.js';
import { toReviewComment } from './to-review-comment.js';

/** The comments GitHub accepts and those it refuses, with its reason; both in the drafts' order. */
export interface ProbeOutcome {
  accepted: ReviewCommentDraft[];
  refused: Array<{ comment: ReviewCommentDraft; reason: string }>;
}

/** Groups this small are probed one comment at a time; larger ones are halved first (fewer calls when few fail). */
const PROBE_ONE_BY_ONE = 3;

/**
 * Finds which of `comments` GitHub refuses, given that the whole set was refused (422), without notifying anyone:
 * each probe creates a PENDING review (no `event`: invisible, no notification) holding some comments, and an
 * accepted one is deleted at once. A group known to hold a refused comment is halved; a half that passes is
 * settled in 2 calls, and when the first half passes the second is known bad and is not probed whole.
 * Calls for n comments of which k are refused: 2n - k probing one by one (n <= 3); far fewer for large n and
 * small k (20 comments, 1 refused: 9 to 14 instead of 39). docs/github-api.md has the table.
 */
export async function probeReviewComments(octokit: GitHubOctokit, ref: PullRequestRef, commitSha: string, comments: readonly ReviewCommentDraft[]): Promise<ProbeOutcome> {
  const accepted = new Set<ReviewCommentDraft>();
  const refused = new Map<ReviewCommentDraft, string>();

  /** Probes `group` unless it is known to hold a refused comment; returns true when every comment passed. */
  const sift = async (group: readonly ReviewCommentDraft[], knownBad: boolean): Promise<boolean> => {
    if (!knownBad || group.length === 1) {
      const reason = await probe(octokit, ref, commitSha, group);
      if (reason === null) {
        group.forEach((comment) => accepted.add(comment));
        return true;
      }
      if (group.length === 1) {
        refused.set(group[0]!, reason);
        return false;
      }
    }
    if (group.length <= PROBE_ONE_BY_ONE) {
      for (const comment of group) await sift([comment], false);
      return false;
    }
    const half = Math.ceil(group.length / 2);
    const firstPassed = await sift(group.slice(0, half), false);
    await sift(group.slice(half), firstPassed);
    return false;
  };

  await sift(comments, true);
  return {
    accepted: comments.filter((comment) => accepted.has(comment)),
    refused: comments.filter((comment) => refused.has(comment)).map((comment) => ({ comment, reason: refused.get(comment)! })),
  };
}

/** One pending review with `group`; null when GitHub accepted it (and the pending review was deleted), else GitHub's reason. */
async function probe(octokit: GitHubOctokit, ref: PullRequestRef, commitSha: string, group: readonly ReviewCommentDraft[]): Promise<string | null> {
  const coordinates = { owner: ref.owner, repo: ref.repo, pull_number: ref.number };
  let reviewId: number;
  try {
    ({
      data: { id: reviewId },
    } = await callGitHub('pulls.createReview', () => octokit.rest.pulls.createReview({ ...coordinates, commit_id: commitSha, comments: group.map(toReviewComment) })));
  } catch (err) {
    if (!(err instanceof GitHubCallError) || err.status !== 422) throw err;
    const reason = err.detail || err.message;
    // GitHub allows one pending review per user and pull request: a leftover one makes every probe fail.
    if (/pending review/i.test(reason)) {
      throw new GitHubCallError('pulls.createReview', 422, `GitHub pulls.createReview refused a probe: ${reason}; delete Argus's pending review on ${ref.owner}/${ref.repo}#${ref.number} (left by an interrupted run) and run again`);
    }
    return reason;
  }
  await callGitHub('pulls.deletePendingReview', () => octokit.rest.pulls.deletePendingReview({ ...coordinates, review_id: reviewId }));
  return null;
}
