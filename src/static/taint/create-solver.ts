import { CONSTANT, UNKNOWN, type Fact } from './fact.js';

/** Deeper than this, a value is given up as unknown rather than risk the call stack on generated code. */
const MAX_DEPTH = 500;
/** Rounds of a cycle before its current values are accepted (facts only grow, so a few always suffice). */
const MAX_ROUNDS = 12;

/** One open computation; once closed inside a cycle, `next` points at the computation it waited for. */
interface Frame {
  readonly depth: number;
  open: boolean;
  next: Frame | null;
}

/** A memo table of the solver: final results, keys being computed, and results still inside an open cycle. */
export interface Memo<K> {
  readonly done: Map<K, Fact>;
  readonly active: Map<K, Frame>;
  readonly provisional: Map<K, { fact: Fact; frame: Frame }>;
}

/** A new memo table. */
export function createMemo<K>(): Memo<K> {
  return { done: new Map(), active: new Map(), provisional: new Map() };
}

/**
 * Memoised, cycle-safe evaluation for the lazy taint resolver. Values form cycles (`a = b; b = a`, a parser
 * whose functions all read and write one position variable, recursive wrappers); a key met again while it is
 * being computed gives its value so far (bottom at first). As in Tarjan's SCC algorithm, a result that waited
 * on a key still open further up is provisional: it is kept, so the rest of the cycle reuses it instead of
 * recomputing it (which would be exponential), and it becomes final with the key that opened the cycle. That
 * key is computed again, its callers now seeing its previous value, until the value stops changing; facts only
 * grow and the lattice is small, so this takes a round or two. Every key is then computed once per round.
 */
export function createSolver(): <K>(memo: Memo<K>, key: K, compute: () => Fact) => Fact {
  let depth = 0;
  /** The shallowest open computation the current one depends on, or null. */
  let low: Frame | null = null;
  /** Provisional results, in the order they were made, so a cycle's can be finalised or dropped together. */
  const trail: Array<{ memo: Memo<unknown>; key: unknown }> = [];

  const dependOn = (f: Frame): void => {
    const open = effective(f);
    if (open !== null && (low === null || open.depth < low.depth)) low = open;
  };

  return <K>(memo: Memo<K>, key: K, compute: () => Fact): Fact => {
    const hit = memo.done.get(key);
    if (hit !== undefined) return hit;
    const active = memo.active.get(key);
    if (active !== undefined) {
      dependOn(active);
      return memo.provisional.get(key)?.fact ?? CONSTANT;
    }
    const provisional = memo.provisional.get(key);
    if (provisional !== undefined) {
      dependOn(provisional.frame);
      return provisional.fact;
    }
    if (depth >= MAX_DEPTH) return UNKNOWN;
    const frame: Frame = { depth: depth++, open: true, next: null };
    const outerLow = low;
    const mark = trail.length;
    memo.active.set(key, frame);
    let fact: Fact;
    let waited: Frame | null;
    try {
      for (let round = 0; ; round++) {
        low = null;
        fact = compute();
        waited = low === null ? null : effective(low);
        if (waited !== frame) break;
        const seen = memo.provisional.get(key)?.fact ?? CONSTANT;
        if (sameFact(seen, fact) || round >= MAX_ROUNDS) break;
        // This round's provisional results assumed `seen` for this key: drop them and go again with `fact`.
        for (const e of trail.splice(mark)) e.memo.provisional.delete(e.key);
        memo.provisional.set(key, { fact, frame });
      }
    } finally {
      memo.active.delete(key);
      memo.provisional.delete(key);
      depth--;
      frame.open = false;
    }
    if (waited === null || waited === frame) {
      memo.done.set(key, fact);
      for (let i = mark; i < trail.length; i++) {
        const e = trail[i]!;
        e.memo.done.set(e.key, e.memo.provisional.get(e.key)!.fact);
        e.memo.provisional.delete(e.key);
      }
      trail.length = mark;
      low = outerLow;
    } else {
      frame.next = waited;
      memo.provisional.set(key, { fact, frame: waited });
      trail.push({ memo: memo as Memo<unknown>, key });
      low = outerLow;
      dependOn(waited);
    }
    return fact;
  };
}

/** The open computation a frame stands for now (following closed frames to what they waited for), or null. */
function effective(f: Frame): Frame | null {
  let r = f;
  while (!r.open && r.next !== null) r = r.next;
  // Path compression: later lookups from f jump straight there.
  for (let c = f; c !== r; ) {
    const n = c.next!;
    c.next = r;
    c = n;
  }
  return r.open ? r : null;
}

function sameFact(a: Fact, b: Fact): boolean {
  if (a === b) return true;
  if (a.taint !== b.taint || a.unknown !== b.unknown) return false;
  if (a.params === b.params) return true;
  if (a.params === null || b.params === null || a.params.size !== b.params.size) return false;
  for (const [p, safe] of a.params) if (b.params.get(p) !== safe) return false;
  return true;
}
