import { COMMIT_SHA, splitSummary, type SummaryState } from './summary-state-format.js';

/**
 * Reads the hidden state of a summary comment. Contract: `body` must be the body of a comment Argus itself
 * authored (see `findSummaryComment`); anyone can type a marker into their own comment, and only the author
 * check keeps that out. Within Argus's comment only the header right after SUMMARY_MARKER counts, so markers a
 * human adds lower down, in code blocks or quotes, are ignored. Anything missing, malformed or ambiguous (two
 * different values) reads as null, which makes the caller review the whole pull request again: safe, just slower.
 * `paused` is present (true) only when the header says `paused=true` and nothing else about pausing.
 */
export function readSummaryState(body: string): SummaryState {
  const { state } = splitSummary(body);
  const reviewed = new Set((state ?? []).filter((s) => s.key === 'reviewed').map((s) => s.value));
  const [sha] = reviewed;
  const reviewedSha = reviewed.size === 1 && sha !== undefined && COMMIT_SHA.test(sha) ? sha : null;
  // Only an unambiguous `paused=true` pauses: a malformed flag must not silently stop reviews.
  const paused = (state ?? []).filter((s) => s.key === 'paused').map((s) => s.value);
  return paused.length > 0 && paused.every((v) => v === 'true') ? { reviewedSha, paused: true } : { reviewedSha };
}
