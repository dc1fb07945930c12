import type { IssueCommentInfo, PullRequestRef } from '../review/github-port.js';
import { callGitHub } from './call-github.js';
import type { GitHubOctokit } from './github-octokit.js';

/** Every comment of the pull request's conversation (all pages of `issues.listComments`). */
export async function listIssueComments(octokit: GitHubOctokit, ref: PullRequestRef): Promise<IssueCommentInfo[]> {
  const comments = await callGitHub('issues.listComments', () =>
    octokit.paginate(octokit.rest.issues.listComments, { owner: ref.owner, repo: ref.repo, issue_number: ref.number, per_page: 100 }),
  );
  // A deleted ("ghost") account leaves user null.
  return comments.map((comment) => ({ id: comment.id, body: comment.body ?? '', authorLogin: comment.user?.login ?? '' }));
}

/** Posts a comment to the pull request's conversation; returns its id. */
export async function createIssueComment(octokit: GitHubOctokit, ref: PullRequestRef, body: string): Promise<{ id: number }> {
  const { data } = await callGitHub('issues.createComment', () =>
    octokit.rest.issues.createComment({ owner: ref.owner, repo: ref.repo, issue_number: ref.number, body }),
  );
  return { id: data.id };
}

/** Replaces the body of the conversation comment `id`. */
export async function updateIssueComment(octokit: GitHubOctokit, ref: PullRequestRef, id: number, body: string): Promise<void> {
  await callGitHub('issues.updateComment', () => octokit.rest.issues.updateComment({ owner: ref.owner, repo: ref.repo, comment_id: id, body }));
}
