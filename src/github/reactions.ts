import type { CommentTarget, PullRequestRef } from '../review/github-port.js';
import { callGitHub } from './call-github.js';
import type { GitHubOctokit } from './github-octokit.js';

/**
 * Adds reaction `content` to a conversation comment (`reactions.createForIssueComment`) or a review comment
 * (`reactions.createForPullRequestReviewComment`). Adding one that is already there is not an error (GitHub
 * answers 200 with the existing reaction).
 */
export async function addReaction(octokit: GitHubOctokit, ref: PullRequestRef, target: CommentTarget, content: '+1' | 'eyes' | 'confused' | 'rocket'): Promise<void> {
  const params = { owner: ref.owner, repo: ref.repo, comment_id: target.id, content };
  if (target.kind === 'issue-comment') {
    await callGitHub('reactions.createForIssueComment', () => octokit.rest.reactions.createForIssueComment(params));
  } else {
    await callGitHub('reactions.createForPullRequestReviewComment', () => octokit.rest.reactions.createForPullRequestReviewComment(params));
  }
}

/**
 * Logins of everyone who reacted with `content` on the comment (all pages of `reactions.listForIssueComment` or
 * `reactions.listForPullRequestReviewComment`, filtered by GitHub). Deleted ("ghost") accounts are left out.
 */
export async function listReactionLogins(octokit: GitHubOctokit, ref: PullRequestRef, target: CommentTarget, content: '+1' | '-1'): Promise<string[]> {
  const params = { owner: ref.owner, repo: ref.repo, comment_id: target.id, content, per_page: 100 };
  const reactions =
    target.kind === 'issue-comment'
      ? await callGitHub('reactions.listForIssueComment', () => octokit.paginate(octokit.rest.reactions.listForIssueComment, params))
      : await callGitHub('reactions.listForPullRequestReviewComment', () => octokit.paginate(octokit.rest.reactions.listForPullRequestReviewComment, params));
  return reactions.flatMap((reaction) => (reaction.user ? [reaction.user.login] : []));
}
