import type { PullRequestRef, ReviewCommentInfo } from '../review/github-port.js';
import { callGitHub } from './call-github.js';
import type { GitHubOctokit } from './github-octokit.js';
import { toReviewCommentInfo } from './to-review-comment-info.js';

/** GitHub's largest page for review comment lists. */
const PAGE_SIZE = 100;

/** Every review comment of the pull request (all pages of `pulls.listReviewComments`). */
export async function listReviewComments(octokit: GitHubOctokit, ref: PullRequestRef): Promise<ReviewCommentInfo[]> {
  const comments = await callGitHub('pulls.listReviewComments', () =>
    octokit.paginate(octokit.rest.pulls.listReviewComments, { owner: ref.owner, repo: ref.repo, pull_number: ref.number, per_page: PAGE_SIZE }),
  );
  return comments.map(toReviewCommentInfo);
}

/** Review comment `id` (`pulls.getReviewComment`; review comment ids are unique in the repository). */
export async function getReviewComment(octokit: GitHubOctokit, ref: PullRequestRef, id: number): Promise<ReviewCommentInfo> {
  const { data } = await callGitHub('pulls.getReviewComment', () => octokit.rest.pulls.getReviewComment({ owner: ref.owner, repo: ref.repo, comment_id: id }));
  return toReviewCommentInfo(data);
}

/**
 * The repository's `limit` most recent review comments across pull requests, newest first
 * (`pulls.listReviewCommentsForRepo`, pages of 100). Stops asking once `limit` comments are in, so a limit of 100
 * costs one request however many comments the repository holds. `ref.number` is ignored.
 */
export async function listRepoReviewComments(octokit: GitHubOctokit, ref: PullRequestRef, limit: number): Promise<ReviewCommentInfo[]> {
  if (!Number.isInteger(limit) || limit < 0) {
    throw new RangeError(`listRepoReviewComments needs a whole number of comments, 0 or more (got ${limit}); pass how many recent comments to read`);
  }
  const found: ReviewCommentInfo[] = [];
  if (limit === 0) return found;
  await callGitHub('pulls.listReviewCommentsForRepo', async () => {
    const pages = octokit.paginate.iterator(octokit.rest.pulls.listReviewCommentsForRepo, {
      owner: ref.owner,
      repo: ref.repo,
      sort: 'created',
      direction: 'desc',
      per_page: PAGE_SIZE,
    });
    for await (const page of pages) {
      found.push(...page.data.slice(0, limit - found.length).map(toReviewCommentInfo));
      if (found.length >= limit) break;
    }
  });
  return found;
}

/**
 * Replies in the thread of review comment `commentId` (`pulls.createReplyForReviewComment`); returns the reply's
 * id. GitHub's docs want `commentId` to be the thread's first comment ("replies to replies are not supported").
 */
export async function replyToReviewComment(octokit: GitHubOctokit, ref: PullRequestRef, commentId: number, body: string): Promise<{ id: number }> {
  const { data } = await callGitHub('pulls.createReplyForReviewComment', () =>
    octokit.rest.pulls.createReplyForReviewComment({ owner: ref.owner, repo: ref.repo, pull_number: ref.number, comment_id: commentId, body }),
  );
  return { id: data.id };
}
