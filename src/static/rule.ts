import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { Category, Severity } from '../findings/finding.js';
import type { RuleDoc } from '../findings/rule-doc.js';
import type { TaintQuery } from './taint/types.js';
import type { ParentOf } from './traverse.js';

type NodeType = TSESTree.Node['type'];
type Handler<K extends NodeType> = (node: Extract<TSESTree.Node, { type: K }>) => void;

/**
 * Handlers keyed by ESTree node type, called on the way into a node during the one traversal, and
 * `"<Type>:exit"` handlers called on the way out (as in ESLint). Nodes do not carry `parent`: ask `ctx.parent`.
 *
 * A handler for a common type (calls, assignments, properties) runs thousands of times per file, mostly to
 * return at its first test. Keep closures out of it: a function that creates a closure capturing its locals
 * makes V8 allocate a context object on every call, even one that returns at once. Test first, then hand the
 * node to a function made in `create` that holds the `ctx.atEnd(() => ...)` callbacks.
 */
export type RuleVisitor = { [K in NodeType]?: Handler<K> } & { [K in NodeType as `${K}:exit`]?: Handler<K> };

/** What a rule reports; the engine turns it into a RawFinding. */
export interface RuleReport {
  node: TSESTree.Node;
  /** Defaults to the rule's title. */
  title?: string;
  message: string;
  /** Defaults to the rule's severity (after config overrides). */
  severity?: Severity;
  category?: Category;
  /** 0..1; defaults to 0.9 for deterministic rules. */
  confidence?: number;
  /** Replacement text for the node's full lines (line..endLine), without a trailing newline. */
  suggestion?: string;
}

/** What a rule sees of the file being analysed. */
export interface RuleContext {
  path: string;
  /** The file's lines; index 0 is line 1. */
  lines: readonly string[];
  /** The severity in force for this rule (after config overrides). */
  severity: Severity;
  report(report: RuleReport): void;
  /** Runs `fn` once the whole file has been traversed: when taint facts are complete. */
  atEnd(fn: () => void): void;
  /** Where values come from; ask it from `atEnd` callbacks. */
  taint: TaintQuery;
  /**
   * The parent of a node of this file (undefined for the Program). Cheapest for the node being visited and its
   * ancestors; answered for any node, during the walk and in `atEnd` callbacks.
   */
  parent: ParentOf;
}

/** A static rule: its documentation and a factory for its visitor (called once per file). */
export interface StaticRule {
  doc: RuleDoc;
  /**
   * Words (case-sensitive) of which the file's text must hold at least one for this rule to find anything
   * there: the names its sinks cannot do without (`['jwt', 'jose', 'jsonwebtoken']`). The engine does not
   * create the rule for a file without any of them, so they must be a necessary condition of every finding,
   * never a guess; leave `needs` out when any file can hold a finding. (Semgrep skips rules by required
   * strings the same way.)
   */
  needs?: readonly string[];
  create(ctx: RuleContext): RuleVisitor;
}
