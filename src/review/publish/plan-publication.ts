import type { ArgusConfig } from '../../config/index.js';
import type { RenderContext } from '../../render/context.js';
import { renderReviewBody } from '../../render/render-review-body.js';
import { renderSummaryComment } from '../../render/render-summary-comment.js';
import type { ReviewResult } from '../result.js';
import { buildCheckOutcome } from './build-check-outcome.js';
import type { CheckOutcome } from './check-outcome.js';
import type { SummaryDraft } from './compose-summary-body.js';
import { describeReviewedRange } from './describe-reviewed-range.js';
import { meetsFailOn } from './meets-fail-on.js';
import { planReviewComments, type PlannedComment } from './plan-review-comments.js';

/** What `planPublication` needs besides the result. */
export interface PublicationOptions {
  /** The pull request's head: the review's commit, recorded as reviewed in the summary. */
  headSha: string;
  /** The pull request's base, shown for a whole-PR review. */
  baseSha?: string;
  /** What this run reviewed; `to` must be `headSha` (the comments' line numbers are those of `to`). */
  reviewedRange: { from: string | null; to: string };
  /** Fingerprints already on the pull request (`parseFingerprints` of Argus's review comments). */
  postedFingerprints: ReadonlySet<string>;
  config: Pick<ArgusConfig, 'fail_on' | 'max_comments'>;
  renderContext: RenderContext;
  /**
   * Whether only `reviewedRange.from..to` was reviewed (false: the whole pull request). Defaults to
   * `reviewedRange.from !== null`, the convention of `selectChanges`.
   */
  incremental?: boolean;
  /** Post "Request changes" when a finding meets `fail_on` (the repository opted in); never APPROVE. */
  requestChanges: boolean;
}

/** The review to post: one `createReview` call. */
export interface PlannedReview {
  commitSha: string;
  body: string;
  comments: PlannedComment[];
  requestChanges: boolean;
}

/** Everything one run will show on GitHub, decided before any call is made. */
export interface PublicationPlan {
  /** null when every finding is already commented on: no empty review is posted on a re-run. */
  review: PlannedReview | null;
  summary: SummaryDraft;
  check: CheckOutcome;
}

/**
 * Turns one review result into what GitHub will show: new line comments (findings already posted are never
 * posted again), the review's short body and event, the summary comment with its hidden state, and the check
 * run's outcome. Pure; `publishReview` makes the calls.
 *
 * @throws Error when `reviewedRange.to` is not `headSha`.
 */
export function planPublication(result: ReviewResult, options: PublicationOptions): PublicationPlan {
  const { headSha, reviewedRange, config, renderContext: ctx } = options;
  if (reviewedRange.to !== headSha) {
    throw new Error(
      `cannot plan the review: reviewedRange.to (${reviewedRange.to}) is not headSha (${headSha}); the findings' lines belong to the reviewed commit, so review the head and pass it as both`,
    );
  }
  const reviewed = describeReviewedRange({ ...reviewedRange, incremental: options.incremental ?? reviewedRange.from !== null, baseSha: options.baseSha });
  const comments = planReviewComments(result.findings, options.postedFingerprints, config.max_comments, ctx);
  const requestChanges = options.requestChanges && meetsFailOn(result.summary, config.fail_on);
  const review: PlannedReview | null =
    comments.length === 0
      ? null
      : {
          commitSha: headSha,
          body: renderReviewBody({
            comments: comments.map((c) => c.finding),
            scope: reviewed,
            requestChangesAt: requestChanges ? config.fail_on : null,
          }),
          comments,
          requestChanges,
        };
  return {
    review,
    summary: { state: { reviewedSha: headSha }, report: renderSummaryComment(result, ctx), reviewed },
    check: buildCheckOutcome(result, config.fail_on, reviewed, ctx),
  };
}
