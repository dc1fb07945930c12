import type { ChangedFiles, PullRequestRef } from '../review/github-port.js';
import { callGitHub } from './call-github.js';
import type { GitHubOctokit } from './github-octokit.js';
import type { PortLog } from './port-log.js';
import { toChangedFiles } from './to-changed-files.js';

/**
 * GitHub lists at most 3000 files for a pull request:
 * https://docs.github.com/en/rest/pulls/pulls#list-pull-requests-files ("Responses include a maximum of 3000 files").
 */
export const PULL_REQUEST_FILE_LIMIT = 3000;

/** Every page of `pulls.listFiles` (100 per page, the maximum), parsed. */
export async function listPullRequestFiles(octokit: GitHubOctokit, ref: PullRequestRef, log: PortLog): Promise<ChangedFiles> {
  const entries = await callGitHub('pulls.listFiles', () =>
    octokit.paginate(octokit.rest.pulls.listFiles, { owner: ref.owner, repo: ref.repo, pull_number: ref.number, per_page: 100 }),
  );
  return toChangedFiles(entries, PULL_REQUEST_FILE_LIMIT, log);
}
