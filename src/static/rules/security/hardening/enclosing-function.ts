import type { TSESTree } from '@typescript-eslint/typescript-estree';

/** A function node: declaration, expression or arrow. */
export type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

/** True for function declarations, expressions and arrows. */
export function isFunctionNode(node: TSESTree.Node): node is FunctionNode {
  return node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression';
}

/** The nearest function around `node` (not `node` itself), or the program when there is none. */
export function enclosingFunction(node: TSESTree.Node): FunctionNode | TSESTree.Program {
  let n = node.parent;
  while (n) {
    if (isFunctionNode(n) || n.type === 'Program') return n;
    n = n.parent;
  }
  throw new Error('enclosingFunction: node is not attached to a program (was it reached by the traversal?)');
}
