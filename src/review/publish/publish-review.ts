import type { UnanchoredFinding } from '../../render/render-unanchored-findings.js';
import type { GitHubPort, PostedReview, PullRequestRef } from '../github-port.js';
import { composeSummaryBody } from './compose-summary-body.js';
import type { PublicationPlan } from './plan-publication.js';

/** Ids `publishReview` needs from the caller. */
export interface PublishTargets {
  /** Argus's summary comment from an earlier run (`findSummaryComment`), edited in place; null to create one. */
  existingSummaryId: number | null;
  /** The check run the caller started at the beginning of the run. */
  checkRunId: number;
}

/** What `publishReview` did, for logs and tests. */
export interface PublishReport {
  /** Whether a review was posted (false when every finding was already commented on). */
  reviewPosted: boolean;
  /** Line comments GitHub accepted. */
  posted: number;
  /** Line comments GitHub refused; listed in the summary under "Findings not anchored in the diff". */
  refused: number;
  requestedChanges: boolean;
  summaryId: number;
  summaryCreated: boolean;
  checkRunId: number;
  conclusion: PublicationPlan['check']['conclusion'];
}

/**
 * Carries out a plan: one review with the new comments (none when there are none), then the summary comment
 * (created once, then edited in place) listing any comment GitHub refused, then the check run's outcome.
 * The order matters: the summary records the head as reviewed, so it is written only after the review is
 * posted; if posting fails the error propagates, nothing is marked reviewed, and the next run tries again.
 */
export async function publishReview(
  github: GitHubPort,
  ref: PullRequestRef,
  plan: PublicationPlan,
  targets: PublishTargets,
): Promise<PublishReport> {
  let posted: PostedReview = { posted: [], refused: [] };
  if (plan.review !== null) {
    posted = await github.createReview(ref, {
      commitSha: plan.review.commitSha,
      body: plan.review.body,
      comments: plan.review.comments.map((c) => c.draft),
      requestChanges: plan.review.requestChanges,
    });
  }
  const findings = new Map(plan.review?.comments.map((c) => [c.draft.fingerprint, c.finding]));
  const unanchored: UnanchoredFinding[] = posted.refused.map(({ comment, reason }) => ({
    comment,
    finding: findings.get(comment.fingerprint) ?? null,
    reason,
  }));
  const body = composeSummaryBody(plan.summary, unanchored);
  let summaryId = targets.existingSummaryId;
  if (summaryId === null) summaryId = (await github.createIssueComment(ref, body)).id;
  else await github.updateIssueComment(ref, summaryId, body);
  await github.completeCheckRun(ref, targets.checkRunId, plan.check);
  return {
    reviewPosted: plan.review !== null,
    posted: posted.posted.length,
    refused: posted.refused.length,
    requestedChanges: plan.review?.requestChanges ?? false,
    summaryId,
    summaryCreated: targets.existingSummaryId === null,
    checkRunId: targets.checkRunId,
    conclusion: plan.check.conclusion,
  };
}
