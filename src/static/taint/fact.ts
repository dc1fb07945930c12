import type { Binding } from './binding.js';
import type { SinkKind, TaintVerdict } from './types.js';

/** One bit per sink class: a contribution's `safe` mask says for which sinks a sanitiser already made it harmless. */
const SINK_BITS: Readonly<Record<SinkKind, number>> = {
  code: 1,
  command: 2,
  sql: 4,
  nosql: 8,
  html: 16,
  path: 32,
  redirect: 64,
  url: 128,
  prototype: 256,
};

/** Every sink class: a sanitiser with this mask (parseInt, Number, ...) makes a value constant. */
export const ALL_SINKS = 511;

/** The bit of a sink class (0 for "no particular sink": then only sanitisers for every sink count). */
export function sinkBit(sink: SinkKind | undefined): number {
  return sink === undefined ? 0 : SINK_BITS[sink];
}

/** The mask of several sink classes. */
export function sinkMask(...sinks: SinkKind[]): number {
  let mask = 0;
  for (const s of sinks) mask |= SINK_BITS[s];
  return mask;
}

/**
 * What the resolver knows about a value: which kinds of contributions reach it, each with the sinks it has
 * been sanitised for (-1: no such contribution). `params` are parameters of enclosing functions the value
 * depends on, kept symbolic so a wrapper's summary can substitute its arguments at each call.
 */
export interface Fact {
  readonly taint: number;
  readonly source: string | undefined;
  readonly unknown: number;
  readonly params: ReadonlyMap<Binding, number> | null;
}

/** A value fixed at write time (or sanitised for every sink). Also the bottom of the lattice. */
export const CONSTANT: Fact = { taint: -1, source: undefined, unknown: -1, params: null };
/** A value of unknown origin, not sanitised. */
export const UNKNOWN: Fact = { taint: -1, source: undefined, unknown: 0, params: null };

/** User input from `source` (as written), already safe for the sinks in `safe`. */
export function taintedFact(source: string, safe = 0): Fact {
  return { taint: safe, source, unknown: -1, params: null };
}

/** The value of parameter `binding`, to be substituted at each call (or closed as unknown). */
export function paramFact(binding: Binding): Fact {
  return { taint: -1, source: undefined, unknown: -1, params: new Map([[binding, 0]]) };
}

/** A value that may be either `a` or `b` (or built from both): a sink is safe only if it is safe for both. */
export function joinFacts(a: Fact, b: Fact): Fact {
  if (a === b || b === CONSTANT) return a;
  if (a === CONSTANT) return b;
  let params = a.params;
  if (b.params !== null) {
    if (params === null) params = b.params;
    else {
      const merged = new Map(params);
      for (const [p, safe] of b.params) {
        const old = merged.get(p);
        merged.set(p, old === undefined ? safe : old & safe);
      }
      params = merged;
    }
  }
  return {
    taint: meet(a.taint, b.taint),
    source: a.taint >= 0 ? a.source : b.source,
    unknown: meet(a.unknown, b.unknown),
    params,
  };
}

/** `fact` after a sanitiser that makes it safe for the sinks in `mask`. */
export function sanitizeFact(fact: Fact, mask: number): Fact {
  if (mask === ALL_SINKS) return CONSTANT;
  if (fact === CONSTANT || mask === 0) return fact;
  return {
    taint: fact.taint < 0 ? -1 : fact.taint | mask,
    source: fact.source,
    unknown: fact.unknown < 0 ? -1 : fact.unknown | mask,
    params: fact.params === null ? null : new Map([...fact.params].map(([p, safe]) => [p, safe | mask])),
  };
}

/** `fact` after an operation that undoes the sanitising for `mask` (`JSON.parse` turns a string back into an object). */
export function unsanitizeFact(fact: Fact, mask: number): Fact {
  if (fact === CONSTANT) return fact;
  const keep = ~mask;
  return {
    taint: fact.taint < 0 ? -1 : fact.taint & keep,
    source: fact.source,
    unknown: fact.unknown < 0 ? -1 : fact.unknown & keep,
    params: fact.params === null ? null : new Map([...fact.params].map(([p, safe]) => [p, safe & keep])),
  };
}

/** `fact` without its symbolic parameters (what is known whatever the arguments). */
export function withoutParams(fact: Fact): Fact {
  if (fact.params === null) return fact;
  if (fact.taint < 0 && fact.unknown < 0) return CONSTANT;
  return { taint: fact.taint, source: fact.source, unknown: fact.unknown, params: null };
}

/** The verdict for a closed fact (no symbolic parameters left) reaching a sink with bit `bit`. */
export function verdictOf(fact: Fact, bit: number): TaintVerdict {
  if (fact.taint >= 0 && (fact.taint & bit) === 0) return { kind: 'tainted', source: fact.source ?? 'user input' };
  if (fact.unknown >= 0 && (fact.unknown & bit) === 0) return { kind: 'unknown' };
  if (fact.params !== null) for (const safe of fact.params.values()) if ((safe & bit) === 0) return { kind: 'unknown' };
  return { kind: 'constant' };
}

/** Sinks safe for both sides; a missing side (-1) does not restrict. */
function meet(a: number, b: number): number {
  if (a < 0) return b;
  if (b < 0) return a;
  return a & b;
}
