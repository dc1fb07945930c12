import type {
  CheckAnnotation,
  GitHubPort,
  IssueCommentInfo,
  PostedReview,
  PullRequestRef,
  ReviewCommentDraft,
} from '../../../../src/review/github-port.js';

/** One recorded call: the method and its arguments after the ref. */
export type FakeCall =
  | { method: 'createReview'; review: { commitSha: string; body: string; comments: readonly ReviewCommentDraft[]; requestChanges: boolean } }
  | { method: 'createIssueComment'; body: string }
  | { method: 'updateIssueComment'; id: number; body: string }
  | {
      method: 'completeCheckRun';
      id: number;
      outcome: { conclusion: string; title: string; summary: string; annotations: readonly CheckAnnotation[] };
    }
  | { method: 'listIssueComments' | 'listReviewCommentBodies' };

/**
 * An in-memory pull request behind the GitHubPort: keeps the conversation comments and the review comment bodies,
 * records every publishing call in order. `refuse(comment)` returns GitHub's reason for a comment it refuses,
 * or null. Methods publishing does not use throw, so an unexpected call fails the test.
 */
export function createFakeGitHub(options: { botLogin: string; refuse?: (comment: ReviewCommentDraft) => string | null }) {
  const calls: FakeCall[] = [];
  const issueComments: IssueCommentInfo[] = [];
  const reviewCommentBodies: string[] = [];
  let nextId = 1001;
  const unused = (name: string) => () => {
    throw new Error(`the fake GitHub port does not implement ${name}: publishing should not call it`);
  };
  const port: GitHubPort = {
    getPullRequest: unused('getPullRequest'),
    listPullRequestFiles: unused('listPullRequestFiles'),
    compareCommits: unused('compareCommits'),
    contentsAt: unused('contentsAt'),
    readFile: unused('readFile'),
    createCheckRun: unused('createCheckRun'),
    async listReviewCommentBodies(_ref: PullRequestRef) {
      calls.push({ method: 'listReviewCommentBodies' });
      return [...reviewCommentBodies];
    },
    async listIssueComments(_ref: PullRequestRef) {
      calls.push({ method: 'listIssueComments' });
      return issueComments.map((c) => ({ ...c }));
    },
    async createIssueComment(_ref, body) {
      calls.push({ method: 'createIssueComment', body });
      const id = nextId++;
      issueComments.push({ id, body, authorLogin: options.botLogin });
      return { id };
    },
    async updateIssueComment(_ref, id, body) {
      calls.push({ method: 'updateIssueComment', id, body });
      const comment = issueComments.find((c) => c.id === id);
      if (comment === undefined) throw new Error(`no issue comment ${id}`);
      comment.body = body;
    },
    async createReview(_ref, review) {
      calls.push({ method: 'createReview', review: { ...review, comments: [...review.comments] } });
      const result: PostedReview = { posted: [], refused: [] };
      for (const comment of review.comments) {
        const reason = options.refuse?.(comment) ?? null;
        if (reason === null) result.posted.push(comment);
        else result.refused.push({ comment, reason });
      }
      reviewCommentBodies.push(...result.posted.map((c) => c.body));
      return result;
    },
    async completeCheckRun(_ref, id, outcome) {
      calls.push({ method: 'completeCheckRun', id, outcome: { ...outcome, annotations: [...outcome.annotations] } });
    },
  };
  return { port, calls, issueComments, reviewCommentBodies };
}

export const REF: PullRequestRef = { owner: 'octo', repo: 'shop', number: 7 };
