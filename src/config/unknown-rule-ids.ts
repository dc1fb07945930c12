import type { ArgusConfig } from './schema/argus-config-schema.js';

/** Rule ids under this prefix name Semgrep rules, which are only known once Semgrep has run. */
const EXTERNAL_RULE_PREFIX = 'semgrep/';

/**
 * Rule ids in `config.rules` that match no known rule, in the order they were written. The config module
 * cannot see the rule registry, so the caller passes the ids it knows and reports these (see `closestMatch`
 * for a "did you mean" hint). Ids under `semgrep/` are never reported: their rulesets are external.
 */
export function unknownRuleIds(config: ArgusConfig, knownIds: Iterable<string>): string[] {
  const known = new Set(knownIds);
  return Object.keys(config.rules).filter((id) => !known.has(id) && !id.startsWith(EXTERNAL_RULE_PREFIX));
}
