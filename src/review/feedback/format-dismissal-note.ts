import type { Dismissal } from './collect-dismissals.js';

/**
 * The summary's note on dismissed findings, counted per rule (most first), e.g. `Dismissed as false
 * positives on this pull request (not raised again): sql-injection 2, xss 1`; '' when there are none.
 */
export function formatDismissalNote(dismissals: readonly Dismissal[]): string {
  if (dismissals.length === 0) return '';
  const counts = new Map<string, number>();
  for (const d of dismissals) counts.set(d.ruleId, (counts.get(d.ruleId) ?? 0) + 1);
  const parts = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([rule, n]) => `${rule} ${n}`);
  return `Dismissed as false positives on this pull request (not raised again): ${parts.join(', ')}`;
}
