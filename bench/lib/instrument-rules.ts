import { performance } from 'node:perf_hooks';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { RuleContext, RuleVisitor, StaticRule } from '../../src/static/rule.js';

/** Rules wrapped so that each one's own time is summed; the maps are keyed by rule id. */
export interface InstrumentedRules {
  rules: StaticRule[];
  /** Milliseconds spent in each rule's `create`, handlers and `atEnd` callbacks (taint queries included). */
  selfMs: Map<string, number>;
  /** Timed calls per rule (create + handler calls + atEnd callbacks). */
  calls: Map<string, number>;
  /** What the clock adds to `selfMs` per timed call, measured on a function that does nothing. */
  overheadMsPerCall: number;
}

type AnyHandler = (node: TSESTree.Node) => void;

/**
 * Wraps every rule so the time spent in its code is attributed to it. The clock reads add a little to
 * every call; `overheadMsPerCall` measures how much, so a caller can subtract `calls * overheadMsPerCall`.
 * The uninstrumented runs give the totals; these figures say which rules the total goes to.
 */
export function instrumentRules(rules: readonly StaticRule[]): InstrumentedRules {
  const selfMs = new Map<string, number>(rules.map((r) => [r.doc.id, 0]));
  const calls = new Map<string, number>(rules.map((r) => [r.doc.id, 0]));
  const timed =
    <A extends unknown[], R>(id: string, fn: (...args: A) => R): ((...args: A) => R) =>
    (...args) => {
      const start = performance.now();
      try {
        return fn(...args);
      } finally {
        selfMs.set(id, selfMs.get(id)! + performance.now() - start);
        calls.set(id, calls.get(id)! + 1);
      }
    };
  const wrapped = rules.map(
    (rule): StaticRule => ({
      doc: rule.doc,
      create(ctx: RuleContext): RuleVisitor {
        const inner: RuleContext = Object.create(ctx) as RuleContext;
        inner.atEnd = (fn) => ctx.atEnd(timed(rule.doc.id, fn));
        const visitor = timed(rule.doc.id, () => rule.create(inner))();
        const out: Record<string, AnyHandler> = {};
        for (const [key, handler] of Object.entries(visitor as Record<string, AnyHandler>)) out[key] = timed(rule.doc.id, handler);
        return out as RuleVisitor;
      },
    }),
  );
  return { rules: wrapped, selfMs, calls, overheadMsPerCall: calibrate() };
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
