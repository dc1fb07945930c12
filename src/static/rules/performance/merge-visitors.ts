import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { RuleVisitor } from '../../rule.js';

type AnyHandler = (node: TSESTree.Node) => void;

/**
 * One visitor that runs `outer`'s handlers around `inner`'s: `outer` first on the way in and last on the way
 * out, so a tracker's state (a stack) is up to date whenever the rule's own handlers read it.
 */
export function mergeVisitors(outer: RuleVisitor, inner: RuleVisitor): RuleVisitor {
  const merged: Record<string, AnyHandler> = { ...(outer as Record<string, AnyHandler>) };
  for (const [key, handler] of Object.entries(inner as Record<string, AnyHandler>)) {
    const first = merged[key];
    if (first === undefined) merged[key] = handler;
    else if (key.endsWith(':exit'))
      merged[key] = (node) => {
        handler(node);
        first(node);
      };
    else
      merged[key] = (node) => {
        first(node);
        handler(node);
      };
  }
  return merged as RuleVisitor;
}
