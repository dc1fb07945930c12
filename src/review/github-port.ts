import type { DiffFile } from '../diff/types.js';
import type { ContentPort } from './ports.js';

/** A pull request by its coordinates. */
export interface PullRequestRef {
  owner: string;
  repo: string;
  number: number;
}

/** What the review needs to know about a pull request (from the webhook payload or the API). */
export interface PullRequestInfo {
  ref: PullRequestRef;
  title: string;
  body: string;
  draft: boolean;
  state: 'open' | 'closed';
  author: { login: string; isBot: boolean };
  labels: string[];
  baseSha: string;
  headSha: string;
}

/** The changed files of a pull request or of a commit range. */
export interface ChangedFiles {
  files: DiffFile[];
  /** True when GitHub stopped listing (3000 files for a pull request, 300 for a compare): the rest was not reviewed. */
  truncated: boolean;
}

/** One line comment of a review, in GitHub's terms (RIGHT side; `startLine` for a multi-line range). */
export interface ReviewCommentDraft {
  path: string;
  line: number;
  startLine: number | null;
  body: string;
  /** The finding's fingerprint (also hidden in the body), so a refused comment can be traced back. */
  fingerprint: string;
}

/** What GitHub did with a review. */
export interface PostedReview {
  /** Comments GitHub accepted. */
  posted: ReviewCommentDraft[];
  /** Comments GitHub refused (422: line not in the diff any more, etc.), with its one-line reason. */
  refused: Array<{ comment: ReviewCommentDraft; reason: string }>;
}

/** One annotation of the check run (GitHub caps them at 50 per request; the port batches). */
export interface CheckAnnotation {
  path: string;
  startLine: number;
  endLine: number;
  level: 'notice' | 'warning' | 'failure';
  title: string;
  message: string;
}

/** A comment of the pull request's conversation. */
export interface IssueCommentInfo {
  id: number;
  body: string;
  authorLogin: string;
}

/** A review comment (a line comment, or a reply in its thread). */
export interface ReviewCommentInfo {
  id: number;
  body: string;
  authorLogin: string;
  path: string;
  /** The line it is on in the current diff; null when GitHub marks it outdated. */
  line: number | null;
  /** The thread's first comment when this is a reply; null for a thread's first comment. */
  inReplyToId: number | null;
  /** GitHub's reaction roll-up (who reacted needs `listReactionLogins`). */
  reactions: { plusOne: number; minusOne: number };
}

/** What a reaction or a reply is attached to. */
export type CommentTarget = { kind: 'issue-comment'; id: number } | { kind: 'review-comment'; id: number };

/** A user's permission on a repository, as the collaborator permission API reports it. */
export type RepoPermission = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none';

/**
 * Everything the pipeline asks of GitHub (src/github/ implements it on Octokit). One instance serves one
 * installation; every method throws on failures it cannot handle, with a one-line message.
 */
export interface GitHubPort {
  getPullRequest(ref: PullRequestRef): Promise<PullRequestInfo>;
  /** The pull request's changed files, all pages, parsed from GitHub's patches (GitHub lists at most 3000). */
  listPullRequestFiles(ref: PullRequestRef): Promise<ChangedFiles>;
  /**
   * Files changed from `base` to `head` (compare API), for incremental reviews. null when `base` is not an
   * ancestor of `head` any more (a force-push rewrote history) or is unknown: the caller reviews everything.
   */
  compareCommits(ref: PullRequestRef, base: string, head: string): Promise<ChangedFiles | null>;
  /** New-file contents at `sha`; `prefetch` lets the implementation batch the reads (GraphQL / trees). */
  contentsAt(ref: PullRequestRef, sha: string): ContentPort & { prefetch(paths: readonly string[]): Promise<void> };
  /** The text of `path` at `sha` (e.g. `.github/argus.yml` on the base branch); null when there is no such file. */
  readFile(ref: PullRequestRef, sha: string, path: string): Promise<string | null>;
  /** Bodies of the review comments on the pull request (to find Argus's fingerprint markers). */
  listReviewCommentBodies(ref: PullRequestRef): Promise<string[]>;
  /** Every review comment of the pull request with its author, thread and reaction roll-up, all pages. */
  listReviewComments(ref: PullRequestRef): Promise<ReviewCommentInfo[]>;
  getReviewComment(ref: PullRequestRef, id: number): Promise<ReviewCommentInfo>;
  /**
   * The repository's most recent review comments across all pull requests (newest first, at most `limit`),
   * for learning from dismissals repository-wide. `ref.number` is ignored.
   */
  listRepoReviewComments(ref: PullRequestRef, limit: number): Promise<ReviewCommentInfo[]>;
  /** Replies in the thread of review comment `commentId` (GitHub attaches it to the thread's first comment). */
  replyToReviewComment(ref: PullRequestRef, commentId: number, body: string): Promise<{ id: number }>;
  addReaction(ref: PullRequestRef, target: CommentTarget, content: '+1' | 'eyes' | 'confused' | 'rocket'): Promise<void>;
  /** Logins of the users who reacted with `content` on a comment. */
  listReactionLogins(ref: PullRequestRef, target: CommentTarget, content: '+1' | '-1'): Promise<string[]>;
  /** `login`'s permission on the repository ('none' when not a collaborator). */
  getPermission(ref: PullRequestRef, login: string): Promise<RepoPermission>;
  /** The conversation's comments (to find Argus's summary by its marker). */
  listIssueComments(ref: PullRequestRef): Promise<IssueCommentInfo[]>;
  createIssueComment(ref: PullRequestRef, body: string): Promise<{ id: number }>;
  updateIssueComment(ref: PullRequestRef, id: number, body: string): Promise<void>;
  /**
   * One review with all `comments`, event COMMENT unless `requestChanges` (never APPROVE). When GitHub refuses
   * the review (422), the implementation posts the comments it can and reports the refused ones.
   */
  createReview(
    ref: PullRequestRef,
    review: { commitSha: string; body: string; comments: readonly ReviewCommentDraft[]; requestChanges: boolean },
  ): Promise<PostedReview>;
  /** Starts the "Argus" check run on `headSha`; returns its id. */
  createCheckRun(ref: PullRequestRef, headSha: string): Promise<{ id: number }>;
  /** Completes the check run: title, summary (Markdown), conclusion and every annotation (batched by 50). */
  completeCheckRun(
    ref: PullRequestRef,
    id: number,
    outcome: {
      conclusion: 'success' | 'failure' | 'neutral';
      title: string;
      summary: string;
      annotations: readonly CheckAnnotation[];
    },
  ): Promise<void>;
}
