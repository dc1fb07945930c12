/** Dismissals of one rule in a repository that lower its severity there by one step (each further 3, one more). */
export const LEARN_THRESHOLD = 3;

/**
 * Steps each rule's severity is lowered by, from repository-wide dismissal counts: one per
 * {@link LEARN_THRESHOLD} dismissals. A rule with an explicit severity in the config's `rules` is left alone:
 * the maintainers' setting wins over what Argus infers.
 */
export function learnedSeverityDrops(counts: ReadonlyMap<string, number>, configuredRules: Readonly<Record<string, unknown>>): Map<string, number> {
  const drops = new Map<string, number>();
  for (const [ruleId, count] of counts) {
    const steps = Math.floor(count / LEARN_THRESHOLD);
    if (steps > 0 && !Object.hasOwn(configuredRules, ruleId)) drops.set(ruleId, steps);
  }
  return drops;
}
