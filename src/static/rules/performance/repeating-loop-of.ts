import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { ParentOf } from '../../traverse.js';
import { isIterationCallback } from './is-iteration-callback.js';

/** A loop statement, or (with `callbacks`) a function an iteration method calls once per element. */
export type RepeatingNode =
  | TSESTree.ForStatement
  | TSESTree.ForInStatement
  | TSESTree.ForOfStatement
  | TSESTree.WhileStatement
  | TSESTree.DoWhileStatement
  | TSESTree.FunctionExpression
  | TSESTree.ArrowFunctionExpression;

/**
 * The innermost loop that evaluates `node` once per iteration, found by walking up its ancestors to the enclosing
 * function: null outside loops. The once-evaluated parts (a `for...of` iterable, a `for` initialiser) do not count.
 * With `callbacks`, a function passed to `forEach`/`map`/`filter`/... is itself the loop; any other function ends
 * the search. For rules whose candidates are rare (a database call, a blocking call): a walk per candidate costs
 * less than keeping a stack through every node of every file.
 */
export function repeatingLoopOf(node: TSESTree.Node, callbacks: boolean, parent: ParentOf): RepeatingNode | null {
  let child: TSESTree.Node = node;
  let n: TSESTree.Node | undefined = parent(node);
  while (n) {
    switch (n.type) {
      case 'ForOfStatement':
      case 'ForInStatement':
        if (child !== n.right) return n;
        break;
      case 'ForStatement':
        if (child !== n.init) return n;
        break;
      case 'WhileStatement':
      case 'DoWhileStatement':
        return n;
      case 'FunctionDeclaration':
        return null;
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
        return callbacks && isIterationCallback(n, parent) ? n : null;
      default:
        break;
    }
    child = n;
    n = parent(n);
  }
  return null;
}
