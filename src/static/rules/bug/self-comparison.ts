import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { StaticRule } from '../../rule.js';

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
        if (!isPlainReference(node.left) || !sameReference(node.left, node.right)) return;
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

/**
 * The same reference written twice (`o.x .y` and `o.x.y` alike), compared on the tree: reading the source text
 * for every comparison would split every file into lines.
 */
function sameReference(a: TSESTree.Node, b: TSESTree.Node): boolean {
  if (a.type === 'Identifier') return b.type === 'Identifier' && a.name === b.name;
  if (a.type === 'ThisExpression') return b.type === 'ThisExpression';
  if (a.type !== 'MemberExpression' || b.type !== 'MemberExpression' || a.computed !== b.computed) return false;
  const p = a.property;
  const q = b.property;
  const sameProperty =
    (p.type === 'Identifier' && q.type === 'Identifier' && p.name === q.name) ||
    (p.type === 'Literal' && q.type === 'Literal' && p.value === q.value);
  return sameProperty && sameReference(a.object, b.object);
}
