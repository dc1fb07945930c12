import { CONSTANT, UNKNOWN, type Fact } from './fact.js';

/** Deeper than this, a value is given up as unknown rather than risk the call stack on generated code. */
const MAX_DEPTH = 500;

/** A memo table of the solver: its results, and which of its keys are being computed (at which depth). */
export interface Memo<K> {
  readonly done: Map<K, Fact>;
  readonly active: Map<K, number>;
}

/** A new memo table. */
export function createMemo<K>(): Memo<K> {
  return { done: new Map(), active: new Map() };
}

/**
 * Memoised, cycle-safe evaluation for the lazy taint resolver. A key met again while it is being computed
 * (`a = b; b = a`, a recursive wrapper) contributes nothing (the bottom of the lattice), which is exact here:
 * facts only join, so a path around a cycle adds nothing its entry did not. Results computed while a key
 * further up the stack was still open are not stored (they may miss that key's contributions); the open
 * key's own result is, once it closes (the lowlink idea of Tarjan's SCC algorithm). So every key is computed
 * once in the common case and nothing stale is ever memoised.
 */
export function createSolver(): <K>(memo: Memo<K>, key: K, compute: () => Fact) => Fact {
  let depth = 0;
  let low = Infinity;
  return <K>(memo: Memo<K>, key: K, compute: () => Fact): Fact => {
    const hit = memo.done.get(key);
    if (hit !== undefined) return hit;
    const open = memo.active.get(key);
    if (open !== undefined) {
      if (open < low) low = open;
      return CONSTANT;
    }
    if (depth >= MAX_DEPTH) return UNKNOWN;
    const mine = depth++;
    memo.active.set(key, mine);
    const outerLow = low;
    low = Infinity;
    let fact: Fact;
    try {
      fact = compute();
    } finally {
      memo.active.delete(key);
      depth--;
    }
    if (low >= mine) {
      memo.done.set(key, fact);
      low = outerLow;
    } else {
      low = Math.min(outerLow, low);
    }
    return fact;
  };
}
