import type { StaticRule } from '../../rule.js';
import { HARDENING_RULES } from './hardening-rules.js';
import { INJECTION_RULES } from './injection-rules.js';

/** Security rules, in documentation order. */
export const SECURITY_RULES: readonly StaticRule[] = [...INJECTION_RULES, ...HARDENING_RULES];
