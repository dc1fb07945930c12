/** The GitHub port on Octokit (issue 5), and the CLI's Octokit client. */
export { createGitHubPort, type GitHubPortOptions } from './create-github-port.js';
export { createRestOctokit, type RestOctokit, type RestOctokitOptions } from './create-rest-octokit.js';
export { GitHubCallError } from './github-call-error.js';
export type { GitHubOctokit } from './github-octokit.js';
export type { PortLog } from './port-log.js';
export { CHECK_LIMITS, CHECK_RUN_NAME } from './check-run.js';
export { COMPARE_FILE_LIMIT } from './compare-commits.js';
export { PULL_REQUEST_FILE_LIMIT } from './list-pull-request-files.js';
export { DEFAULT_CONTENT_BATCH_SIZE, type PrefetchingContentPort } from './contents-at.js';
