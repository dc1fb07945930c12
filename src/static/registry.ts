import type { RuleDoc } from '../findings/rule-doc.js';
import type { StaticRule } from './rule.js';
import { BUG_RULES } from './rules/bug/index.js';
import { PERFORMANCE_RULES } from './rules/performance/index.js';
import { SECURITY_RULES } from './rules/security/index.js';

/** Every AST rule, in documentation order: security, bug, performance. */
export const AST_RULES: readonly StaticRule[] = [...SECURITY_RULES, ...BUG_RULES, ...PERFORMANCE_RULES];

/** The secrets scanner reports under this rule id (it is line-based, not an AST rule). */
export const HARDCODED_SECRET_RULE: RuleDoc = {
  id: 'hardcoded-secret',
  title: 'Hard-coded secret',
  severity: 'critical',
  category: 'security',
  help:
    'A credential committed to the repository is readable by everyone with access to it, forever (it stays ' +
    'in git history). Revoke it now, then load it from the environment or a secret manager.',
};

/** Documentation of every rule, by id. */
export const RULE_DOCS: ReadonlyMap<string, RuleDoc> = new Map(
  [...AST_RULES.map((r) => r.doc), HARDCODED_SECRET_RULE].map((d) => [d.id, d]),
);
