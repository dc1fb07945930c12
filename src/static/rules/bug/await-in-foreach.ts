import { containsOwnAwait } from '../../ast-helpers.js';
import type { StaticRule } from '../../rule.js';

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
    return {
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return;
        if (callee.property.name !== 'forEach') return;
        const fn = node.arguments[0];
        if (!fn || (fn.type !== 'ArrowFunctionExpression' && fn.type !== 'FunctionExpression') || !fn.async) return;
        if (!containsOwnAwait(fn)) return;
        ctx.report({
          node,
          message:
            '`forEach` does not wait for an async callback: the code after this loop runs before the awaited work finishes, and a rejection is unhandled. Use `for...of` with `await`, or `await Promise.all(items.map(...))`.',
        });
      },
    };
  },
};
