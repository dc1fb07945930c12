import type { PostedReview, PullRequestRef, ReviewCommentDraft } from '../review/github-port.js';
import { callGitHub } from './call-github.js';
import { GitHubCallError } from './github-call-error.js';
import type { GitHubOctokit } from './github-octokit.js';
import { probeReviewComments } from './probe-review-comments.js';
import { reviewEvent } from './review-event.js';
import { toReviewComment } from './to-review-comment.js';

/** What {@link createReview} posts. */
export interface ReviewRequest {
  commitSha: string;
  body: string;
  comments: readonly ReviewCommentDraft[];
  requestChanges: boolean;
}

/**
 * Posts ONE review (event COMMENT, or REQUEST_CHANGES when asked; never APPROVE) with all comments. When GitHub
 * refuses it (422, typically a line that is no longer in the diff), finds the refused comments with pending-review
 * probes ({@link probeReviewComments}) and posts one review with the rest; when none is accepted, the review is
 * posted with its body alone so it still exists. A happy path is 1 call.
 */
export async function createReview(octokit: GitHubOctokit, ref: PullRequestRef, review: ReviewRequest): Promise<PostedReview> {
  const event = reviewEvent(review.requestChanges);
  const post = (comments: readonly ReviewCommentDraft[]) =>
    callGitHub('pulls.createReview', () =>
      octokit.rest.pulls.createReview({
        owner: ref.owner,
        repo: ref.repo,
        pull_number: ref.number,
        commit_id: review.commitSha,
        body: review.body,
        event,
        ...(comments.length > 0 ? { comments: comments.map(toReviewComment) } : {}),
      }),
    );
  try {
    await post(review.comments);
    return { posted: [...review.comments], refused: [] };
  } catch (err) {
    if (!(err instanceof GitHubCallError) || err.status !== 422 || review.comments.length === 0) throw err;
  }
  const { accepted, refused } = await probeReviewComments(octokit, ref, review.commitSha, review.comments);
  await post(accepted);
  return { posted: accepted, refused };
}
