import type { GitHubPort } from '../review/github-port.js';

/** A write the dry run did not make. */
export interface SkippedWrite {
  call: 'createReview' | 'createIssueComment' | 'updateIssueComment' | 'createCheckRun' | 'completeCheckRun' | 'replyToReviewComment' | 'addReaction';
  /** One line saying what would have been posted. */
  summary: string;
}

/**
 * `port` with every write replaced by a record of it: reads go to GitHub, nothing is posted. The dry run of
 * `argus review --pr` (and of the App's "dry run" mode) goes through the very same publish code as a real run.
 */
export function createDryRunPort(port: GitHubPort): { port: GitHubPort; writes: SkippedWrite[] } {
  const writes: SkippedWrite[] = [];
  let nextId = 1;
  const dry: GitHubPort = {
    getPullRequest: (ref) => port.getPullRequest(ref),
    listPullRequestFiles: (ref) => port.listPullRequestFiles(ref),
    compareCommits: (ref, base, head) => port.compareCommits(ref, base, head),
    contentsAt: (ref, sha) => port.contentsAt(ref, sha),
    readFile: (ref, sha, path) => port.readFile(ref, sha, path),
    listReviewCommentBodies: (ref) => port.listReviewCommentBodies(ref),
    listIssueComments: (ref) => port.listIssueComments(ref),
    listReviewComments: (ref) => port.listReviewComments(ref),
    getReviewComment: (ref, id) => port.getReviewComment(ref, id),
    listRepoReviewComments: (ref, limit) => port.listRepoReviewComments(ref, limit),
    listReactionLogins: (ref, target, content) => port.listReactionLogins(ref, target, content),
    getPermission: (ref, login) => port.getPermission(ref, login),
    replyToReviewComment: (_ref, commentId, body) => {
      writes.push({ call: 'replyToReviewComment', summary: `reply to review comment ${commentId} (${body.length} characters)` });
      return Promise.resolve({ id: nextId++ });
    },
    addReaction: (_ref, target, content) => {
      writes.push({ call: 'addReaction', summary: `reaction ${content} on ${target.kind} ${target.id}` });
      return Promise.resolve();
    },
    createIssueComment: (_ref, body) => {
      writes.push({ call: 'createIssueComment', summary: `summary comment (${body.length} characters)` });
      return Promise.resolve({ id: nextId++ });
    },
    updateIssueComment: (_ref, id, body) => {
      writes.push({ call: 'updateIssueComment', summary: `summary comment ${id} updated (${body.length} characters)` });
      return Promise.resolve();
    },
    createReview: (_ref, review) => {
      const where = review.comments.map((c) => `${c.path}:${c.startLine !== null ? `${c.startLine}-` : ''}${c.line}`).join(', ');
      writes.push({
        call: 'createReview',
        summary: `review (${review.requestChanges ? 'request changes' : 'comment'}) on ${review.commitSha.slice(0, 7)} with ${review.comments.length} comment(s)${where ? `: ${where}` : ''}`,
      });
      return Promise.resolve({ posted: [...review.comments], refused: [] });
    },
    createCheckRun: (_ref, headSha) => {
      writes.push({ call: 'createCheckRun', summary: `check run "Argus" started on ${headSha.slice(0, 7)}` });
      return Promise.resolve({ id: nextId++ });
    },
    completeCheckRun: (_ref, _id, outcome) => {
      writes.push({ call: 'completeCheckRun', summary: `check run completed: ${outcome.conclusion}, "${outcome.title}", ${outcome.annotations.length} annotation(s)` });
      return Promise.resolve();
    },
  };
  return { port: dry, writes };
}
