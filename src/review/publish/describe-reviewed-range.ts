import { codeSpan } from '../../render/code-span.js';

/** What one run reviewed. */
export interface ReviewedRangeInput {
  /** The last reviewed commit when this run reviewed only what came after it; null otherwise. */
  from: string | null;
  to: string;
  /** Whether the run reviewed only `from..to` (false: the whole pull request, e.g. after a force-push). */
  incremental: boolean;
  /** The pull request's base commit, shown for a whole-PR review when known. */
  baseSha?: string;
}

/**
 * Markdown naming what a run reviewed: "commits `abc1234..def5678`" for an incremental review, otherwise
 * "the whole pull request", with `base..head` when the base is known.
 */
export function describeReviewedRange({ from, to, incremental, baseSha }: ReviewedRangeInput): string {
  if (incremental && from !== null) return `commits ${codeSpan(`${short(from)}..${short(to)}`)}`;
  return baseSha === undefined ? 'the whole pull request' : `the whole pull request (${codeSpan(`${short(baseSha)}..${short(to)}`)})`;
}

function short(sha: string): string {
  return sha.slice(0, 7);
}
