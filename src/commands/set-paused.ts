import { findSummaryComment, readSummaryState, writeSummaryState } from '../review/publish/index.js';
import type { CommandContext } from './command-context.js';

/** The summary's visible text when pausing comes before the first review. */
const PAUSED_PLACEHOLDER = '## Argus review\n\nNo review yet.';

/**
 * Sets or clears the `paused` flag in the hidden state of Argus's summary comment (no database: the flag
 * lives on the pull request). Pausing before any review creates the summary comment. Returns false when the
 * flag already had that value.
 */
export async function setPaused(ctx: CommandContext, paused: boolean): Promise<boolean> {
  const summary = findSummaryComment(await ctx.github.listIssueComments(ctx.ref), ctx.botLogin);
  const state = summary === null ? { reviewedSha: null } : readSummaryState(summary.body);
  if ((state.paused === true) === paused) return false;
  if (summary === null) {
    await ctx.github.createIssueComment(ctx.ref, writeSummaryState(PAUSED_PLACEHOLDER, { reviewedSha: null, paused: true }));
  } else {
    await ctx.github.updateIssueComment(ctx.ref, summary.id, writeSummaryState(summary.body, { reviewedSha: state.reviewedSha, paused }));
  }
  return true;
}
