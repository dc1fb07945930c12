import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { Category, Severity } from '../findings/finding.js';
import type { RuleDoc } from '../findings/rule-doc.js';

/** Handlers keyed by ESTree node type, each called with a node of that type during the one traversal. */
export type RuleVisitor = {
  [K in TSESTree.Node['type']]?: (node: Extract<TSESTree.Node, { type: K }>) => void;
};

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
  /** Replacement text for the node's full lines. */
  suggestion?: string;
}

/** What a rule sees of the file being analysed. */
export interface RuleContext {
  path: string;
  /** The file's lines; index 0 is line 1. */
  lines: readonly string[];
  report(report: RuleReport): void;
}

/** A static rule: its documentation and a factory for its visitor (called once per file). */
export interface StaticRule {
  doc: RuleDoc;
  create(ctx: RuleContext): RuleVisitor;
}
