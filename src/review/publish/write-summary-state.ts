import { SUMMARY_MARKER } from '../../render/markers.js';
import { COMMIT_SHA, splitSummary, stateLine, type SummaryState } from './summary-state-format.js';

/**
 * Returns `body` with SUMMARY_MARKER and `state` as its hidden header, replacing any header it had (so writing
 * twice gives the same text). `body` may be a fresh `renderSummaryComment` output or an earlier summary.
 * `readSummaryState(writeSummaryState(body, state))` gives `state` back.
 *
 * @throws Error when `reviewedSha` is not a full commit SHA: a short or symbolic ref would be read back as null.
 */
export function writeSummaryState(body: string, state: SummaryState): string {
  const lines = [SUMMARY_MARKER];
  if (state.reviewedSha !== null) {
    const sha = state.reviewedSha.toLowerCase();
    if (!COMMIT_SHA.test(sha)) {
      throw new Error(
        `cannot record reviewed commit ${JSON.stringify(state.reviewedSha)} in the summary: expected a full 40- or 64-digit hex SHA; pass the pull request's head SHA as GitHub reports it`,
      );
    }
    lines.push(stateLine('reviewed', sha));
  }
  if (state.paused === true) lines.push(stateLine('paused', 'true'));
  const { rest } = splitSummary(body);
  return rest === '' ? lines.join('\n') : `${lines.join('\n')}\n${rest}`;
}
