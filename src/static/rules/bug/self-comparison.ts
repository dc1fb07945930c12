import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { StaticRule } from '../../rule.js';
import { sourceText } from './source-text.js';

const COMPARISONS = new Set(['===', '==', '!==', '!=', '<', '<=', '>', '>=']);

/** `x === x` and friends: always true or always false, almost always a typo. */
export const selfComparison: StaticRule = {
  doc: {
    id: 'self-comparison',
    title: 'Comparison of a value with itself',
    severity: 'medium',
    category: 'bug',
    help:
      'Comparing a value with itself is always true (or always false), so the condition does not test what ' +
      'it appears to; usually one side was meant to be another variable. To test for NaN use `Number.isNaN(x)`.',
  },
  create(ctx) {
    return {
      BinaryExpression(node) {
        if (!COMPARISONS.has(node.operator)) return;
        if (node.left.type === 'PrivateIdentifier') return;
        if (!isPlainReference(node.left) || !sameText(ctx.lines, node.left, node.right)) return;
        ctx.report({
          node,
          message: `Both sides of \`${node.operator}\` are the same expression, so the result never depends on the data. Compare against the value you meant (for NaN, use \`Number.isNaN()\`).`,
        });
      },
    };
  },
};

/** Identifiers and member chains: comparing calls like `rand() === rand()` is legitimate. */
function isPlainReference(node: TSESTree.Node): boolean {
  if (node.type === 'Identifier' || node.type === 'ThisExpression') return true;
  if (node.type === 'MemberExpression') return isPlainReference(node.object) && (!node.computed || node.property.type === 'Literal');
  return false;
}

function sameText(lines: readonly string[], a: TSESTree.Node, b: TSESTree.Node): boolean {
  return sourceText(lines, a).replace(/\s+/g, '') === sourceText(lines, b).replace(/\s+/g, '');
}
