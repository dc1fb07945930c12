import type { PullRequestRef } from '../review/github-port.js';
import { callGitHub } from './call-github.js';
import { GitHubCallError } from './github-call-error.js';
import type { GitHubOctokit } from './github-octokit.js';

/**
 * The text of `path` at `sha` through the contents API (`ref: sha`), decoded as UTF-8; null when there is no such
 * file. Meant for small files such as `.github/argus.yml` (the contents API returns content up to 1 MB).
 */
export async function readFile(octokit: GitHubOctokit, ref: PullRequestRef, sha: string, path: string): Promise<string | null> {
  let data;
  try {
    ({ data } = await callGitHub('repos.getContent', () => octokit.rest.repos.getContent({ owner: ref.owner, repo: ref.repo, path, ref: sha })));
  } catch (err) {
    if (err instanceof GitHubCallError && err.status === 404) return null;
    throw err;
  }
  if (Array.isArray(data) || data.type !== 'file') {
    throw new GitHubCallError('repos.getContent', 200, `GitHub repos.getContent: ${path} at ${sha.slice(0, 12)} is a ${Array.isArray(data) ? 'directory' : data.type}, not a file; make it a file`);
  }
  if (data.encoding !== 'base64') {
    throw new GitHubCallError('repos.getContent', 200, `GitHub repos.getContent: ${path} at ${sha.slice(0, 12)} is ${data.size} bytes, too large for the contents API (1 MB); make it smaller`);
  }
  return Buffer.from(data.content, 'base64').toString('utf8');
}
