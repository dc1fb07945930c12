import { z } from 'zod';
import { severityOrOffSchema } from './severity-setting.js';

/**
 * What a rule id looks like. The config module does not know the rule registry, so ids are only checked
 * for shape here; `unknownRuleIds` lets the caller report ids that match no rule.
 */
export const RULE_ID_PATTERN = /^[a-z0-9][a-z0-9/._-]*$/;

/** A rule id as written in `rules`, e.g. `sql-injection` or `semgrep/python.lang.security.audit.eval-detected`. */
export const ruleIdSchema = z.string().regex(RULE_ID_PATTERN, {
  error: 'expected a rule id (lowercase letters, digits, "-", "/", "." and "_", starting with a letter or digit)',
});

/** `rules`: per-rule severity overrides. */
export const rulesSchema = z
  .record(ruleIdSchema, severityOrOffSchema, { error: 'expected a mapping of rule id to "off" or a severity' })
  .default({})
  .describe(
    'Per-rule overrides: rule id to "off" (never report it) or the severity to report it at instead of the rule\'s own.',
  )
  .meta({ examples: [{ 'self-comparison': 'high', 'await-in-foreach': 'off' }] });
/** The validated `rules` map: rule id to `"off"` or a severity. */
export type RulesConfig = z.infer<typeof rulesSchema>;
