import type { SeverityOrOff } from '../../config/index.js';
import type { RenderContext } from '../../render/context.js';
import { formatSeverityCounts } from '../../render/format-severity-counts.js';
import { renderSummaryComment } from '../../render/render-summary-comment.js';
import type { ReviewResult } from '../result.js';
import type { CheckOutcome } from './check-outcome.js';
import { meetsFailOn } from './meets-fail-on.js';
import { splitSummary } from './summary-state-format.js';
import { toCheckAnnotation } from './to-check-annotation.js';

/**
 * The completed check run for a review. It judges every finding of this review, posted now or on an earlier
 * run, so a re-run reaches the same conclusion. The verdict and title use `result.summary`, which also counts
 * findings left out by `max_comments` (with `max_comments: 0` nothing is commented, yet a high finding must
 * still fail the check); annotations cover `result.findings`.
 */
export function buildCheckOutcome(
  result: ReviewResult,
  failOn: SeverityOrOff,
  reviewed: string,
  ctx: RenderContext,
): CheckOutcome {
  const threshold =
    failOn === 'off' ? 'This check never fails (`fail_on: off`).' : `This check fails on findings at or above \`fail_on: ${failOn}\`.`;
  // The check shows the summary without its hidden header: the state belongs to the comment alone.
  const report = splitSummary(renderSummaryComment(result, ctx)).rest;
  return {
    conclusion: meetsFailOn(result.summary, failOn) ? 'failure' : 'success',
    title: formatSeverityCounts(result.summary) || 'No issues',
    summary: [report, `_Reviewed: ${reviewed}. ${threshold}_`].join('\n\n'),
    annotations: result.findings.map(toCheckAnnotation),
  };
}
