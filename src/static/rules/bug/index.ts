import type { StaticRule } from '../../rule.js';
import { assignmentInCondition } from './assignment-in-condition.js';
import { awaitInForEach } from './await-in-foreach.js';
import { duplicateKeys } from './duplicate-keys.js';
import { emptyCatch } from './empty-catch.js';
import { floatingPromise } from './floating-promise.js';
import { forInArray } from './for-in-array.js';
import { selfComparison } from './self-comparison.js';
import { unreachableCode } from './unreachable-code.js';

/** Bug rules, in documentation order. */
export const BUG_RULES: readonly StaticRule[] = [
  floatingPromise,
  awaitInForEach,
  assignmentInCondition,
  selfComparison,
  duplicateKeys,
  unreachableCode,
  forInArray,
  emptyCatch,
];
