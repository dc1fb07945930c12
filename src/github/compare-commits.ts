import type { ChangedFiles, PullRequestRef } from '../review/github-port.js';
import { callGitHub } from './call-github.js';
import { GitHubCallError } from './github-call-error.js';
import type { GitHubOctokit } from './github-octokit.js';
import type { PortLog } from './port-log.js';
import { toChangedFiles } from './to-changed-files.js';

/**
 * The compare API lists at most 300 changed files (https://docs.github.com/en/rest/commits/commits#compare-two-commits;
 * the list is not paginated, https://github.com/jitterbit/get-changed-files/issues/49).
 */
export const COMPARE_FILE_LIMIT = 300;

/**
 * Files changed from `base` to `head`, or null when `head` does not simply extend `base` (`diverged`, `behind`:
 * a force-push rewrote history) or GitHub does not know `base` (404): the caller then reviews everything.
 */
export async function compareCommits(octokit: GitHubOctokit, ref: PullRequestRef, base: string, head: string, log: PortLog): Promise<ChangedFiles | null> {
  let data;
  try {
    // per_page=1: the commit list is paginated but the file list always comes whole on page 1, so one commit
    // per page keeps the answer small without losing files.
    ({ data } = await callGitHub('repos.compareCommitsWithBasehead', () =>
      octokit.rest.repos.compareCommitsWithBasehead({ owner: ref.owner, repo: ref.repo, basehead: `${base}...${head}`, per_page: 1 }),
    ));
  } catch (err) {
    if (err instanceof GitHubCallError && err.status === 404) return null;
    throw err;
  }
  if (data.status !== 'ahead' && data.status !== 'identical') return null;
  return toChangedFiles(data.files ?? [], COMPARE_FILE_LIMIT, log);
}
