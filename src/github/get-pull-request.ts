import type { PullRequestInfo, PullRequestRef } from '../review/github-port.js';
import { callGitHub } from './call-github.js';
import type { GitHubOctokit } from './github-octokit.js';

/** `pulls.get`, reduced to what the review needs. */
export async function getPullRequest(octokit: GitHubOctokit, ref: PullRequestRef): Promise<PullRequestInfo> {
  const { data } = await callGitHub('pulls.get', () => octokit.rest.pulls.get({ owner: ref.owner, repo: ref.repo, pull_number: ref.number }));
  return {
    ref,
    title: data.title,
    body: data.body ?? '',
    draft: data.draft ?? false,
    state: data.state === 'closed' ? 'closed' : 'open',
    author: { login: data.user.login, isBot: data.user.type === 'Bot' },
    labels: data.labels.map((label) => label.name),
    baseSha: data.base.sha,
    headSha: data.head.sha,
  };
}
