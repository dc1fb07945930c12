import type { StaticRule } from '../../rule.js';
import { awaitInForEach } from './await-in-foreach.js';
import { selfComparison } from './self-comparison.js';

/** Bug rules, in documentation order. */
export const BUG_RULES: readonly StaticRule[] = [awaitInForEach, selfComparison];
