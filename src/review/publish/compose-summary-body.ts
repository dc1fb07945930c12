import { renderUnanchoredFindings, type UnanchoredFinding } from '../../render/render-unanchored-findings.js';
import { truncateMarkdownLines } from '../../render/truncate-markdown-lines.js';
import type { SummaryState } from './summary-state-format.js';
import { writeSummaryState } from './write-summary-state.js';

/**
 * GitHub refuses a comment body over 65536 characters ("Body is too long"); a refusal would fail every run on
 * the pull request, so the body is cut to fit. Some room is kept for the hidden header.
 */
export const SUMMARY_COMMENT_CHARS = 65536;
const HEADER_ROOM = 512;

/** The summary comment before posting: everything but the comments GitHub may refuse. */
export interface SummaryDraft {
  /** The hidden state to record (the reviewed head). */
  state: SummaryState;
  /** `renderSummaryComment` output. */
  report: string;
  /** What was reviewed, Markdown (see `describeReviewedRange`). */
  reviewed: string;
}

/**
 * The summary comment's final body: hidden header (SUMMARY_MARKER and state), the report, the line comments
 * GitHub refused under "Findings not anchored in the diff", and the reviewed range last. When that is too long
 * for GitHub, the report is shortened first (the check run has every finding as an annotation), then the list
 * of refused comments.
 */
export function composeSummaryBody(draft: SummaryDraft, unanchored: readonly UnanchoredFinding[]): string {
  const tail = `_Reviewed: ${draft.reviewed}._`;
  const note = '_(Shortened: GitHub limits a comment to 65536 characters. The Argus check run lists every finding.)_';
  let refused = renderUnanchoredFindings(unanchored);
  const budget = SUMMARY_COMMENT_CHARS - HEADER_ROOM - tail.length - 4;
  refused = truncateMarkdownLines(refused, Math.floor(budget / 2), note);
  const report = truncateMarkdownLines(draft.report, budget - refused.length - 2, note);
  const blocks = [report, refused, tail].filter((b) => b !== '');
  return writeSummaryState(blocks.join('\n\n'), draft.state);
}
