import type { GitHubPort } from '../review/github-port.js';
import { createCheckRun, completeCheckRun } from './check-run.js';
import { compareCommits } from './compare-commits.js';
import { contentsAt, DEFAULT_CONTENT_BATCH_SIZE } from './contents-at.js';
import { createReview } from './create-review.js';
import { getPermission } from './get-permission.js';
import { getPullRequest } from './get-pull-request.js';
import type { GitHubOctokit } from './github-octokit.js';
import { createIssueComment, listIssueComments, updateIssueComment } from './issue-comments.js';
import { listPullRequestFiles } from './list-pull-request-files.js';
import { listReviewCommentBodies } from './list-review-comment-bodies.js';
import { SILENT_LOG, type PortLog } from './port-log.js';
import { addReaction, listReactionLogins } from './reactions.js';
import { readFile } from './read-file.js';
import { getReviewComment, listRepoReviewComments, listReviewComments, replyToReviewComment } from './review-comments.js';

/** Options of {@link createGitHubPort}. */
export interface GitHubPortOptions {
  /** Receives warnings about data the port worked around (an unparsable file entry); a pino logger fits. */
  log?: PortLog;
  /** Files per GraphQL request in `contentsAt(...).prefetch`; 50 by default. */
  contentBatchSize?: number;
}

/**
 * The {@link GitHubPort} on an Octokit client: Probot's `context.octokit` (which brings its throttling and retry
 * plugins) or {@link createRestOctokit}'s. Every failure is a one-line `GitHubCallError`.
 */
export function createGitHubPort(octokit: GitHubOctokit, options: GitHubPortOptions = {}): GitHubPort {
  const log = options.log ?? SILENT_LOG;
  const batchSize = options.contentBatchSize ?? DEFAULT_CONTENT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`contentBatchSize must be a whole number of files, at least 1 (got ${batchSize})`);
  }
  return {
    getPullRequest: (ref) => getPullRequest(octokit, ref),
    listPullRequestFiles: (ref) => listPullRequestFiles(octokit, ref, log),
    compareCommits: (ref, base, head) => compareCommits(octokit, ref, base, head, log),
    contentsAt: (ref, sha) => contentsAt(octokit, ref, sha, batchSize),
    readFile: (ref, sha, path) => readFile(octokit, ref, sha, path),
    listReviewCommentBodies: (ref) => listReviewCommentBodies(octokit, ref),
    listReviewComments: (ref) => listReviewComments(octokit, ref),
    getReviewComment: (ref, id) => getReviewComment(octokit, ref, id),
    listRepoReviewComments: (ref, limit) => listRepoReviewComments(octokit, ref, limit),
    replyToReviewComment: (ref, commentId, body) => replyToReviewComment(octokit, ref, commentId, body),
    addReaction: (ref, target, content) => addReaction(octokit, ref, target, content),
    listReactionLogins: (ref, target, content) => listReactionLogins(octokit, ref, target, content),
    getPermission: (ref, login) => getPermission(octokit, ref, login),
    listIssueComments: (ref) => listIssueComments(octokit, ref),
    createIssueComment: (ref, body) => createIssueComment(octokit, ref, body),
    updateIssueComment: (ref, id, body) => updateIssueComment(octokit, ref, id, body),
    createReview: (ref, review) => createReview(octokit, ref, review),
    createCheckRun: (ref, headSha) => createCheckRun(octokit, ref, headSha),
    completeCheckRun: (ref, id, outcome) => completeCheckRun(octokit, ref, id, outcome),
  };
}
