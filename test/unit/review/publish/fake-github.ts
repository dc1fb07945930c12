import type {
  CheckAnnotation,
  CommentTarget,
  GitHubPort,
  IssueCommentInfo,
  PostedReview,
  PullRequestRef,
  RepoPermission,
  ReviewCommentDraft,
  ReviewCommentInfo,
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
  | { method: 'replyToReviewComment'; commentId: number; body: string }
  | { method: 'addReaction'; target: CommentTarget; content: '+1' | 'eyes' | 'confused' | 'rocket' }
  | { method: 'listIssueComments' | 'listReviewCommentBodies' | 'listReviewComments' }
  | { method: 'getReviewComment'; id: number }
  | { method: 'listRepoReviewComments'; limit: number }
  | { method: 'listReactionLogins'; target: CommentTarget; content: '+1' | '-1' }
  | { method: 'getPermission'; login: string };

/** What the fake answers to the feedback reads; a read whose data is not given throws "not faked". */
export interface FakeGitHubData {
  /** The pull request's review comments (`listReviewComments`, `getReviewComment`); replies are appended. */
  reviewComments?: ReviewCommentInfo[];
  /** The repository's review comments, newest first (`listRepoReviewComments` returns the first `limit`). */
  repoReviewComments?: ReviewCommentInfo[];
  /** Who reacted with `content` on `target`. */
  reactionLogins?: (target: CommentTarget, content: '+1' | '-1') => string[];
  /** Permission by login; a login not listed is 'none', as GitHub's 404 for a stranger. */
  permissions?: Readonly<Record<string, RepoPermission>>;
}

/**
 * An in-memory pull request behind the GitHubPort: keeps the conversation comments and the review comment bodies,
 * records every publishing call in order. `refuse(comment)` returns GitHub's reason for a comment it refuses,
 * or null. Methods publishing does not use throw, so an unexpected call fails the test. The feedback reads answer
 * from `data` and throw "not faked" when their part of it is missing; their calls and the feedback writes
 * (`replyToReviewComment`, `addReaction`) are recorded too.
 */
export function createFakeGitHub(options: { botLogin: string; refuse?: (comment: ReviewCommentDraft) => string | null; data?: FakeGitHubData }) {
  const calls: FakeCall[] = [];
  const issueComments: IssueCommentInfo[] = [];
  const reviewCommentBodies: string[] = [];
  const data = options.data ?? {};
  let nextId = 1001;
  const unused = (name: string) => () => {
    throw new Error(`the fake GitHub port does not implement ${name}: publishing should not call it`);
  };
  /** `value`, or a "not faked" error naming the option a test should pass. */
  const faked = <T>(method: string, field: keyof FakeGitHubData, value: T | undefined): T => {
    if (value === undefined) throw new Error(`${method} is not faked: pass data.${field} to createFakeGitHub`);
    return value;
  };
  const copy = (comment: ReviewCommentInfo): ReviewCommentInfo => ({ ...comment, reactions: { ...comment.reactions } });
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
    async listReviewComments(_ref) {
      calls.push({ method: 'listReviewComments' });
      return faked('listReviewComments', 'reviewComments', data.reviewComments).map(copy);
    },
    async getReviewComment(_ref, id) {
      calls.push({ method: 'getReviewComment', id });
      const comment = faked('getReviewComment', 'reviewComments', data.reviewComments).find((c) => c.id === id);
      if (comment === undefined) throw new Error(`no review comment ${id}`);
      return copy(comment);
    },
    async listRepoReviewComments(_ref, limit) {
      calls.push({ method: 'listRepoReviewComments', limit });
      return faked('listRepoReviewComments', 'repoReviewComments', data.repoReviewComments).slice(0, limit).map(copy);
    },
    async replyToReviewComment(_ref, commentId, body) {
      calls.push({ method: 'replyToReviewComment', commentId, body });
      const id = nextId++;
      const parent = data.reviewComments?.find((c) => c.id === commentId);
      if (parent !== undefined) {
        data.reviewComments!.push({ id, body, authorLogin: options.botLogin, path: parent.path, line: parent.line, inReplyToId: parent.inReplyToId ?? parent.id, reactions: { plusOne: 0, minusOne: 0 } });
      }
      return { id };
    },
    async addReaction(_ref, target, content) {
      calls.push({ method: 'addReaction', target: { ...target }, content });
    },
    async listReactionLogins(_ref, target, content) {
      calls.push({ method: 'listReactionLogins', target: { ...target }, content });
      return [...faked('listReactionLogins', 'reactionLogins', data.reactionLogins)(target, content)];
    },
    async getPermission(_ref, login) {
      calls.push({ method: 'getPermission', login });
      return faked('getPermission', 'permissions', data.permissions)[login] ?? 'none';
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
