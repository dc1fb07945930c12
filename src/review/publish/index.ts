/**
 * Publishing a review on GitHub: plan what to show from a `ReviewResult` (pure), then post it through the
 * GitHubPort. The summary comment's hidden markers hold the state between runs.
 */
export type { CheckOutcome } from './check-outcome.js';
export { composeSummaryBody, type SummaryDraft } from './compose-summary-body.js';
export { describeReviewedRange, type ReviewedRangeInput } from './describe-reviewed-range.js';
export { findSummaryComment } from './find-summary-comment.js';
export { neutralCheck } from './neutral-check.js';
export { parseFingerprints } from './parse-fingerprints.js';
export { planPublication, type PlannedReview, type PublicationOptions, type PublicationPlan } from './plan-publication.js';
export type { PlannedComment } from './plan-review-comments.js';
export { publishReview, type PublishReport, type PublishTargets } from './publish-review.js';
export { readSummaryState } from './read-summary-state.js';
export type { SummaryState } from './summary-state-format.js';
export { writeSummaryState } from './write-summary-state.js';
