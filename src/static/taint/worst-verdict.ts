import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { SinkKind, TaintQuery, TaintVerdict } from './types.js';

const RANK = { constant: 0, unknown: 1, tainted: 2 } as const;

/** The least trustworthy of several values reaching one sink, with the value it belongs to (null when none). */
export function worstVerdict(
  taint: TaintQuery,
  values: readonly (TSESTree.Node | null | undefined)[],
  sink: SinkKind,
): { verdict: TaintVerdict; value: TSESTree.Node } | null {
  let worst: { verdict: TaintVerdict; value: TSESTree.Node } | null = null;
  for (const value of values) {
    if (value === null || value === undefined) continue;
    const node = value.type === 'SpreadElement' ? value.argument : value;
    const verdict = taint.of(node, sink);
    if (worst === null || RANK[verdict.kind] > RANK[worst.verdict.kind]) worst = { verdict, value: node };
    if (verdict.kind === 'tainted') break;
  }
  return worst;
}
