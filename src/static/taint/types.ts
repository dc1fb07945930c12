import type { TSESTree } from '@typescript-eslint/typescript-estree';

/**
 * How much an expression's value can be trusted:
 * - `tainted`: it flows from user input (a known source), through assignments, templates, concatenation,
 *   properties or simple wrappers;
 * - `unknown`: not a constant and not traced to a source (a parameter, a call result, an import);
 * - `constant`: fixed at write time.
 */
export type TaintKind = 'tainted' | 'unknown' | 'constant';

export interface TaintVerdict {
  kind: TaintKind;
  /** For `tainted`: the source as written, e.g. `req.query.id` or `process.argv`. */
  source?: string;
}

/** Answers taint questions about expressions of the file being analysed. */
export interface TaintQuery {
  /**
   * The taint of `node`. Complete only once the whole file has been traversed (assignments after a use,
   * hoisted functions): call it from a `ctx.atEnd` callback.
   */
  of(node: TSESTree.Node): TaintVerdict;
}

/**
 * The engine's side of taint tracking: it sees every node on the way in and out of the one traversal
 * (before the rules do), collecting the facts `query` resolves.
 */
export interface TaintTracker {
  enter(node: TSESTree.Node): void;
  leave(node: TSESTree.Node): void;
  query: TaintQuery;
}
