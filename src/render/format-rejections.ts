import type { Rejection } from '../review/result.js';
import { pluralize } from './pluralize.js';

/**
 * `3 candidate findings rejected (2 outside-diff, 1 duplicate)`: reasons by count, then by name, so the
 * line is stable across runs. '' when nothing was rejected.
 */
export function formatRejections(rejected: readonly Rejection[]): string {
  if (rejected.length === 0) return '';
  const counts = new Map<string, number>();
  for (const r of rejected) counts.set(r.reason, (counts.get(r.reason) ?? 0) + 1);
  const reasons = [...counts]
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
    .map(([reason, n]) => `${n} ${reason}`)
    .join(', ');
  return `${pluralize(rejected.length, 'candidate finding')} rejected (${reasons})`;
}
