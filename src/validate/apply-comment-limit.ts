import { severityRank, type Finding } from '../findings/finding.js';
import type { ValidationRejection } from './rejection-reasons.js';

/**
 * Keeps at most `max` findings for one review. When there are more, the least important go first: lowest
 * severity, then lowest confidence, then the latest in the input (the input is usually ranked already).
 * Each dropped finding becomes an `over-limit` rejection; kept findings and rejections keep the input order.
 * The findings dropped here are real findings that only lacked room: the caller counts them in the review
 * summary ("N more findings not shown"), unlike the rejections of `validateLlmFindings`.
 *
 * @throws RangeError when `max` is not an integer >= 0 (the configuration schema guarantees one).
 */
export function applyCommentLimit(
  findings: readonly Finding[],
  max: number,
): { kept: Finding[]; rejected: ValidationRejection[] } {
  if (!Number.isInteger(max) || max < 0) {
    throw new RangeError(`comment limit must be an integer >= 0, got ${String(max)}`);
  }
  if (findings.length <= max) return { kept: [...findings], rejected: [] };
  const keep = new Set(
    findings
      .map((f, index) => ({ f, index }))
      .sort(
        (a, b) =>
          severityRank(a.f.severity) - severityRank(b.f.severity) || b.f.confidence - a.f.confidence || a.index - b.index,
      )
      .slice(0, max)
      .map(({ index }) => index),
  );
  const kept: Finding[] = [];
  const rejected: ValidationRejection[] = [];
  findings.forEach((f, index) => {
    if (keep.has(index)) kept.push(f);
    else rejected.push({ source: f.source, reason: 'over-limit', path: f.path, line: f.line, title: f.title });
  });
  return { kept, rejected };
}
