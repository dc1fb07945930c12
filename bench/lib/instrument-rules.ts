import { performance } from 'node:perf_hooks';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { RuleContext, RuleVisitor, StaticRule } from '../../src/static/rule.js';
import type { TaintQuery } from '../../src/static/taint/types.js';

/** Rules wrapped so that each one's own time is summed; the maps are keyed by rule id. */
export interface InstrumentedRules {
  rules: StaticRule[];
  /** Milliseconds spent in each rule's `create`, handlers and `atEnd` callbacks, taint queries excluded. */
  selfMs: Map<string, number>;
  /** Timed calls per rule (create + handler calls + atEnd callbacks). */
  calls: Map<string, number>;
  /** Milliseconds spent answering the rules' taint queries (the tracker's resolver), and how many there were. */
  taint: { ms: number; calls: number };
  /** What the clock adds to a measurement per timed call, measured on a function that does nothing. */
  overheadMsPerCall: number;
}

type AnyHandler = (node: TSESTree.Node) => void;
type AnyFn = (...args: never[]) => unknown;

/**
 * Wraps every rule so the time spent in its code is attributed to it, and the time its taint queries take
 * to the taint tracker instead (the first query of a file builds the resolver: charging that to whichever
 * rule asked first would blame the wrong owner). The clock reads add a little to every call;
 * `overheadMsPerCall` says how much, so a caller can subtract it. These figures say where the time goes;
 * the uninstrumented runs give the totals.
 */
export function instrumentRules(rules: readonly StaticRule[]): InstrumentedRules {
  const selfMs = new Map<string, number>(rules.map((r) => [r.doc.id, 0]));
  const calls = new Map<string, number>(rules.map((r) => [r.doc.id, 0]));
  const taint = { ms: 0, calls: 0 };
  const timed =
    <A extends unknown[], R>(id: string, fn: (...args: A) => R): ((...args: A) => R) =>
    (...args) => {
      const start = performance.now();
      const taintBefore = taint.ms;
      try {
        return fn(...args);
      } finally {
        selfMs.set(id, selfMs.get(id)! + performance.now() - start - (taint.ms - taintBefore));
        calls.set(id, calls.get(id)! + 1);
      }
    };
  const timedQuery = (query: TaintQuery): TaintQuery => {
    const out: Record<string, AnyFn> = {};
    for (const [name, fn] of Object.entries(query as unknown as Record<string, AnyFn>)) {
      out[name] = (...args) => {
        const start = performance.now();
        try {
          return fn.apply(query, args);
        } finally {
          taint.ms += performance.now() - start;
          taint.calls++;
        }
      };
    }
    return out as unknown as TaintQuery;
  };
  const wrapped = rules.map(
    (rule): StaticRule => ({
      doc: rule.doc,
      ...(rule.needs === undefined ? {} : { needs: rule.needs }),
      create(ctx: RuleContext): RuleVisitor {
        // A prototype chain, not a spread: the engine's `lines` is a lazy getter that a copy would trigger.
        const inner = Object.create(ctx) as RuleContext;
        inner.atEnd = (fn) => ctx.atEnd(timed(rule.doc.id, fn));
        inner.taint = timedQuery(ctx.taint);
        const visitor = timed(rule.doc.id, () => rule.create(inner))();
        const out: Record<string, AnyHandler> = {};
        for (const [key, handler] of Object.entries(visitor as Record<string, AnyHandler>)) out[key] = timed(rule.doc.id, handler);
        return out as RuleVisitor;
      },
    }),
  );
  return { rules: wrapped, selfMs, calls, taint, overheadMsPerCall: calibrate() };
}

/** Times a no-op the way the wrapper times a handler, a million times, and returns what it records per call. */
function calibrate(): number {
  const noop = (): void => undefined;
  const n = 1_000_000;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    try {
      noop();
    } finally {
      total += performance.now() - start;
    }
  }
  return total / n;
}
