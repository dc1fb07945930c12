import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { StaticRule } from '../../rule.js';

type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

/** `array.forEach(async (x) => { await ... })`: forEach does not wait, so the work runs unawaited. */
export const awaitInForEach: StaticRule = {
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
    // One flag per open function: set by an await of its own (not one in a nested function).
    const awaits: boolean[] = [];
    const enter = (): void => {
      awaits.push(false);
    };
    const leave = (fn: FunctionNode): void => {
      if (!awaits.pop() || !fn.async) return;
      const call = fn.parent;
      if (call?.type !== 'CallExpression' || call.arguments[0] !== fn) return;
      const callee = call.callee;
      if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return;
      if (callee.property.name !== 'forEach') return;
      ctx.report({
        node: call,
        message:
          '`forEach` does not wait for an async callback: the code after this loop runs before the awaited work finishes, and a rejection is unhandled. Use `for...of` with `await`, or `await Promise.all(items.map(...))`.',
      });
    };
    const mark = (): void => {
      if (awaits.length > 0) awaits[awaits.length - 1] = true;
    };
    return {
      FunctionDeclaration: enter,
      FunctionExpression: enter,
      ArrowFunctionExpression: enter,
      'FunctionDeclaration:exit': leave,
      'FunctionExpression:exit': leave,
      'ArrowFunctionExpression:exit': leave,
      AwaitExpression: mark,
      ForOfStatement(node) {
        if (node.await) mark();
      },
    };
  },
};
