import type { Severity } from '../findings/finding.js';
import type { ArgusConfig } from './schema/argus-config-schema.js';
import type { SeverityOrOff } from './schema/severity-setting.js';

/**
 * The severity a rule reports at under `config`: the override in `rules` when there is one, else the rule's
 * own `defaultSeverity`. `"off"` means the rule must not report at all.
 */
export function effectiveRuleSeverity(config: ArgusConfig, ruleId: string, defaultSeverity: Severity): SeverityOrOff {
  // hasOwn: ids like "constructor" are valid and must not hit Object.prototype.
  return Object.hasOwn(config.rules, ruleId) ? (config.rules[ruleId] ?? defaultSeverity) : defaultSeverity;
}
