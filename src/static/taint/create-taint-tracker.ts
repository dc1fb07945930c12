import { isConstant } from '../ast-helpers.js';
import type { TaintTracker } from './types.js';

/**
 * Builds the taint tracker for one file. Interim version: no data flow yet, so anything that is not a
 * constant is `unknown`. The taint-tracking work replaces this with real source-to-sink tracking.
 */
export function createTaintTracker(): TaintTracker {
  return {
    enter: () => undefined,
    leave: () => undefined,
    query: { of: (node) => (isConstant(node) ? { kind: 'constant' } : { kind: 'unknown' }) },
  };
}
