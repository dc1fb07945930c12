import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { ParentOf } from '../../../traverse.js';

/** A function node: declaration, expression or arrow. */
export type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

/** True for function declarations, expressions and arrows. */
export function isFunctionNode(node: TSESTree.Node): node is FunctionNode {
  return node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression';
}

/** The nearest function around `node` (not `node` itself), or the program when there is none. */
export function enclosingFunction(node: TSESTree.Node, parent: ParentOf): FunctionNode | TSESTree.Program {
  let n = parent(node);
  while (n) {
    if (isFunctionNode(n) || n.type === 'Program') return n;
    n = parent(n);
  }
  throw new Error('enclosingFunction: node is not in the file `parent` answers for (pass the `ctx.parent` of the file the node was parsed from)');
}
