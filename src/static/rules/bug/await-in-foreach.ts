import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { StaticRule } from '../../rule.js';
import type { ParentOf } from '../../traverse.js';

type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

/** `array.forEach(async (x) => { await ... })`: forEach does not wait, so the work runs unawaited. */
export const awaitInForEach: StaticRule = {
  // Necessary for any finding: every finding holds an `await` (keywords cannot be escaped).
  needs: ['await'],
  doc: {
    id: 'await-in-foreach',
    title: '`await` inside `forEach`',
    severity: 'high',
    category: 'bug',
    help:
      '`forEach` ignores the promises its callback returns: the loop finishes before the awaited work does, ' +
      'and rejections become unhandled. Use `for (const x of items) { await ... }` for sequential work or ' +
      '`await Promise.all(items.map(async (x) => ...))` for parallel work.',
  },
  create(ctx) {
    // Made on the first report: most files have none.
    let reported: Set<TSESTree.Node> | null = null;
    // Awaits are rare next to functions: walking up from each await to its function costs less than a
    // function stack kept through every file.
    const check = (node: TSESTree.Node): void => {
      const fn = enclosingFunction(node, ctx.parent);
      if (!fn?.async) return;
      const call = ctx.parent(fn);
      if (call?.type !== 'CallExpression' || call.arguments[0] !== fn || reported?.has(call)) return;
      const callee = call.callee;
      if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return;
      if (callee.property.name !== 'forEach') return;
      (reported ??= new Set()).add(call);
      ctx.report({
        node: call,
        message:
          '`forEach` does not wait for an async callback: the code after this loop runs before the awaited work finishes, and a rejection is unhandled. Use `for...of` with `await`, or `await Promise.all(items.map(...))`.',
      });
    };
    return {
      AwaitExpression: check,
      ForOfStatement(node) {
        if (node.await) check(node);
      },
    };
  },
};

function enclosingFunction(node: TSESTree.Node, parent: ParentOf): FunctionNode | null {
  for (let n = parent(node); n; n = parent(n)) {
    if (n.type === 'FunctionDeclaration' || n.type === 'FunctionExpression' || n.type === 'ArrowFunctionExpression') return n;
  }
  return null;
}
