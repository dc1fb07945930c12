import { SEVERITIES } from '../findings/finding.js';
import type { SeveritySummary } from '../review/result.js';

/** `1 critical, 2 high`: the non-zero counts, most severe first; '' when every count is zero. */
export function formatSeverityCounts(summary: SeveritySummary): string {
  return SEVERITIES.filter((s) => summary[s] > 0)
    .map((s) => `${summary[s]} ${s}`)
    .join(', ');
}
