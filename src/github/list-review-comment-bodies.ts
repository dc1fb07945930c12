import type { PullRequestRef } from '../review/github-port.js';
import { callGitHub } from './call-github.js';
import type { GitHubOctokit } from './github-octokit.js';

/** The bodies of every review comment on the pull request (all pages of `pulls.listReviewComments`). */
export async function listReviewCommentBodies(octokit: GitHubOctokit, ref: PullRequestRef): Promise<string[]> {
  const comments = await callGitHub('pulls.listReviewComments', () =>
    octokit.paginate(octokit.rest.pulls.listReviewComments, { owner: ref.owner, repo: ref.repo, pull_number: ref.number, per_page: 100 }),
  );
  return comments.map((comment) => comment.body);
}
