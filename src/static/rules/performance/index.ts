import type { StaticRule } from '../../rule.js';

/** Performance rules, in documentation order. */
export const PERFORMANCE_RULES: readonly StaticRule[] = [];
