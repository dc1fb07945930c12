import type { Source } from '../findings/finding.js';

/**
 * Why a candidate finding was refused, in the order {@link validateLlmFindings} checks them (a candidate gets
 * the first that applies, and only that one). `over-limit` comes last: {@link applyCommentLimit} gives it to
 * findings that passed validation but did not fit in the review.
 */
export const REJECTION_REASONS = [
  'schema',
  'unknown-path',
  'outside-diff',
  'quote-mismatch',
  'low-confidence',
  'below-threshold',
  'duplicate',
  'over-limit',
] as const;

/** One of {@link REJECTION_REASONS}. */
export type RejectionReason = (typeof REJECTION_REASONS)[number];

/**
 * A refused candidate. Assignable to `Rejection` of the JSON output (src/review/result.ts), with the reason
 * narrowed to the codes this layer gives. `path`, `line` and `title` are what the candidate named, when readable.
 */
export interface ValidationRejection {
  source: Source;
  reason: RejectionReason;
  path?: string;
  line?: number;
  title?: string;
}

/** Counts rejections per reason; every reason is present, zero when unused. */
export function countRejections(rejected: readonly ValidationRejection[]): Record<RejectionReason, number> {
  const counts = Object.fromEntries(REJECTION_REASONS.map((r) => [r, 0])) as Record<RejectionReason, number>;
  for (const r of rejected) counts[r.reason] += 1;
  return counts;
}
