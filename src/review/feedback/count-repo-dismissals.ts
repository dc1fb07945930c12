import type { PullRequestRef } from '../github-port.js';
import { dismissalsIn, type DismissalSources } from './collect-dismissals.js';

/** Review comments read for learning: the repository's most recent ones (3 pages of 100). */
export const LEARN_COMMENT_LIMIT = 300;

/**
 * Dismissed findings per rule id across the repository's recent review comments (every pull request), for
 * `learn: true`. A fingerprint counts once, however it was dismissed. `ref.number` is ignored.
 */
export async function countRepoDismissals(sources: DismissalSources, ref: PullRequestRef, limit = LEARN_COMMENT_LIMIT): Promise<Map<string, number>> {
  const dismissals = await dismissalsIn(await sources.github.listRepoReviewComments(ref, limit), sources, ref);
  const counts = new Map<string, number>();
  for (const d of dismissals) counts.set(d.ruleId, (counts.get(d.ruleId) ?? 0) + 1);
  return counts;
}
